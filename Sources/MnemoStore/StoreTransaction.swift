import Foundation
import MnemoRDF
import MnemoSyntax

/// Changes to a store prepared one after another and written all at once by
/// ``Store/transaction(_:)``.
///
/// ``snapshot`` is the working state: the snapshot the transaction began
/// with plus every change made so far, so a later step sees the earlier
/// ones. Nothing reaches the storage or the published snapshot until the
/// transaction's body returns; the net difference is then written in one
/// batch. A quad inserted and then deleted again (or the reverse) writes nothing.
///
/// Graph id 0 is the store's default (unnamed) graph.
public struct StoreTransaction {
    /// The store being changed.
    public let store: Store
    /// The store's state when the transaction began.
    public let original: IndexSnapshot
    /// The working state: ``original`` with the changes made so far.
    public private(set) var snapshot: IndexSnapshot
    /// Net changes: quads absent from `original` and present now, and the reverse.
    private(set) var added: Set<QuadIDs> = []
    private(set) var removed: Set<QuadIDs> = []

    init(store: Store, snapshot: IndexSnapshot) {
        self.store = store
        original = snapshot
        self.snapshot = snapshot
    }

    /// The store's term dictionary (terms interned by a transaction that
    /// fails stay in memory, unused; they are never written).
    public var dictionary: TermDictionary { store.dictionary }

    /// Quads the transaction adds to the store, net.
    public var insertedCount: Int { added.count }
    /// Quads the transaction removes from the store, net.
    public var deletedCount: Int { removed.count }

    /// Adds quads to the working state; returns how many were not there yet.
    @discardableResult
    public mutating func insert<S: Sequence>(_ quads: S) -> Int where S.Element == QuadIDs {
        var fresh: [QuadIDs] = []
        var seen = Set<QuadIDs>()
        for q in quads where !snapshot.contains(q) && seen.insert(q).inserted { fresh.append(q) }
        if fresh.isEmpty { return 0 }
        snapshot = snapshot.adding(fresh)
        for q in fresh where removed.remove(q) == nil { added.insert(q) }
        return fresh.count
    }

    /// Removes quads from the working state; returns how many were there.
    @discardableResult
    public mutating func delete<S: Sequence>(_ quads: S) -> Int where S.Element == QuadIDs {
        var gone = Set<QuadIDs>()
        for q in quads where snapshot.contains(q) { gone.insert(q) }
        if gone.isEmpty { return 0 }
        snapshot = snapshot.removing { gone.contains($0) }
        for q in gone where added.remove(q) == nil { removed.insert(q) }
        return gone.count
    }

    /// Adds quads given as terms (graph nil: the default graph), interning them.
    @discardableResult
    public mutating func insert(_ quads: [Quad]) -> Int {
        let d = dictionary
        return insert(quads.map {
            QuadIDs(d.intern($0.subject), d.intern($0.predicate), d.intern($0.object), $0.graph.map { d.intern($0) } ?? 0)
        })
    }

    /// Removes quads given as terms; terms the store does not know match nothing.
    @discardableResult
    public mutating func delete(_ quads: [Quad]) -> Int {
        let d = dictionary
        return delete(quads.compactMap { q -> QuadIDs? in
            guard let s = d.lookup(q.subject), let p = d.lookup(q.predicate), let o = d.lookup(q.object) else { return nil }
            guard let graph = q.graph else { return QuadIDs(s, p, o, 0) }
            return d.lookup(graph).map { QuadIDs(s, p, o, $0) }
        })
    }

    /// The quads of one graph in the working state (0: the default graph).
    public func quads(inGraph g: TermID) -> [QuadIDs] {
        snapshot.quads(matching: QuadPattern(g: g))
    }

    /// True when the graph holds at least one quad in the working state.
    public func hasQuads(inGraph g: TermID) -> Bool {
        var found = false
        snapshot.forEach(matching: QuadPattern(g: g)) { _ in found = true; return false }
        return found
    }

    /// Parses an RDF file into the working state. Its triples (and the
    /// default-graph quads of N-Quads or TriG) go into `graph` (0: the
    /// default graph); quads in named graphs keep their graph. Blank nodes
    /// are fresh: loading a file twice gives two copies of its blank nodes.
    /// A syntax error throws ``StoreError/syntax(_:)`` and adds nothing.
    /// Returns the number of quads new to the working state.
    @discardableResult
    public mutating func load(file path: String, format: RDFFormat? = nil, baseIRI: String? = nil,
                              into graph: TermID) throws -> Int {
        guard let format = format ?? RDFFormat(fileName: path) else {
            throw StoreError.badInput("\(path): cannot tell the RDF syntax from the file name")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw StoreError.badInput("\(path): no such readable file")
        }
        let prefix = "l" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased() + "_"
        let options = ParseOptions(baseIRI: baseIRI, blankNodePrefix: prefix)
        let d = dictionary
        var quads: [QuadIDs] = []
        do {
            try RaptorParser(format: format).parse(file: path, options: options) { st in
                var g = graph
                if let gb = st.graph {
                    if gb.first == TermKind.blank.rawValue {
                        throw StoreError.badInput("\(path): a blank node cannot name a graph in this store")
                    }
                    g = d.intern(encoded: gb)
                }
                quads.append(QuadIDs(d.intern(encoded: st.subject), d.intern(encoded: st.predicate),
                                     d.intern(encoded: st.object), g))
            }
        } catch let e as RDFSyntaxError {
            throw StoreError.syntax(e)
        }
        return insert(quads)
    }
}

extension Store {
    /// Runs `body` as one atomic change to the store.
    ///
    /// The body works on a ``StoreTransaction`` whose working snapshot starts
    /// as the current one; when it returns, the net changes are written to
    /// the storage in one batch and the working snapshot is published. If the
    /// body (or the write) throws, nothing is written and the published
    /// snapshot is unchanged. Readers keep the snapshot they hold and see the
    /// changes only once they are published, never half of them.
    ///
    /// Writers are serialised: the body runs holding the store's write lock,
    /// so it must not call the store's other writing methods (`add`,
    /// `importFile`, …), which would wait for the lock forever.
    public func transaction<T>(_ body: (inout StoreTransaction) throws -> T) throws -> T {
        try writeLock.withLock {
            try ensureOpen()
            var tx = StoreTransaction(store: self, snapshot: snapshot)
            let result = try body(&tx)
            if !tx.added.isEmpty || !tx.removed.isEmpty {
                try commit(added: Array(tx.added), removed: Array(tx.removed), publishing: tx.snapshot)
            }
            return result
        }
    }
}
