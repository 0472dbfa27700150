import Foundation
import MnemoRDF

/// What replacing a graph changed.
public struct GraphReplaceReport: Sendable, Equatable {
    /// Quads in the graph after the write.
    public var quads: Int
    /// Quads that were not there before.
    public var added: Int
    /// Quads that were there before and are gone.
    public var removed: Int
}

extension Store {
    /// Makes a named graph hold exactly `quads` (their graph component is
    /// ignored), in one atomic batch: only the difference is written, so
    /// replacing a graph with the content it already has writes nothing.
    /// Crosswalk ingests use this so re-ingesting a dataset replaces its
    /// graph instead of duplicating it.
    @discardableResult
    public func replaceGraph(_ iri: String, with quads: [(Term, Term, Term)]) throws -> GraphReplaceReport {
        let w = graphWriter(iri)
        for (s, p, o) in quads { w.add(s, p, o) }
        return try w.commit()
    }

    /// A writer that collects a graph's new content triple by triple (interning
    /// as it goes, so memory holds ids, not strings) and replaces the graph on ``GraphWriter/commit()``.
    public func graphWriter(_ iri: String) -> GraphWriter { GraphWriter(store: self, graph: iri) }

    /// The quads of a named graph, decoded (empty when the graph is unknown).
    public func graphTriples(_ iri: String) -> [(Term, Term, Term)] {
        guard let g = dictionary.lookup(.iri(iri)) else { return [] }
        return snapshot.quads(matching: QuadPattern(g: g)).map {
            (dictionary.term($0.s), dictionary.term($0.p), dictionary.term($0.o))
        }
    }

    /// Writes the difference between the graph's current quads and `next`. Callers hold `writeLock`.
    fileprivate func replace(graph g: TermID, next: [QuadIDs]) throws -> GraphReplaceReport {
        // Sorted, duplicate-free lists on both sides, then one merge: far less
        // memory and time than hash sets when a dataset has millions of quads.
        let wanted = Self.sortedUnique(next)
        let current = Self.sortedUnique(snapshot.quads(matching: QuadPattern(g: g)))
        var added: [QuadIDs] = [], removed: [QuadIDs] = []
        var i = 0, j = 0
        while i < wanted.count || j < current.count {
            if j == current.count || (i < wanted.count && Self.less(wanted[i], current[j])) {
                added.append(wanted[i]); i += 1
            } else if i == wanted.count || Self.less(current[j], wanted[i]) {
                removed.append(current[j]); j += 1
            } else {
                i += 1; j += 1
            }
        }
        try commit(added: added, removed: removed)
        return GraphReplaceReport(quads: wanted.count, added: added.count, removed: removed.count)
    }

    @inline(__always) static func less(_ a: QuadIDs, _ b: QuadIDs) -> Bool {
        (a.s, a.p, a.o, a.g) < (b.s, b.p, b.o, b.g)
    }

    static func sortedUnique(_ quads: [QuadIDs]) -> [QuadIDs] {
        var q = quads
        q.sort(by: less)
        var out: [QuadIDs] = []
        out.reserveCapacity(q.count)
        for x in q where out.last != x { out.append(x) }
        return out
    }
}

/// Collects the full new content of one named graph, then replaces the graph
/// with it atomically. Nothing reaches the store before ``commit()``; a
/// writer dropped without committing leaves the store as it was.
public final class GraphWriter: @unchecked Sendable {
    let store: Store
    /// The graph's IRI.
    public let graph: String
    private let g: TermID
    private var next: [QuadIDs] = []

    init(store: Store, graph: String) {
        self.store = store
        self.graph = graph
        self.g = store.dictionary.intern(.iri(graph))
    }

    /// Triples collected so far (repeats included).
    public var count: Int { next.count }

    /// Turns triples into this graph's quads of ids, interning new terms.
    /// Safe to call from several threads at once; pass the result to ``append(_:)``.
    public func encode<S: Sequence>(_ triples: S) -> [QuadIDs] where S.Element == (Term, Term, Term) {
        var bytes: [UInt8] = [], ends: [Int] = []
        bytes.reserveCapacity(16_384)
        for (s, p, o) in triples {
            s.encode(into: &bytes); ends.append(bytes.count)
            p.encode(into: &bytes); ends.append(bytes.count)
            o.encode(into: &bytes); ends.append(bytes.count)
        }
        let ids = bytes.withUnsafeBytes { store.dictionary.intern(encoded: $0, ends: ends) }
        return stride(from: 0, to: ids.count, by: 3).map { QuadIDs(ids[$0], ids[$0 + 1], ids[$0 + 2], g) }
    }

    /// Adds quads made by ``encode(_:)`` to the graph's new content.
    public func append(_ quads: [QuadIDs]) {
        next.append(contentsOf: quads)
    }

    /// Adds one triple to the graph's new content.
    public func add(_ s: Term, _ p: Term, _ o: Term) {
        let d = store.dictionary
        next.append(QuadIDs(d.intern(s), d.intern(p), d.intern(o), g))
    }

    /// Replaces the graph's content with what was added, writing only the difference.
    @discardableResult
    public func commit() throws -> GraphReplaceReport {
        try store.writeLock.withLock {
            try store.ensureOpen()
            return try store.replace(graph: g, next: next)
        }
    }
}
