import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// What the service publishes: resource pages, dumps, VoID, the query page, health and metrics.
@Suite struct PublishingTests {
    static let abai = "/library-almaty/person/1"

    @Test func resourcesDereferenceWithContentNegotiation() async throws {
        let h = try ServerHarness()
        try await h.run { client in
            let html = try await client.execute(uri: Self.abai, method: .get, headers: [.accept: "text/html,application/xhtml+xml,*/*;q=0.8"])
            #expect(html.status == .ok)
            #expect(html.headers[.contentType] == "text/html; charset=utf-8")
            #expect(html.headers[.vary] == "Accept")
            #expect(html.text.contains("Абай Құнанбайұлы"))
            #expect(html.text.contains("lang=\"kk\""))
            let turtle = try await client.execute(uri: Self.abai, method: .get, headers: [.accept: "text/turtle"])
            #expect(turtle.headers[.contentType] == "text/turtle; charset=utf-8")
            #expect(turtle.text.contains("crm:E21_Person"))
            let nquads = try await client.execute(uri: Self.abai + "?format=nquads", method: .get)
            #expect(nquads.headers[.contentType] == "application/n-quads; charset=utf-8")
            #expect(nquads.text.contains("<\(ServerHarness.graph)> ."))
            let jsonld = try await client.execute(uri: Self.abai, method: .get, headers: [.accept: "application/ld+json"])
            #expect(jsonld.text.contains("\"@id\""))
            let missing = try await client.execute(uri: "/library-almaty/person/999999", method: .get)
            #expect(missing.status == .notFound)
            let outside = try await client.execute(uri: "/page?iri=\(encoded("http://viaf.org/viaf/999000001"))", method: .get,
                                                   headers: [.accept: "text/html"])
            #expect(outside.status == .ok)
            let unknown = try await client.execute(uri: "/page?iri=\(encoded("http://example.org/nobody"))", method: .get)
            #expect(unknown.status == .notFound)
        }
    }

    @Test func dumpsCarryValidatorsAndAnswer304() async throws {
        let h = try ServerHarness()
        try await h.run { client in
            let index = try await client.execute(uri: "/dumps", method: .get, headers: [.accept: "application/json"])
            #expect(index.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: index.body)) as? [String: Any]
            let dumps = try #require(json?["dumps"] as? [[String: Any]])
            let all = try #require(dumps.first { ($0["name"] as? String) == "mnemo-all.nq.gz" })
            let path = try #require(all["path"] as? String)
            let r = try await client.execute(uri: path, method: .get)
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "application/gzip")
            let etag = try #require(r.headers[.eTag])
            #expect(r.headers[.lastModified] != nil)
            // The body is gzip: it starts with the gzip magic bytes.
            #expect(Array(r.body.readableBytesView.prefix(2)) == [0x1f, 0x8b])
            let again = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            // A write changes the store's ETag.
            _ = try await client.execute(uri: "/sparql", method: .post, headers: .bearer(h.writeToken, [.contentType: "application/sparql-update"]),
                                         body: ByteBuffer(string: "INSERT DATA { <urn:x> <urn:y> <urn:z> }"))
            let changed = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag])
            #expect(changed.status == .ok)
            #expect(changed.headers[.eTag] != etag)
            let html = try await client.execute(uri: "/dumps", method: .get, headers: [.accept: "text/html"])
            #expect(html.text.contains("mnemo-all.nq.gz"))
            #expect(try await client.execute(uri: "/dumps/nothing.nq.gz", method: .get).status == .notFound)
        }
    }

    @Test func voidQueryPageHealthAndMetrics() async throws {
        let h = try ServerHarness()
        try await h.run { client in
            let void = try await client.execute(uri: "/.well-known/void", method: .get, headers: [.accept: "text/turtle"])
            #expect(void.status == .ok)
            #expect(void.text.contains("void:triples"))
            #expect(void.text.contains("void:sparqlEndpoint"))
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("<textarea"))
            #expect(!page.text.contains("<script src="))
            let browserOnEndpoint = try await client.execute(uri: "/sparql", method: .get, headers: [.accept: "text/html"])
            #expect(browserOnEndpoint.text.contains("<textarea"))
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.text.contains("\"status\":\"ok\""))
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.text.contains("mnemo_http_requests_total{route=\"/health\",method=\"GET\",status=\"200\"} 1"))
            #expect(metrics.text.contains("mnemo_store_quads "))
            #expect(metrics.text.contains("mnemo_http_request_duration_seconds_bucket"))
        }
    }
}
