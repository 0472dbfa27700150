import MnemoRDF

/// A named graph and its size.
public struct GraphInfo: Sendable, Equatable {
    /// The graph's IRI, or nil for the unnamed default graph.
    public var iri: String?
    public var quads: Int
}

/// An overview of a store's contents.
public struct StoreStatistics: Sendable {
    public var quads: Int
    public var terms: Int
    public var graphs: [GraphInfo]
    /// Most used classes (objects of `rdf:type`), with instance counts.
    public var topClasses: [(iri: String, count: Int)]
    /// Most used predicates, with quad counts.
    public var topPredicates: [(iri: String, count: Int)]
    /// Bytes held by the index's sorted runs.
    public var indexBytes: Int
    /// Bytes held by the term dictionary.
    public var dictionaryBytes: Int
}

extension Store {
    /// The graphs holding quads, largest first.
    public func graphs() -> [GraphInfo] {
        // Each graph's size is the length of its range in the GSPO order: no scan of the quads.
        let snap = snapshot
        var counts: [TermID: Int] = [:]
        for g in [0] + snap.namedGraphs() {
            let n = snap.estimateCount(QuadPattern(g: g))
            if n > 0 { counts[g] = n }
        }
        return counts.map { g, n in
            GraphInfo(iri: g == 0 ? nil : dictionary.term(g).iriValue, quads: n)
        }.sorted { ($0.quads, $1.iri ?? "") > ($1.quads, $0.iri ?? "") }
    }

    /// Counts of graphs, classes and predicates.
    public func statistics(top: Int = 10) -> StoreStatistics {
        let snap = snapshot
        var predicates: [TermID: Int] = [:]
        snap.forEach(matching: QuadPattern()) { q in
            predicates[q.p, default: 0] += 1
            return true
        }
        var classes: [TermID: Int] = [:]
        if let type = dictionary.lookup(.iri(Vocabulary.rdfType)) {
            snap.forEach(matching: QuadPattern(p: type)) { q in
                classes[q.o, default: 0] += 1
                return true
            }
        }
        func topList(_ d: [TermID: Int]) -> [(iri: String, count: Int)] {
            d.map { (iri: dictionary.term($0.key).ntriples, count: $0.value) }
                .sorted { ($0.count, $1.iri) > ($1.count, $0.iri) }
                .prefix(top).map { $0 }
        }
        return StoreStatistics(quads: snap.count, terms: dictionary.count, graphs: graphs(),
                               topClasses: topList(classes), topPredicates: topList(predicates),
                               indexBytes: snap.memoryBytes, dictionaryBytes: dictionary.memoryBytes)
    }

    /// Deletes every quad of a named graph. Returns how many were deleted.
    @discardableResult
    public func drop(graph iri: String) throws -> Int {
        try writeLock.withLock {
            try ensureOpen()
            guard let g = dictionary.lookup(.iri(iri)) else { throw StoreError.unknownGraph(iri) }
            let n = snapshot.estimateCount(QuadPattern(g: g))
            guard n > 0 else { throw StoreError.unknownGraph(iri) }
            try backend.begin()
            do {
                try backend.deleteGraph(g, dictionary: dictionary)
                try backend.commit()
            } catch {
                backend.rollback()
                throw error
            }
            publish { $0.removing { $0.g == g } }
            return n
        }
    }
}

extension Term {
    /// The IRI string, or the N-Triples spelling for other terms.
    var iriValue: String {
        if case .iri(let v) = self { return v }
        return ntriples
    }
}
