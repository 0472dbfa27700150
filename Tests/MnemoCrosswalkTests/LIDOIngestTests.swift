import Foundation
import MnemoCrosswalk
import Testing

@Suite struct LIDOIngestTests {
    @Test func inscriptionsAndRelatedWorks() throws {
        let d = try Ingested(.lido, ["lido/museum-almaty-lido11.xml"], institution: "almaty-museum")
        // What is written on the dombra, what kind of inscription is it, and where is it?
        let rows = try d.select("""
            SELECT ?text ?kind ?note WHERE {
              ?o dc:title "Домбыра"@kk ; crm:P128_carries ?i .
              ?i a crm:E34_Inscription ; crm:P190_has_symbolic_content ?text ;
                 crm:P2_has_type/skos:prefLabel ?kind ; crm:P3_has_note ?note .
            }
            """)
        #expect(rows.count == 1)
        #expect(rows.first?["text"] == "Шебер Ж. Қасымов, 1936@kk")
        #expect(rows.first?["kind"] == "maker's mark@en")
        #expect(rows.first?["note"] == "Burnt into the inside of the soundboard.@en")
        // Which works is it related to?
        #expect(try d.column("SELECT ?r WHERE { ?o dc:title \"Домбыра\"@kk ; dc:relation ?r }", "r")
                == ["https://museum.almaty.example/objects/AMA-MI-1972-015"])
    }

    @Test func whoMadeTheManuscriptWhereAndInWhichCountry() throws {
        let d = try Ingested(.lido, ["lido/museum-tashkent-lido10.xml"], institution: "tashkent-museum")
        #expect(d.result.summary.stored == 3)
        let rows = try d.select("""
            SELECT ?maker ?role ?place ?country WHERE {
              ?o dc:title "Alisher Navoi, Khamsa, manuscript copy"@en .
              ?prod crm:P108_has_produced ?o ; crm:P14_carried_out_by ?m ; crm:P7_took_place_at ?p .
              ?m rdfs:label ?maker . ?p rdfs:label ?place .
              ?pc crm:P01_has_domain ?prod ; crm:P02_has_range ?m ; crm:P14.1_in_the_role_of/skos:prefLabel ?role .
              ?p crm:P89_falls_within+ ?c . ?c rdfs:label ?country . FILTER NOT EXISTS { ?c crm:P89_falls_within ?any }
            }
            """)
        #expect(rows.count == 1)
        #expect(rows.first?["maker"] == "Muhammad Yusuf Samarqandiy@uz-latn")
        #expect(rows.first?["place"] == "Samarqand@uz-latn")
        #expect(rows.first?["country"] == "Oʻzbekiston@uz-latn")
        #expect(rows.first?["role"] != nil)
        // The scribe's birth is "c.1630": approximate, widened to 1625–1635, the original kept.
        let birth = try d.select("""
            SELECT ?b ?e ?label WHERE {
              ?m rdfs:label "Muhammad Yusuf Samarqandiy"@uz-latn ; ^crm:P98_brought_into_life/crm:P4_has_time-span ?ts .
              ?ts crm:P82a_begin_of_the_begin ?b ; crm:P82b_end_of_the_end ?e ; rdfs:label ?label .
            }
            """)
        #expect(birth.first?["b"] == "1625-01-01T00:00:00")
        #expect(birth.first?["e"] == "1635-12-31T23:59:59")
        #expect(birth.first?["label"] == "c.1630")
        // Authority links kept as skos:exactMatch.
        #expect(try d.ask("ASK { ?m rdfs:label \"Muhammad Yusuf Samarqandiy\"@uz-latn ; skos:exactMatch <http://vocab.getty.edu/ulan/500999101> }"))
        #expect(try d.ask("ASK { ?p rdfs:label \"Samarqand\"@uz-latn ; skos:exactMatch <http://vocab.getty.edu/tgn/7999001> ; <http://www.w3.org/2003/01/geo/wgs84_pos#lat> ?lat }"))
    }

    @Test func acquisitionsLoansAndProblems() throws {
        let d = try Ingested(.lido, ["lido/museum-tashkent-lido10.xml"], institution: "tashkent-museum")
        // How did the museum get the manuscript? An acquisition with its date as written.
        #expect(try d.column("""
            SELECT ?date WHERE { ?a crm:P24_transferred_title_of/dc:title "Alisher Navoi, Khamsa, manuscript copy"@en ;
                                  a crm:E8_Acquisition ; crm:P4_has_time-span/rdfs:label ?date }
            """, "date") == ["1948-yil 14-iyun"])
        let d11 = try Ingested(.lido, ["lido/museum-almaty-lido11.xml", "lido/problem-records.xml"], institution: "almaty-museum")
        // LIDO 1.1: the portrait was lent: a transfer of custody, not of title.
        #expect(try d11.ask("""
            ASK { ?l a crm:E10_Transfer_of_Custody ; crm:P30_transferred_custody_of/dc:title "Абай Құнанбайұлының портреті"@kk }
            """))
        #expect(d11.result.summary.skipped == 1)
        let skipped = d11.reports.first { $0.status == .skipped }
        #expect(skipped?.location?.hasSuffix("problem-records.xml:8:13") == true)
        let codes = Set(d11.reports.flatMap { $0.problems.map(\.code) })
        #expect(codes.isSuperset(of: ["unknown-event-type", "unknown-role", "malformed-coordinates", "skipped"]))
    }
}
