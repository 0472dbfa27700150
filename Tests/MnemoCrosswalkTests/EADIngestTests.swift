import Foundation
import MnemoCrosswalk
import Testing

@Suite struct EADIngestTests {
    static let graph = "https://data.mnemo.example/graph/kazan-archive/kazan-yunusov-family"

    @Test func nineLevelsOfNestingBecomeAHoldingHierarchy() throws {
        let d = try Ingested(.ead, ["ead/kazan-yunusov-family.xml"], institution: "kazan-archive", dataset: "kazan-yunusov-family")
        #expect(d.result.summary.stored == 15)
        // The deepest unit sits nine levels below the fonds.
        let rows = try d.select("""
            SELECT ?t (COUNT(?up) AS ?depth) WHERE { ?u dc:title ?t ; crm:P46i_forms_part_of+ ?up }
            GROUP BY ?t ORDER BY DESC(?depth) LIMIT 1
            """)
        #expect(rows.first?["t"] == "Расписка в получении денег")
        #expect(rows.first?["depth"] == "9")
        // Every unit is a curated holding, and parents list their parts.
        #expect(try d.column("SELECT ?u WHERE { ?u a crm:E78_Curated_Holding }", "u").count == 15)
        #expect(try d.ask("ASK { ?fonds dc:title \"Юнусовы, казанские купцы, семья\" ; crm:P46_is_composed_of/crm:P46_is_composed_of ?x }"))
    }

    @Test func originatorWithAlternativeBirthYears() throws {
        let d = try Ingested(.ead, ["ead/kazan-yunusov-family.xml"], institution: "kazan-archive", dataset: "kazan-yunusov-family")
        // "1758 или 1763-1848": born in one of two years, died 1848.
        let rows = try d.select("""
            SELECT ?b ?e ?died WHERE {
              ?p rdfs:label "Юнусов Ибрагим" ; skos:exactMatch <http://viaf.org/viaf/999000010> .
              ?birth crm:P98_brought_into_life ?p ; crm:P4_has_time-span [ crm:P82a_begin_of_the_begin ?b ; crm:P82b_end_of_the_end ?e ] .
              ?death crm:P100_was_death_of ?p ; crm:P4_has_time-span/crm:P82a_begin_of_the_begin ?died .
            }
            """)
        #expect(rows.count == 1)
        #expect(rows.first?["b"] == "1758-01-01T00:00:00")
        #expect(rows.first?["e"] == "1763-12-31T23:59:59")
        #expect(rows.first?["died"] == "1848-01-01T00:00:00")
        // Which units mention Kazan?
        #expect(try d.column("SELECT ?t WHERE { ?u dcterms:spatial/rdfs:label \"Казань\" ; dc:title ?t }", "t")
                == ["Юнусовы, казанские купцы, семья"])
    }

    @Test func provenanceAndBiography() throws {
        let d = try Ingested(.ead, ["ead/kazan-yunusov-family.xml"], institution: "kazan-archive", dataset: "kazan-yunusov-family")
        // How and when did the archive receive the fonds, and from whom?
        let acq = try d.select("""
            SELECT ?from ?role ?begin ?note WHERE {
              ?fonds dc:title "Юнусовы, казанские купцы, семья" .
              ?e a crm:E8_Acquisition ; crm:P24_transferred_title_of ?fonds ; crm:P3_has_note ?note ;
                 crm:P23_transferred_title_from/rdfs:label ?from ;
                 crm:P4_has_time-span/crm:P82a_begin_of_the_begin ?begin .
              ?pc crm:P01_has_domain ?e ; crm:P14.1_in_the_role_of ?role .
            }
            """)
        #expect(acq.count == 1)
        #expect(acq.first?["from"] == "Амины Юнусовой")
        #expect(acq.first?["role"] == "http://id.loc.gov/vocabulary/relators/fmo")
        #expect(acq.first?["begin"] == "1930-01-01T00:00:00")
        #expect(acq.first?["note"]?.hasPrefix("Поступили от Амины Юнусовой") == true)
        // Its custody history is a transfer of custody with the text as its note.
        #expect(try d.column("""
            SELECT ?n WHERE { ?e a crm:E10_Transfer_of_Custody ; crm:P30_transferred_custody_of/dc:title "Юнусовы, казанские купцы, семья" ; crm:P3_has_note ?n }
            """, "n") == ["До 1918 г. документы хранились в семье; в 1930 г. переданы в Центральный архив Татарской АССР."])
        // The biography is a note on the creator it tells of.
        #expect(try d.column("""
            SELECT ?n WHERE { ?c crm:P108_has_produced/dc:title "Юнусовы, казанские купцы, семья" ; crm:P14_carried_out_by/skos:note ?n }
            """, "n") == ["Купеческая семья, известная в Казани с XVIII в.; владельцы торгового дома и благотворители."])
        #expect(d.reports.allSatisfy { !$0.problems.contains { $0.code == "unknown-role" && $0.message.contains("former owner") } })
    }

    @Test func findingAidWithoutNamespaceAndUnnumberedComponents() throws {
        let d = try Ingested(.ead, ["ead/almaty-kasteev-nonamespace.xml"], institution: "almaty-archive", dataset: "kasteev")
        #expect(d.result.summary.stored == 7)
        #expect(d.result.summary.skipped == 0)
        // The fonds has no unitid: it is identified by the finding aid's eadid.
        #expect(try d.ask("ASK { ?f crm:P1_is_identified_by/crm:P190_has_symbolic_content \"KZ-AOA-F-1500\" ; crm:P46_is_composed_of ?part }"))
        #expect(try d.column("SELECT ?pl WHERE { ?u dc:title \"Қастеев Әбілхан (1904–1973), суретші\" ; dcterms:spatial/rdfs:label ?pl }", "pl")
                == ["Алматы", "Жаркент"])
    }
}
