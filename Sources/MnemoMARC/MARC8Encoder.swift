import Foundation

/// Encodes Unicode as MARC-8: ASCII and ANSEL (letters and combining
/// diacritics, which go before their base letter), Cyrillic, Greek, Hebrew and
/// Arabic through escape sequences. A character no set holds becomes a numeric
/// character reference (`&#x04D9;`). Each call starts and ends in the default
/// sets (G0 ASCII, G1 ANSEL).
enum MARC8Encoder {
    /// Sets tried for a character not in the current G0 or G1, in order.
    static let preference: [MARC8CharacterSet] = [
        .basicLatin, .extendedLatin, .basicCyrillic, .extendedCyrillic,
        .basicGreek, .basicHebrew, .basicArabic, .extendedArabic, .subscripts, .superscripts,
    ]

    /// For each set, code point to 7-bit code.
    static let codes: [MARC8CharacterSet: [UInt32: UInt8]] = {
        var all: [MARC8CharacterSet: [UInt32: UInt8]] = [:]
        for set in MARC8CharacterSet.allCases {
            var m: [UInt32: UInt8] = [:]
            for code in 0x21...0x7E {
                let e = set.table[code] & ~MARC8TableBuilder.combiningFlag
                if e != 0, m[e] == nil { m[e] = UInt8(code) }
            }
            all[set] = m
        }
        return all
    }()

    /// The sets MARC-8 practice designates as G1 (the high half).
    static func goesToG1(_ set: MARC8CharacterSet) -> Bool {
        set == .extendedLatin || set == .extendedCyrillic || set == .extendedArabic
    }

    struct State {
        var g0 = MARC8CharacterSet.basicLatin
        var g1 = MARC8CharacterSet.extendedLatin
        var out: [UInt8] = []

        func find(_ u: Unicode.Scalar) -> (MARC8CharacterSet, UInt8)? {
            if let c = codes[g0]?[u.value] { return (g0, c) }
            if let c = codes[g1]?[u.value] { return (g1, c) }
            for set in preference { if let c = codes[set]?[u.value] { return (set, c) } }
            return nil
        }

        mutating func put(_ set: MARC8CharacterSet, _ code: UInt8) {
            if set == g0 { out.append(code); return }
            if set == g1 { out.append(code | 0x80); return }
            out.append(0x1B)
            if goesToG1(set) {
                out += set.designation(asG1: true)
                g1 = set
                out.append(code | 0x80)
            } else {
                out += set == .basicLatin ? [0x28, 0x42] : set.designation(asG1: false)
                g0 = set
                out.append(code)
            }
        }

        mutating func reference(_ u: Unicode.Scalar) {
            var hexDigits = String(u.value, radix: 16, uppercase: true)
            while hexDigits.count < 4 { hexDigits = "0" + hexDigits }
            for c in "&#x\(hexDigits);".utf8 { put(.basicLatin, c) }
        }

        /// Writes a letter with marks as a MARC-8 letter preceded by ANSEL (or
        /// script) combining marks: the longest composable head that a set holds
        /// (ư of ứ), then the remaining marks. False when no split works.
        mutating func putDecomposed(_ ch: Character) -> Bool {
            let parts = Array(String(ch).decomposedStringWithCanonicalMapping.unicodeScalars)
            guard parts.count > 1 else { return false }
            for headLength in stride(from: parts.count - 1, through: 1, by: -1) {
                var head = String.UnicodeScalarView()
                head.append(contentsOf: parts[0..<headLength])
                let composed = Array(String(head).precomposedForMARC.unicodeScalars)
                guard composed.count == 1, let base = find(composed[0]) else { continue }
                let marks = parts[headLength...].map { find($0) }
                guard marks.allSatisfy({ $0 != nil }) else { continue }
                // MARC-8 order: the marks first, then the letter they sit on.
                for (set, code) in marks.map({ $0! }) { put(set, code) }
                put(base.0, base.1)
                return true
            }
            return false
        }

        mutating func finish() {
            if g0 != .basicLatin { out += [0x1B, 0x28, 0x42]; g0 = .basicLatin }
            if g1 != .extendedLatin { out += [0x1B, 0x29, 0x21, 0x45]; g1 = .extendedLatin }
        }
    }

    static func encode(_ string: String) -> [UInt8] {
        if string.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x26 }) { return Array(string.utf8) }
        var st = State()
        st.out.reserveCapacity(string.utf8.count + 8)
        let chars = Array(string)
        for (k, ch) in chars.enumerated() {
            if ch == " " { st.out.append(0x20); continue }
            // A literal "&#" would read back as a reference: write the ampersand as one.
            if ch == "&", k + 1 < chars.count, chars[k + 1] == "#" { st.reference("&"); continue }
            let composed = Array(String(ch).precomposedForMARC.unicodeScalars)
            if composed.count == 1, let (set, code) = st.find(composed[0]) {
                st.put(set, code)
                continue
            }
            if !st.putDecomposed(ch) {
                for u in composed { st.reference(u) }
            }
        }
        st.finish()
        return st.out
    }
}
