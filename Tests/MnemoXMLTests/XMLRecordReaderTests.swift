import Foundation
import Testing
@testable import MnemoXML

@Suite struct XMLRecordReaderTests {
    @Test func deliversRecordsWithNamespacesAndAttributes() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <collection xmlns="http://www.loc.gov/MARC21/slim" xmlns:x="urn:x">
          <record><datafield tag="100" ind1="1" x:k="v"><subfield code="a">Абай Құнанбайұлы</subfield></datafield></record>
          <record><controlfield tag="001">2</controlfield></record>
        </collection>
        """
        var got: [XMLElementNode] = []
        try XMLRecordReader(recordNames: ["record"]).read(data: Data(xml.utf8)) { r, anc in
            #expect(anc.isEmpty)
            got.append(r)
        }
        #expect(got.count == 2)
        #expect(got[0].namespace == "http://www.loc.gov/MARC21/slim")
        let df = try #require(got[0].first("datafield"))
        #expect(df.attribute("tag") == "100")
        #expect(df.attribute("k") == "v")
        #expect(df.first("subfield")?.text == "Абай Құнанбайұлы")
        #expect(got[1].first(path: "controlfield")?.text == "2")
    }

    @Test func nestedRecordsSeeTheirAncestors() throws {
        let xml = """
        <ead><archdesc level="fonds"><did><unittitle>Fonds</unittitle></did>
        <dsc><c01 id="a"><did><unittitle>Series</unittitle></did><c02 id="b"><did><unittitle>File</unittitle></did></c02></c01></dsc>
        </archdesc></ead>
        """
        var seen: [(String, [String])] = []
        try XMLRecordReader(recordNames: ["archdesc", "c01", "c02"]).read(data: Data(xml.utf8)) { r, anc in
            seen.append((r.first(path: "did/unittitle")?.text ?? "", anc.map { $0.first(path: "did/unittitle")?.text ?? "" }))
            if r.name == "c01" { #expect(r.descendants("c02").isEmpty) }
        }
        #expect(seen.map(\.0) == ["File", "Series", "Fonds"])
        #expect(seen[0].1 == ["Fonds", "Series"])
        #expect(seen[1].1 == ["Fonds"])
    }

    @Test func malformedXMLNamesLineAndColumn() {
        let xml = "<a>\n<b>\n</a>"
        #expect {
            try XMLRecordReader(recordNames: ["b"]).read(data: Data(xml.utf8), source: "bad.xml") { _, _ in }
        } throws: { e in
            guard let e = e as? XMLReadError else { return false }
            return e.line == 3 && e.description.hasPrefix("bad.xml:3:")
        }
    }

    @Test func treeParsingAndPaths() throws {
        let root = try XMLTree.parse(data: Data("<a><b><c>1</c><c> 2 \n x</c></b><d xml:lang='ru'>д</d></a>".utf8))
        #expect(root.name == "a")
        #expect(root.texts("b/c") == ["1", "2 x"])
        #expect(root.first("d")?.attribute("lang") == "ru")
        #expect(root.descendants("c").count == 2)
    }

    @Test func handlerErrorsStopTheRead() {
        struct Stop: Error {}
        var n = 0
        #expect(throws: Stop.self) {
            try XMLRecordReader(recordNames: ["r"]).read(data: Data("<x><r/><r/><r/></x>".utf8)) { _, _ in
                n += 1
                if n == 2 { throw Stop() }
            }
        }
        #expect(n == 2)
    }
}
