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

extension Term {
    /// Appends the N-Triples spelling of the term to a byte buffer (faster
    /// than building a String when writing millions of terms).
    public func appendNTriples(to out: inout [UInt8]) {
        func raw(_ s: String) {
            if let done: Void = s.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) { return done }
            out.append(contentsOf: Array(s.utf8))
        }
        switch self {
        case .iri(let v):
            out.append(UInt8(ascii: "<"))
            if NTriples.anyByte(of: v, in: NTriples.iriEscapes) {
                var e = ""; NTriples.escapeIRI(v, into: &e); raw(e)
            } else { raw(v) }
            out.append(UInt8(ascii: ">"))
        case .blank(let v):
            out.append(UInt8(ascii: "_")); out.append(UInt8(ascii: ":"))
            raw(v)
        case .literal(let l):
            out.append(UInt8(ascii: "\""))
            if NTriples.anyByte(of: l.lexical, in: NTriples.stringEscapes) {
                var e = ""; NTriples.escapeString(l.lexical, into: &e); raw(e)
            } else { raw(l.lexical) }
            out.append(UInt8(ascii: "\""))
            if let lang = l.language {
                out.append(UInt8(ascii: "@"))
                raw(lang)
            } else if l.datatype != Vocabulary.xsdString {
                out.append(UInt8(ascii: "^")); out.append(UInt8(ascii: "^"))
                Term.iri(l.datatype).appendNTriples(to: &out)
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
        if !anyByte(of: s, in: stringEscapes) {
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
        if !anyByte(of: s, in: iriEscapes) {
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

    /// Bytes that force the slow path: for IRIs, controls, space and `<>"{}|^`\`\`;
    /// for strings, controls, DEL, `\` and `"`.
    static let iriEscapes: [Bool] = (0..<256).map { b in b <= 0x20 || "<>\"{}|^`\\".utf8.contains(UInt8(b)) }
    static let stringEscapes: [Bool] = (0..<256).map { b in b < 0x20 || b == 0x7F || b == 0x5C || b == 0x22 }

    /// True when some UTF-8 byte of `s` is marked in `table`: one pass over the
    /// bytes in place (the generic `contains(where:)` over a UTF8View was a
    /// tenth of a crosswalk run's time).
    @inline(__always) static func anyByte(of s: String, in table: [Bool]) -> Bool {
        if let found = s.utf8.withContiguousStorageIfAvailable({ buf in
            table.withUnsafeBufferPointer { t in buf.contains { t[Int($0)] } }
        }) { return found }
        return s.utf8.contains { table[Int($0)] }
    }

    private static func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}
