import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// `GET /search` over the live service holding the library fixture.
@Suite struct SearchRouteTests {
    static func hits(_ r: TestResponse) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any])
        return try #require(json["hits"] as? [[String: Any]])
    }

    @Test func searchesAcrossScriptsAndSeesWrites() async throws {
        let h = try ServerHarness()
        try await h.run { client in
            // A Cyrillic query for the library's Valikhanov (labelled in three scripts) ...
            let r = try await client.execute(uri: "/search?q=\(encoded("Уалиханов Шокан"))&type=person", method: .get)
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "application/json")
            let hits = try Self.hits(r)
            let first = try #require(hits.first)
            #expect(first["iri"] as? String == "https://data.mnemo.example/library-almaty/person/2")
            #expect(first["kind"] as? String == "person")
            #expect(first["birthYear"] as? Int == 1835)
            #expect(first["institutions"] as? [String] == [ServerHarness.graph])
            #expect((first["labels"] as? [[String: Any]])?.contains { $0["value"] as? String == "Chokan Valikhanov" } == true)
            #expect((first["how"] as? [String])?.isEmpty == false)
            // ... and a Latin query for a name written only in Cyrillic, added by a write:
            // the index follows the new snapshot.
            let before = try await client.execute(uri: "/search?q=Zhambyl+Zhabayev", method: .get)
            #expect(try Self.hits(before).isEmpty)
            let insert = ByteBuffer(string: """
                INSERT DATA { GRAPH <urn:g> { <urn:jambyl> a <http://www.cidoc-crm.org/cidoc-crm/E21_Person> ;
                  <http://www.w3.org/2000/01/rdf-schema#label> "Жамбыл Жабаев"@kk } }
                """)
            let w = try await client.execute(uri: "/sparql", method: .post,
                                             headers: .bearer(h.writeToken, [.contentType: "application/sparql-update"]), body: insert)
            #expect(w.status == .ok)
            let after = try await client.execute(uri: "/search?q=Zhambyl+Zhabayev&limit=5", method: .get)
            let found = try Self.hits(after)
            #expect(found.first?["iri"] as? String == "urn:jambyl")
            #expect((found.first?["matched"] as? [String: Any])?["value"] as? String == "Жамбыл Жабаев")
            #expect(found.first?["institutions"] as? [String] == ["urn:g"])
            // The type filter.
            let places = try Self.hits(try await client.execute(uri: "/search?q=Abai&type=place", method: .get))
            #expect(!places.isEmpty)
            #expect(places.allSatisfy { $0["kind"] as? String == "place" })
        }
    }

    @Test func refusesBadParameters() async throws {
        let h = try ServerHarness()
        try await h.run { client in
            for uri in ["/search", "/search?q=", "/search?q=%20", "/search?q=Abai&limit=0", "/search?q=Abai&limit=ten",
                        "/search?q=Abai&type=building"] {
                let r = try await client.execute(uri: uri, method: .get)
                #expect(r.status == .badRequest, "\(uri)")
                #expect(!r.text.isEmpty)
            }
            let ok = try await client.execute(uri: "/search?q=Abai&limit=1&lang=kk", method: .get)
            #expect(ok.status == .ok)
            #expect(try Self.hits(ok).count == 1)
        }
    }
}

/// The name search inside SPARQL, over the endpoint: a Latin query joined
/// with graph patterns finds a person named in Cyrillic, with its birth.
@Suite struct NameScoreSPARQLTests {
    @Test func nameScoreJoinsGraphPatterns() async throws {
        let h = try ServerHarness()
        let q = """
            PREFIX mnemo: <https://w3id.org/mnemo/fn#>
            PREFIX crm: <http://www.cidoc-crm.org/cidoc-crm/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?person ?label ?score WHERE {
              ?person a crm:E21_Person ; rdfs:label ?label .
              ?birth crm:P98_brought_into_life ?person .
              BIND(mnemo:nameScore(?label, "Kunanbaev Abai") AS ?score)
              FILTER(?score > 0.7 && lang(?label) = "ru")
            } ORDER BY DESC(?score)
            """
        try await h.run { client in
            let r = try await client.execute(uri: "/sparql?query=\(encoded(q))", method: .get, headers: [.accept: "text/csv"])
            #expect(r.status == .ok)
            let lines = r.text.split(separator: "\r\n")
            #expect(lines.first == "person,label,score")
            #expect(lines.count == 2)
            #expect(r.text.contains("Абай Кунанбаев"))
            #expect(r.text.contains("https://data.mnemo.example/library-almaty/person/1"))
            let bad = try await client.execute(
                uri: "/sparql?query=\(encoded("SELECT (<https://w3id.org/mnemo/fn#nameScore>(1) AS ?s) {}"))", method: .get,
                headers: [.accept: "text/csv"])
            #expect(bad.status == .ok)
            #expect(bad.text == "s\r\n\r\n")
        }
    }
}
