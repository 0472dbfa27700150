import Foundation
import MnemoRDF
import Testing
@testable import MnemoSPARQLResults

@Suite struct ReaderTests {
    /// Reads `text` as `format`, expecting a parse error; returns it.
    func error(_ format: ResultFormat, _ text: String) -> ResultsParseError? {
        do {
            _ = try format.read(Data(text.utf8))
            Issue.record("\(format) accepted malformed input: \(text.debugDescription)")
            return nil
        } catch let e as ResultsParseError {
            return e
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func jsonErrorsSayWhere() throws {
        let e = try #require(error(.json, "{\n  \"head\": {\"vars\": [\"x\"]},\n  \"results\": {\"bindings\": [ {\"x\": 5} ]}\n}"))
        #expect(e.line == 3 && e.column == 35)
        #expect(e.message.contains("RDF term must be an object"))
        let e2 = try #require(error(.json, "{\"head\": {\"vars\": [\"Ә\", ]}}"))
        #expect(e2.line == 1 && e2.column == 25 && e2.offset == 25)
        #expect(e2.description.hasPrefix("json results, line 1, column 25 (byte 25):"))
    }

    @Test func jsonRejectsMalformedDocuments() {
        for text in ["", "[]", "{", "{\"head\": {}}", "{\"head\": {}, \"boolean\": \"yes\"}",
                     "{\"head\":{\"vars\":[\"x\",\"x\"]},\"results\":{\"bindings\":[]}}",
                     "{\"head\":{},\"results\":{\"bindings\":[{\"x\":{\"type\":\"bnode\",\"value\":\"\"}}]}}",
                     "{\"head\":{},\"results\":{\"bindings\":[{\"x\":{\"type\":\"iri\",\"value\":\"a\"}}]}}",
                     "{\"head\":{},\"results\":{\"bindings\":[{\"x\":{\"type\":\"literal\"}}]}}",
                     "{\"head\":{},\"results\":{\"bindings\":[]}} x", "{\"a\": \"\\ud800\"}", "{\"a\": \"\u{1}\"}",
                     String(repeating: "[", count: 10_000)] {
            _ = error(.json, text)
        }
    }

    @Test func jsonReadsLegacyAndExtraMembers() throws {
        let text = """
            {"head": {"vars": ["x"], "link": ["info"]},
             "results": {"distinct": false, "bindings": [
               {"x": {"type": "typed-literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#integer"},
                "y": {"type": "literal", "value": "late", "xml:lang": "en-US"}}]}}
            """
        let t = try #require(Fixtures.table(try JSONResultsReader.read(text)))
        #expect(t.variables == ["x", "y"])
        #expect(t.rows == [[.typed("1", Vocabulary.xsd + "integer"), .langString("late", "en-us")]])
    }

    @Test func xmlErrorsSayWhere() throws {
        let e = try #require(error(.xml, """
            <?xml version="1.0"?>
            <sparql xmlns="http://www.w3.org/2005/sparql-results#">
              <head><variable name="x"/></head>
              <results><result><binding name="x"><blank>b</blank></binding></result></results>
            </sparql>
            """))
        #expect(e.line == 4)
        #expect(e.message.contains("unexpected element <blank>"))
        let e2 = try #require(error(.xml, "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\"><head></sparql>"))
        #expect(e2.message.contains("not well-formed"))
    }

    @Test func xmlRejectsMalformedDocuments() {
        let ns = "xmlns=\"http://www.w3.org/2005/sparql-results#\""
        for text in ["", "<other/>", "<sparql \(ns)><head/></sparql>",
                     "<sparql \(ns)><head/><boolean>maybe</boolean></sparql>",
                     "<sparql \(ns)><head/><results><result><binding name=\"x\"></binding></result></results></sparql>",
                     "<sparql \(ns)><head/><results><result><binding><uri>a</uri></binding></result></results></sparql>",
                     "<sparql xmlns=\"http://example.org/\"><head/></sparql>",
                     "<sparql \(ns)><head/><results>text</results></sparql>"] {
            _ = error(.xml, text)
        }
    }

    @Test func xmlInvalidUTF8IsAnErrorAndOtherEncodingsStillRead() throws {
        let ns = "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">"
        let broken = Array((ns + "<he").utf8) + [0xCA] + Array("ad/></sparql>".utf8)
        #expect(throws: ResultsParseError.self) { try XMLResultsReader.read(Data(broken)) }
        let latin1 = Array(("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + ns
            + "<head><variable name=\"x\"/></head><results><result><binding name=\"x\"><literal>caf").utf8)
            + [0xE9] + Array("</literal></binding></result></results></sparql>".utf8)
        #expect(try XMLResultsReader.read(Data(latin1)) == .solutions(SolutionTable(variables: ["x"], rows: [[.string("café")]])))
    }

    @Test func xmlReadsLanguageDatatypeAndCDATA() throws {
        let text = """
            <sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="x"/><link href="x"/></head>
            <results ordered="false"><result>
              <binding name="x"><literal xml:lang="en-US"><![CDATA[a <b>]]> &amp; c</literal></binding>
              <binding name="y"><literal datatype="http://ex/dt">  spaced  </literal></binding>
              <binding name="z"><bnode> r1 </bnode></binding>
            </result></results></sparql>
            """
        let t = try #require(Fixtures.table(try XMLResultsReader.read(text)))
        #expect(t.variables == ["x", "y", "z"])
        #expect(t.rows == [[.langString("a <b> & c", "en-us"), .typed("  spaced  ", "http://ex/dt"), .blank("r1")]])
    }

    @Test func csvParsesQuotesAndLineEnds() throws {
        let t = try #require(Fixtures.table(try CSVResultsReader.read("a,b\nhttp://ex/x,\"multi\r\nline, \"\"q\"\"\"\r\n_:z,\n")))
        #expect(t.variables == ["a", "b"])
        #expect(t.rows == [[.iri("http://ex/x"), .string("multi\r\nline, \"q\"")], [.blank("z"), nil]])
        #expect(CSVResultsReader.term(fromCSV: "5.5") == .string("5.5"))
        #expect(CSVResultsReader.term(fromCSV: "mailto:a@b") == .iri("mailto:a@b"))
        #expect(CSVResultsReader.term(fromCSV: "Note: text") == .string("Note: text"))
    }

    @Test func csvErrorsSayWhere() throws {
        let e = try #require(error(.csv, "a,b\n1,2\n3\n"))
        #expect(e.line == 3 && e.column == 1)
        #expect(e.message.contains("1 fields but the header has 2"))
        let e2 = try #require(error(.csv, "a\n\"open"))
        #expect(e2.line == 2 && e2.message.contains("unterminated"))
        let e3 = try #require(error(.csv, "a\nab\"c\n"))
        #expect(e3.line == 2 && e3.column == 3)
        _ = error(.csv, "")
        _ = error(.csv, "a,a\n")
        _ = error(.csv, "a\n\"x\"y\n")
        #expect(throws: ResultsParseError.self) { try CSVResultsReader.read(Data([0x61, 0x0A, 0x62, 0xFF])) }
        #expect(throws: ResultsParseError.self) { try TSVResultsReader.read(Data([0x3F, 0x61, 0x0A, 0xC3])) }
        #expect(throws: ResultsParseError.self) { try JSONResultsReader.read(Data([0x7B, 0xE0, 0x80, 0x80])) }
    }

    @Test func tsvParsesTurtleTerms() throws {
        let text = "?a\t?b\t$c\r\n<http://ex/\\u0410>\t'single \\' q'\t\"x\"^^<http://ex/dt>\n_:n1\t-1.5E-3\t true \n"
        let t = try #require(Fixtures.table(try TSVResultsReader.read(text)))
        #expect(t.variables == ["a", "b", "c"])
        #expect(t.rows == [
            [.iri("http://ex/А"), .string("single ' q"), .typed("x", "http://ex/dt")],
            [.blank("n1"), .typed("-1.5E-3", Vocabulary.xsd + "double"), .typed("true", Vocabulary.xsd + "boolean")],
        ])
    }

    @Test func tsvErrorsSayWhere() throws {
        let e = try #require(error(.tsv, "?x\t?y\n<http://ex/a>\tex:b\n"))
        #expect(e.line == 2 && e.column == 15)
        #expect(e.message.contains("not an RDF term"))
        let e2 = try #require(error(.tsv, "?x\n\"Әbc\n"))
        #expect(e2.line == 2 && e2.column == 1 && e2.message.contains("unterminated string"))
        let e3 = try #require(error(.tsv, "?x\n\"a\"@\n"))
        #expect(e3.message.contains("language tag"))
        for text in ["", "x\n", "?x\t?x\n", "?x\n\"a\"^^ex:t\n", "?x\n<a b>\n", "?x\n\"a\" junk\n", "?x\n_:\n",
                     "?x\n\"\\q\"\n", "?x\n<\\u12>\n", "?x\ta\n"] {
            _ = error(.tsv, text)
        }
    }

    @Test func tableHasNoReader() {
        _ = error(.table, "+---+")
    }
}
