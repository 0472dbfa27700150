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
/// A `sqlite:` store also saves its index beside the database
/// (`PATH.mnemo-index`, see ``IndexSidecar``) after a scan and on close, and
/// opens from that file instead of scanning when it was made from the
/// database's current state; ``openReport`` says which way the index came.
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
    /// How the index was made at open.
    public let openReport: IndexOpenReport
    /// The database stamp the sidecar on disk holds the index of, when it is
    /// this store's own current state (nil: none is). Guarded by `writeLock`.
    private var sidecarStamp: UInt64?

    private init(location: StoreLocation, dictionary: TermDictionary, backend: StorageBackend, snapshot: IndexSnapshot,
                 report: IndexOpenReport) {
        self.location = location
        self.dictionary = dictionary
        self.backend = backend
        self.current = Mutex(snapshot)
        self.openReport = report
    }

    /// Opens (creating when missing) the store at `location` and builds its index
    /// (for a `sqlite:` store, reads it from its sidecar when that is current).
    public static func open(_ location: StoreLocation) throws -> Store {
        let start = Date()
        let backend: StorageBackend
        switch location {
        case .sqlite(let path):
            let sqlite = try SQLiteBackend(path: path)
            do { return try openSQLite(location, path: path, backend: sqlite, start: start) } catch {
                sqlite.close()
                throw error
            }
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
        let snapshot = IndexSnapshot.build(quads)
        return Store(location: location, dictionary: dictionary, backend: backend, snapshot: snapshot,
                     report: IndexOpenReport(source: .scan, sidecarIssue: nil, seconds: Date().timeIntervalSince(start)))
    }

    /// Opens a sqlite store: from its sidecar when that was made from the
    /// database's current state and reads back whole, else by the scan (then
    /// saving a fresh sidecar). The check and the read happen inside one read
    /// transaction, so the state checked is the state read; the sidecar is
    /// written after it ends (it is labelled with the state it holds, so a
    /// writer committing meanwhile only makes it stale, and is not kept
    /// waiting while a large file is written).
    private static func openSQLite(_ location: StoreLocation, path: String, backend: SQLiteBackend, start: Date) throws -> Store {
        try backend.beginRead()
        var reading = true
        defer { if reading { backend.endRead() } }
        let sidecarPath = IndexSidecar.path(for: path)
        let fingerprint = try backend.fingerprint()
        let issue: String
        if let fingerprint {
            switch IndexSidecar.load(from: sidecarPath, expecting: fingerprint) {
            case .success(let contents):
                backend.restore(contents.rows)
                try backend.adopt(fingerprint)
                let store = Store(location: location, dictionary: contents.dictionary, backend: backend,
                                  snapshot: contents.snapshot,
                                  report: IndexOpenReport(source: .sidecar, sidecarIssue: nil,
                                                          seconds: Date().timeIntervalSince(start)))
                store.sidecarStamp = fingerprint.stamp
                return store
            case .failure(let failure):
                issue = failure.description
            }
        } else {
            issue = "the database cannot vouch for its state (no Mnemo stamp table, or WAL journal mode), so no sidecar is used"
        }
        let dictionary = TermDictionary()
        let snapshot: IndexSnapshot
        do {
            let quads = try backend.loadAll(into: dictionary)
            dictionary.trim()
            snapshot = IndexSnapshot.build(quads)
        }
        if let fingerprint { try backend.adopt(fingerprint) }
        backend.endRead()
        reading = false
        let store = Store(location: location, dictionary: dictionary, backend: backend, snapshot: snapshot,
                          report: IndexOpenReport(source: .scan, sidecarIssue: issue,
                                                  seconds: Date().timeIntervalSince(start)))
        if let fingerprint {
            do {
                try IndexSidecar.write(to: sidecarPath, fingerprint: fingerprint, dictionary: dictionary, snapshot: snapshot,
                                       rows: backend.rowState(terms: dictionary.count))
                store.sidecarStamp = fingerprint.stamp
            } catch {
                // A store in a read-only directory still opens; it just scans every time.
            }
        }
        return store
    }

    /// Saves the index beside a `sqlite:` store when the sidecar on disk is
    /// not the index of the database's current state; ``close()`` calls it.
    /// Returns true when the sidecar on disk is then current. Nothing is
    /// written when another process has changed the database since this one
    /// read it (the index in memory would not match it); the file on disk is
    /// then left as it is, current (that process's) or stale (refused at open).
    @discardableResult
    public func saveIndex() -> Bool {
        writeLock.withLock {
            guard !isClosed.load(ordering: .sequentiallyConsistent) else { return false }
            return saveIndexLocked()
        }
    }

    /// The sidecar's state for a `sqlite:` store: `saved` when the sidecar on
    /// disk is the index of the database's current state, and the stamp of that
    /// state (it changes with every write batch), so a caller can tell a quiet
    /// store from a busy one. Nil for other storages, which keep no sidecar.
    public var indexState: (saved: Bool, stamp: UInt64)? {
        writeLock.withLock {
            guard !isClosed.load(ordering: .sequentiallyConsistent), case .sqlite = location,
                  let sqlite = backend as? SQLiteBackend, sqlite.hasStamp else { return nil }
            return (sidecarStamp == sqlite.stamp, sqlite.stamp)
        }
    }

    private func saveIndexLocked() -> Bool {
        guard case .sqlite(let path) = location, let sqlite = backend as? SQLiteBackend, sqlite.hasStamp else { return false }
        if sidecarStamp == sqlite.stamp { return true }
        let sidecarPath = IndexSidecar.path(for: path)
        do {
            // The database must still be in the state this index describes; once that is
            // checked, the file can be written without holding other writers off.
            try sqlite.beginRead()
            let fingerprint: SQLiteBackend.Fingerprint?
            do { fingerprint = try sqlite.unchangedByOthers() ? try sqlite.fingerprint() : nil } catch {
                sqlite.endRead()
                throw error
            }
            sqlite.endRead()
            guard let fingerprint, fingerprint.stamp == sqlite.stamp else { return false }
            try IndexSidecar.write(to: sidecarPath, fingerprint: fingerprint, dictionary: dictionary, snapshot: snapshot,
                                   rows: sqlite.rowState(terms: dictionary.count))
            sidecarStamp = fingerprint.stamp
            return true
        } catch {
            return false
        }
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
            if !isClosed.load(ordering: .sequentiallyConsistent) {
                _ = saveIndexLocked()
                isClosed.store(true, ordering: .sequentiallyConsistent)
                backend.close()
            }
        }
    }

    deinit { close() }

    /// Closes the storage without saving the index, as a process killed after
    /// its last commit would leave it. For tests.
    func abandonWithoutSavingIndex() {
        writeLock.withLock {
            if !isClosed.exchange(true, ordering: .sequentiallyConsistent) { backend.close() }
        }
    }

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

/// Where a store's index came from at open.
public enum IndexSource: String, Sendable, Equatable {
    /// Built by scanning the storage.
    case scan
    /// Read from the index sidecar beside a `sqlite:` store.
    case sidecar
}

/// How a store's index was made at open.
public struct IndexOpenReport: Sendable, Equatable {
    public var source: IndexSource
    /// Why a `sqlite:` store's sidecar was not used (nil when it was, and for other stores).
    public var sidecarIssue: String?
    /// Seconds from the start of ``Store/open(_:)`` to a ready index.
    public var seconds: Double
}

extension Store {
    /// Where the index came from at open.
    public var openedFrom: IndexSource { openReport.source }
}
