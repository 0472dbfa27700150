/// Decides how an ISO 2709 record's bytes are encoded, from leader position 9
/// and the bytes themselves.
///
/// - Leader 9 = `a`: UTF-8; but bytes that are not valid UTF-8 and read as
///   Cyrillic in Windows-1251 are taken as Windows-1251 (or, with escapes or
///   ANSEL diacritics, as MARC-8), with a warning.
/// - Leader 9 blank (or anything else): MARC-8 when there are escape sequences
///   or ANSEL diacritics (0xE0–0xFE before a Latin letter); UTF-8 when the bytes
///   are valid UTF-8 with multibyte characters (common in Russian exports);
///   Windows-1251 when the high bytes are mostly 0xC0–0xFF in runs, as Cyrillic
///   words are; MARC-8 otherwise.
public enum MARCEncodingDetector {
    /// The decision and, when the leader was overruled, why.
    public struct Decision: Sendable, Equatable {
        /// The encoding to decode the record with.
        public var encoding: MARCEncoding
        /// Set when the bytes overruled leader position 9.
        public var warning: String?

        public init(encoding: MARCEncoding, warning: String? = nil) {
            self.encoding = encoding
            self.warning = warning
        }
    }

    /// Counts over a record's data.
    struct Stats {
        var high = 0          // bytes >= 0x80
        var highC0 = 0        // bytes >= 0xC0
        var escapes = 0       // ESC
        var anselMarks = 0    // 0xE0–0xFE followed by an ASCII letter
        var cyrillicPairs = 0 // two Windows-1251 letters in a row

        init(_ p: UnsafeBufferPointer<UInt8>) {
            var prevLetter = false
            for i in 0..<p.count {
                let b = p[i]
                if b < 0x80 {
                    if b == 0x1B { escapes += 1 }
                    prevLetter = false
                    continue
                }
                high += 1
                if b >= 0xC0 { highC0 += 1 }
                if b >= 0xE0, b != 0xFF, i + 1 < p.count, Self.isASCIILetter(p[i + 1]) { anselMarks += 1 }
                let letter = Self.isCP1251Letter(b)
                if letter && prevLetter { cyrillicPairs += 1 }
                prevLetter = letter
            }
        }

        static func isASCIILetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }

        /// А–я, Ё ё, Ў ў, Є є, Ї ї, І і, Ґ ґ, Ј ј, Ѕ ѕ in Windows-1251.
        static func isCP1251Letter(_ b: UInt8) -> Bool {
            switch b {
            case 0xC0...0xFF, 0xA8, 0xB8, 0xA1, 0xA2, 0xAA, 0xBA, 0xAF, 0xBF, 0xB2, 0xB3, 0xA5, 0xB4, 0xA3, 0xBC, 0xBD, 0xBE:
                return true
            default:
                return false
            }
        }

        /// High bytes look like Windows-1251 Cyrillic text.
        var looksCP1251: Bool { cyrillicPairs > 0 && highC0 * 10 >= high * 6 && cyrillicPairs >= anselMarks }
    }

    /// Decides for the data of one record.
    public static func detect(leader9: UInt8, data: UnsafeBufferPointer<UInt8>) -> Decision {
        let st = Stats(data)
        if leader9 == 0x61 {  // 'a'
            if st.high == 0 || validUTF8(data) { return Decision(encoding: .utf8) }
            if st.looksCP1251 {
                return Decision(encoding: .windows1251,
                                warning: "leader 9 says UTF-8 but the data is not valid UTF-8; read as Windows-1251")
            }
            if st.escapes > 0 || st.anselMarks > 0 {
                return Decision(encoding: .marc8,
                                warning: "leader 9 says UTF-8 but the data is MARC-8 (escape sequences or ANSEL diacritics); read as MARC-8")
            }
            return Decision(encoding: .utf8,
                            warning: "leader 9 says UTF-8 but the data is not valid UTF-8; bad bytes replaced with U+FFFD")
        }
        if st.high == 0 || st.escapes > 0 { return Decision(encoding: .marc8) }
        if st.anselMarks > st.cyrillicPairs { return Decision(encoding: .marc8) }
        if validUTF8(data) {
            return Decision(encoding: .utf8, warning: "leader 9 is blank (MARC-8) but the data is UTF-8; read as UTF-8")
        }
        if st.looksCP1251 { return Decision(encoding: .windows1251) }
        return Decision(encoding: .marc8)
    }

    /// Decides for a byte array (convenience for tests and callers holding `Data`).
    public static func detect<C: Collection>(leader9: UInt8, bytes: C) -> Decision where C.Element == UInt8 {
        Array(bytes).withUnsafeBufferPointer { detect(leader9: leader9, data: $0) }
    }

    /// Well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
    static func validUTF8(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return false
            }
            guard i + need < n else { return false }
            let c1 = p[i + 1]
            guard c1 >= lo, c1 <= hi else { return false }
            for k in stride(from: 2, through: need, by: 1) where p[i + k] & 0xC0 != 0x80 { return false }
            i += need + 1
        }
        return true
    }
}
