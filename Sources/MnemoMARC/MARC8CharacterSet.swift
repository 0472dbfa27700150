/// The MARC-8 graphic character sets, named by the final character of the
/// escape sequence that designates them (`ESC ( N` designates Basic Cyrillic as G0).
enum MARC8CharacterSet: UInt8, Sendable, CaseIterable {
    case basicLatin = 0x42        // B: ASCII
    case extendedLatin = 0x45     // E: ANSEL (designated with `!E`)
    case basicHebrew = 0x32       // 2
    case basicArabic = 0x33       // 3
    case extendedArabic = 0x34    // 4
    case basicCyrillic = 0x4E     // N
    case extendedCyrillic = 0x51  // Q
    case basicGreek = 0x53        // S
    case eastAsian = 0x31         // 1: EACC, three bytes a character
    case greekSymbols = 0x67      // g: MARC's own locking escape `ESC g`
    case subscripts = 0x62        // b: `ESC b`
    case superscripts = 0x70      // p: `ESC p`

    /// The code table: entry `code` (0x21–0x7E) is the code point, 0 when unassigned;
    /// bit 31 flags a combining mark, which MARC-8 writes before its base letter.
    var table: [UInt32] {
        switch self {
        case .basicLatin: MARC8Tables.basicLatin
        case .extendedLatin: MARC8Tables.ansel
        case .basicCyrillic: MARC8Tables.basicCyrillic
        case .extendedCyrillic: MARC8Tables.extendedCyrillic
        case .basicGreek: MARC8Tables.basicGreek
        case .basicHebrew: MARC8Tables.basicHebrew
        case .basicArabic: MARC8Tables.basicArabic
        case .extendedArabic: MARC8Tables.extendedArabic
        case .greekSymbols: MARC8Tables.greekSymbols
        case .subscripts: MARC8Tables.subscripts
        case .superscripts: MARC8Tables.superscripts
        case .eastAsian: MARC8Tables.empty
        }
    }

    /// The escape sequence (after ESC) designating this set as G0 or G1.
    func designation(asG1: Bool) -> [UInt8] {
        switch self {
        case .greekSymbols, .subscripts, .superscripts: return [rawValue]
        case .basicLatin where !asG1: return [0x73]  // ESC s: back to ASCII
        case .extendedLatin: return [asG1 ? 0x29 : 0x28, 0x21, 0x45]
        case .eastAsian: return asG1 ? [0x24, 0x29, 0x31] : [0x24, 0x31]
        default: return [asG1 ? 0x29 : 0x28, rawValue]
        }
    }
}

/// A code table under construction: 7-bit codes to code points.
struct MARC8TableBuilder {
    static let combiningFlag: UInt32 = 1 << 31
    var entries = [UInt32](repeating: 0, count: 128)

    /// Consecutive codes from `start` take the characters of `text` in order.
    mutating func put(_ start: UInt8, _ text: String) {
        var code = Int(start)
        for u in text.unicodeScalars {
            precondition(code < 0x7F, "table overflow at \(text)")
            entries[code] = u.value
            code += 1
        }
    }

    /// Consecutive codes from `start` take these code points.
    mutating func put(_ start: UInt8, codePoints: [UInt32], combining: Bool = false) {
        for (i, u) in codePoints.enumerated() {
            entries[Int(start) + i] = u | (combining ? Self.combiningFlag : 0)
        }
    }

    /// Codes `first...last` take consecutive code points from `from`.
    mutating func range(_ first: UInt8, _ last: UInt8, from: UInt32, combining: Bool = false) {
        for c in first...last {
            entries[Int(c)] = (from + UInt32(c - first)) | (combining ? Self.combiningFlag : 0)
        }
    }

    /// ASCII's own characters at `first...last` (digits and punctuation shared by many sets).
    mutating func ascii(_ first: UInt8, _ last: UInt8) {
        range(first, last, from: UInt32(first))
    }
}
