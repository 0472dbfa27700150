import CSQLite
import Foundation
import MnemoRDF
import Testing
@testable import MnemoStore

/// The index sidecar of `sqlite:` stores: used when it matches the database,
/// rebuilt (never trusted) when it is stale, damaged or missing.
@Suite struct PersistedIndexTests {
    let dir: URL
    var dbPath: String { dir.appendingPathComponent("store.sqlite").path }
    var sidecar: String { dbPath + ".mnemo-index" }
    var location: String { "sqlite:" + dbPath }

    init() throws { dir = try temporaryDirectory() }

    static let files = ["library-almaty.ttl", "museum-tashkent.ttl", "archive-kazan.ttl"]

    /// A store holding the three fixture files, closed (so its sidecar is written).
    func populated() throws {
        let store = try Store.open(location)
        for f in Self.files {
            try store.importFile(fixtures.appendingPathComponent(f).path, options: ImportOptions(graph: "https://ex.org/g/\(f)"))
        }
        store.close()
    }

    /// Everything a reader can ask, decoded: every quad, and each quad's
    /// matches under a pattern of each shape (so each order's runs are used).
    func answers(_ store: Store) -> [String: Set<Quad>] {
        // In a stable order: ids (and so the index's order) differ between a scan and a store that wrote since.
        let all = store.quads().sorted { String(describing: $0) < String(describing: $1) }
        var out: [String: Set<Quad>] = ["all": Set(all)]
        for (i, q) in all.enumerated() where i % 7 == 0 {
            out["s\(i)"] = Set(store.quads(subject: q.subject))
            out["p\(i)"] = Set(store.quads(predicate: q.predicate))
            out["o\(i)"] = Set(store.quads(object: q.object))
            out["g\(i)"] = Set(store.quads(graph: q.graph))
            out["po\(i)"] = Set(store.quads(predicate: q.predicate, object: q.object))
            out["os\(i)"] = Set(store.quads(subject: q.subject, object: q.object))
            out["gp\(i)"] = Set(store.quads(predicate: q.predicate, graph: q.graph))
            out["spog\(i)"] = Set(store.quads(subject: q.subject, predicate: q.predicate, object: q.object, graph: q.graph))
        }
        return out
    }

    /// The answers of a store opened by the scan (the sidecar removed first).
    func scannedAnswers() throws -> [String: Set<Quad>] {
        try? FileManager.default.removeItem(atPath: sidecar)
        let store = try Store.open(location)
        defer { store.close() }
        #expect(store.openedFrom == .scan)
        return answers(store)
    }

    @Test func reopenUsesTheSidecarAndAnswersTheSame() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        try populated()
        #expect(FileManager.default.fileExists(atPath: sidecar))
        let scanned = try scannedAnswers()  // writes the sidecar again, after its scan
        let store = try Store.open(location)
        defer { store.close() }
        #expect(store.openedFrom == .sidecar, "\(store.openReport)")
        #expect(store.openReport.sidecarIssue == nil)
        #expect(answers(store) == scanned)
        #expect(scanned["all"]!.count == store.snapshot.count)
        #expect(store.snapshot.count > 100)
        // Term lookups go through the restored hash table.
        for q in scanned["all"]! {
            #expect(store.dictionary.lookup(q.subject) != nil && store.dictionary.lookup(q.object) != nil)
        }
        #expect(store.dictionary.lookup(.iri("https://ex.org/never-seen")) == nil)
    }

    @Test func writesAfterASidecarOpenReachTheDatabaseAndTheNextSidecar() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        try populated()
        let extra = Quad(.iri("https://ex.org/p/new"), .iri(Vocabulary.rdfs + "label"), .langString("Жаңа", "kk"),
                         .iri("https://ex.org/g/extra"))
        do {
            let store = try Store.open(location)
            #expect(store.openedFrom == .sidecar)
            // Known terms (rows restored from the sidecar) and new ones in one write.
            let known = store.quads().first!
            let knownAgain = Quad(known.subject, .iri(Vocabulary.rdfs + "comment"), known.object, known.graph)
            #expect(try store.add([extra, knownAgain]) == 2)
            #expect(try store.remove([known]) == 1)
            store.close()
        }
        let reopened = try Store.open(location)
        #expect(reopened.openedFrom == .sidecar, "\(reopened.openReport)")
        let viaSidecar = answers(reopened)
        #expect(viaSidecar["all"]!.contains(extra))
        reopened.close()
        #expect(try scannedAnswers() == viaSidecar)
        // Librdf reads the same database (Mnemo's stamp table does not bother it).
        #expect(Set(try RedlandReader.readSQLite(path: dbPath)) == viaSidecar["all"]!)
    }

    @Test func aStaleSidecarIsDetectedAndRebuilt() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        try populated()
        let old = try Data(contentsOf: URL(fileURLWithPath: sidecar))
        let extra = Quad(.iri("https://ex.org/p/late"), .iri(Vocabulary.rdfs + "label"), .string("late"), nil)
        do {
            let store = try Store.open(location)
            try store.add([extra])
            store.close()
        }
        try old.write(to: URL(fileURLWithPath: sidecar))  // an old sidecar put back over the current one
        let store = try Store.open(location)
        #expect(store.openedFrom == .scan)
        #expect(store.openReport.sidecarIssue?.contains("stale") == true, "\(store.openReport)")
        #expect(store.quads(subject: extra.subject) == [extra])
        store.close()
        // The scan wrote a current sidecar.
        let again = try Store.open(location)
        defer { again.close() }
        #expect(again.openedFrom == .sidecar)
        #expect(again.quads(subject: extra.subject) == [extra])
    }

    @Test(arguments: ["flip", "truncate", "empty", "garbage", "header"])
    func aDamagedSidecarIsNotTrusted(_ damage: String) throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        try populated()
        let expected = try scannedAnswers()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: sidecar))
        switch damage {
        case "flip": bytes[bytes.count - 100] ^= 0x01  // inside the last run
        case "truncate": bytes = bytes.prefix(bytes.count - 4096)
        case "empty": bytes = Data()
        case "garbage": bytes = Data((0..<bytes.count).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        default: bytes[16] ^= 0x80  // the stamp slot: the header's checksum catches it
        }
        try bytes.write(to: URL(fileURLWithPath: sidecar))
        let store = try Store.open(location)
        #expect(store.openedFrom == .scan)
        #expect(store.openReport.sidecarIssue != nil)
        #expect(answers(store) == expected)
        store.close()
        let again = try Store.open(location)
        defer { again.close() }
        #expect(again.openedFrom == .sidecar)
        #expect(answers(again) == expected)
    }

    @Test func aWriterThatDiesBeforeSavingTheSidecarLeavesItStale() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        try populated()
        let extra = Quad(.iri("https://ex.org/p/crash"), .iri(Vocabulary.rdfs + "label"), .string("crash"), nil)
        do {
            let store = try Store.open(location)
            #expect(store.openedFrom == .sidecar)
            try store.add([extra])
            store.abandonWithoutSavingIndex()  // as if killed after the commit
        }
        // And a writer killed while writing the sidecar leaves only its temporary file.
        let leftover = sidecar + ".tmp-999999-1"
        try Data(repeating: 7, count: 1000).write(to: URL(fileURLWithPath: leftover))
        let store = try Store.open(location)
        #expect(store.openedFrom == .scan)
        #expect(store.openReport.sidecarIssue?.contains("stale") == true)
        #expect(store.quads(subject: extra.subject) == [extra])
        store.close()
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }

    @Test func aWriteThatBypassesMnemoMakesTheSidecarStale() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        try populated()
        let before = try scannedAnswers()["all"]!.count
        // Another program deletes a triple straight through SQLite: no Mnemo stamp changes,
        // but SQLite's change counter does.
        var db: OpaquePointer?
        #expect(sqlite3_open(dbPath, &db) == SQLITE_OK)
        #expect(sqlite3_exec(db, "DELETE FROM triples WHERE rowid = (SELECT max(rowid) FROM triples)", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(db)
        let store = try Store.open(location)
        defer { store.close() }
        #expect(store.openedFrom == .scan)
        #expect(store.openReport.sidecarIssue?.contains("change counter") == true, "\(store.openReport)")
        #expect(store.snapshot.count == before - 1)
    }

    @Test func aStoreChangedByAnotherProcessWhileOpenSavesNoSidecar() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        try populated()
        let store = try Store.open(location)
        #expect(store.openedFrom == .sidecar)
        try store.add([Quad(.iri("https://ex.org/p/mine"), .iri(Vocabulary.rdfs + "label"), .string("m"), nil)])
        do {
            let other = try Store.open(location)  // sees the first store's write (by the scan: no sidecar has it)
            #expect(other.openedFrom == .scan)
            try other.add([Quad(.iri("https://ex.org/p/other"), .iri(Vocabulary.rdfs + "label"), .string("o"), nil)])
            other.close()  // saves the sidecar of its own, later state
        }
        // The first store's index is now behind the database: it must not save it, nor harm the other's.
        #expect(store.saveIndex() == false)
        store.close()
        let again = try Store.open(location)
        defer { again.close() }
        #expect(again.openedFrom == .sidecar, "\(again.openReport)")
        #expect(again.quads(subject: .iri("https://ex.org/p/other")).count == 1)
        #expect(again.quads(subject: .iri("https://ex.org/p/mine")).count == 1)
    }

    @Test func anEmptyStoreRoundTrips() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        do { try Store.open(location).close() }
        let store = try Store.open(location)
        defer { store.close() }
        #expect(store.openedFrom == .sidecar, "\(store.openReport)")
        #expect(store.snapshot.count == 0)
        #expect(try store.add([Quad(.iri("https://ex.org/a"), .iri("https://ex.org/b"), .iri("https://ex.org/c"), nil)]) == 1)
    }

    @Test func otherStoresScan() throws {
        let store = try Store.open("memory:")
        defer { store.close() }
        #expect(store.openedFrom == .scan)
        #expect(store.openReport.sidecarIssue == nil)
        #expect(store.saveIndex() == false)
    }

    @Test func theChecksumDoesNotDependOnHowTheBytesArrive() {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 3) }
        bytes.withUnsafeBytes { all in
            let whole = Checksum.of(all)
            var pieces = Checksum()
            pieces.add(UnsafeRawBufferPointer(rebasing: all[0..<3200]))
            pieces.add(UnsafeRawBufferPointer(rebasing: all[3200..<6400]))
            pieces.add(UnsafeRawBufferPointer(rebasing: all[6400...]))
            #expect(pieces.value == whole)
            #expect(Checksum.of(UnsafeRawBufferPointer(rebasing: all[0..<9999])) != whole)
        }
    }
}
