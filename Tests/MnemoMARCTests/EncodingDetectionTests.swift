import Foundation
import Testing
@testable import MnemoMARC

@Suite struct EncodingDetectionTests {
    func detect(_ leader9: Character, _ bytes: [UInt8]) -> MARCEncodingDetector.Decision {
        MARCEncodingDetector.detect(leader9: leader9.asciiValue!, bytes: bytes)
    }

    @Test func leaderAMeansUTF8() {
        #expect(detect("a", Array("Толстой".utf8)) == .init(encoding: .utf8))
        #expect(detect("a", Array("plain".utf8)) == .init(encoding: .utf8))
    }

    @Test func leaderAWithCP1251BytesFallsBackWithWarning() throws {
        let d = detect("a", try MARCEncoding.windows1251.encode("Толстой, Лев Николаевич"))
        #expect(d.encoding == .windows1251)
        #expect(d.warning?.contains("not valid UTF-8") == true)
    }

    @Test func leaderAWithMARC8BytesFallsBackWithWarning() throws {
        let d = detect("a", try MARCEncoding.marc8.encode("Dvořák, Antonín"))
        #expect(d.encoding == .marc8)
        #expect(d.warning != nil)
        let junk = detect("a", [0x41, 0x80, 0x42])
        #expect(junk.encoding == .utf8)
        #expect(junk.warning?.contains("U+FFFD") == true)
    }

    @Test func blankLeader() throws {
        // Escape sequences: MARC-8.
        #expect(detect(" ", try MARCEncoding.marc8.encode("Толстой")).encoding == .marc8)
        // ANSEL diacritics before Latin letters: MARC-8.
        #expect(detect(" ", try MARCEncoding.marc8.encode("Dvořák, Müller")).encoding == .marc8)
        // Valid multibyte UTF-8 despite the blank leader: UTF-8, with a warning.
        let u = detect(" ", Array("Пушкин, Александр Сергеевич".utf8))
        #expect(u.encoding == .utf8)
        #expect(u.warning != nil)
        // Cyrillic words in Windows-1251: runs of 0xC0–0xFF.
        #expect(detect(" ", try MARCEncoding.windows1251.encode("Вишнёвый сад — «Чехов», № 12")).encoding == .windows1251)
        // One-letter words and capitals still count.
        #expect(detect(" ", try MARCEncoding.windows1251.encode("Война и мир")).encoding == .windows1251)
        // Plain ASCII: MARC-8 (the same bytes either way).
        #expect(detect(" ", Array("Tolstoy".utf8)).encoding == .marc8)
        // ANSEL special letters only (Ł, ø): MARC-8.
        #expect(detect(" ", try MARCEncoding.marc8.encode("Łukasz Søren")).encoding == .marc8)
    }

    @Test func fixturesAreDetected() throws {
        let expected: [(String, MARCEncoding)] = [
            ("utf8.mrc", .utf8), ("cp1251.mrc", .windows1251), ("marc8.mrc", .marc8), ("rusmarc.mrc", .utf8),
        ]
        for (name, encoding) in expected {
            let records = try Fixtures.isoRecords(name)
            #expect(!records.isEmpty)
            for r in records { #expect(r.sourceEncoding == encoding, "\(name) \(r.controlField("001") ?? "")") }
        }
        // Leader 9 in the files themselves.
        for r in try Fixtures.isoRecords("utf8.mrc") { #expect(r.leaderCharacter(9) == "a") }
        for name in ["cp1251.mrc", "marc8.mrc", "rusmarc.mrc"] {
            for r in try Fixtures.isoRecords(name) { #expect(r.leaderCharacter(9) == " ") }
        }
        // RUSMARC's blank leader over UTF-8 data is noted.
        #expect(try Fixtures.isoRecords("rusmarc.mrc").allSatisfy { $0.warnings.contains { $0.contains("UTF-8") } })
    }

    @Test func overrideWins() throws {
        // Forcing Latin-1 on the Windows-1251 file reads the same bytes as Latin-1.
        let forced = try Fixtures.isoRecords("cp1251.mrc", encoding: .latin1)
        #expect(forced.allSatisfy { $0.sourceEncoding == .latin1 })
        #expect(forced[0].subfield("100", "a") == "×åõîâ, Àíòîí Ïàâëîâè÷,")
    }
}
