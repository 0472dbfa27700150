import MnemoRDF

/// Reads one RDF term in the Turtle/SPARQL syntax of a TSV results field:
/// `<iri>`, `_:label`, `"…"` or `'…'` with escapes and an optional `@lang`
/// or `^^<datatype>`, or a bare number or boolean. Prefixed names are
/// rejected, since a TSV result declares no prefixes.
struct TSVTermParser {
    private let b: [UInt8]
    private var i: Int
    private let end: Int

    /// A problem at a byte offset into the document.
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    /// Parses the field `b[start..<end]`, which must hold exactly one term.
    static func parse(_ b: [UInt8], _ start: Int, _ end: Int) throws(Failure) -> Term {
        var p = TSVTermParser(b: b, i: start, end: end)
        let t = try p.term()
        guard p.i == end else { throw Failure(offset: p.i, message: "unexpected text after the term") }
        return t
    }

    private func fail(_ message: String, at offset: Int? = nil) -> Failure {
        Failure(offset: offset ?? i, message: message)
    }

    private mutating func term() throws(Failure) -> Term {
        switch b[i] {
        case UInt8(ascii: "<"):
            return .iri(try iri())
        case UInt8(ascii: "_"):
            guard i + 1 < end, b[i + 1] == UInt8(ascii: ":") else { throw fail("expected '_:' for a blank node") }
            let start = i + 2
            i = end
            guard start < end else { throw fail("empty blank node label", at: start) }
            if let bad = b[start..<end].firstIndex(where: { $0 <= 0x20 }) { throw fail("blank node label holds a space or control character", at: bad) }
            return .blank(String(decoding: b[start..<end], as: UTF8.self))
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let lexical = try quoted()
            if i < end, b[i] == UInt8(ascii: "@") {
                i += 1
                let start = i
                while i < end, isLangChar(b[i]) { i += 1 }
                let tag = String(decoding: b[start..<i], as: UTF8.self)
                guard Self.isLanguageTag(tag) else { throw fail("malformed language tag", at: start) }
                return .langString(lexical, tag)
            }
            if i + 1 < end, b[i] == UInt8(ascii: "^"), b[i + 1] == UInt8(ascii: "^") {
                i += 2
                guard i < end, b[i] == UInt8(ascii: "<") else { throw fail("expected '<' after '^^' (TSV results have no prefixes)") }
                return .typed(lexical, try iri())
            }
            return .string(lexical)
        default:
            let token = String(decoding: b[i..<end], as: UTF8.self)
            guard let dt = NumericLiterals.datatype(ofBare: Substring(token)) else {
                throw fail("not an RDF term: expected <iri>, _:label, a quoted literal, a number or a boolean")
            }
            i = end
            return .typed(token, dt)
        }
    }

    private func isLangChar(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-")
    }

    static func isLanguageTag(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// Reads `<…>`, decoding `\u` and `\U` escapes.
    private mutating func iri() throws(Failure) -> String {
        let open = i
        i += 1
        var out = String.UnicodeScalarView()
        var run = i
        func flush(_ to: Int) { out.append(contentsOf: String(decoding: b[run..<to], as: UTF8.self).unicodeScalars) }
        while true {
            guard i < end else { throw fail("unterminated IRI", at: open) }
            let c = b[i]
            if c == UInt8(ascii: ">") { flush(i); i += 1; return String(out) }
            if c == UInt8(ascii: "\\") {
                flush(i)
                out.append(try unicodeEscape())
                run = i
                continue
            }
            if c <= 0x20 || c == UInt8(ascii: "<") || c == UInt8(ascii: "\"") {
                throw fail("character not allowed in an IRI")
            }
            i += 1
        }
    }

    /// Reads `\uXXXX` or `\UXXXXXXXX` at `i`.
    private mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
        let start = i
        guard i + 1 < end else { throw fail("incomplete escape") }
        let n: Int
        switch b[i + 1] {
        case UInt8(ascii: "u"): n = 4
        case UInt8(ascii: "U"): n = 8
        default: throw fail("invalid escape in an IRI")
        }
        guard i + 2 + n <= end, let v = UInt32(String(decoding: b[(i + 2)..<(i + 2 + n)], as: UTF8.self), radix: 16),
              let u = Unicode.Scalar(v) else { throw fail("invalid \\u escape", at: start) }
        i += 2 + n
        return u
    }

    /// Reads a single- or double-quoted string with Turtle escapes.
    private mutating func quoted() throws(Failure) -> String {
        let open = i
        let q = b[i]
        i += 1
        var out = String.UnicodeScalarView()
        var run = i
        func flush(_ to: Int) { out.append(contentsOf: String(decoding: b[run..<to], as: UTF8.self).unicodeScalars) }
        while true {
            guard i < end else { throw fail("unterminated string", at: open) }
            let c = b[i]
            if c == q { flush(i); i += 1; return String(out) }
            if c == 0x0A || c == 0x0D { throw fail("raw line break in a string") }
            guard c == UInt8(ascii: "\\") else { i += 1; continue }
            flush(i)
            guard i + 1 < end else { throw fail("incomplete escape") }
            switch b[i + 1] {
            case UInt8(ascii: "t"): out.append("\t"); i += 2
            case UInt8(ascii: "n"): out.append("\n"); i += 2
            case UInt8(ascii: "r"): out.append("\r"); i += 2
            case UInt8(ascii: "b"): out.append("\u{08}"); i += 2
            case UInt8(ascii: "f"): out.append("\u{0C}"); i += 2
            case UInt8(ascii: "\""): out.append("\""); i += 2
            case UInt8(ascii: "'"): out.append("'"); i += 2
            case UInt8(ascii: "\\"): out.append("\\"); i += 2
            case UInt8(ascii: "u"), UInt8(ascii: "U"): out.append(try unicodeEscape())
            default: throw fail("invalid escape in a string")
            }
            run = i
        }
    }
}
