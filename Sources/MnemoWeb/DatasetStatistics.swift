import MnemoRDF
import MnemoStore

/// The VoID statistics of a dataset (the whole store or one graph), from
/// one scan of the index: as SPARQL would count them, so `triples` of the
/// store is `SELECT (COUNT(*) AS ?n) { ?s ?p ?o }` over the union default
/// graph, and a graph's is `COUNT(*)` of `GRAPH <g> { ?s ?p ?o }`.
public struct DatasetStatistics: Sendable, Equatable {
    public var triples = 0
    public var distinctSubjects = 0
    public var distinctObjects = 0
    /// Class IRI → entities (distinct subjects with that `rdf:type`).
    public var classes: [String: Int] = [:]
    /// Property IRI → triples using it.
    public var properties: [String: Int] = [:]

    /// The statistics of the union of every graph (each triple counted once).
    public static func ofStore(_ store: Store, snapshot: IndexSnapshot? = nil) -> DatasetStatistics {
        let snap = snapshot ?? store.snapshot
        var c = Counter(store: store)
        snap.forEachTriple(s: nil, p: nil, o: nil, in: .union(nil)) { s, p, o in
            c.add(s, p, o)
            return true
        }
        return c.result()
    }

    /// The statistics of one graph (`nil`: the unnamed default graph).
    public static func ofGraph(_ iri: String?, store: Store, snapshot: IndexSnapshot? = nil) -> DatasetStatistics {
        let snap = snapshot ?? store.snapshot
        var g: TermID = 0
        if let iri {
            guard let id = store.dictionary.lookup(.iri(iri)) else { return DatasetStatistics() }
            g = id
        }
        var c = Counter(store: store)
        snap.forEach(matching: QuadPattern(g: g)) { q in
            c.add(q.s, q.p, q.o)
            return true
        }
        return c.result()
    }

    private struct Counter {
        let store: Store
        let type: TermID?
        var triples = 0
        var subjects = Set<TermID>(), objects = Set<TermID>()
        var classes: [TermID: Int] = [:], properties: [TermID: Int] = [:]

        init(store: Store) {
            self.store = store
            type = store.dictionary.lookup(.iri(Vocabulary.rdfType))
        }

        mutating func add(_ s: TermID, _ p: TermID, _ o: TermID) {
            triples += 1
            subjects.insert(s)
            objects.insert(o)
            properties[p, default: 0] += 1
            if p == type { classes[o, default: 0] += 1 }
        }

        func result() -> DatasetStatistics {
            let d = store.dictionary
            var r = DatasetStatistics(triples: triples, distinctSubjects: subjects.count, distinctObjects: objects.count)
            for (c, n) in classes { if case .iri(let v) = d.term(c) { r.classes[v] = n } }
            for (p, n) in properties { r.properties[d.term(p).iriString] = n }
            return r
        }
    }
}
