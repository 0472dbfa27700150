import Testing
import MnemoMARC

@Suite struct RecordModelTests {
    let record = MARCRecord(
        leader: "00000nam a2200000 i 4500",
        controlFields: [MARCControlField(tag: "001", value: "id-1"), MARCControlField(tag: "008", value: "x")],
        dataFields: [
            MARCDataField("100", "1", " ", [("a", "Толстой, Лев Николаевич"), ("d", "1828-1910")]),
            MARCDataField("650", " ", "4", [("a", "Война"), ("x", "История"), ("x", "1812")]),
            MARCDataField("650", " ", "4", [("a", "Россия")]),
        ])

    @Test func accessors() {
        #expect(record.controlField("001") == "id-1")
        #expect(record.controlField("003") == nil)
        #expect(record.fields("650").count == 2)
        #expect(record.subfield("100", "d") == "1828-1910")
        #expect(record.subfield("650", "a") == "Война")
        #expect(record.subfields("650", "a") == ["Война", "Россия"])
        #expect(record.subfields("650", "x") == ["История", "1812"])
        #expect(record.subfield("700", "a") == nil)
        #expect(record.fields("100")[0]["a"] == "Толстой, Лев Николаевич")
        #expect(record.fields("650")[0].values("x") == ["История", "1812"])
        #expect(record.leaderCharacter(6) == "a")
        #expect(record.leaderCharacter(99) == " ")
    }

    @Test func equalityIgnoresProvenance() {
        var other = record
        other.warnings = ["something"]
        other.sourceEncoding = .marc8
        #expect(other == record)
        other.dataFields[0].ind2 = "0"
        #expect(other != record)
    }

    @Test func linkageParsing() throws {
        let l = try #require(MARCLinkage("880-01/(N"))
        #expect(l.linkingTag == "880")
        #expect(l.occurrence == "01")
        #expect(l.script == .cyrillic)
        let back = try #require(MARCLinkage("245-01/(N"))
        #expect(back.linkingTag == "245")
        #expect(back.script == .cyrillic)
        #expect(MARCLinkage("245-02/(3/r")?.script == .arabic)
        #expect(MARCLinkage("245-02/(3/r")?.rightToLeft == true)
        #expect(MARCLinkage("100-03/$1")?.script == .cjk)
        #expect(MARCLinkage("100-04/(2/r")?.script == .hebrew)
        #expect(MARCLinkage("100-05/(S")?.script == .greek)
        #expect(MARCLinkage("100-06/Cyrl")?.script == .cyrillic)
        #expect(MARCLinkage("100-07/Zzzz")?.script == .other("Zzzz"))
        #expect(MARCLinkage("500-00/(N")?.isPaired == false)
        #expect(MARCLinkage("bogus") == nil)
        #expect(MARCScript.cyrillic.code == "(N")
    }

    @Test func linkedAlternatesPairByOccurrence() {
        let r = MARCRecord(dataFields: [
            MARCDataField("100", "1", " ", [("6", "880-01"), ("a", "Tolstoy, Leo")]),
            MARCDataField("245", "1", "0", [("6", "880-02"), ("a", "Voĭna i mir")]),
            MARCDataField("880", "1", " ", [("6", "100-01/(N"), ("a", "Толстой, Лев")]),
            MARCDataField("880", "1", "0", [("6", "245-02/(N"), ("a", "Война и мир")]),
            MARCDataField("880", "1", "0", [("6", "245-01/(N"), ("a", "wrong tag, same number")]),
        ])
        #expect(r.linkedAlternates(for: r.dataFields[0]).map { $0["a"] } == ["Толстой, Лев"])
        #expect(r.linkedAlternates(for: r.dataFields[1]).map { $0["a"] } == ["Война и мир"])
        #expect(r.linkedOriginal(for: r.dataFields[3])?["a"] == "Voĭna i mir")
        #expect(r.linkedOriginal(for: r.dataFields[4]) == nil)
        #expect(r.dataFields[2].alternateScript == .cyrillic)
    }
}
