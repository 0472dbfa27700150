import Foundation
import Testing

/// `mnemo update` as a cataloguer runs it: a summary line per request,
/// located syntax errors, LOAD only from --load-dir, failures change nothing.
@Suite(.serialized) struct UpdateCLITests {
    @Test func updatesAStoreAndReportsErrors() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = "sqlite:\(dir.path)/s.sqlite"
        let insert = try MnemoProcess.run(["update", "--store", store, "-e",
                                           "PREFIX ex: <http://example.org/>\nINSERT DATA { ex:a ex:p 1 . GRAPH ex:g { ex:a ex:p 2 } }"])
        #expect(insert.status == 0, "\(insert.stderr)")
        #expect(insert.output == "-e: 1 operation: 2 quads inserted, 0 deleted\n")

        let data = dir.appendingPathComponent("more.ttl")
        try "<http://example.org/b> <http://example.org/p> 3 .\n".write(to: data, atomically: true, encoding: .utf8)
        let request = dir.appendingPathComponent("load.ru")
        try "LOAD <\(data.absoluteString)> INTO GRAPH <http://example.org/h> ;\nDELETE WHERE { <http://example.org/a> ?p 1 }"
            .write(to: request, atomically: true, encoding: .utf8)
        let load = try MnemoProcess.run(["update", "--store", store, "--load-dir", dir.path, request.path])
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.output == "\(request.path): 2 operations: 1 quad inserted, 1 deleted\n")

        // Without --load-dir, LOAD is refused and the whole request changes nothing.
        let refused = try MnemoProcess.run(["update", "--store", store, "-e",
                                            "INSERT DATA { <http://example.org/c> <http://example.org/p> 4 } ; LOAD <\(data.absoluteString)>"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("operation 2 (LOAD)"), "\(refused.stderr)")
        let count = try MnemoProcess.run(["query", "--store", store, "--format", "tsv", "-e", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"])
        #expect(count.output == "?n\n2\n")

        let bad = dir.appendingPathComponent("bad.ru")
        try "CLEAR GRAPH <http://example.org/g> ;\nDELETE DATA { ?s ?p ?o }".write(to: bad, atomically: true, encoding: .utf8)
        let syntax = try MnemoProcess.run(["update", "--store", store, bad.path])
        #expect(syntax.status != 0)
        #expect(syntax.stderr.contains("\(bad.path):2:15: DELETE DATA holds ground data"), "\(syntax.stderr)")
    }
}
