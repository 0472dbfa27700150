/// N-Triples / N-Quads / Turtle spelling of terms (RDF 1.1 N-Triples, section 7).
extension Term {
    /// The term as written in N-Triples: `<iri>`, `_:label` or a quoted literal.
    public var ntriples: String {
        var out = ""
        writeNTriples(to: &out)
        return out
    }

    /// Appends the N-Triples spelling of the term to `out`.
    public func writeNTriples(to out: inout String) {
        switch self {
        case .iri(let v):
            out += "<"
            NTriples.escapeIRI(v, into: &out)
            out += ">"
        case .blank(let v):
            out += "_:"
            out += v
        case .literal(let l):
            out += "\""
            NTriples.escapeString(l.lexical, into: &out)
            out += "\""
            if let lang = l.language {
                out += "@"
                out += lang
            } else if l.datatype != Vocabulary.xsdString {
                out += "^^<"
                NTriples.escapeIRI(l.datatype, into: &out)
                out += ">"
            }
        }
    }
}

extension Quad {
    /// The quad as one N-Quads line, without the newline.
    public var nquads: String {
        var out = ""
        subject.writeNTriples(to: &out)
        out += " "
        predicate.writeNTriples(to: &out)
        out += " "
        object.writeNTriples(to: &out)
        if let g = graph {
            out += " "
            g.writeNTriples(to: &out)
        }
        out += " ."
        return out
    }
}

/// Escaping rules of the N-Triples family.
public enum NTriples {
    /// Escapes a string for a quoted literal: `\\`, `\"`, `\n`, `\r`, and other
    /// control characters as `\uXXXX`. Everything else is kept as UTF-8.
    public static func escapeString(_ s: String, into out: inout String) {
        // Most text needs no escape: append it whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }) {
            out += s
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    out += "\\u" + hex4(u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
    }

    /// Escapes the characters an IRIREF may not hold as `\uXXXX`.
    public static func escapeIRI(_ s: String, into out: inout String) {
        if !s.utf8.contains(where: needsIRIEscape) {
            out += s
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "<", ">", "\"", "{", "}", "|", "^", "`", "\\", " ":
                out += "\\u" + hex4(u.value)
            default:
                if u.value <= 0x20 { out += "\\u" + hex4(u.value) } else { out.unicodeScalars.append(u) }
            }
        }
    }

    @inline(__always) static func needsIRIEscape(_ b: UInt8) -> Bool {
        switch b {
        case 0...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "\\"):
            return true
        default:
            return false
        }
    }

    private static func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}
