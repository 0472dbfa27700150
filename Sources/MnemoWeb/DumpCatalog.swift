import Foundation
import MnemoRDF
import MnemoStore
import Synchronization

/// The downloadable dumps of a store: the whole store (gzip N-Quads and
/// gzip TriG), and each graph, the default graph included when non-empty
/// (gzip N-Quads and gzip Turtle). Keep one catalog per server: it caches
/// the digests per snapshot and remembers when each graph last changed.
///
/// `lastModified`: a store keeps no commit times, so the catalog takes, for
/// content it sees at its first look, the store file's modification time
/// (the newest of the SQLite file and its `-wal`, or the Berkeley DB
/// directory; the catalog's creation time for a memory store). Afterwards
/// a graph whose digest changes between snapshots is stamped with the time
/// the catalog noticed. After a restart every graph falls back to the file
/// time, which is never earlier than the true change (so caches stay correct),
/// while the ETag, computed from content, stays the same.
public final class DumpCatalog: Sendable {
    public let store: Store
    /// The public base URL, ending in `/` (download URLs are `baseURL + "dumps/NAME"`).
    public let baseURL: String
    /// The path prefix of dumps on the server.
    public let pathPrefix: String
    private let state = Mutex(State())

    struct State {
        var snapshot: IndexSnapshot?
        var digests: [TermID: GraphDigest] = [:]
        var modified: [TermID: Date] = [:]
        var storeModified = Date.distantPast
        var byteSizes: [String: Int] = [:]
    }

    public init(store: Store, baseURL: String, pathPrefix: String = "/dumps/") {
        self.store = store
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.pathPrefix = pathPrefix.hasSuffix("/") ? pathPrefix : pathPrefix + "/"
    }

    /// Every dump of the current snapshot: the store's first, then the default graph's, then
    /// each named graph's in IRI order.
    public var entries: [DumpEntry] {
        let (snap, digests, modified, storeModified, sizes) = refresh()
        let dict = store.dictionary
        var out: [DumpEntry] = []
        func add(_ scope: DumpScope, _ formats: [DumpFormat], _ digest: GraphDigest, _ date: Date, _ g: TermID?, _ title: String) {
            let stem = DumpName.stem(for: scope, base: baseURL)
            for f in formats {
                let name = stem + "." + f.fileExtension
                let path = pathPrefix + name
                let etag = "\"\(digest.hex)-\(f.rawValue)\""
                out.append(DumpEntry(scope: scope, format: f, name: name, path: path, url: baseURL + path.dropFirst(),
                                     quads: digest.count, etag: etag, lastModified: date, byteSize: sizes[etag],
                                     title: title, snapshot: snap, graphID: g))
            }
        }
        var all = GraphDigest()
        for d in digests.values { all.add(d) }
        add(.store, [.nquads, .trig], all, storeModified, nil, "All data")
        if let d = digests[0] { add(.defaultGraph, [.nquads, .turtle], d, modified[0] ?? storeModified, 0, "Default graph") }
        let reader = StoreReader(store: store)
        let named = digests.keys.filter { $0 != 0 }.map { (id: $0, iri: dict.term($0).iriString) }.sorted { $0.iri < $1.iri }
        for (g, iri) in named {
            let title = reader.labels(of: g).preferred()?.text ?? iri
            add(.graph(iri), [.nquads, .turtle], digests[g]!, modified[g] ?? storeModified, g, title)
        }
        return out
    }

    /// The entry with this file name (`mnemo-all.nq.gz`), for `GET /dumps/NAME`.
    public func entry(named name: String) -> DumpEntry? { entries.first { $0.name == name } }

    /// Digests for the store's current snapshot, recomputed only when the snapshot changed.
    private func refresh() -> (IndexSnapshot, [TermID: GraphDigest], [TermID: Date], Date, [String: Int]) {
        let snap = store.snapshot
        return state.withLock { s in
            if let old = s.snapshot, old === snap { return (snap, s.digests, s.modified, s.storeModified, s.byteSizes) }
            let digests = GraphDigest.perGraph(snap, dictionary: store.dictionary)
            let first = s.snapshot == nil
            let now = first ? fileDate() : Date()
            var modified: [TermID: Date] = [:]
            for (g, d) in digests {
                modified[g] = (!first && s.digests[g] == d) ? (s.modified[g] ?? now) : now
            }
            let removed = s.digests.keys.contains { digests[$0] == nil }
            let changed = first || removed || digests.contains { s.digests[$0.key] != $0.value }
            s.storeModified = changed ? now : s.storeModified
            s.snapshot = snap
            s.digests = digests
            s.modified = modified
            return (snap, digests, modified, s.storeModified, s.byteSizes)
        }
    }

    /// The store's file time (see the type's comment).
    private func fileDate() -> Date {
        let fm = FileManager.default
        func mtime(_ p: String) -> Date? { (try? fm.attributesOfItem(atPath: p))?[.modificationDate] as? Date }
        switch store.location {
        case .sqlite(let path): return [mtime(path), mtime(path + "-wal")].compactMap { $0 }.max() ?? Date()
        case .bdb(let dir): return mtime(dir) ?? Date()
        case .memory: return Date()
        }
    }

    /// Records a complete write's compressed size, so later entries report it.
    func recordSize(_ size: Int, etag: String) {
        state.withLock { $0.byteSizes[etag] = size }
    }
}
