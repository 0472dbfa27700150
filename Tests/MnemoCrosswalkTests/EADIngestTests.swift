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
