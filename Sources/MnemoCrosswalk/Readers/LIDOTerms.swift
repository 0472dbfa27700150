import MnemoXML

/// LIDO's shared building blocks: concepts (`conceptID`, `skos:Concept`,
/// `term`) and appellations (`appellationValue` with `pref` and `xml:lang`).
enum LIDOTerms {
    /// Concept identifiers as written: `conceptID` texts and `skos:Concept/@rdf:about`.
    static func conceptIDs(_ n: XMLElementNode) -> [String] {
        n.children("conceptID").compactMap(\.trimmedText) + n.children("Concept").compactMap { $0.trimmedAttribute("about") }
    }

    /// Everything a profile table may be keyed by: concept identifiers, then terms.
    static func keys(of n: XMLElementNode) -> [String] {
        conceptIDs(n) + n.children("term").compactMap(\.trimmedText) + (n.elements.isEmpty ? [n.trimmedText].compactMap { $0 } : [])
    }

    /// Concept identifiers that are, or expand to, authority URIs.
    static func authorityURIs(_ n: XMLElementNode) -> [String] {
        var out: [String] = []
        for id in n.children("conceptID") {
            guard let v = id.trimmedText else { continue }
            if let uri = AuthorityURIs.expand(source: id.trimmedAttribute("source"), value: v) { out.appendIfAbsent(uri) }
        }
        for c in n.children("Concept") {
            if let about = c.trimmedAttribute("about"), AuthorityURIs.isHTTPURI(about) { out.appendIfAbsent(about) }
        }
        return out
    }

    /// The element's terms with their languages, preferred first; `addedSearchTerm`
    /// terms are left out. An element with text and no child elements (LIDO 1.1
    /// mixed content) gives its text.
    static func labels(_ n: XMLElementNode, lang: String?) -> [LangText] {
        if n.elements.isEmpty, let t = n.trimmedText { return [LangText(t, language: lang)] }
        let terms = n.elements(at: "term", lang: lang).filter { $0.node.trimmedAttribute("addedSearchTerm")?.lowercased() != "yes" }
        return appellations(terms)
    }

    /// A concept from a LIDO concept element, or nil when it names nothing.
    static func concept(_ n: XMLElementNode, lang: String?) -> Concept? {
        let labels = labels(n, lang: lang)
        let uris = authorityURIs(n)
        if labels.isEmpty && uris.isEmpty { return nil }
        return Concept(labels: labels, authorityURIs: uris)
    }

    /// Texts of appellation-like elements ordered `pref="preferred"` first,
    /// unmarked next and `pref="alternate"` last, keeping document order within each.
    static func appellations(_ pairs: [(node: XMLElementNode, lang: String?)]) -> [LangText] {
        func rank(_ n: XMLElementNode) -> Int {
            switch n.trimmedAttribute("pref")?.lowercased() {
            case "preferred": return 0
            case "alternate", "alternative": return 2
            default: return 1
            }
        }
        var out: [LangText] = []
        for r in 0...2 {
            for (n, l) in pairs where rank(n) == r {
                if let t = n.trimmedText { out.appendIfAbsent(LangText(t, language: l)) }
            }
        }
        return out
    }

    /// The first display or term text of an element, as a label.
    static func firstText(_ n: XMLElementNode?, _ childNames: [String]) -> String? {
        guard let n else { return nil }
        for name in childNames {
            if let t = n.children(name).lazy.compactMap(\.trimmedText).first { return t }
        }
        return nil
    }
}
