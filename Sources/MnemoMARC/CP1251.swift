/// Windows code page 1251: ASCII below 0x80, Cyrillic and typography above.
enum CP1251 {
    /// Code points of 0x80–0xBF; 0x98 is unassigned (U+FFFD).
    /// 0xC0–0xFF are А–я (U+0410–U+044F) in order.
    static let upper: [UInt16] = [
        // 0x80: Ђ Ѓ ‚ ѓ „ … † ‡ € ‰ Љ ‹ Њ Ќ Ћ Џ
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        // 0x90: ђ ‘ ’ “ ” • – — (none) ™ љ › њ ќ ћ џ
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        // 0xA0: NBSP Ў ў Ј ¤ Ґ ¦ § Ё © Є « ¬ SHY ® Ї
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        // 0xB0: ° ± І і ґ µ ¶ · ё № є » ј Ѕ ѕ ї
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ]

    static func scalar(_ b: UInt8) -> Unicode.Scalar {
        switch b {
        case 0..<0x80: return Unicode.Scalar(b)
        case 0xC0...: return Unicode.Scalar(0x0410 + UInt32(b - 0xC0))!
        default: return Unicode.Scalar(UInt32(upper[Int(b - 0x80)]))!
        }
    }

    static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var s = String.UnicodeScalarView()
        for b in bytes { s.append(scalar(b)) }
        return String(s)
    }

    /// Code point to byte, for 0x80–0xFF.
    static let reverse: [UInt32: UInt8] = {
        var m: [UInt32: UInt8] = [:]
        for b in 0x80...0xFF {
            let u = scalar(UInt8(b)).value
            if u != 0xFFFD { m[u] = UInt8(b) }
        }
        return m
    }()

    static func encode(_ string: String) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(string.unicodeScalars.count)
        // Precomposed forms only: й and ё are single code points in CP1251.
        for u in string.precomposedForMARC.unicodeScalars {
            if u.value < 0x80 {
                out.append(UInt8(u.value))
            } else if let b = reverse[u.value] {
                out.append(b)
            } else {
                throw MARCWriteError("U+\(String(u.value, radix: 16, uppercase: true)) '\(u)' has no Windows-1251 code")
            }
        }
        return out
    }
}
