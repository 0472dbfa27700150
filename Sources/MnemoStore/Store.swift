import Foundation
import MnemoRDF
import Synchronization

/// A Mnemo quad store: a Redland storage as the durable store of record,
/// and Mnemo's own dictionary-encoded index answering every quad pattern.
///
/// The index is built at open by one scan of the Redland storage and kept in
/// step with every write: the storage is written first (in one transaction
/// where it has them), then a new index snapshot is published. After a crash
/// the storage is authoritative and the next open rebuilds the index.
///
/// Writes (imports, drops) are serialised; reads take an ``IndexSnapshot``
/// and never block each other or wait for writers.
///
/// ```swift
/// let store = try Store.open(try StoreLocation(parsing: "sqlite:mnemo.sqlite"))
/// let report = try store.importFile("Fixtures/library-almaty.ttl")
/// print(report.added, store.snapshot.count)
/// ```
public final class Store: @unchecked Sendable {
    /// Where the store lives.
    public let location: StoreLocation
    /// The term dictionary shared by every snapshot of this store.
    public let dictionary: TermDictionary
    let backend: StorageBackend
    /// Serialises writers.
    let writeLock = NSLock()
    private let current: Mutex<IndexSnapshot>
    private let isClosed = Atomic<Bool>(false)

    private init(location: StoreLocation, dictionary: TermDictionary, backend: StorageBackend, snapshot: IndexSnapshot) {
        self.location = location
        self.dictionary = dictionary
        self.backend = backend
        self.current = Mutex(snapshot)
    }

    /// Opens (creating when missing) the store at `location` and builds its index.
    public static func open(_ location: StoreLocation) throws -> Store {
        let backend: StorageBackend
        switch location {
        case .sqlite(let path): backend = try SQLiteBackend(path: path)
        case .bdb(let dir): backend = try RedlandModelBackend(bdbDirectory: dir)
        case .memory: backend = try RedlandModelBackend(memory: ())
        }
        let dictionary = TermDictionary()
        let quads: [QuadIDs]
        do { quads = try backend.loadAll(into: dictionary) } catch {
            backend.close()
            throw error
        }
        dictionary.trim()
        return Store(location: location, dictionary: dictionary, backend: backend,
                     snapshot: IndexSnapshot.build(quads))
    }

    /// Opens a store from its URL spelling (`sqlite:PATH`, `bdb:DIR`, `memory:`).
    public static func open(_ url: String) throws -> Store {
        try open(StoreLocation(parsing: url))
    }

    /// The current state of the store, for reading.
    public var snapshot: IndexSnapshot { current.withLock { $0 } }

    /// True when the storage makes each write batch all-or-nothing across crashes.
    public var isTransactional: Bool { backend.isTransactional }

    /// Closes the storage. Later writes throw ``StoreError/closed``.
    public func close() {
        writeLock.withLock {
            if !isClosed.exchange(true, ordering: .sequentiallyConsistent) { backend.close() }
        }
    }

    deinit { close() }

    /// Applies one write batch: storage first, then the index.
    /// Callers hold `writeLock`. `added` must be absent from the store and
    /// duplicate-free; `removed` must be present. `next`, when given, is the
    /// current snapshot with exactly these changes, published as it is.
    @discardableResult
    func commit(added: [QuadIDs], removed: [QuadIDs], publishing next: IndexSnapshot? = nil) throws -> (write: Double, index: Double) {
        guard !isClosed.load(ordering: .sequentiallyConsistent) else { throw StoreError.closed }
        let t0 = Date()
        try backend.write(added: added, removed: removed, dictionary: dictionary)
        let t1 = Date()
        publish { snap in
            if let next { return next }
            var s = snap
            if !removed.isEmpty {
                let gone = Set(removed)
                s = s.removing { gone.contains($0) }
            }
            return s.adding(added)
        }
        return (t1.timeIntervalSince(t0), Date().timeIntervalSince(t1))
    }

    func publish(_ change: (IndexSnapshot) -> IndexSnapshot) {
        let next = change(snapshot)
        current.withLock { $0 = next }
    }

    func ensureOpen() throws {
        if isClosed.load(ordering: .sequentiallyConsistent) { throw StoreError.closed }
    }

    /// Adds quads given as terms, in one batch. Returns how many were new.
    @discardableResult
    public func add(_ quads: [Quad]) throws -> Int {
        try writeLock.withLock {
            try ensureOpen()
            let snap = snapshot
            var seen = Set<QuadIDs>()
            var added: [QuadIDs] = []
            for q in quads {
                let ids = QuadIDs(dictionary.intern(q.subject), dictionary.intern(q.predicate),
                                  dictionary.intern(q.object), q.graph.map { dictionary.intern($0) } ?? 0)
                if !snap.contains(ids), seen.insert(ids).inserted { added.append(ids) }
            }
            try commit(added: added, removed: [])
            return added.count
        }
    }

    /// Removes quads given as terms, in one batch. Returns how many were present.
    @discardableResult
    public func remove(_ quads: [Quad]) throws -> Int {
        try writeLock.withLock {
            try ensureOpen()
            let snap = snapshot
            var removed = Set<QuadIDs>()
            for q in quads {
                guard let s = dictionary.lookup(q.subject), let p = dictionary.lookup(q.predicate),
                      let o = dictionary.lookup(q.object) else { continue }
                var g: TermID = 0
                if let graph = q.graph {
                    guard let id = dictionary.lookup(graph) else { continue }
                    g = id
                }
                let ids = QuadIDs(s, p, o, g)
                if snap.contains(ids) { removed.insert(ids) }
            }
            try commit(added: [], removed: Array(removed))
            return removed.count
        }
    }

    /// Every quad matching a pattern of terms (nil: any), decoded. For tests and small reads.
    public func quads(subject: Term? = nil, predicate: Term? = nil, object: Term? = nil, graph: Term? = nil) -> [Quad] {
        func id(_ t: Term?) -> TermID?? {
            guard let t else { return .some(nil) }
            guard let i = dictionary.lookup(t) else { return nil }
            return .some(i)
        }
        guard let s = id(subject), let p = id(predicate), let o = id(object), let g = id(graph) else { return [] }
        return snapshot.quads(matching: QuadPattern(s: s, p: p, o: o, g: g)).map(decode)
    }

    /// Decodes a quad of ids.
    public func decode(_ q: QuadIDs) -> Quad {
        Quad(dictionary.term(q.s), dictionary.term(q.p), dictionary.term(q.o), q.g == 0 ? nil : dictionary.term(q.g))
    }
}
