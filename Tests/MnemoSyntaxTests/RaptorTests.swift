import Foundation
import MnemoRDF
import Testing
@testable import MnemoSyntax

func parse(_ text: String, _ format: RDFFormat, options: ParseOptions = ParseOptions()) throws -> [Quad] {
    var out: [Quad] = []
    try RaptorParser(format: format).parse(string: text, options: options) { out.append($0.quad) }
    return out
}

@Suite struct RaptorParserTests {
    @Test func turtleKeepsScriptsLanguagesAndDatatypes() throws {
        let ttl = """
            @prefix crm: <http://www.cidoc-crm.org/cidoc-crm/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            <http://ex/abai> crm:P1_is_identified_by [ crm:P190_has_symbolic_content "Абай Құнанбайұлы"@kk ] ;
                <http://ex/born> "1845-08-10"^^xsd:date ;
                <http://ex/name> "Abay"^^xsd:string ;
                <http://ex/uz> "Alisher Navoiy oʻgʻil"@uz-Latn .
            """
        let quads = try parse(ttl, .turtle)
        #expect(quads.count == 5)
        let objects = Set(quads.map(\.object))
        #expect(objects.contains(.langString("Абай Құнанбайұлы", "kk")))
        #expect(objects.contains(.typed("1845-08-10", "http://www.w3.org/2001/XMLSchema#date")))
        #expect(objects.contains(.string("Abay")))
        #expect(objects.contains(.langString("Alisher Navoiy oʻgʻil", "uz-Latn")))
    }

    @Test func syntaxErrorsNameLineAndColumn() {
        let ttl = "@prefix ex: <http://ex/> .\nex:a ex:b ex:c .\nex:a ex:b \"open .\n"
        do {
            _ = try parse(ttl, .turtle)
            Issue.record("expected an error")
        } catch let e as RDFSyntaxError {
            #expect(e.line == 3)
            #expect(e.description.hasPrefix("<string>:3"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func ntriplesErrorHasColumn() {
        do {
            _ = try parse("<http://a> <http://b> <http://c> .\n<http://a> <http://b> bad .\n", .ntriples)
            Issue.record("expected an error")
        } catch let e as RDFSyntaxError {
            #expect(e.line == 2)
            #expect(e.column > 0)
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func lenientParsingCountsBadStatements() throws {
        let nt = "<http://a> <http://b> \"1\" .\n<http://a> <http://b> bad .\n<http://a> <http://b> \"3\" .\n"
        var got: [Quad] = []
        let summary = try RaptorParser(format: .ntriples).parse(string: nt, options: ParseOptions(lenient: true)) {
            got.append($0.quad)
        }
        #expect(summary.skippedErrors.count >= 1)
        #expect(got.contains(Quad(.iri("http://a"), .iri("http://b"), .string("1"))))
    }

    @Test func blankNodePrefixIsApplied() throws {
        let quads = try parse("_:x <http://p> [] .", .turtle, options: ParseOptions(blankNodePrefix: "f1_"))
        guard case .blank(let s) = quads[0].subject, case .blank(let o) = quads[0].object else {
            Issue.record("expected blank nodes"); return
        }
        #expect(s.hasPrefix("f1_"))
        #expect(o.hasPrefix("f1_"))
        #expect(s != o)
    }

    @Test func nquadsCarryGraphs() throws {
        let nq = "<http://s> <http://p> \"Семей\"@ru <http://g1> .\n<http://s> <http://p> \"x\" .\n"
        let quads = try parse(nq, .nquads)
        #expect(quads[0].graph == .iri("http://g1"))
        #expect(quads[0].object == .langString("Семей", "ru"))
        #expect(quads[1].graph == nil)
    }

    @Test func formatsFromNamesAndExtensions() {
        #expect(RDFFormat(fileName: "a/b.TTL") == .turtle)
        #expect(RDFFormat(fileName: "x.nq") == .nquads)
        #expect(RDFFormat(fileName: "x.owl") == .rdfxml)
        #expect(RDFFormat(fileName: "x.csv") == nil)
        #expect(RDFFormat(name: "N-Quads") == .nquads)
    }
}

@Suite struct RDFWriterTests {
    let data: [Quad] = [
        Quad(.iri("http://ex/abai"), .iri("http://www.w3.org/2000/01/rdf-schema#label"), .langString("Абай", "kk"), .iri("http://g/1")),
        Quad(.iri("http://ex/abai"), .iri("http://ex/note"), .string("multi\nline \"quoted\" \\"), .iri("http://g/1")),
        Quad(.iri("http://ex/abai"), .iri("http://ex/born"), .typed("1845", "http://www.w3.org/2001/XMLSchema#gYear"), .iri("http://g/1")),
        Quad(.blank("t1"), .iri("http://ex/name"), .langString("Oʻzbekiston", "uz-Latn"), .iri("http://g/2")),
        Quad(.iri("http://ex/abai"), .iri("http://ex/span"), .blank("t1"), .iri("http://g/2")),
    ]

    @Test(arguments: [RDFFormat.nquads, .trig])
    func quadFormatsRoundTrip(_ format: RDFFormat) throws {
        let text = try RDFWriter.string(data, format: format, prefixes: [("ex", "http://ex/")])
        let back = try parse(text, format)
        #expect(Isomorphism.isIsomorphic(back, data), "\(text)")
    }

    @Test(arguments: [RDFFormat.turtle, .ntriples, .rdfxml])
    func tripleFormatsRoundTrip(_ format: RDFFormat) throws {
        let triples = data.map { Quad($0.subject, $0.predicate, $0.object) }
        let text = try RDFWriter.string(triples, format: format, prefixes: [("ex", "http://ex/")])
        let back = try parse(text, format)
        #expect(Isomorphism.isIsomorphic(back, triples), "\(text)")
    }
}
