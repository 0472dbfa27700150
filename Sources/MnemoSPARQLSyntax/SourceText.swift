/// A query's text as Unicode scalars, after the codepoint escapes `\uXXXX` and
/// `\UXXXXXXXX` have been replaced (SPARQL 1.1 Query, section 19.2: they are
/// processed before parsing, wherever they appear), with the line and column of
/// every scalar in the text as written, for error messages.
///
/// Escapes are replaced in one pass: a `\` produced by an escape never starts
/// another one. As in Java source, a `\` preceded by an odd number of
/// backslashes is itself escaped and does not start a codepoint escape, so the
/// regular expression `"\\u00E9"` keeps its backslash.
struct SourceText {
    private(set) var scalars: [Unicode.Scalar] = []
    /// Line and column (1-based) of each scalar, plus one entry for the end of text.
    private var lines: [Int32] = []
    private var columns: [Int32] = []

    init(_ text: String) throws {
        let source = Array(text.unicodeScalars)
        scalars.reserveCapacity(source.count)
        lines.reserveCapacity(source.count + 1)
        columns.reserveCapacity(source.count + 1)
        var line: Int32 = 1, column: Int32 = 1
        var origin: [(Int32, Int32)] = []   // position of each source scalar
        origin.reserveCapacity(source.count + 1)
        var i = 0
        while i < source.count {
            origin.append((line, column))
            let c = source[i]
            if c == "\n" || (c == "\r" && (i + 1 >= source.count || source[i + 1] != "\n")) {
                line += 1
                column = 1
            } else if c != "\r" {
                column += 1
            }
            i += 1
        }
        origin.append((line, column))

        var backslashes = 0
        i = 0
        while i < source.count {
            let c = source[i]
            if c == "\\", backslashes % 2 == 0, i + 1 < source.count,
               source[i + 1] == "u" || source[i + 1] == "U",
               let (value, length) = Self.hexValue(source, from: i + 2, digits: source[i + 1] == "u" ? 4 : 8) {
                let at = origin[i]
                let written = String(String.UnicodeScalarView(source[i..<(i + 2 + length)]))
                guard let scalar = Unicode.Scalar(value) else {
                    throw SPARQLSyntaxError(line: Int(at.0), column: Int(at.1),
                                            message: Self.badEscapeMessage(written, value: value, source: source, after: i + 2 + length))
                }
                scalars.append(scalar)
                lines.append(at.0)
                columns.append(at.1)
                i += 2 + length
                backslashes = 0
                continue
            }
            scalars.append(c)
            lines.append(origin[i].0)
            columns.append(origin[i].1)
            backslashes = c == "\\" ? backslashes + 1 : 0
            i += 1
        }
        lines.append(origin[source.count].0)
        columns.append(origin[source.count].1)
    }

    /// The 1-based line and column of scalar `index` (the end of text for `index == count`).
    func position(_ index: Int) -> (line: Int, column: Int) {
        let i = min(max(index, 0), lines.count - 1)
        return (Int(lines[i]), Int(columns[i]))
    }

    private static func hexValue(_ s: [Unicode.Scalar], from start: Int, digits: Int) -> (UInt32, Int)? {
        guard start + digits <= s.count else { return nil }
        var value: UInt32 = 0
        for k in start..<(start + digits) {
            guard let h = s[k].hexValue else { return nil }
            value = value << 4 | h
        }
        return (value, digits)
    }

    private static func badEscapeMessage(_ written: String, value: UInt32, source: [Unicode.Scalar], after: Int) -> String {
        if value > 0x10FFFF {
            return "codepoint escape \(written) is beyond U+10FFFF, the last Unicode code point"
        }
        var message = "codepoint escape \(written) is a surrogate code point (U+D800 to U+DFFF), which is not a character"
        if (0xD800...0xDBFF).contains(value), let (low, _) = hexValue(source, from: after + 2, digits: 4),
           after + 1 < source.count, source[after] == "\\", source[after + 1] == "u", (0xDC00...0xDFFF).contains(low) {
            let combined = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            let hex = String(combined, radix: 16, uppercase: true)
            message += "; write the character itself or \\U" + String(repeating: "0", count: 8 - hex.count) + hex
        }
        return message
    }
}
