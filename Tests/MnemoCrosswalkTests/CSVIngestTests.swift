import Foundation
import MnemoCrosswalk
import Testing

@Suite struct CSVIngestTests {
    @Test func whoMadeThisObjectAndWhen() throws {
        let d = try Ingested(.csv, ["csv/museum-almaty.csv"], institution: "almaty-museum", dataset: "register")
        // Who made the Kyz Zhibek illustration, and in what role?
        let rows = try d.select("""
            SELECT ?name ?role WHERE {
              ?obj dc:title "Kyz Zhibek"@en ; crm:P108i_was_produced_by|^crm:P108_has_produced ?prod .
              ?prod crm:P14_carried_out_by ?who . ?who rdfs:label ?name .
              ?pc crm:P01_has_domain ?prod ; crm:P02_has_range ?who ; crm:P14.1_in_the_role_of/skos:prefLabel ?role .
            } ORDER BY ?name
            """)
        #expect(rows.map { $0["name"]! } == ["Кастеев Абылхан", "Телжанов Канафия"])
        #expect(Set(rows.map { $0["role"]! }) == ["artist"])
        // One person, shared by both objects, keyed by the Wikidata URI.
        let kasteev = try d.column("""
            SELECT DISTINCT ?p WHERE { ?p skos:exactMatch <http://www.wikidata.org/entity/Q4115189> }
            """, "p")
        #expect(kasteev.count == 1)
        let objects = try d.column("SELECT ?o WHERE { ?o dc:creator <\(kasteev[0])> }", "o")
        #expect(objects.count == 2)
        // His birth year from the life dates column.
        let born = try d.column("""
            SELECT ?b WHERE { <\(kasteev[0])> ^crm:P98_brought_into_life/crm:P4_has_time-span/crm:P82a_begin_of_the_begin ?b }
            """, "b")
        #expect(born == ["1904-01-01T00:00:00"])
    }

    @Test func messyDatesBecomeBoundsOrReports() throws {
        let d = try Ingested(.csv, ["csv/museum-almaty.csv"], institution: "almaty-museum", dataset: "register")
        let spans = try d.select("""
            SELECT ?title ?label ?b ?e WHERE {
              ?obj dc:title ?title ; dcterms:created ?ts . FILTER(LANG(?title) = "en")
              ?ts rdfs:label ?label .
              OPTIONAL { ?ts crm:P82a_begin_of_the_begin ?b ; crm:P82b_end_of_the_end ?e }
            } ORDER BY ?title
            """)
        let byTitle = Dictionary(uniqueKeysWithValues: spans.map { ($0["title"]!, $0) })
        #expect(byTitle["Portrait of Abai Kunanbayev@en"]?["b"] == "1945-01-01T00:00:00")
        #expect(byTitle["Portrait of Abai Kunanbayev@en"]?["e"] == "1945-12-31T23:59:59")
        #expect(byTitle["Felt carpet (tekemet)@en"]?["label"] == "XIX в.")
        #expect(byTitle["Felt carpet (tekemet)@en"]?["b"] == "1801-01-01T00:00:00")
        #expect(byTitle["Felt carpet (tekemet)@en"]?["e"] == "1900-12-31T23:59:59")
        #expect(byTitle["Dombra@en"]?["b"] == "1910-01-01T00:00:00")
        #expect(byTitle["Saddle@en"]?["b"] == "1701-01-01T00:00:00")
        // The unparseable date is kept as text, without bounds, and reported.
        #expect(byTitle["Unknown object@en"]?["label"] == "someday soon")
        #expect(byTitle["Unknown object@en"]?["b"] == nil)
        let report = d.reports.first { $0.record == "КП-1026" }
        #expect(report?.problems.contains { $0.code == "unparsed-date" } == true)
    }

    @Test func badRowIsSkippedAndReportedTheRestStored() throws {
        let d = try Ingested(.csv, ["csv/museum-almaty.csv"], institution: "almaty-museum", dataset: "register")
        #expect(d.result.summary.recordsRead == 7)
        #expect(d.result.summary.stored == 6)
        #expect(d.result.summary.skipped == 1)
        let skipped = d.reports.filter { $0.status == .skipped }
        #expect(skipped.count == 1)
        #expect(skipped.first?.location?.hasSuffix("museum-almaty.csv:8") == true)
        // Quoted cell with doubled quotes survives byte-exact.
        let from = try d.column("SELECT ?n WHERE { ?acq a crm:E8_Acquisition ; crm:P23_transferred_title_from/rdfs:label ?n }", "n")
        #expect(from.contains("Экспедиция \"Жетысу\""))
        // Missing EDM rights reported for the rows without it.
        let noRights = d.reports.filter { $0.problems.contains { $0.field == "edm:rights" } }.compactMap(\.record).sorted()
        #expect(noRights == ["КП-1024", "КП-1025", "КП-1026"])
    }

    @Test func reingestingTheSameDatasetKeepsTheQuadCount() throws {
        let first = try Ingested(.csv, ["csv/museum-almaty.csv"], institution: "almaty-museum", dataset: "register")
        let n = first.store.snapshot.count
        #expect(n > 100)
        let again = try Ingested(.csv, ["csv/museum-almaty.csv"], institution: "almaty-museum", dataset: "register", store: first.store)
        #expect(again.store.snapshot.count == n)
        #expect(again.result.replace?.added == 0)
        #expect(again.result.replace?.removed == 0)
    }
}
