import CSQLite
import Foundation
import MnemoRDF
import Testing
@testable import MnemoStore

/// A write at least as large as the stored triples fills the tables without
/// their indexes and rebuilds them once; what is stored, and the indexes
/// librdf and Mnemo rely on, must come out exactly as with row-by-row updates.
@Suite struct SQLiteBulkLoadTests {
    /// Name and SQL of every index in the file.
    func indexes(_ path: String) throws -> [String] {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else { throw StoreError.open(path, "test") }
        defer { sqlite3_close(db) }
        var st: OpaquePointer?
        sqlite3_prepare_v2(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name", -1, &st, nil)
        defer { sqlite3_finalize(st) }
        var out: [String] = []
        while sqlite3_step(st) == SQLITE_ROW {
            let sql = sqlite3_column_text(st, 1).map { String(cString: $0) } ?? ""
            out.append(String(cString: sqlite3_column_text(st, 0)) + " " + sql)
        }
        return out
    }

    func triples(_ n: Int, graph: String) -> [(Term, Term, Term)] {
        (0..<n).map { i in
            (.iri("https://ex.org/\(graph)/s\(i / 4)"), .iri("https://ex.org/p\(i % 4)"),
             i % 2 == 0 ? .langString("Қазақ тілі \(i)", "kk") : .iri("https://ex.org/o\(i % 1000)"))
        }
    }

    /// A sqlite store in `dir` holding a graph of ten triples, and its indexes.
    func smallStore(in dir: URL) throws -> (store: Store, path: String, indexes: [String]) {
        let path = dir.appendingPathComponent("s.sqlite").path
        let store = try Store.open("sqlite:\(path)")
        try store.replaceGraph("https://ex.org/small", with: triples(10, graph: "small"))
        return (store, path, try indexes(path))
    }

    @Test func bulkReplaceKeepsDataAndIndexes() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (store, path, before) = try smallStore(in: dir)
        #expect(before.contains { $0.hasPrefix("spindex ") } && before.contains { $0.hasPrefix("mnemo_literals_text ") })

        let n = SQLiteBackend.bulkRows + 10_000
        let report = try store.replaceGraph("https://ex.org/big", with: triples(n, graph: "big"))
        #expect(report.added == n)
        #expect(try indexes(path) == before)
        let mine = Set(store.quads())
        store.close()

        // Mnemo and librdf both read back exactly what was written.
        let reopened = try Store.open("sqlite:\(path)")
        #expect(Set(reopened.quads()) == mine)
        #expect(mine.count == n + 10)
        reopened.close()
        #expect(Set(try RedlandReader.readSQLite(path: path)) == mine)
    }

    @Test func aFailedBulkWriteRestoresIndexesAndData() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (store, path, before) = try smallStore(in: dir)
        let kept = Set(store.quads())
        // Redland's sqlite storage cannot name a graph by a blank node: the write fails midway.
        var quads = triples(SQLiteBackend.bulkRows + 10, graph: "big").map { Quad($0.0, $0.1, $0.2, .iri("https://ex.org/big")) }
        quads.append(Quad(.iri("https://ex.org/x"), .iri("https://ex.org/p"), .string("x"), .blank("g")))
        #expect(throws: StoreError.self) { try store.add(quads) }
        #expect(try indexes(path) == before)
        #expect(Set(store.quads()) == kept)
        store.close()
        let reopened = try Store.open("sqlite:\(path)")
        defer { reopened.close() }
        #expect(Set(reopened.quads()) == kept)
    }
}
