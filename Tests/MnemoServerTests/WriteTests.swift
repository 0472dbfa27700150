import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Writes over HTTP: SPARQL Update and the Graph Store Protocol, with the
/// authorization they need, against a live server.
@Suite struct WriteTests {
    static let update = "application/sparql-update"
    static func ask(_ client: any TestClientProtocol, _ q: String) async throws -> Bool {
        let r = try await client.execute(uri: "/sparql?query=\(encoded(q))", method: .get, headers: [.accept: "text/csv"])
        return r.text.contains("true")
    }

    @Test func updatesNeedAWriteToken() async throws {
        let h = try ServerHarness()
        let insert = ByteBuffer(string: #"INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> "Шоқан"@kk } }"#)
        try await h.run { client in
            let none = try await client.execute(uri: "/sparql", method: .post, headers: [.contentType: Self.update], body: insert)
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let reader = try await client.execute(uri: "/sparql", method: .post,
                                                  headers: .bearer(h.readToken, [.contentType: Self.update]), body: insert)
            #expect(reader.status == .forbidden)
            let wrong = try await client.execute(uri: "/sparql", method: .post,
                                                 headers: .bearer(h.writeToken + "0", [.contentType: Self.update]), body: insert)
            #expect(wrong.status == .unauthorized)
            let basic = try await client.execute(uri: "/sparql", method: .post,
                                                 headers: [.contentType: Self.update, .authorization: "Basic YTpi"], body: insert)
            #expect(basic.status == .unauthorized)
            #expect(try await !Self.ask(client, #"ASK { GRAPH <urn:g> { <urn:s> <urn:p> "Шоқан"@kk } }"#))
            let ok = try await client.execute(uri: "/sparql", method: .post,
                                              headers: .bearer(h.writeToken, [.contentType: Self.update]), body: insert)
            #expect(ok.status == .ok)
            #expect(ok.text.contains("\"inserted\":1"))
            #expect(try await Self.ask(client, #"ASK { GRAPH <urn:g> { <urn:s> <urn:p> "Шоқан"@kk } }"#))
            // The same through a form, with a read token refused.
            let viaForm = try await client.execute(uri: "/sparql", method: .post,
                headers: .bearer(h.writeToken, [.contentType: "application/x-www-form-urlencoded"]),
                body: form([("update", "DELETE WHERE { GRAPH <urn:g> { ?s ?p ?o } }")]))
            #expect(viaForm.status == .ok)
            #expect(try await !Self.ask(client, "ASK { GRAPH <urn:g> { ?s ?p ?o } }"))
        }
    }

    @Test func aFailingRequestChangesNothing() async throws {
        let h = try ServerHarness()
        try await h.run { client in
            let count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
            let before = try await client.execute(uri: "/sparql?query=\(encoded(count))", method: .get, headers: [.accept: "text/csv"]).text
            // The first operation would insert, the second fails (no such graph, not SILENT): nothing lands.
            let r = try await client.execute(uri: "/sparql", method: .post, headers: .bearer(h.writeToken, [.contentType: Self.update]),
                body: ByteBuffer(string: "INSERT DATA { GRAPH <urn:new> { <urn:a> <urn:b> <urn:c> } } ; DROP GRAPH <urn:missing>"))
            #expect(r.status == .badRequest)
            #expect(r.text.contains("operation 2"))
            let syntax = try await client.execute(uri: "/sparql", method: .post, headers: .bearer(h.writeToken, [.contentType: Self.update]),
                body: ByteBuffer(string: "INSERT DATA { <urn:a> <urn:b> }"))
            #expect(syntax.status == .badRequest)
            #expect(syntax.text.contains("line 1, column"))
            let load = try await client.execute(uri: "/sparql", method: .post, headers: .bearer(h.writeToken, [.contentType: Self.update]),
                body: ByteBuffer(string: "LOAD <file:///etc/passwd>"))
            #expect(load.status == .badRequest)
            let after = try await client.execute(uri: "/sparql?query=\(encoded(count))", method: .get, headers: [.accept: "text/csv"]).text
            #expect(before == after)
        }
    }

    @Test func readOnlyAndProtectedReads() async throws {
        let ro = try ServerHarness { $0.readOnly = true }
        try await ro.run { client in
            let r = try await client.execute(uri: "/sparql", method: .post, headers: .bearer(ro.writeToken, [.contentType: Self.update]),
                                             body: ByteBuffer(string: "CLEAR ALL"))
            #expect(r.status == .forbidden)
            #expect(r.text.contains("read-only"))
            let put = try await client.execute(uri: "/rdf-graph-store?graph=urn:g", method: .put,
                headers: .bearer(ro.writeToken, [.contentType: "text/turtle"]), body: ByteBuffer(string: "<urn:a> <urn:b> <urn:c> ."))
            #expect(put.status == .forbidden)
        }
        let closed = try ServerHarness { $0.protectReads = true }
        try await closed.run { client in
            let anonymous = try await client.execute(uri: "/sparql?query=\(encoded("ASK {}"))", method: .get)
            #expect(anonymous.status == .unauthorized)
            let reader = try await client.execute(uri: "/sparql?query=\(encoded("ASK {}"))", method: .get, headers: .bearer(closed.readToken))
            #expect(reader.status == .ok)
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
        }
    }

    @Test func graphStoreProtocol() async throws {
        let h = try ServerHarness()
        let g = "/rdf-graph-store?graph=\(encoded("http://example.org/graph/new"))"
        let turtle: HTTPFields = .bearer(h.writeToken, [.contentType: "text/turtle"])
        try await h.run { client in
            #expect(try await client.execute(uri: g, method: .get).status == .notFound)
            let created = try await client.execute(uri: g, method: .put, headers: turtle,
                body: ByteBuffer(string: #"<http://example.org/a> <http://example.org/name> "Чокан Валиханов"@ru ."#))
            #expect(created.status == .created)
            let replaced = try await client.execute(uri: g, method: .put, headers: turtle,
                body: ByteBuffer(string: #"<http://example.org/b> <http://example.org/name> "Shokan"@en . _:x <http://example.org/p> _:x ."#))
            #expect(replaced.status == .noContent)
            let get = try await client.execute(uri: g, method: .get, headers: [.accept: "application/n-triples"])
            #expect(get.status == .ok)
            #expect(get.headers[.contentType] == "application/n-triples; charset=utf-8")
            #expect(get.text.contains("\"Shokan\"@en"))
            #expect(!get.text.contains("Валиханов"))
            let head = try await client.execute(uri: g, method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            let merged = try await client.execute(uri: g, method: .post, headers: .bearer(h.writeToken, [.contentType: "application/n-triples"]),
                body: ByteBuffer(string: "<http://example.org/c> <http://example.org/p> \"3\" .\n"))
            #expect(merged.status == .noContent)
            let three = try await client.execute(uri: g, method: .get, headers: [.accept: "application/n-triples"])
            #expect(three.text.split(separator: "\n").count == 3)
            let bad = try await client.execute(uri: g, method: .put, headers: turtle, body: ByteBuffer(string: "<http://example.org/a> <b"))
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("line"))
            let media = try await client.execute(uri: g, method: .put, headers: .bearer(h.writeToken, [.contentType: "image/png"]),
                                                 body: ByteBuffer(string: "x"))
            #expect(media.status == .unsupportedMediaType)
            let unauthorized = try await client.execute(uri: g, method: .delete)
            #expect(unauthorized.status == .unauthorized)
            #expect(try await client.execute(uri: g, method: .delete, headers: .bearer(h.writeToken)).status == .noContent)
            #expect(try await client.execute(uri: g, method: .delete, headers: .bearer(h.writeToken)).status == .notFound)
            #expect(try await client.execute(uri: g, method: .get).status == .notFound)
            // POST to the store itself makes a new graph and says where.
            let fresh = try await client.execute(uri: "/rdf-graph-store", method: .post, headers: turtle,
                                                 body: ByteBuffer(string: "<http://example.org/d> <http://example.org/p> 4 ."))
            #expect(fresh.status == .created)
            let location = try #require(fresh.headers[.location])
            let back = try await client.execute(uri: "/rdf-graph-store?graph=\(encoded(location))", method: .get)
            #expect(back.status == .ok)
            let both = try await client.execute(uri: g + "&default", method: .get)
            #expect(both.status == .badRequest)
            let defaultGraph = try await client.execute(uri: "/rdf-graph-store?default", method: .put, headers: turtle,
                body: ByteBuffer(string: "<http://example.org/e> <http://example.org/p> 5 ."))
            #expect(defaultGraph.status == .noContent)
            let d = try await client.execute(uri: "/rdf-graph-store?default", method: .get, headers: [.accept: "application/n-triples"])
            #expect(d.text == "<http://example.org/e> <http://example.org/p> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n")
        }
    }

    @Test func aLongUpdateDoesNotStopReads() async throws {
        let h = try ServerHarness()
        // An update whose WHERE is a large cross product: it runs for a while, holding the write lock.
        let slow = "INSERT { GRAPH <urn:big> { <urn:x> <urn:n> ?n } } WHERE { SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g a ?i } }"
        try await h.run { client in
            async let update = { () async throws -> (TestResponse, ContinuousClock.Instant) in
                let r = try await client.execute(uri: "/sparql", method: .post,
                                                 headers: .bearer(h.writeToken, [.contentType: Self.update]), body: ByteBuffer(string: slow))
                return (r, ContinuousClock.now)
            }()
            try await Task.sleep(for: .milliseconds(100))
            let reader = TestClient(host: "127.0.0.1", port: client.port!)
            reader.connect()
            let read = try await reader.execute(.init("/sparql?query=\(encoded("ASK { ?s ?p ?o }"))", method: .get, headers: [.accept: "text/csv"]))
            let readDone = ContinuousClock.now
            try await reader.shutdown()
            let (u, updateDone) = try await update
            #expect(read.status == .ok)
            #expect(u.status == .ok)
            // The read was answered while the update was still running.
            #expect(readDone < updateDone)
            #expect(try await Self.ask(client, "ASK { GRAPH <urn:big> { <urn:x> <urn:n> ?n } }"))
        }
    }
}
