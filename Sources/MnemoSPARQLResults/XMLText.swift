/// XML 1.0 escaping for the XML results writer.
enum XMLText {
    /// Escapes character data: `&`, `<`, `>`, and CR (which XML parsers would
    /// otherwise fold into LF). Control characters that XML 1.0 forbids even as
    /// references are written as character references all the same (XML 1.1
    /// allows them); there is no other way to carry them, and XML 1.0 readers
    /// will reject the document.
    static func text(_ s: String) -> String { escape(s, attribute: false) }

    /// Escapes an attribute value for double quotes; also TAB, LF and CR,
    /// which attribute-value normalization would otherwise turn into spaces.
    static func attribute(_ s: String) -> String { escape(s, attribute: true) }

    private static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\r": out += "&#xD;"
            case "\n" where attribute: out += "&#xA;"
            case "\t" where attribute: out += "&#x9;"
            case "\n", "\t": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF {
                    out += "&#x" + String(u.value, radix: 16, uppercase: true) + ";"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }
}
