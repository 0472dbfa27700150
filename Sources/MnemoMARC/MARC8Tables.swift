/// The MARC-8 code tables, as published by the Library of Congress in
/// "MARC 21 Specifications: Code Tables". Each table is indexed by the 7-bit
/// code (a G1 byte minus 0x80); see ``MARC8CharacterSet/table``.
enum MARC8Tables {
    static let empty = [UInt32](repeating: 0, count: 128)

    static func build(_ body: (inout MARC8TableBuilder) -> Void) -> [UInt32] {
        var b = MARC8TableBuilder()
        body(&b)
        return b.entries
    }

    /// ASCII.
    static let basicLatin = build { $0.ascii(0x20, 0x7E) }

    /// ANSEL, the extended Latin set: special letters, symbols and the
    /// combining diacritics 0xE0–0xFE (here 0x60–0x7E).
    static let ansel = build { t in
        t.put(0x21, codePoints: [0x0141, 0x00D8, 0x0110, 0x00DE, 0x00C6, 0x0152, 0x02B9,  // Ł Ø Đ Þ Æ Œ ʹ
                             0x00B7, 0x266D, 0x00AE, 0x00B1, 0x01A0, 0x01AF, 0x02BC]) // · ♭ ® ± Ơ Ư ʼ
        t.put(0x30, codePoints: [0x02BB, 0x0142, 0x00F8, 0x0111, 0x00FE, 0x00E6, 0x0153,  // ʻ ł ø đ þ æ œ
                             0x02BA, 0x0131, 0x00A3, 0x00F0])                  // ʺ ı £ ð
        t.put(0x3C, "ơư")                      // 0xBC–0xBD
        t.put(0x40, "°ℓ℗©♯¿¡ß€")               // 0xC0–0xC8
        t.put(0x60, codePoints: [
            0x0309, 0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x0306, 0x0307,  // hook, grave, acute, circumflex, tilde, macron, breve, dot
            0x0308, 0x030C, 0x030A, 0xFE20, 0xFE21, 0x0315, 0x030B, 0x0310,  // umlaut, caron, ring, ligature halves, comma right, double acute, candrabindu
            0x0327, 0x0328, 0x0323, 0x0324, 0x0325, 0x0333, 0x0332, 0x0326,  // cedilla, ogonek, dot below, double dot below, ring below, double/single underscore, comma below
            0x031C, 0x032E, 0xFE22, 0xFE23,                                  // right cedilla, breve below, double tilde halves
        ], combining: true)
        t.put(0x7E, codePoints: [0x0313], combining: true)                   // comma above (high comma, centred)
    }

    /// Basic Cyrillic (ISO 5427 based): ASCII digits and punctuation,
    /// Russian lower case at 0x40–0x5F and upper case at 0x60–0x7E.
    /// Capital hard sign Ъ is in Extended Cyrillic.
    static let basicCyrillic = build { t in
        t.ascii(0x20, 0x3F)
        t.put(0x40, "юабцдефгхийклмнопярстужвьызшэщчъ")
        t.put(0x60, "ЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧ")
    }

    /// Extended Cyrillic: Ukrainian, Belarusian, Serbian and Macedonian letters,
    /// ё and the pre-reform letters; Ъ at 0x6F.
    static let extendedCyrillic = build { t in
        t.put(0x40, "ґђѓєёѕіїјљњћќўџ")
        t.put(0x50, "ѣѳѵѫ")
        t.put(0x5B, "[")
        t.put(0x5D, "]")
        t.put(0x5F, "_")
        t.put(0x60, "ҐЂЃЄЁЅІЇЈЉЊЋЌЎЏЪ")
        t.put(0x70, "ѢѲѴѪ")
    }

    /// Basic Greek: accents and breathings (combining), punctuation, letters
    /// with the archaic digamma, stigma, koppa and sampi.
    static let basicGreek = build { t in
        t.put(0x20, " ")
        t.put(0x21, codePoints: [0x0300, 0x0301, 0x0308, 0x0342, 0x0313, 0x0314, 0x0345], combining: true)
        t.put(0x30, codePoints: [0x00AB, 0x00BB, 0x201C, 0x201D, 0x0374, 0x0375])  // « » “ ” numeral signs
        t.put(0x3B, codePoints: [0x0387])  // ano teleia
        t.put(0x3F, codePoints: [0x037E])  // Greek question mark
        t.put(0x41, "ΑΒ")
        t.put(0x44, "ΓΔΕϚϜΖΗΘΙΚΛΜΝΞΟΠϞΡΣ")
        t.put(0x58, "ΤΥΦΧΨΩϠ")
        t.put(0x61, "αβϐγδεϛϝζηθικλμνξοπϟρσςτυφχψωϡ")
    }

    /// The three Greek symbols reached by `ESC g`.
    static let greekSymbols = build { t in
        t.put(0x20, " ")
        t.put(0x61, "αβγ")
    }

    /// Subscript digits and signs reached by `ESC b`.
    static let subscripts = build { t in
        t.put(0x20, " ")
        t.put(0x28, "₍₎")
        t.put(0x2B, "₊")
        t.put(0x2D, "₋")
        t.range(0x30, 0x39, from: 0x2080)
    }

    /// Superscript digits and signs reached by `ESC p`.
    static let superscripts = build { t in
        t.put(0x20, " ")
        t.put(0x28, "⁽⁾")
        t.put(0x2B, "⁺")
        t.put(0x2D, "⁻")
        t.put(0x30, "⁰¹²³⁴⁵⁶⁷⁸⁹")
    }
}
