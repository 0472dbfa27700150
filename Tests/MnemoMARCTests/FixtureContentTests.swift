import Foundation
import Testing
@testable import MnemoMARC

/// Each fixture decodes to exactly the names, dates and titles written into it.
/// Comparisons are on UTF-8 bytes, so a decomposed or look-alike character fails.
@Suite struct FixtureContentTests {
    func bytes(_ s: String?) -> [UInt8]? { s.map { Array($0.utf8) } }

    @Test func russianMARCXML() throws {
        let rs = try Fixtures.xmlRecords("russian-utf8.xml")
        #expect(rs.count == 3)
        let tolstoy = rs[0]
        #expect(tolstoy.leader == "02150cam a2200481 i 4500")
        #expect(tolstoy.controlField("001") == "mnemo-ru-000101")
        #expect(tolstoy.controlField("008") == "240115s1978    ru            000 1 rus d")
        #expect(bytes(tolstoy.subfield("100", "a")) == bytes("Толстой, Лев Николаевич"))
        #expect(tolstoy.subfield("100", "d") == "1828-1910")
        #expect(tolstoy.subfield("100", "e") == "автор")
        #expect(tolstoy.subfield("100", "4") == "aut")
        #expect(tolstoy.subfields("100", "0") == ["http://viaf.org/viaf/999000101"])
        #expect(tolstoy.subfield("100", "1") == "http://www.wikidata.org/entity/Q7243")
        #expect(tolstoy.subfield("245", "a") == "Война и мир :")
        #expect(tolstoy.subfield("250", "a") == "Издание 2-е.")
        #expect(tolstoy.subfield("264", "b") == "Художественная литература,")
        #expect(tolstoy.subfield("041", "a") == "rus")
        #expect(tolstoy.subfields("651", "a") == ["Россия", "Москва"])
        #expect(tolstoy.subfields("651", "0") == ["http://www.wikidata.org/entity/Q159", "http://www.wikidata.org/entity/Q649"])
        #expect(tolstoy.fields("700").first?["d"] == "1931-2021")
        #expect(tolstoy.subfield("856", "u") == "https://library.mnemo.example/ru/000101")

        let pushkin = rs[1]
        #expect(bytes(pushkin.subfield("100", "a")) == bytes("Пушкин, Александр Сергеевич,"))
        #expect(pushkin.subfield("100", "d") == "1799-1837,")
        #expect(pushkin.subfield("260", "a") == "Санкт-Петербург :")
        #expect(pushkin.subfield("700", "a") == "Лотман, Юрий Михайлович,")
        #expect(pushkin.subfield("700", "4") == "ann")

        let dostoevsky = rs[2]
        #expect(bytes(dostoevsky.subfield("100", "a")) == bytes("Dostoevski\u{012D}, Fedor Mikha\u{012D}lovich,"))
        #expect(bytes(dostoevsky.subfield("264", "b")) == bytes("\u{0116}ksmo,"))
        #expect(dostoevsky.fields("880").count == 4)
    }

    @Test func alternateScriptLinkage() throws {
        let r = try Fixtures.xmlRecords("russian-utf8.xml")[2]
        let main = try #require(r.fields("100").first)
        #expect(main.linkage == MARCLinkage("880-01"))
        let alternates = r.linkedAlternates(for: main)
        #expect(alternates.count == 1)
        #expect(bytes(alternates.first?["a"]) == bytes("Достоевский, Федор Михайлович,"))
        #expect(alternates.first?.alternateScript == .cyrillic)
        #expect(r.linkedAlternates(for: r.fields("245")[0]).first?["a"] == "Преступление и наказание :")
        #expect(r.linkedAlternates(for: r.fields("264")[0]).first?["b"] == "Эксмо,")
        #expect(r.linkedOriginal(for: alternates[0]) == main)
        // An unpaired 880 (occurrence 00) links to nothing.
        let unpaired = r.fields("880")[3]
        #expect(unpaired.linkage?.isPaired == false)
        #expect(unpaired.linkage?.linkingTag == "500")
        #expect(r.linkedOriginal(for: unpaired) == nil)
        // Fields without $6 have no alternates.
        #expect(r.linkedAlternates(for: r.fields("300")[0]).isEmpty)
    }

    @Test func kazakhAndUzbek() throws {
        let rs = try Fixtures.xmlRecords("kazakh-uzbek.xml")
        #expect(rs.count == 2)
        let abai = rs[0]
        #expect(bytes(abai.subfield("100", "a")) == bytes("Абай Құнанбайұлы,"))
        #expect(abai.subfield("100", "d") == "1845-1904,")
        #expect(abai.fields("100")[0].ind1 == "0")
        #expect(bytes(abai.subfield("245", "a")) == bytes("Қара сөздер :"))
        #expect(bytes(abai.subfield("245", "b")) == bytes("өлеңдер мен поэмалар /"))
        #expect(bytes(abai.subfield("246", "a")) == bytes("Ғақлия"))
        #expect(bytes(abai.subfield("500", "a")) == bytes("Ақынның шын аты – Ибраһим."))
        #expect(bytes(abai.subfield("650", "a")) == bytes("Қазақ әдебиеті"))
        #expect(bytes(abai.subfield("650", "y")) == bytes("19 ғасыр."))
        // Every Kazakh-specific letter is present as its own code point.
        let text = abai.dataFields.flatMap(\.subfields).map(\.value).joined()
        for letter in ["ә", "і", "ң", "ғ", "ү", "ұ", "қ", "ө", "һ"] {
            #expect(text.unicodeScalars.contains(letter.unicodeScalars.first!), "\(letter)")
        }

        let navoiy = rs[1]
        #expect(navoiy.subfield("100", "a") == "Alisher Navoiy,")
        #expect(bytes(navoiy.subfield("245", "a")) == bytes("G\u{02BB}aroyib us-sig\u{02BB}ar :"))
        #expect(bytes(navoiy.subfield("264", "b")) == bytes("G\u{02BB}afur G\u{02BB}ulom nomidagi adabiyot va san\u{02BC}at nashriyoti,"))
        #expect(bytes(navoiy.subfield("650", "a")) == bytes("O\u{02BB}zbek adabiyoti"))
        let cyrillicName = navoiy.linkedAlternates(for: navoiy.fields("100")[0])
        #expect(bytes(cyrillicName.first?["a"]) == bytes("Алишер Навоий,"))
        let cyrillicTitle = navoiy.linkedAlternates(for: navoiy.fields("245")[0])
        #expect(bytes(cyrillicTitle.first?["a"]) == bytes("Ғаройиб ус-сиғар :"))
        #expect(bytes(cyrillicTitle.first?["c"]) == bytes("Алишер Навоий ; нашрга тайёрловчи Ҳамид Сулаймон."))
        #expect(bytes(navoiy.linkedAlternates(for: navoiy.fields("650")[0]).first?["a"]) == bytes("Ўзбек адабиёти"))
    }

    @Test func utf8ISO2709MatchesTheXML() throws {
        let xml = try Fixtures.xmlRecords("russian-utf8.xml") + Fixtures.xmlRecords("kazakh-uzbek.xml")
        let iso = try Fixtures.isoRecords("utf8.mrc")
        #expect(iso.count == 5)
        #expect(iso.map(\.dataFields) == xml.map(\.dataFields))
        #expect(iso.map(\.controlFields) == xml.map(\.controlFields))
        #expect(iso.allSatisfy { $0.warnings.isEmpty })
        #expect(bytes(iso[3].subfield("100", "a")) == bytes("Абай Құнанбайұлы,"))
    }

    @Test func rusmarcXMLAndISO2709() throws {
        let xml = try Fixtures.xmlRecords("rusmarc.xml")
        let iso = try Fixtures.isoRecords("rusmarc.mrc")
        #expect(xml.count == 3)
        #expect(iso.map(\.dataFields) == xml.map(\.dataFields))
        for rs in [xml, iso] {
            let war = rs[0]
            #expect(war.leader.hasSuffix("450 "))
            #expect(war.controlField("001") == "RU\\MNEMO\\bibl\\0000301")
            #expect(war.subfield("200", "a") == "Война и мир")
            #expect(war.subfield("200", "f") == "Л. Н. Толстой")
            #expect(war.subfield("210", "a") == "Москва")
            #expect(war.subfield("210", "c") == "Художественная литература")
            #expect(war.subfield("210", "d") == "1978")
            #expect(war.subfield("101", "a") == "rus")
            #expect(war.subfield("010", "a") == "5-280-00067-1")
            #expect(war.subfield("100", "a")?.count == 36)
            let author = try #require(war.fields("700").first)
            #expect(author.ind2 == "1")
            #expect(author["a"] == "Толстой")
            #expect(author["b"] == "Л. Н.")
            #expect(author["g"] == "Лев Николаевич")
            #expect(author["f"] == "1828-1910")
            #expect(author["4"] == "070")
            #expect(war.fields("702").map { $0["4"] } == ["080", "340"])
            #expect(war.fields("702")[1]["g"] == "Михаил Борисович")
            #expect(war.subfield("606", "a") == "Отечественная война 1812 года")
            #expect(war.subfield("607", "a") == "Россия")
            #expect(war.subfield("856", "u") == "https://library.mnemo.example/rusmarc/0000301")

            #expect(rs[1].subfield("700", "g") == "Александр Сергеевич")
            #expect(rs[1].subfield("700", "f") == "1799-1837")
            #expect(rs[1].subfield("702", "4") == "212")
            #expect(bytes(rs[2].subfield("200", "a")) == bytes("Золотой телёнок"))
            #expect(rs[2].subfield("700", "a") == "Ильф")
            #expect(rs[2].subfield("701", "a") == "Петров")
            #expect(rs[2].subfield("701", "f") == "1903-1942")
        }
    }

    @Test func windows1251ISO2709() throws {
        let rs = try Fixtures.isoRecords("cp1251.mrc")
        #expect(rs.count == 3)
        #expect(rs.allSatisfy { $0.warnings.isEmpty })
        #expect(rs.map(\.dataFields) == FixtureRecords.cp1251.map(\.dataFields))
        let chekhov = rs[0]
        #expect(bytes(chekhov.subfield("100", "a")) == bytes("Чехов, Антон Павлович,"))
        #expect(chekhov.subfield("100", "d") == "1860-1904.")
        #expect(bytes(chekhov.subfield("245", "a")) == bytes("Вишнёвый сад :"))
        #expect(chekhov.subfield("490", "v") == "№ 12")
        #expect(bytes(chekhov.subfield("500", "a")) == bytes("Пьеса «Вишнёвый сад» — последняя пьеса Чехова; первая постановка – МХТ, 1904."))
        #expect(bytes(rs[1].subfield("264", "a")) == bytes("Київ :"))
        #expect(bytes(rs[1].subfield("245", "c")) == bytes("Тарас Шевченко ; передмова Івана Франка."))
        #expect(rs[1].subfield("500", "a")?.hasPrefix("Ґрунтується") == true)
        #expect(bytes(rs[1].subfield("651", "a")) == bytes("Європа"))
        #expect(bytes(rs[2].subfield("245", "a")) == bytes("Збор твораў :"))
        #expect(bytes(rs[2].subfield("264", "a")) == bytes("Мінск :"))
        // The raw bytes are Windows-1251: "Чехов" is 0xD7 0xE5 0xF5 0xEE 0xE2.
        let raw = try Fixtures.data("cp1251.mrc")
        #expect(raw.range(of: Data([0xD7, 0xE5, 0xF5, 0xEE, 0xE2])) != nil)
    }

    @Test func marc8ISO2709() throws {
        let rs = try Fixtures.isoRecords("marc8.mrc")
        #expect(rs.count == 5)
        #expect(rs.allSatisfy { $0.warnings.isEmpty })
        #expect(rs.map(\.dataFields) == FixtureRecords.marc8.map(\.dataFields))
        #expect(bytes(rs[0].subfield("100", "a")) == bytes("Dvo\u{0159}\u{00E1}k, Anton\u{00ED}n,"))
        #expect(bytes(rs[0].subfield("245", "b")) == bytes("Z Nov\u{00E9}ho sv\u{011B}ta /"))
        #expect(bytes(rs[1].subfield("700", "a")) == bytes("M\u{00FC}ller, Wilhelm,"))
        #expect(bytes(rs[1].subfield("500", "a")) == bytes("Urtext; mit Fu\u{00DF}noten. Exemplar aus der Sammlung in \u{0141}\u{00F3}d\u{017A}."))
        #expect(bytes(rs[2].subfield("100", "a")) == bytes("Nguy\u{1EC5}n Du,"))
        #expect(bytes(rs[2].subfield("246", "a")) == bytes("\u{0110}o\u{1EA1}n tr\u{01B0}\u{1EDD}ng t\u{00E2}n thanh"))
        let chekhov = rs[3]
        #expect(bytes(chekhov.subfield("245", "a")) == bytes("Vishn\u{00EB}vy\u{012D} sad :"))
        #expect(bytes(chekhov.subfield("245", "b")) == bytes("komedii\u{FE20}a\u{FE21} v chetyr\u{00EB}kh de\u{012D}stvii\u{FE20}a\u{FE21}kh /"))
        let cyr = chekhov.linkedAlternates(for: chekhov.fields("245")[0])
        #expect(bytes(cyr.first?["a"]) == bytes("Вишнёвый сад :"))
        #expect(bytes(chekhov.linkedAlternates(for: chekhov.fields("100")[0]).first?["a"]) == bytes("Чехов, Антон Павлович,"))
        #expect(bytes(rs[4].fields("880")[0]["a"]) == bytes("Абай Құнанбайұлы,"))
        // The file itself: ANSEL caron and acute before their letters, Cyrillic behind ESC ( N.
        let raw = try Fixtures.data("marc8.mrc")
        #expect(raw.range(of: Data("Dvo".utf8) + Data([0xE9]) + Data("r".utf8) + Data([0xE2]) + Data("ak".utf8)) != nil)
        #expect(raw.range(of: Data([0x1B, 0x28, 0x4E]) + Data("~EHOW".utf8)) != nil)
        #expect(raw.range(of: Data("&#x049A;".utf8)) != nil)
    }
}
