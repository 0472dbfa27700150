/// Reads single terms written in N-Triples syntax (`<iri>`, `_:label`,
/// `"text"`, `"text"@lang`, `"text"^^<datatype>`), as typed at a prompt.
extension Term {
    /// Parses one N-Triples term, or returns nil when `text` is not one.
    public init?(ntriples text: String) {
        var scalars = Substring(text.trimmingCharacters(in: .whitespaces)).unicodeScalars[...]
        guard let t = NTriplesTermReader.read(&scalars), scalars.isEmpty else { return nil }
        self = t
    }
}

enum NTriplesTermReader {
    static func read(_ s: inout Substring.UnicodeScalarView.SubSequence) -> Term? {
        guard let first = s.first else { return nil }
        switch first {
        case "<":
            s.removeFirst()
            guard let iri = until(">", &s) else { return nil }
            return .iri(iri)
        case "_":
            guard s.starts(with: "_:".unicodeScalars) else { return nil }
            s.removeFirst(2)
            var label = ""
            while let c = s.first, c != " " { label.unicodeScalars.append(c); s.removeFirst() }
            return label.isEmpty ? nil : .blank(label)
        case "\"":
            s.removeFirst()
            guard let lexical = until("\"", &s) else { return nil }
            if s.first == "@" {
                s.removeFirst()
                var lang = ""
                while let c = s.first, c != " " { lang.unicodeScalars.append(c); s.removeFirst() }
                return lang.isEmpty ? nil : .langString(lexical, lang)
            }
            if s.starts(with: "^^<".unicodeScalars) {
                s.removeFirst(3)
                guard let dt = until(">", &s) else { return nil }
                return .typed(lexical, dt)
            }
            return .string(lexical)
        default:
            return nil
        }
    }

    /// Reads up to an unescaped `end`, decoding N-Triples escapes.
    private static func until(_ end: Unicode.Scalar, _ s: inout Substring.UnicodeScalarView.SubSequence) -> String? {
        var out = String.UnicodeScalarView()
        while let c = s.first {
            s.removeFirst()
            if c == end { return String(out) }
            if c == "\\" {
                guard let e = s.first else { return nil }
                s.removeFirst()
                switch e {
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "\"", "\\", "'": out.append(e)
                case "u", "U":
                    let n = e == "u" ? 4 : 8
                    guard s.count >= n, let v = UInt32(String(String.UnicodeScalarView(s.prefix(n))), radix: 16),
                          let u = Unicode.Scalar(v) else { return nil }
                    s.removeFirst(n)
                    out.append(u)
                default: return nil
                }
            } else {
                out.append(c)
            }
        }
        return nil
    }
}

import Foundation

extension Term {
    /// Parses a whitespace-separated list of N-Triples terms in which `?`,
    /// `?name` or `*` stand for "any term" (returned as nil). Returns nil
    /// when a term is malformed.
    public static func parsePattern(_ text: String) -> [Term?]? {
        var s = Substring(text).unicodeScalars[...]
        var out: [Term?] = []
        while true {
            while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
            guard let c = s.first else { return out }
            if c == "?" || c == "*" {
                while let c = s.first, c != " " && c != "\t" { s.removeFirst() }
                out.append(nil)
                continue
            }
            guard let t = NTriplesTermReader.read(&s) else { return nil }
            out.append(t)
        }
    }
}
