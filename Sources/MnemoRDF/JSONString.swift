/// JSON string literals (RFC 8259, section 7), for every writer of JSON:
/// SPARQL JSON results, JSON-LD, ingest reports.
public enum JSONString {
    /// Appends `s` as a JSON string literal, with its quotes. Quotes,
    /// backslashes and control characters are escaped; everything else,
    /// including non-ASCII text, stays as UTF-8. Text with nothing to escape
    /// is appended whole.
    public static func append(_ s: String, to out: inout String) {
        out += "\""
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += s
        } else {
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{08}": out += "\\b"
                case "\u{0C}": out += "\\f"
                default:
                    if u.value < 0x20 {
                        let h = String(u.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                    } else {
                        out.unicodeScalars.append(u)
                    }
                }
            }
        }
        out += "\""
    }

    /// `s` as a JSON string literal, with its quotes.
    public static func quoted(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 2)
        append(s, to: &out)
        return out
    }
}
