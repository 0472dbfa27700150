import Foundation
import MnemoCrosswalk
import MnemoHarvest
import MnemoIngest
import MnemoStore
import MnemoTestSupport
import Testing

/// OAI-PMH harvests into the store, against a repository served on loopback.
@Suite(.serialized) struct HarvestIngestTests {
    static let changesRoute = OAITestRoute(["verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-06-01"],
                                           .file("list-records-changes.xml"))

    func harvest(_ store: Store, port: Int, from: String? = nil) async throws -> DatasetHarvest.Result {
        let cw = try Crosswalk(IngestOptions(format: .oai_dc, institution: "hub", dataset: "oai-dc"))
        let report = try RecordReportWriter(path: nil)
        let client = OAIClient(options: OAIHarvestOptions(baseURL: URL(string: "http://127.0.0.1:\(port)/oai")!,
                                                          metadataPrefix: "oai_dc", from: from, maxRetries: 1))
        _ = try await client.identify()
        return try await DatasetHarvest(crosswalk: cw, report: report).run(client: client, into: store)
    }

    func view(_ store: Store) -> Ingested.View { Ingested.View(store: store) }

    @Test func fullHarvestStoresEveryLiveRecord() async throws {
        let server = OAITestServer()
        let port = try server.start()
        defer { server.stop() }
        let store = try Store.open("memory:")
        let r = try await harvest(store, port: port)
        #expect(r.oai.pages == 3)
        #expect(r.summary.recordsRead == 8)
        #expect(r.summary.deleted == 2)
        #expect(r.summary.stored == 6)
        #expect(r.oai.responseDate == "2024-05-01T10:00:00Z")
        let v = view(store)
        // Which records did Абай Құнанбайұлы create, and when?
        let rows = try v.select("""
            SELECT ?title ?date WHERE {
              ?o dc:creator/rdfs:label "Абай Құнанбайұлы" ; dc:title ?title ; dc:date ?date .
            }
            """)
        #expect(rows.map { $0["title"]! } == ["Қара сөздер@kk"])
        #expect(rows.map { $0["date"]! } == ["1890"])
        // Both scripts of the Xamsa title, kept with their tags.
        #expect(try v.column("SELECT ?t WHERE { ?o dc:creator/rdfs:label \"Alisher Navoiy\" ; dc:title ?t }", "t")
                == ["Xamsa@uz-latn", "Хамса@uz-cyrl"])
        // Harvesting again changes nothing.
        let again = try await harvest(store, port: port)
        #expect(again.replace.added == 0 && again.replace.removed == 0)
    }

    @Test func incrementalHarvestReplacesUpdatesAndRemovesDeletions() async throws {
        let server = OAITestServer(routes: OAITestServer.standardRoutes + [Self.changesRoute])
        let port = try server.start()
        defer { server.stop() }
        let store = try Store.open("memory:")
        _ = try await harvest(store, port: port)
        let v = view(store)
        let objects = "SELECT ?o WHERE { ?o a edm:ProvidedCHO }"
        #expect(try v.column(objects, "o").count == 6)
        let xamsa = try #require(try v.column("SELECT ?o WHERE { ?o dc:title \"Xamsa\"@uz-latn }", "o").first)

        let r = try await harvest(store, port: port, from: "2024-06-01")
        #expect(r.summary.recordsRead == 3)
        #expect(r.summary.deleted == 1)
        #expect(r.oai.responseDate == "2024-07-01T09:00:00Z")
        let after = try v.column(objects, "o")
        #expect(after.count == 6)             // one removed, one added
        #expect(!after.contains(xamsa))
        // Nothing under the deleted record's URI is left, nor its author, whom no other record names.
        #expect(try !v.ask("ASK { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"\(xamsa)\")) }"))
        #expect(try !v.ask("ASK { ?a rdfs:label \"Alisher Navoiy\" }"))
        // The updated record has both titles now, once each.
        #expect(try v.column("SELECT ?t WHERE { ?o dc:creator/rdfs:label \"Mirzo Ulugʻbek\" ; dc:title ?t }", "t")
                == ["Ziji Koʻragoniy@uz-latn", "Зижи Кўрагоний@uz-cyrl"])
        // The new record, with its date parsed.
        #expect(try v.column("""
            SELECT ?b WHERE { ?o dc:title ?t FILTER(STRSTARTS(?t, "Мостафадел")) . ?o dcterms:created/crm:P82a_begin_of_the_begin ?b }
            """, "b") == ["1885-01-01T00:00:00"])
        // Untouched records are as they were.
        #expect(try v.ask("ASK { ?o dc:creator/rdfs:label \"Абай Құнанбайұлы\" ; dc:title \"Қара сөздер\"@kk }"))
        // The same incremental harvest again changes nothing.
        let again = try await harvest(store, port: port, from: "2024-06-01")
        #expect(again.replace.added == 0 && again.replace.removed == 0)
    }

    @Test func aFailedHarvestLeavesTheStoreAsItWas() async throws {
        let server = OAITestServer(routes: [
            OAITestRoute(["verb": "Identify"], .file("identify.xml")),
            OAITestRoute(["verb": "ListRecords", "metadataPrefix": "oai_dc"], .file("list-records-1.xml")),
            // The second page is gone: the repository answers 500 forever.
            OAITestRoute(["verb": "ListRecords", "resumptionToken": OAITestServer.page2Token], .status(500, body: "down")),
        ])
        let port = try server.start()
        defer { server.stop() }
        let store = try Store.open("memory:")
        _ = try store.add([.init(.iri("urn:x"), .iri("urn:p"), .string("kept"), .iri("urn:g"))])
        await #expect(throws: OAIError.self) { _ = try await harvest(store, port: port) }
        #expect(store.snapshot.count == 1)
    }
}
