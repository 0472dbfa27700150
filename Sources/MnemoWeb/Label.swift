import MnemoRDF
import MnemoStore

/// A name of a resource in one language, as the data spells it.
public struct Label: Hashable, Sendable {
    /// The text, byte-exact from the store.
    public var text: String
    /// The language tag (lower case, e.g. `kk-latn`, `uz-cyrl`), or nil for a plain string.
    public var language: String?
    /// The property that gave it (`rdfs:label`, `skos:altLabel`, or
    /// `crm:P190_has_symbolic_content` through an appellation).
    public var property: String

    public init(text: String, language: String?, property: String) {
        self.text = text
        self.language = language
        self.property = property
    }
}

extension Array where Element == Label {
    /// The label to show first: the first of `languages` present (by prefix,
    /// so `kk` finds `kk-latn`), else the first label at all.
    public func preferred(_ languages: [String] = ["en", "ru", "kk", "uz"]) -> Label? {
        for lang in languages {
            if let l = first(where: { $0.language == lang }) { return l }
            if let l = first(where: { $0.language?.hasPrefix(lang + "-") == true }) { return l }
        }
        return first
    }
}

/// A resource mentioned on another's page: its term, names and kind.
public struct ResourceRef: Hashable, Sendable {
    public var term: Term
    public var labels: [Label]
    public var kind: ResourceKind

    public init(term: Term, labels: [Label], kind: ResourceKind = .other) {
        self.term = term
        self.labels = labels
        self.kind = kind
    }

    /// The IRI, or nil for a blank node or literal.
    public var iri: String? { if case .iri(let v) = term { return v } else { return nil } }
}

extension StoreReader {
    /// Every label of `node`: literal values of the label properties, and the
    /// symbolic content of its appellations (not its identifiers, which are
    /// codes rather than names). Each (text, language) once, in data order.
    func labels(of node: TermID) -> [Label] {
        var out: [Label] = []
        var seen = Set<Label>()
        func add(_ id: TermID, _ property: String) {
            guard case .literal(let lit) = term(id) else { return }
            let key = Label(text: lit.lexical, language: lit.language, property: "")
            if seen.insert(key).inserted { out.append(Label(text: lit.lexical, language: lit.language, property: property)) }
        }
        for p in WebVocabulary.labelProperties {
            for o in objects(node, iri: p) { add(o, p) }
        }
        for p in WebVocabulary.appellationProperties {
            for name in objects(node, iri: p) where !types(name).contains(WebVocabulary.identifierClass) {
                for o in objects(name, iri: WebVocabulary.symbolicContent) { add(o, WebVocabulary.symbolicContent) }
            }
        }
        return out
    }

    /// The identifiers of `node` (E42 through P1), as plain text.
    func identifiers(of node: TermID) -> [Label] {
        var out: [Label] = []
        for name in objects(node, iri: WebVocabulary.appellationProperties[0])
        where types(name).contains(WebVocabulary.identifierClass) {
            for o in objects(name, iri: WebVocabulary.symbolicContent) {
                if case .literal(let l) = term(o) {
                    out.append(Label(text: l.lexical, language: l.language, property: WebVocabulary.symbolicContent))
                }
            }
        }
        return out
    }

    /// A reference to `node` with its labels and kind.
    func ref(_ node: TermID) -> ResourceRef {
        let t = term(node)
        if t.isLiteral { return ResourceRef(term: t, labels: []) }
        return ResourceRef(term: t, labels: labels(of: node), kind: kind(of: node))
    }

    /// The kind of `node`, from its classes.
    func kind(of node: TermID) -> ResourceKind {
        let ts = types(node)
        let isGraph = snapshot.estimateCount(QuadPattern(g: node)) > 0
        return ResourceKind.of(types: ts, isGraph: isGraph, isEvent: isEvent(node, types: ts))
    }
}
