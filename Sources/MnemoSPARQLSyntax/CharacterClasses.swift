// The character classes of the SPARQL 1.1 grammar's terminals (section 19.8).

extension Unicode.Scalar {
    /// PN_CHARS_BASE: letters and the wide Unicode ranges names may use.
    var isPNCharsBase: Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
             0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    /// PN_CHARS_U: PN_CHARS_BASE or `_`.
    var isPNCharsU: Bool { value == 0x5F || isPNCharsBase }

    /// PN_CHARS: PN_CHARS_U, `-`, digits, U+00B7 and the combining ranges.
    var isPNChars: Bool {
        switch value {
        case 0x2D, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return isPNCharsU
        }
    }

    /// The characters VARNAME may continue with (PN_CHARS without `-`).
    var isVarNameChar: Bool { value != 0x2D && isPNChars }

    /// The characters VARNAME may start with.
    var isVarNameStart: Bool { isPNCharsU || isDigit }

    var isDigit: Bool { value >= 0x30 && value <= 0x39 }
    var isHexDigit: Bool { isDigit || (value >= 0x41 && value <= 0x46) || (value >= 0x61 && value <= 0x66) }
    var isASCIILetter: Bool { (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
    /// WS: space, tab, CR, LF.
    var isSPARQLWhitespace: Bool { value == 0x20 || value == 0x09 || value == 0x0D || value == 0x0A }

    /// Characters that may follow `\` in a prefixed name's local part (PN_LOCAL_ESC).
    var isLocalEscapable: Bool { "_~.-!$&'()*+,;=/?#@%".unicodeScalars.contains(self) }

    /// Characters excluded from IRIREF besides the controls and space.
    var isExcludedFromIRI: Bool {
        value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(self)
    }

    /// `U+00A0 (NO-BREAK SPACE)`-style rendering for error messages.
    var codePointDescription: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    var hexValue: UInt32? {
        switch value {
        case 0x30...0x39: return value - 0x30
        case 0x41...0x46: return value - 0x41 + 10
        case 0x61...0x66: return value - 0x61 + 10
        default: return nil
        }
    }
}
