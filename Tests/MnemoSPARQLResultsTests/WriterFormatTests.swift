import Foundation
import MnemoRDF
import Testing
@testable import MnemoSPARQLResults

@Suite struct WriterFormatTests {
    let xsd = Vocabulary.xsd

    @Test func jsonTermsFollowTheSpec() throws {
        let t = SolutionTable(variables: ["a", "b", "c", "d", "e"], rows: [[
            .iri("http://ex/α"), .blank("x1"), .string("plain"), .langString("сәлем", "kk-Cyrl"), .typed("1", xsd + "integer"),
        ]])
        let text = JSONResultsWriter.string(t)
        let obj = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let head = try #require(obj["head"] as? [String: Any])
        #expect(head["vars"] as? [String] == ["a", "b", "c", "d", "e"])
        let bindings = try #require((obj["results"] as? [String: Any])?["bindings"] as? [[String: [String: String]]])
        let b = try #require(bindings.first)
        #expect(b["a"] == ["type": "uri", "value": "http://ex/α"])
        #expect(b["b"] == ["type": "bnode", "value": "x1"])
        #expect(b["c"] == ["type": "literal", "value": "plain"])
        #expect(b["d"] == ["type": "literal", "value": "сәлем", "xml:lang": "kk-cyrl"])
        #expect(b["e"] == ["type": "literal", "value": "1", "datatype": xsd + "integer"])
        #expect(text.contains("сәлем"), "non-ASCII stays as UTF-8")
    }

    @Test func jsonEscapesQuotesBackslashesAndControls() {
        let text = JSONResultsWriter.string(SolutionTable(variables: ["x"], rows: [[.string("q\"b\\n\nt\tc\u{1F}/é")]]))
        #expect(text.contains(#""value": "q\"b\\n\nt\tc\u001f/é""#))
    }

    @Test func jsonUnboundIsOmittedAndBooleanHasNoResults() throws {
        let text = JSONResultsWriter.string(SolutionTable(variables: ["x", "y"], rows: [[nil, .string("v")], [nil, nil]]))
        #expect(text.contains(#"{ "y": { "type": "literal", "value": "v" } }"#))
        #expect(text.contains("    {}"))
        let boolean = JSONResultsWriter.string(boolean: true)
        let obj = try #require(JSONSerialization.jsonObject(with: Data(boolean.utf8)) as? [String: Any])
        #expect(obj["boolean"] as? Bool == true)
        #expect(obj["results"] == nil)
    }

    @Test func xmlEscapesAndMarksLiterals() {
        let t = SolutionTable(variables: ["a\"b", "l", "d"], rows: [[
            .iri("http://ex/?a=1&b=<2>"), .langString("<Абай> & co", "kk"), .typed("1\r2", xsd + "string"),
        ]])
        let text = XMLResultsWriter.string(t)
        #expect(text.contains(#"<variable name="a&quot;b"/>"#))
        #expect(text.contains("<uri>http://ex/?a=1&amp;b=&lt;2&gt;</uri>"))
        #expect(text.contains(#"<literal xml:lang="kk">&lt;Абай&gt; &amp; co</literal>"#))
        #expect(text.contains("<literal>1&#xD;2</literal>"), "xsd:string has no datatype attribute; CR survives")
        #expect(XMLResultsWriter.string(SolutionTable(variables: ["x"], rows: [[.blank("b9"), ]])).contains("<bnode>b9</bnode>"))
        #expect(XMLResultsWriter.string(SolutionTable(variables: ["x"], rows: [[.typed("1", xsd + "integer")]]))
            .contains(#"<literal datatype="http://www.w3.org/2001/XMLSchema#integer">1</literal>"#))
        #expect(XMLResultsWriter.string(boolean: false).contains("<boolean>false</boolean>"))
    }

    @Test func xmlWritesControlCharactersAsReferences() {
        let text = XMLResultsWriter.string(SolutionTable(variables: ["x"], rows: [[Fixtures.control]]))
        #expect(text.contains("bell&#x7; nul&#x0; end"))
    }

    @Test func csvQuotesAndUsesCRLF() {
        let t = SolutionTable(variables: ["x", "y", "z"], rows: [
            [.iri("http://ex/1"), .string("a,b"), .string("say \"hi\"")],
            [.blank("b0"), nil, .string("two\nlines")],
            [.typed("4", xsd + "integer"), .string(""), .langString("Алматы", "kk")],
        ])
        #expect(CSVResultsWriter.string(t) ==
            "x,y,z\r\nhttp://ex/1,\"a,b\",\"say \"\"hi\"\"\"\r\n_:b0,,\"two\nlines\"\r\n4,,Алматы\r\n")
        #expect(CSVResultsWriter.string(boolean: true) == "true\r\n")
    }

    @Test func tsvUsesTurtleSyntaxAndBareNumbers() {
        let t = SolutionTable(variables: ["x", "y"], rows: [
            [.iri("http://ex/1"), .typed("4", xsd + "integer")],
            [.blank("b0"), .typed("5.5", xsd + "decimal")],
            [nil, .typed("1.0e6", xsd + "double")],
            [.string("tab\there\nnl \"q\""), .typed("-3", xsd + "negativeInteger")],
            [.langString("Ташкент", "uz-Cyrl"), .typed("1.", xsd + "decimal")],
            [.typed("true", xsd + "boolean"), .typed("NaN", xsd + "double")],
        ])
        let expected = """
            ?x\t?y
            <http://ex/1>\t4
            _:b0\t5.5
            \t1.0e6
            "tab\\there\\nnl \\"q\\""\t"-3"^^<http://www.w3.org/2001/XMLSchema#negativeInteger>
            "Ташкент"@uz-cyrl\t"1."^^<http://www.w3.org/2001/XMLSchema#decimal>
            "true"^^<http://www.w3.org/2001/XMLSchema#boolean>\t"NaN"^^<http://www.w3.org/2001/XMLSchema#double>

            """
        #expect(TSVResultsWriter.string(t) == expected)
    }

    @Test func tableAlignsCyrillicByCharacters() {
        let t = SolutionTable(variables: ["person", "name"], rows: [
            [.iri("http://ex/abai"), .langString("Абай Құнанбайұлы", "kk")],
            [.blank("b0"), .string("Navoiy")],
            [.iri("http://other/x"), nil],
        ])
        let text = TableResultsWriter.string(t, prefixes: ["ex": "http://ex/"])
        #expect(text == """
            +------------------+-----------------------+
            | person           | name                  |
            +------------------+-----------------------+
            | ex:abai          | "Абай Құнанбайұлы"@kk |
            | _:b0             | "Navoiy"              |
            | <http://other/x> |                       |
            +------------------+-----------------------+
            3 rows

            """)
    }

    @Test func tableTruncatesLongCellsWithAnEllipsis() {
        let long = String(repeating: "Ұ", count: 100)
        let text = TableResultsWriter.string(SolutionTable(variables: ["v"], rows: [[.string(long)]]), maxCellWidth: 20)
        let row = text.split(separator: "\n")[3]
        #expect(row == "| \"ҰҰҰҰҰҰҰҰҰҰҰҰҰҰҰҰҰҰ… |")
        #expect(text.hasSuffix("1 row\n"))
    }

    @Test func tableShowsNumbersBareAndDatatypesPrefixed() {
        let text = TableResultsWriter.string(SolutionTable(variables: ["a", "b", "c"], rows: [[
            .typed("42", xsd + "integer"), .typed("2020-01-01", xsd + "date"), .typed("x", "http://ex/dt"),
        ]]), prefixes: ["ex": "http://ex/"])
        #expect(text.contains("| 42 | \"2020-01-01\"^^xsd:date | \"x\"^^ex:dt |"))
    }

    @Test func tableBooleanAndEmpty() {
        #expect(TableResultsWriter.string(boolean: true) == "+---------+\n| boolean |\n+---------+\n| true    |\n+---------+\n")
        #expect(TableResultsWriter.string(SolutionTable(variables: ["x"], rows: [])) == "+---+\n| x |\n+---+\n0 rows\n")
    }

    @Test func wideCharactersCountTwoColumns() {
        #expect(TextWidth.of("Абай") == 4)
        #expect(TextWidth.of("é") == 1)           // e + combining acute: one grapheme
        #expect(TextWidth.of("漢字") == 4)
        #expect(TextWidth.of("oʻzbek") == 6)
    }

    @Test func graphResultsAsTablesAndNotAsJSON() throws {
        let quads = [Quad(.iri("http://ex/s"), .iri("http://ex/p"), .string("o"))]
        let tsv = try ResultFormat.tsv.string(.graph(quads))
        #expect(tsv == "?subject\t?predicate\t?object\n<http://ex/s>\t<http://ex/p>\t\"o\"\n")
        #expect(throws: ResultWriterError.graphNotSupported) { try ResultFormat.json.string(.graph(quads)) }
    }

    @Test func formatMetadata() {
        #expect(ResultFormat.json.mediaType == "application/sparql-results+json")
        #expect(ResultFormat.xml.mediaType == "application/sparql-results+xml")
        #expect(ResultFormat(fileExtension: "srx") == .xml)
        #expect(ResultFormat(fileExtension: "TSV") == .tsv)
        #expect(ResultFormat(fileExtension: "ttl") == nil)
    }
}
