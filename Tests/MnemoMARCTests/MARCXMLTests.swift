import Foundation
import Testing
@testable import MnemoMARC

@Suite struct MARCXMLTests {
    func read(_ xml: String) throws -> [Result<MARCRecord, MARCReadError>] {
        var out: [Result<MARCRecord, MARCReadError>] = []
        try MARCXMLReader().read(data: Data(xml.utf8), source: "t.xml") { out.append($0) }
        return out
    }

    @Test func bareRecordWithoutNamespace() throws {
        let xml = """
        <record><leader>00000nam a2200000 i 4500</leader>
        <controlfield tag="008">240115s1978    ru            000 1 rus d</controlfield>
        <datafield tag="100" ind1="1" ind2=" "><subfield code="a">Толстой, Лев Николаевич</subfield></datafield>
        </record>
        """
        let r = try #require(try read(xml).first).get()
        #expect(r.controlField("008") == "240115s1978    ru            000 1 rus d")
        #expect(r.subfield("100", "a") == "Толстой, Лев Николаевич")
        #expect(r.fields("100")[0].ind1 == "1")
        #expect(r.fields("100")[0].ind2 == " ")
    }

    @Test func prefixedRecordsAndBlanksKept() throws {
        let xml = """
        <m:collection xmlns:m="http://www.loc.gov/MARC21/slim">
        <m:record><m:leader>00000nam a2200000 i 4500</m:leader>
        <m:datafield tag="245" ind1="1" ind2="0"><m:subfield code="a">  Война &amp; мир </m:subfield></m:datafield></m:record>
        <m:record><m:leader>00000nam a2200000 i 4500</m:leader></m:record>
        </m:collection>
        """
        let rs = try read(xml).map { try $0.get() }
        #expect(rs.count == 2)
        #expect(rs[0].subfield("245", "a") == "  Война & мир ")
    }

    @Test func otherNamespacesAreNotRecords() throws {
        // An OAI-PMH envelope: only the MARC record is read.
        let xml = """
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record><header/><metadata>
        <marc:record xmlns:marc="http://www.loc.gov/MARC21/slim"><marc:leader>00000nam a2200000 i 4500</marc:leader>
        <marc:controlfield tag="001">oai-1</marc:controlfield></marc:record>
        </metadata></record></ListRecords></OAI-PMH>
        """
        let rs = try read(xml).map { try $0.get() }
        #expect(rs.map { $0.controlField("001") } == ["oai-1"])
    }

    @Test func marcxchangeRUSMARC() throws {
        let xml = """
        <collection xmlns="info:lc/xmlns/marcxchange-v1"><record format="RUSMARC" type="Bibliographic">
        <leader>00000nam0 2200000 i 450 </leader>
        <datafield tag="200" ind1="1" ind2=" "><subfield code="a">Война и мир</subfield><subfield code="f">Л. Н. Толстой</subfield></datafield>
        </record></collection>
        """
        let r = try #require(try read(xml).first).get()
        #expect(r.subfield("200", "f") == "Л. Н. Толстой")
    }

    @Test func malformedRecordIsSkippedWithLineAndColumn() throws {
        let xml = """
        <collection xmlns="http://www.loc.gov/MARC21/slim">
        <record><leader>00000nam a2200000 i 4500</leader><controlfield tag="001">a</controlfield></record>
        <record><leader>00000nam a2200000 i 4500</leader>
          <datafield ind1="1" ind2=" "><subfield code="a">x</subfield></datafield></record>
        <record><leader>00000nam a2200000 i 4500</leader>
          <datafield tag="245" ind1="1" ind2=" "><subfield>x</subfield></datafield></record>
        <record><leader>00000nam a2200000 i 4500</leader><controlfield tag="001">d</controlfield></record>
        </collection>
        """
        let results = try read(xml)
        #expect(results.count == 4)
        #expect(try results[0].get().controlField("001") == "a")
        #expect(try results[3].get().controlField("001") == "d")
        guard case .failure(let e2) = results[1], case .failure(let e3) = results[2] else {
            Issue.record("records 2 and 3 should fail"); return
        }
        #expect(e2.recordNumber == 2)
        #expect(e2.line == 4)
        #expect(e2.column != nil)
        #expect(e2.message.contains("no tag"))
        #expect(e3.recordNumber == 3)
        #expect(e3.line == 6)
        #expect(e3.message.contains("no code"))
        #expect(e2.isRecoverable)
    }

    @Test func malformedXMLThrowsWithLineAndColumn() throws {
        var delivered: [Result<MARCRecord, MARCReadError>] = []
        do {
            try MARCXMLReader().read(url: Fixtures.url("bad.xml")) { delivered.append($0) }
            Issue.record("bad.xml should not parse")
        } catch let e as MARCReadError {
            #expect(e.kind == .malformedXML)
            #expect(e.line == 22)
            #expect((e.column ?? 0) > 0)
            #expect(e.source?.hasSuffix("bad.xml") == true)
            #expect(e.description.contains("bad.xml:22:"))
        }
        // The records before the break were delivered: one good, one malformed.
        #expect(delivered.count == 2)
        #expect(try delivered[0].get().subfield("100", "a") == "Чехов, Антон Павлович")
        guard case .failure(let e) = delivered[1] else { Issue.record("record 2 should fail"); return }
        #expect(e.line == 14)
        #expect(e.recordNumber == 2)
    }

    @Test func handlerCanStopTheStream() throws {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try MARCXMLReader().read(url: Fixtures.url("russian-utf8.xml")) { _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }

    @Test func writerRoundTrip() throws {
        let records = try Fixtures.xmlRecords("russian-utf8.xml") + Fixtures.xmlRecords("kazakh-uzbek.xml")
        for writer in [MARCXMLWriter(), MARCXMLWriter(prefix: "marc", indent: false)] {
            let xml = writer.document(records)
            let back = try read(xml).map { try $0.get() }
            #expect(back == records)
        }
        var odd = MARCRecord()
        odd.dataFields = [MARCDataField("500", " ", " ", [("a", "a < b & \"c\" > d\u{1}")])]
        let back = try read(MARCXMLWriter().document([odd])).map { try $0.get() }
        #expect(back[0].subfield("500", "a") == "a < b & \"c\" > d\u{FFFD}")
    }

    @Test func shortLeaderIsPaddedWithWarning() throws {
        let r = try #require(try read("<record><leader>00000nam</leader></record>").first).get()
        #expect(r.leader.count == 24)
        #expect(r.warnings.contains { $0.contains("leader") })
    }
}
