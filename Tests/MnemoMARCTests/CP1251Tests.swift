import Foundation
import Testing
@testable import MnemoMARC

@Suite struct CP1251Tests {
    @Test func lettersAndTypography() throws {
        let bytes: [UInt8] = [0xD2, 0xEE, 0xEB, 0xF1, 0xF2, 0xEE, 0xE9]
        #expect(MARCEncoding.windows1251.decode(bytes) == "Толстой")
        let special: [UInt8] = [0xA8, 0xB8, 0xA1, 0xA2, 0xAA, 0xBA, 0xAF, 0xBF, 0xB2, 0xB3, 0xA5, 0xB4, 0xB9, 0xAB, 0xBB, 0x96, 0x97]
        #expect(MARCEncoding.windows1251.decode(special) == "ЁёЎўЄєЇїІіҐґ№«»–—")
        #expect(try MARCEncoding.windows1251.encode("ЁёЎўЄєЇїІіҐґ№«»–—") == special)
    }

    @Test func everyAssignedByteRoundTrips() throws {
        let all = (0x00...0xFF).map(UInt8.init).filter { $0 != 0x98 }
        let text = MARCEncoding.windows1251.decode(all)
        #expect(text.unicodeScalars.count == all.count)
        #expect(try MARCEncoding.windows1251.encode(text) == all)
        #expect(MARCEncoding.windows1251.decode([0xC0, 0xDF, 0xE0, 0xFF]) == "АЯая")
    }

    @Test func decomposedInputIsComposedFirst() throws {
        // й written as и + combining breve still has its one-byte code 0xE9.
        #expect(try MARCEncoding.windows1251.encode("\u{0438}\u{0306}") == [0xE9])
    }

    @Test func unencodableCharacterThrows() {
        #expect(throws: MARCWriteError.self) { try MARCEncoding.windows1251.encode("Қазақ") }
        #expect(throws: MARCWriteError.self) { try MARCEncoding.latin1.encode("Łódź") }
    }

    @Test func encodingNames() {
        #expect(MARCEncoding(name: "cp1251") == .windows1251)
        #expect(MARCEncoding(name: "Windows-1251") == .windows1251)
        #expect(MARCEncoding(name: "UTF-8") == .utf8)
        #expect(MARCEncoding(name: "marc8") == .marc8)
        #expect(MARCEncoding(name: "ISO-8859-1") == .latin1)
        #expect(MARCEncoding(name: "koi8-r") == nil)
    }
}
