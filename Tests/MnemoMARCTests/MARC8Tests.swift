import Foundation
import Testing
@testable import MnemoMARC

@Suite struct MARC8Tests {
    func decode(_ bytes: [UInt8]) -> String { MARCEncoding.marc8.decode(bytes) }
    func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func asciiPassesThrough() {
        #expect(decode(utf8("Tolstoy, Leo, 1828-1910.")) == "Tolstoy, Leo, 1828-1910.")
    }

    @Test func diacriticsPrecedeTheirLetterAndComeOutInNFC() {
        // "Dvořák, Antonín": caron (0xE9) before r, acute (0xE2) before a and i.
        let s = decode(utf8("Dvo") + [0xE9] + utf8("r") + [0xE2] + utf8("ak, Anton") + [0xE2] + utf8("in"))
        #expect(s == "Dvořák, Antonín")
        #expect(Array(s.utf8) == Array("Dvo\u{0159}\u{00E1}k, Anton\u{00ED}n".utf8))
        // "Müller": umlaut 0xE8 before u gives precomposed ü (U+00FC), not u + U+0308.
        let m = decode(utf8("M") + [0xE8] + utf8("uller"))
        #expect(Array(m.unicodeScalars) == Array("M\u{00FC}ller".unicodeScalars))
    }

    @Test func stackedDiacriticsCompose() {
        // ậ: circumflex and dot below before a, in either order, is U+1EAD.
        #expect(Array(decode([0xE3, 0xF2, 0x61]).unicodeScalars) == ["\u{1EAD}"])
        #expect(Array(decode([0xF2, 0xE3, 0x61]).unicodeScalars) == ["\u{1EAD}"])
        // ứ: acute before the ANSEL letter ư (0xBD).
        #expect(Array(decode([0xE2, 0xBD]).unicodeScalars) == ["\u{1EE9}"])
    }

    @Test func anselSpecialLetters() {
        #expect(decode([0xA1, 0xE2] + utf8("od") + [0xE2] + utf8("z")) == "Łódź")
        #expect(decode([0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB8, 0xB9, 0xBA, 0xBC, 0xBD])
                == "ØĐÞÆŒøđþæœı£ðơư")
        #expect(decode([0xA7, 0xAE, 0xB0, 0xB7]) == "\u{02B9}\u{02BC}\u{02BB}\u{02BA}")
        #expect(decode([0xC3, 0xC7, 0xC8]) == "©ß€")
    }

    @Test func ligatureHalvesFollowTheirLetters() {
        // ALA-LC "ia" with a tie: 0xEB before i, 0xEC before a.
        #expect(decode(utf8("komedi") + [0xEB] + utf8("i") + [0xEC] + utf8("a")) == "komedii\u{FE20}a\u{FE21}")
    }

    @Test func basicCyrillicThroughEscapes() {
        // ESC ( N: Basic Cyrillic as G0; "Толстой" then ESC ( B back to ASCII.
        let bytes: [UInt8] = [0x1B, 0x28, 0x4E] + utf8("tOLSTOJ, lEW") + [0x1B, 0x28, 0x42] + utf8(" (1828)")
        #expect(decode(bytes) == "Толстой, Лев (1828)")
        // ESC s also returns to ASCII.
        #expect(decode([0x1B, 0x28, 0x4E] + utf8("MIR") + [0x1B, 0x73] + utf8("x")) == "мирx")
    }

    @Test func fullBasicCyrillicTable() {
        let lower = decode([0x1B, 0x28, 0x4E] + Array(0x40...0x5F))
        #expect(lower == "юабцдефгхийклмнопярстужвьызшэщчъ")
        let upper = decode([0x1B, 0x28, 0x4E] + Array(0x60...0x7E))
        #expect(upper == "ЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧ")
    }

    @Test func extendedCyrillicAsG1() {
        // ESC ) Q: Extended Cyrillic as G1, then ё (0xC4), і (0xC6), ї (0xC7), ў (0xCD), Ъ (0xEF).
        let s = decode([0x1B, 0x29, 0x51, 0xC4, 0xC6, 0xC7, 0xCD, 0xC0, 0xC3, 0xEF, 0xE4, 0xE6, 0xED])
        #expect(s == "ёіїўґєЪЁІЎ")
        // "Вишнёвый" mixing G0 Basic and G1 Extended Cyrillic.
        let w = decode([0x1B, 0x28, 0x4E] + utf8("wI[N") + [0x1B, 0x29, 0x51, 0xC4] + utf8("WYJ"))
        #expect(w == "Вишнёвый")
    }

    @Test func greekHebrewArabicAndTechniqueOneSets() {
        #expect(decode([0x1B, 0x28, 0x53, 0x6E, 0x72, 0x64, 0x72, 0x77]) == "λογος")
        #expect(decode([0x1B, 0x28, 0x53, 0x4E, 0x22, 0x72]) == "Λό")
        #expect(decode([0x1B, 0x28, 0x32, 0x60, 0x61]) == "אב")
        #expect(decode([0x1B, 0x28, 0x33, 0x47, 0x64, 0x65]) == "الم")
        #expect(decode(utf8("H") + [0x1B, 0x62] + utf8("2") + [0x1B, 0x73] + utf8("O")) == "H₂O")
        #expect(decode(utf8("x") + [0x1B, 0x70] + utf8("2") + [0x1B, 0x73]) == "x²")
        #expect(decode([0x1B, 0x67, 0x61, 0x62, 0x63, 0x1B, 0x73]) == "αβγ")
    }

    @Test func numericCharacterReferences() {
        #expect(decode(utf8("&#x049A;ara s&#x04E9;zder")) == "Қara sөzder")
        #expect(decode(utf8("&#1178;")) == "Қ")
        #expect(decode(utf8("AT&T &amp; co")) == "AT&T &amp; co")
    }

    @Test func eastAsianBecomesReplacementWithWarning() {
        var d = MARC8Decoder()
        let s = d.decode([0x1B, 0x24, 0x31, 0x21, 0x30, 0x64, 0x1B, 0x28, 0x42, 0x41][...])
        #expect(s == "\u{FFFD}A")
        #expect(d.warnings.contains { $0.contains("East Asian") })
    }

    @Test func encoderWritesMarksBeforeLettersAndEscapes() throws {
        #expect(try MARCEncoding.marc8.encode("Dvořák") == utf8("Dvo") + [0xE9] + utf8("r") + [0xE2] + utf8("ak"))
        #expect(try MARCEncoding.marc8.encode("Łódź") == [0xA1, 0xE2] + utf8("od") + [0xE2] + utf8("z"))
        #expect(try MARCEncoding.marc8.encode("Мир") == [0x1B, 0x28, 0x4E] + utf8("mIR") + [0x1B, 0x28, 0x42])
        #expect(try MARCEncoding.marc8.encode("ё") == [0x1B, 0x29, 0x51, 0xC4, 0x1B, 0x29, 0x21, 0x45])
        #expect(try MARCEncoding.marc8.encode("Қ") == utf8("&#x049A;"))
        #expect(try MARCEncoding.marc8.encode("a&#b") == utf8("a&#x0026;#b"))
    }

    @Test func encoderRoundTrips() throws {
        let samples = [
            "Dvořák, Antonín", "Die schöne Müllerin", "Nguyễn Du, Truyện Kiều, Đoạn trường tân thanh",
            "Толстой, Лев Николаевич", "Вишнёвый сад", "Київ, Ґрунт, Єва, Ўсё", "komedii︠a︡",
            "Абай Құнанбайұлы: ә і ң ғ ү ұ қ ө һ", "Gʻaroyib us-sigʻar, sanʼat", "λόγος", "H₂O x²", "a&#b", "© ℗ ß €",
        ]
        for s in samples {
            let back = MARCEncoding.marc8.decode(try MARCEncoding.marc8.encode(s))
            #expect(back.unicodeScalars.elementsEqual(s.precomposedStringWithCanonicalMapping.unicodeScalars), "\(s) → \(back)")
        }
    }
}
