/// The right-to-left MARC-8 sets. Text is stored in logical order, as in Unicode;
/// points and harakat are combining marks.
extension MARC8Tables {
    /// Basic Hebrew: punctuation (with geresh and gershayim), points, letters, Yiddish ligatures.
    static let basicHebrew = build { t in
        t.ascii(0x20, 0x3F)
        t.put(0x22, codePoints: [0x05F4])   // gershayim
        t.put(0x27, codePoints: [0x05F3])   // geresh
        t.put(0x2D, codePoints: [0x05BE])   // maqaf
        t.put(0x40, codePoints: [
            0x05B7, 0x05B8, 0x05B6, 0x05B5, 0x05B4, 0x05B9, 0x05BB, 0x05B0,  // patah qamats segol tsere hiriq holam qubuts sheva
            0x05B2, 0x05B3, 0x05B1, 0x05BC, 0x05BF, 0x05C1, 0xFB1E,          // hataf patah/qamats/segol, dagesh, rafe, shin dot, varika
        ], combining: true)
        t.put(0x5B, "[")
        t.put(0x5D, "]")
        t.range(0x60, 0x7A, from: 0x05D0)                      // alef … tav, final forms in Unicode order
        t.put(0x7B, codePoints: [0x05F0, 0x05F1, 0x05F2])      // double vav, vav yod, double yod
    }

    /// Basic Arabic: Arabic punctuation and digits, letters, tatweel, harakat.
    static let basicArabic = build { t in
        t.ascii(0x20, 0x3F)
        t.put(0x25, codePoints: [0x066A])   // percent
        t.put(0x2A, codePoints: [0x066D])   // five-pointed star
        t.put(0x2C, codePoints: [0x060C])   // comma
        t.range(0x30, 0x39, from: 0x0660)   // Arabic-Indic digits
        t.put(0x3B, codePoints: [0x061B])   // semicolon
        t.put(0x3F, codePoints: [0x061F])   // question mark
        t.range(0x41, 0x5A, from: 0x0621)   // hamza … ghain
        t.put(0x5B, "[")
        t.put(0x5D, "]")
        t.range(0x60, 0x6A, from: 0x0640)   // tatweel, feh … yeh
        t.range(0x6B, 0x72, from: 0x064B, combining: true)  // fathatan … sukun
        t.put(0x73, codePoints: [0x0671, 0x0670])           // alef wasla, superscript alef
        t.put(0x78, codePoints: [0x066C, 0x201D, 0x201C])   // thousands separator, quotes
    }

    /// Extended Arabic: letters for Persian, Urdu, Pashto, Sindhi, Kurdish and others.
    static let extendedArabic = build { t in
        t.put(0x21, codePoints: [0x06FD, 0x0672, 0x0673])
        t.range(0x24, 0x2F, from: 0x0679)
        t.put(0x30, codePoints: [0x0685, 0x0686, 0x06BF])
        t.range(0x33, 0x47, from: 0x0687)
        t.put(0x48, codePoints: [0x069C, 0x06FA, 0x069D, 0x069E, 0x06FB, 0x069F, 0x06A0, 0x06FC])
        t.range(0x50, 0x67, from: 0x06A1)
        t.put(0x68, codePoints: [
            0x06BA, 0x06BB, 0x06BC, 0x06BD, 0x06B9, 0x06BE, 0x06C0, 0x06C4,
            0x06C5, 0x06C6, 0x06CA, 0x06CB, 0x06CD, 0x06CE, 0x06D0, 0x06D2, 0x06D3,
        ])
        t.put(0x7D, codePoints: [0x0306, 0x030C], combining: true)
    }
}
