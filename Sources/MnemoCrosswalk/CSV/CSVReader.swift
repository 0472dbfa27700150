import Foundation

/// A streaming RFC 4180 reader: quoted fields with doubled quotes, embedded
/// newlines, CRLF or LF line ends, a UTF-8 byte-order mark, any one-byte
/// delimiter. Rows are handed over one at a time with their line number.
///
/// ```swift
/// try CSVReader(delimiter: ",").read(url: file) { row, line in print(line, row) }
/// ```
public struct CSVReader: Sendable {
    public var delimiter: UInt8

    public init(delimiter: Character = ",") {
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
    }

    /// A malformed row: where and why.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Reads a file in chunks. The handler gets each row and the line it starts on.
    public func read(url: URL, _ handler: ([String], Int) throws -> Void) throws {
        guard let fh = FileHandle(forReadingAtPath: url.path) else {
            throw Failure(line: 0, message: "cannot open \(url.path)")
        }
        defer { try? fh.close() }
        var parser = Parser(delimiter: delimiter)
        while let chunk = try fh.read(upToCount: 1 << 20), !chunk.isEmpty {
            try parser.feed(chunk, handler)
        }
        try parser.finish(handler)
    }

    /// Reads rows held in memory.
    public func read(data: Data, _ handler: ([String], Int) throws -> Void) throws {
        var parser = Parser(delimiter: delimiter)
        try parser.feed(data, handler)
        try parser.finish(handler)
    }

    struct Parser {
        let delimiter: UInt8
        var field: [UInt8] = []
        var row: [String] = []
        var inQuotes = false
        var quoteSeen = false      // a quote just closed (or is an escaped quote's first half)
        var fieldStarted = false
        var line = 1
        var rowLine = 1
        var atStart = true
        var lastWasCR = false

        init(delimiter: UInt8) { self.delimiter = delimiter }

        mutating func endField() throws {
            guard let s = String(validating: field, as: UTF8.self) else {
                throw Failure(line: rowLine, message: "field \(row.count + 1) is not valid UTF-8")
            }
            row.append(s)
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
            quoteSeen = false
        }

        mutating func endRow(_ handler: ([String], Int) throws -> Void) throws {
            try endField()
            if !(row.count == 1 && row[0].isEmpty) { try handler(row, rowLine) }
            row.removeAll(keepingCapacity: true)
            rowLine = line
        }

        mutating func feed(_ data: Data, _ handler: ([String], Int) throws -> Void) throws {
            var bytes = [UInt8](data)
            if atStart {
                atStart = false
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            }
            for b in bytes {
                if b == UInt8(ascii: "\n") && lastWasCR { lastWasCR = false; continue }
                lastWasCR = false
                if inQuotes {
                    if b == UInt8(ascii: "\"") {
                        inQuotes = false
                        quoteSeen = true
                    } else {
                        if b == UInt8(ascii: "\n") { line += 1 }
                        if b == UInt8(ascii: "\r") { line += 1; field.append(UInt8(ascii: "\n")); lastWasCR = true; continue }
                        field.append(b)
                    }
                    continue
                }
                switch b {
                case UInt8(ascii: "\""):
                    if quoteSeen { field.append(b); inQuotes = true; quoteSeen = false }
                    else if !fieldStarted { inQuotes = true; fieldStarted = true }
                    else { throw Failure(line: line, message: "a quote inside an unquoted field (field \(row.count + 1))") }
                case delimiter:
                    try endField()
                case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    line += 1
                    lastWasCR = b == UInt8(ascii: "\r")
                    try endRow(handler)
                default:
                    if quoteSeen { throw Failure(line: line, message: "text after a closing quote (field \(row.count + 1))") }
                    field.append(b)
                    fieldStarted = true
                }
            }
        }

        mutating func finish(_ handler: ([String], Int) throws -> Void) throws {
            if inQuotes { throw Failure(line: rowLine, message: "a quoted field is never closed") }
            if fieldStarted || !row.isEmpty || !field.isEmpty { try endRow(handler) }
        }
    }
}
