/// The character encodings found in ISO 2709 exchange files.
///
/// MARC 21 says leader position 9 is `a` for UTF-8 and blank for MARC-8;
/// Russian and Central Asian exports often leave it blank whatever they hold,
/// so readers also look at the bytes (see ``MARCEncodingDetector``).
public enum MARCEncoding: String, Sendable, CaseIterable {
    /// Unicode, UTF-8 (leader 9 = `a`).
    case utf8 = "utf-8"
    /// MARC-8: ASCII and ANSEL by default, other scripts through escape sequences.
    case marc8 = "marc-8"
    /// Windows code page 1251 (Cyrillic), common in Russian exports.
    case windows1251 = "windows-1251"
    /// ISO 8859-1.
    case latin1 = "iso-8859-1"

    /// Accepts the usual spellings: `utf8`, `UTF-8`, `marc8`, `cp1251`, `win1251`, `latin1`…
    public init?(name: String) {
        let n = name.lowercased().filter { $0.isLetter || $0.isNumber }
        switch n {
        case "utf8", "unicode": self = .utf8
        case "marc8", "marc", "ansel": self = .marc8
        case "windows1251", "cp1251", "win1251", "1251": self = .windows1251
        case "latin1", "iso88591", "l1": self = .latin1
        default: return nil
        }
    }

    /// Decodes one value. MARC-8 starts from its default sets (ASCII, ANSEL)
    /// and its combining marks come out after their base letter, in NFC.
    public func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        switch self {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .windows1251: return CP1251.decode(bytes)
        case .latin1: return Latin1.decode(bytes)
        case .marc8:
            var d = MARC8Decoder()
            return d.decode(Array(bytes)[...])
        }
    }

    /// Encodes one value. MARC-8 returns to its default sets at the end; a
    /// character MARC-8 lacks is written as a numeric character reference
    /// (`&#x04D9;`), as MARC 21's lossless conversion rules allow. Windows-1251
    /// and Latin-1 throw on a character they lack.
    public func encode(_ string: String) throws -> [UInt8] {
        switch self {
        case .utf8: return Array(string.utf8)
        case .windows1251: return try CP1251.encode(string)
        case .latin1: return try Latin1.encode(string)
        case .marc8: return MARC8Encoder.encode(string)
        }
    }
}

/// ISO 8859-1: every byte is the code point of the same number.
enum Latin1 {
    static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var s = String.UnicodeScalarView()
        for b in bytes { s.append(Unicode.Scalar(b)) }
        return String(s)
    }

    static func encode(_ string: String) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(string.utf8.count)
        for u in string.unicodeScalars {
            guard u.value <= 0xFF else {
                throw MARCWriteError("U+\(String(u.value, radix: 16, uppercase: true)) '\(u)' has no ISO 8859-1 code")
            }
            out.append(UInt8(u.value))
        }
        return out
    }
}
