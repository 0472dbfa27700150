import Foundation
import MnemoRDF
import Testing
@testable import MnemoSPARQLResults

@Suite struct JSONLDWriterTests {
    static let ex = "http://example.org/"
    static let crm = "http://www.cidoc-crm.org/cidoc-crm/"
    let quads: [Quad] = [
        Quad(.iri(ex + "abai"), .iri(Vocabulary.rdfType), .iri(crm + "E21_Person")),
        Quad(.iri(ex + "abai"), .iri(ex + "name"), .langString("Абай Құнанбайұлы", "kk")),
        Quad(.iri(ex + "abai"), .iri(ex + "name"), .langString("Abay Qunanbayuli", "uz-Latn")),
        Quad(.iri(ex + "abai"), .iri(ex + "born"), .typed("1845-08-10", Vocabulary.xsd + "date")),
        Quad(.iri(ex + "abai"), .iri(ex + "note"), .string("line\n\"quoted\" \\ tab\t")),
        Quad(.iri(ex + "abai"), .iri(ex + "knows"), .blank("b0")),
        Quad(.blank("b0"), .iri(ex + "name"), .string("Алишер Навоий")),
        Quad(.iri(ex + "abai"), .iri(ex + "age"), .typed("59", Vocabulary.xsd + "integer")),
        Quad(.iri(ex + "work1"), .iri(ex + "title"), .string("Қара сөз"), .iri(ex + "graph1")),
        Quad(.iri(ex + "work1"), .iri(ex + "creator"), .iri(ex + "abai"), .iri(ex + "graph1")),
        Quad(.blank("b1"), .iri(ex + "title"), .string("Xamsa"), .blank("g2")),
    ]
    var ex: String { Self.ex }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    func node(_ nodes: [[String: Any]], _ id: String) -> [String: Any]? {
        nodes.first { $0["@id"] as? String == id }
    }

    @Test func expandedFormStructure() throws {
        let doc = try #require(try json(JSONLDWriter.string(quads)) as? [[String: Any]])
        let abai = try #require(node(doc, ex + "abai"))
        #expect(abai["@type"] as? [String] == [Self.crm + "E21_Person"])
        let names = try #require(abai[ex + "name"] as? [[String: String]])
        #expect(names == [["@value": "Абай Құнанбайұлы", "@language": "kk"], ["@value": "Abay Qunanbayuli", "@language": "uz-latn"]])
        #expect(abai[ex + "born"] as? [[String: String]] == [["@value": "1845-08-10", "@type": Vocabulary.xsd + "date"]])
        #expect(abai[ex + "note"] as? [[String: String]] == [["@value": "line\n\"quoted\" \\ tab\t"]])
        #expect(abai[ex + "knows"] as? [[String: String]] == [["@id": "_:b0"]])
        #expect(abai[ex + "age"] as? [[String: String]] == [["@value": "59", "@type": Vocabulary.xsd + "integer"]])
        #expect(node(doc, "_:b0") != nil)
        let g1 = try #require(node(doc, ex + "graph1"))
        let inner = try #require(g1["@graph"] as? [[String: Any]])
        #expect(inner.count == 1)
        #expect(inner[0]["@id"] as? String == ex + "work1")
        #expect(inner[0][ex + "creator"] as? [[String: String]] == [["@id": ex + "abai"]])
        let g2 = try #require(node(doc, "_:g2"))
        #expect((g2["@graph"] as? [[String: Any]])?.first?["@id"] as? String == "_:b1")
        #expect(doc.count == 4)
    }

    @Test func compactedFormStructure() throws {
        let text = JSONLDWriter.string(quads, form: .compacted(prefixes: [
            "ex": ex, "crm": Self.crm, "xsd": Vocabulary.xsd, "bad": "http://no-delimiter", "http": "http://nope/",
        ]))
        let doc = try #require(try json(text) as? [String: Any])
        let context = try #require(doc["@context"] as? [String: String])
        #expect(context == ["ex": ex, "crm": Self.crm, "xsd": Vocabulary.xsd])
        let nodes = try #require(doc["@graph"] as? [[String: Any]])
        let abai = try #require(node(nodes, "ex:abai"))
        #expect(abai["@type"] as? String == "crm:E21_Person")
        #expect(abai["ex:note"] as? String == "line\n\"quoted\" \\ tab\t")
        #expect(abai["ex:born"] as? [String: String] == ["@value": "1845-08-10", "@type": "xsd:date"])
        #expect(abai["ex:knows"] as? [String: String] == ["@id": "_:b0"])
        #expect((abai["ex:name"] as? [[String: String]])?.count == 2)
        #expect(node(nodes, "ex:graph1")?["@graph"] != nil)
    }

    @Test func streamingGroupsConsecutiveQuads() throws {
        let c = ByteCollector()
        let w = JSONLDWriter(sink: c.sink)
        try w.write(Quad(.iri(ex + "a"), .iri(ex + "p"), .string("1")))
        try w.write(Quad(.iri(ex + "b"), .iri(ex + "p"), .string("2")))
        try w.write(Quad(.iri(ex + "a"), .iri(ex + "p"), .string("3")))
        try w.end()
        let doc = try #require(try json(c.string) as? [[String: Any]])
        #expect(doc.map { $0["@id"] as? String } == [ex + "a", ex + "b", ex + "a"])
        #expect(throws: ResultWriterError.self) { try w.write(Quad(.iri(ex + "a"), .iri(ex + "p"), .string("4"))) }
    }

    @Test func emptyDocumentsAreValidJSON() throws {
        #expect(JSONLDWriter.string([]) == "[]\n")
        let compact = try #require(try json(JSONLDWriter.string([], form: .compacted(prefixes: ["ex": ex]))) as? [String: Any])
        #expect((compact["@graph"] as? [Any])?.isEmpty == true)
    }

    @Test func prefixNamedLikeASchemeIsDroppedOrRefused() throws {
        let q = [Quad(.iri("urn:isbn:1"), .iri(ex + "p"), .string("x"))]
        let text = JSONLDWriter.string(q, form: .compacted(prefixes: ["urn": "http://example.org/urn#", "ex": ex]))
        let doc = try #require(try json(text) as? [String: Any])
        #expect((doc["@context"] as? [String: String])?["urn"] == nil)
        let w = JSONLDWriter(sink: ByteCollector().sink, form: .compacted(prefixes: ["urn": "http://example.org/urn#"]))
        #expect(throws: ResultWriterError.self) { try w.write(q[0]); try w.end() }
    }

    @Test func literalSubjectsAreRefused() {
        let w = JSONLDWriter(sink: ByteCollector().sink)
        #expect(throws: ResultWriterError.self) { try w.write(Quad(.string("x"), .iri(ex + "p"), .string("y"))) }
    }
}
