/// A malformed result document: which format, where (line and column, both
/// from 1, the column counted in Unicode scalars; and the byte offset from 0
/// when known) and why.
public struct ResultsParseError: Error, Equatable, CustomStringConvertible {
    /// `json`, `xml`, `csv` or `tsv`.
    public var format: String
    /// The byte offset of the problem, when the reader knows it.
    public var offset: Int?
    /// The line of the problem, from 1.
    public var line: Int
    /// The column of the problem, from 1.
    public var column: Int
    /// What is wrong.
    public var message: String

    public init(format: String, offset: Int?, line: Int, column: Int, message: String) {
        self.format = format
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
    }

    /// An error at byte `offset` of `bytes`, with its line and column worked out.
    init(format: String, at offset: Int, in bytes: [UInt8], _ message: String) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1, lineStart = 0
        for i in 0..<end where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        // Columns count scalars: every byte that is not a UTF-8 continuation byte.
        let column = 1 + bytes[lineStart..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        self.init(format: format, offset: end, line: line, column: column, message: message)
    }

    public var description: String {
        let at = offset.map { " (byte \($0))" } ?? ""
        return "\(format) results, line \(line), column \(column)\(at): \(message)"
    }
}

enum UTF8Check {
    /// The offset of the first byte that is not well-formed UTF-8, or nil.
    static func firstInvalid(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let len: Int, min: UInt32
            var v: UInt32
            switch b {
            case 0xC2...0xDF: len = 2; v = UInt32(b & 0x1F); min = 0x80
            case 0xE0...0xEF: len = 3; v = UInt32(b & 0x0F); min = 0x800
            case 0xF0...0xF4: len = 4; v = UInt32(b & 0x07); min = 0x10000
            default: return i
            }
            guard i + len <= n else { return i }
            for k in 1..<len {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                v = v << 6 | UInt32(c & 0x3F)
            }
            if v < min || v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { return i }
            i += len
        }
        return nil
    }

    /// The bytes without a leading UTF-8 byte-order mark.
    static func droppingBOM(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }
}
