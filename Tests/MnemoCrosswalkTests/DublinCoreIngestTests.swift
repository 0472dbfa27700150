import Foundation
import MnemoCrosswalk
import Testing

@Suite struct DublinCoreIngestTests {
    @Test func simpleAndQualifiedDublinCore() throws {
        let d = try Ingested(.oai_dc, ["dc/oai-dc-records.xml", "dc/qualified-dc.xml"], institution: "dc-test", dataset: "dc")
        #expect(d.result.summary.stored == 4)
        #expect(d.result.summary.skipped == 1)
        // Who wrote «Абай жолы», in which language, and when was it issued?
        let rows = try d.select("""
            SELECT DISTINCT ?creator ?lang WHERE { ?o dc:title "Абай жолы"@kk ; dc:creator/rdfs:label ?creator ; dc:language ?lang }
            """)
        #expect(rows.map { $0["creator"]! } == ["Әуезов, Мұхтар@kk"])
        #expect(rows.map { $0["lang"]! } == ["kaz"])
        // Which records are about a place in Kazan?
        #expect(try d.column("SELECT ?t WHERE { ?o dcterms:spatial/rdfs:label \"Казань\"@ru ; dc:title ?t FILTER(LANG(?t) = \"en\") }", "t")
                == ["The Kazan Merchants' Assembly building@en"])
        // "ок. 1905" (Russian circa) becomes 1900–1910.
        #expect(try d.column("""
            SELECT ?b WHERE { ?o dc:title "The Kazan Merchants' Assembly building"@en ; dcterms:created/crm:P82a_begin_of_the_begin ?b }
            """, "b") == ["1900-01-01T00:00:00"])
    }

    @Test func relationsProvenanceAndRightsHolder() throws {
        let d = try Ingested(.oai_dc, ["dc/qualified-dc.xml"], institution: "dc-test", dataset: "dc")
        // What does «Абай жолы» cite, which versions exist, and who holds the rights?
        #expect(try d.column("SELECT ?r WHERE { ?o dc:title \"Абай жолы\"@kk ; dcterms:references ?r FILTER(isIRI(?r)) }", "r")
                == ["http://www.wikidata.org/entity/Q4664385"])
        #expect(try d.column("SELECT ?v WHERE { ?o dc:title \"Абай жолы\"@kk ; dcterms:hasVersion ?v }", "v")
                == ["Путь Абая (перевод, 1948)@ru"])
        #expect(try d.column("SELECT ?h WHERE { ?o dc:title \"Абай жолы\"@kk ; dcterms:rightsHolder ?h }", "h")
                == ["Әуезов мұражай-үйі@kk"])
        // Where did the photograph come from?
        let photo = "?o dc:title \"Здание Казанского купеческого собрания\"@ru"
        #expect(try d.column("SELECT ?p WHERE { \(photo) ; dcterms:provenance ?p }", "p") == ["Поступил в составе фонда Р-1147 в 1961 г.@ru"])
        #expect(try d.column("SELECT ?s WHERE { \(photo) ; dc:source ?s }", "s") == ["Стеклянный негатив из альбома «Казань», 1905@ru"])
        #expect(try d.column("SELECT ?f WHERE { \(photo) ; dcterms:isFormatOf ?f }", "f") == ["KRIA-R-1147-2-0017-print@ru"])
    }
}
