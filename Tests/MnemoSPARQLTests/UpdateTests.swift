import Foundation
import MnemoRDF
import MnemoSPARQL
import MnemoSPARQLSyntax
import MnemoStore
import Testing

/// SPARQL Update as a cataloguer relies on it: all or nothing, readers
/// undisturbed, LOAD confined to one directory, errors that say where.
@Suite struct UpdateTests {
    static let ex = "PREFIX ex: <http://example.org/>\n"

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-update-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func count(_ store: Store, _ pattern: String = "?s ?p ?o") throws -> Int {
        guard case .solutions(let t) = try SPARQLEngine(store: store).query("SELECT (COUNT(*) AS ?n) WHERE { \(pattern) }"),
              case .literal(let l)?? = t.rows.first?.first else { return -1 }
        return Int(l.lexical) ?? -1
    }

    @Test func operationsSeeEarlierOnesAndSummaryIsNet() throws {
        let store = try Store.open("memory:")
        let engine = SPARQLEngine(store: store)
        let summary = try engine.update(Self.ex + """
            INSERT DATA { ex:a ex:p 1 . ex:b ex:p 2 . GRAPH ex:g { ex:a ex:q "x" } } ;
            DELETE { ?s ex:p 2 } INSERT { ?s ex:r 3 } WHERE { ?s ex:p 2 } ;
            INSERT { GRAPH ex:h { ?s ?p ?o } } WHERE { GRAPH ex:g { ?s ?p ?o } }
            """)
        #expect(summary == UpdateSummary(inserted: 4, deleted: 0, operations: 3))
        #expect(store.quads(graph: .iri("http://example.org/h")).count == 1)
        #expect(store.quads(subject: .iri("http://example.org/b")).map(\.predicate) == [.iri("http://example.org/r")])
        let later = try engine.update(Self.ex + "DELETE WHERE { ex:a ex:p ?o } ; DROP GRAPH ex:h")
        #expect(later == UpdateSummary(inserted: 0, deleted: 2, operations: 2))
    }

    @Test(arguments: ["memory:", "sqlite:", "bdb:"])
    func defaultGraphTriplesAlsoHeldByNamedGraphs(_ kind: String) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let location = kind == "memory:" ? kind : kind + dir.path + "/store"
        var store = try Store.open(location)
        let engine = SPARQLEngine(store: store)
        try engine.update(Self.ex + "INSERT DATA { ex:a ex:p \"v\" . ex:b ex:p 1 . ex:c ex:p 2 . GRAPH ex:g { ex:a ex:p \"v\" . ex:b ex:p 1 } }")
        try engine.update(Self.ex + "DELETE DATA { ex:a ex:p \"v\" . ex:b ex:p 1 }")
        #expect(store.quads().count == 3, "\(location)")
        #expect(store.quads(graph: .iri("http://example.org/g")).count == 2)
        guard kind != "memory:" else { return }
        // The default graph survives a reopen.
        store.close()
        store = try Store.open(location)
        defer { store.close() }
        #expect(store.quads().filter { $0.graph == nil }.map(\.subject) == [.iri("http://example.org/c")], "\(location)")
    }

    @Test func failingOperationLeavesStoreAndStorageUnchanged() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let location = "sqlite:\(dir.path)/s.sqlite"
        var store = try Store.open(location)
        let engine = SPARQLEngine(store: store)
        try engine.update(Self.ex + "INSERT DATA { ex:a ex:p 1 }")
        let before = store.snapshot
        let options = UpdateOptions(loadDirectory: dir)
        #expect(throws: UpdateError.self) {
            try engine.update(Self.ex + "INSERT DATA { ex:b ex:p 2 } ; DELETE DATA { ex:a ex:p 1 } ; LOAD <file:///etc/passwd>",
                              options: options)
        }
        #expect(store.snapshot === before)
        #expect(try count(store) == 1)
        store.close()
        store = try Store.open(location)
        defer { store.close() }
        #expect(store.quads() == [Quad(.iri("http://example.org/a"), .iri("http://example.org/p"),
                                       .typed("1", "http://www.w3.org/2001/XMLSchema#integer"))])
    }

    @Test func silentOperationsFailQuietly() throws {
        let store = try Store.open("memory:")
        let s = try SPARQLEngine(store: store).update(Self.ex + "DROP SILENT GRAPH ex:none ; LOAD SILENT <http://example.org/x.ttl> ; INSERT DATA { ex:a ex:p 1 }")
        #expect(s == UpdateSummary(inserted: 1, deleted: 0, operations: 3))
        #expect(throws: UpdateError.self) { try SPARQLEngine(store: store).update(Self.ex + "DROP GRAPH ex:none") }
        #expect(throws: UpdateError.self) { try SPARQLEngine(store: store).update(Self.ex + "INSERT DATA { GRAPH ex:g { ex:a ex:p 1 } } ; CREATE GRAPH ex:g") }
        try SPARQLEngine(store: store).update(Self.ex + "CREATE GRAPH ex:new ; DROP GRAPH ex:new")
    }

    @Test func readersKeepTheirSnapshotDuringATransaction() throws {
        let store = try Store.open("memory:")
        try SPARQLEngine(store: store).update(Self.ex + "INSERT DATA { ex:a ex:p 1 }")
        let held = store.snapshot
        let seenInside: Int = try store.transaction { tx in
            tx.insert([Quad(.iri("http://example.org/b"), .iri("http://example.org/p"), .string("2"))])
            // Another reader, mid-transaction, still sees the published state.
            let outside = store.snapshot.count
            #expect(tx.snapshot.count == 2)
            return outside
        }
        #expect(seenInside == 1)
        #expect(held.count == 1)
        #expect(store.snapshot.count == 2)
    }

    @Test func insertThenDeleteInOneRequestWritesNothing() throws {
        let store = try Store.open("memory:")
        let before = store.snapshot
        let s = try SPARQLEngine(store: store).update(Self.ex + "INSERT DATA { ex:a ex:p 1 } ; DELETE DATA { ex:a ex:p 1 }")
        #expect(s == UpdateSummary(inserted: 0, deleted: 0, operations: 2))
        #expect(store.snapshot === before)
    }

    @Test func loadOnlyInsideTheLoadDirectory() throws {
        let dir = try Self.temporaryDirectory(), outside = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: outside) }
        let turtle = "<http://example.org/a> <http://example.org/p> _:b .\n"
        try turtle.write(to: dir.appendingPathComponent("in.ttl"), atomically: true, encoding: .utf8)
        try turtle.write(to: outside.appendingPathComponent("out.ttl"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("link.ttl"),
                                                   withDestinationURL: outside.appendingPathComponent("out.ttl"))
        let store = try Store.open("memory:")
        let engine = SPARQLEngine(store: store)
        let options = UpdateOptions(loadDirectory: dir)
        let inside = dir.appendingPathComponent("in.ttl").absoluteString
        let s = try engine.update("LOAD <\(inside)> INTO GRAPH <http://example.org/g> ; LOAD <\(inside)>", options: options)
        #expect(s.inserted == 2)
        #expect(store.quads(graph: .iri("http://example.org/g")).count == 1)
        for refused in [outside.appendingPathComponent("out.ttl").absoluteString,
                        dir.appendingPathComponent("link.ttl").absoluteString,
                        dir.absoluteString + "../" + outside.lastPathComponent + "/out.ttl",
                        "http://example.org/data.ttl"] {
            #expect(throws: UpdateError.self, "\(refused)") { try engine.update("LOAD <\(refused)>", options: options) }
        }
        #expect(throws: UpdateError.self) { try engine.update("LOAD <\(inside)>") }
        #expect(store.snapshot.count == 2)
    }

    @Test func syntaxErrorsSayWhereAndWhat() throws {
        func error(_ text: String) -> SPARQLSyntaxError? {
            do { _ = try SPARQLParser.parseUpdate(text); return nil } catch { return error as? SPARQLSyntaxError }
        }
        let e1 = error("INSERT DATA { <s> <p> <o> } ;\nCREATE DEAFULT")
        #expect(e1?.line == 2 && e1?.column == 8)
        #expect(e1?.message.contains("expected GRAPH") == true)
        let e2 = error("DELETE DATA { ?s <p> <o> }")
        #expect(e2?.column == 15 && e2?.message.contains("variable ?s is not allowed") == true)
        let e3 = error("CREATE GRAPH <g>\nLOAD <x>")
        #expect(e3?.line == 2 && e3?.message.contains("expected ';'") == true)
        let e4 = error("DELETE { <s> <p> [] } WHERE { ?x <p> <o> }")
        #expect(e4?.column == 18 && e4?.message.contains("blank nodes are not allowed") == true)
        let e5 = error("INSERT DATA { _:b <p> <o> } ;\nINSERT DATA { _:b <p> <o> }")
        #expect(e5?.line == 2 && e5?.message.contains("earlier operation") == true)
        // The query parser still points updates elsewhere.
        #expect(throws: SPARQLSyntaxError.self) { try SPARQLParser.parse("INSERT DATA { <s> <p> <o> }") }
        let parsed = try SPARQLParser.parseUpdate("PREFIX ex: <http://example.org/>\nCLEAR DEFAULT ;\nBASE <http://b/> COPY SILENT <g> TO DEFAULT ;")
        #expect(parsed.operations == [.clear(.defaultGraph, silent: false), .copy(.named("http://b/g"), to: .defaultGraph, silent: true)])
    }
}
