import MnemoRDF

/// Short, readable spellings of terms for the terminal table: IRIs as
/// `prefix:local` when a prefix map covers them (else `<iri>`), literals in
/// Turtle style (`"text"@kk`, bare numbers and booleans, `"…"^^xsd:date`),
/// blank nodes as `_:label`. Control characters are shown as escapes so a
/// cell stays on one line.
public struct TermAbbreviator: Sendable {
    private let namespaces: [(prefix: String, namespace: String)]

    /// An abbreviator for `prefixes` (prefix → namespace IRI). The `xsd:`
    /// prefix is always available for datatypes.
    public init(prefixes: [String: String] = [:]) {
        namespaces = prefixes.map { ($0.key, $0.value) }
            .filter { !$0.namespace.isEmpty }
            .sorted { $0.namespace.count != $1.namespace.count ? $0.namespace.count > $1.namespace.count : $0.prefix < $1.prefix }
    }

    /// The short spelling of `term`.
    public func abbreviate(_ term: Term) -> String {
        switch term {
        case .iri(let v): return iri(v, datatype: false)
        case .blank(let v): return "_:" + v
        case .literal(let l):
            if let bare = NumericLiterals.abbreviation(l, booleans: true) { return bare }
            var s = "\""
            NTriples.escapeString(l.lexical, into: &s)
            s += "\""
            if let lang = l.language { return s + "@" + lang }
            if l.datatype == Vocabulary.xsdString { return s }
            return s + "^^" + iri(l.datatype, datatype: true)
        }
    }

    private func iri(_ v: String, datatype: Bool) -> String {
        for (p, ns) in namespaces where v.hasPrefix(ns) {
            let local = v.dropFirst(ns.count)
            if Self.isLocalName(local) { return p + ":" + local }
        }
        if datatype, v.hasPrefix(Vocabulary.xsd) {
            let local = v.dropFirst(Vocabulary.xsd.count)
            if Self.isLocalName(local) { return "xsd:" + local }
        }
        var s = "<"
        NTriples.escapeIRI(v, into: &s)
        return s + ">"
    }

    /// A conservative test for a Turtle local name: letters, digits, `_`,
    /// `-`, and `.` or `:` inside.
    static func isLocalName(_ s: Substring) -> Bool {
        if s.isEmpty { return true }
        if s.last == "." || s.first == "." || s.first == "-" { return false }
        return s.allSatisfy { c in
            c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." || c == ":"
        }
    }
}
