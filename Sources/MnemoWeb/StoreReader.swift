import MnemoRDF
import MnemoStore

/// Reads one snapshot of a store as triples over the union of its graphs,
/// by term: the small lookups a resource page is built from.
struct StoreReader {
    let store: Store
    let snapshot: IndexSnapshot
    var dictionary: TermDictionary { store.dictionary }

    init(store: Store) {
        self.store = store
        self.snapshot = store.snapshot
    }

    func id(_ term: Term) -> TermID? { dictionary.lookup(term) }
    func id(iri: String) -> TermID? { dictionary.lookup(.iri(iri)) }
    func term(_ id: TermID) -> Term { dictionary.term(id) }

    /// Objects of `(s, p, ?)` in any graph, each once, in index order.
    func objects(_ s: TermID, _ p: TermID?, limit: Int = .max) -> [TermID] {
        var out: [TermID] = []
        snapshot.forEachTriple(s: s, p: p, o: nil, in: .union(nil)) { _, _, o in
            out.append(o)
            return out.count < limit
        }
        return out
    }

    /// Objects of `(s, <p>, ?)`, by predicate IRI.
    func objects(_ s: TermID, iri p: String) -> [TermID] {
        guard let p = id(iri: p) else { return [] }
        return objects(s, p)
    }

    /// `(predicate, object)` pairs of the triples with subject `s`, each once.
    func outgoing(_ s: TermID, limit: Int = .max) -> [(p: TermID, o: TermID)] {
        var out: [(p: TermID, o: TermID)] = []
        snapshot.forEachTriple(s: s, p: nil, o: nil, in: .union(nil)) { _, p, o in
            out.append((p, o))
            return out.count < limit
        }
        return out
    }

    /// `(subject, predicate)` pairs of the triples with object `o`, each once.
    func incoming(_ o: TermID, limit: Int = .max) -> [(s: TermID, p: TermID)] {
        var out: [(s: TermID, p: TermID)] = []
        snapshot.forEachTriple(s: nil, p: nil, o: o, in: .union(nil)) { s, p, _ in
            out.append((s, p))
            return out.count < limit
        }
        return out
    }

    /// True when some quad has `t` as subject, or as object.
    func isMentioned(_ t: TermID) -> Bool {
        snapshot.estimateCount(QuadPattern(s: t)) > 0 || snapshot.estimateCount(QuadPattern(o: t)) > 0
    }

    /// The `rdf:type` IRIs of a node.
    func types(_ s: TermID) -> [String] {
        objects(s, iri: WebVocabulary.rdfType).compactMap { if case .iri(let v) = term($0) { return v } else { return nil } }
    }

    /// The named graphs holding a triple with subject `s`.
    func graphs(describing s: TermID) -> [TermID] {
        var seen = Set<TermID>()
        var out: [TermID] = []
        snapshot.forEach(matching: QuadPattern(s: s)) { q in
            if q.g != 0, seen.insert(q.g).inserted { out.append(q.g) }
            return true
        }
        return out
    }
}
