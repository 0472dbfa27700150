import Foundation

/// Decodes MARC-8 to Unicode, keeping the G0/G1 designations across calls so
/// one decoder can run through the subfields of a field.
///
/// Combining marks precede their base letter in MARC-8; they are held until
/// the base arrives, written after it, and the result is put in NFC.
/// Numeric character references (`&#x04D9;`) become the character they name.
/// East Asian (EACC) characters are out of scope: each becomes U+FFFD.
struct MARC8Decoder {
    var g0: MARC8CharacterSet = .basicLatin
    var g1: MARC8CharacterSet = .extendedLatin
    private(set) var warnings: [String] = []
    private var warnedEastAsian = false

    mutating func decode(_ bytes: ArraySlice<UInt8>) -> String {
        if g0 == .basicLatin, !bytes.contains(where: { $0 >= 0x7F || $0 == 0x1B || $0 == 0x26 }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        var pending: [Unicode.Scalar] = []
        var combined = false
        func emit(_ u: Unicode.Scalar) {
            out.append(u)
            if !pending.isEmpty {
                out.append(contentsOf: pending)
                pending.removeAll(keepingCapacity: true)
                combined = true
            }
        }
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 0x1B {
                i = escape(bytes, at: i)
                continue
            }
            if b == 0x26, g0.table[0x26] == 0x26, let (u, next) = Self.reference(bytes, at: i) {
                emit(u)
                i = next
                continue
            }
            let set: MARC8CharacterSet
            switch b {
            case 0x20:
                emit(" "); i += 1; continue
            case 0x21...0x7E:
                set = g0
            case 0xA1...0xFE:
                set = g1
            case 0x00..<0x20:
                emit(Unicode.Scalar(b)); i += 1; continue
            case 0x88: emit("\u{98}"); i += 1; continue      // non-sort begin
            case 0x89: emit("\u{9C}"); i += 1; continue      // non-sort end
            case 0x8D: emit("\u{200D}"); i += 1; continue    // joiner
            case 0x8E: emit("\u{200C}"); i += 1; continue    // non-joiner
            default:
                warnings.append("MARC-8: byte 0x\(hex(b)) is not a character; dropped")
                i += 1; continue
            }
            if set == .eastAsian {
                if !warnedEastAsian {
                    warnings.append("MARC-8: East Asian (EACC) characters are not supported; written as U+FFFD")
                    warnedEastAsian = true
                }
                emit("\u{FFFD}")
                i = min(i + 3, bytes.endIndex)
                continue
            }
            let entry = set.table[Int(b & 0x7F)]
            if entry == 0 {
                warnings.append("MARC-8: 0x\(hex(b)) is unassigned in \(set); written as U+FFFD")
                emit("\u{FFFD}")
            } else if entry & MARC8TableBuilder.combiningFlag != 0 {
                pending.append(Unicode.Scalar(entry & ~MARC8TableBuilder.combiningFlag)!)
            } else {
                emit(Unicode.Scalar(entry)!)
            }
            i += 1
        }
        if !pending.isEmpty {
            warnings.append("MARC-8: combining mark with no letter after it")
            out.append(contentsOf: pending)
            combined = true
        }
        let s = String(out)
        return combined ? s.precomposedStringWithCanonicalMapping : s
    }

    /// Applies the escape sequence at `i`; returns the index after it.
    private mutating func escape(_ bytes: ArraySlice<UInt8>, at i: Int) -> Int {
        let end = bytes.endIndex
        var j = i + 1
        guard j < end else {
            warnings.append("MARC-8: escape at the end of the data")
            return end
        }
        switch bytes[j] {
        case 0x67, 0x62, 0x70:  // g b p: Greek symbols, subscripts, superscripts
            g0 = MARC8CharacterSet(rawValue: bytes[j])!
            return j + 1
        case 0x73:  // s: back to ASCII
            g0 = .basicLatin
            return j + 1
        case 0x28, 0x2C, 0x29, 0x2D:  // ( , → G0; ) - → G1
            let toG1 = bytes[j] == 0x29 || bytes[j] == 0x2D
            j += 1
            if j < end, bytes[j] == 0x21 { j += 1 }  // `!E` designates ANSEL
            guard j < end, let set = MARC8CharacterSet(rawValue: bytes[j]) else { break }
            if toG1 { g1 = set } else { g0 = set }
            return j + 1
        case 0x24:  // $: multibyte set (EACC)
            j += 1
            var toG1 = false
            if j < end, bytes[j] == 0x2C || bytes[j] == 0x28 { j += 1 }
            else if j < end, bytes[j] == 0x29 || bytes[j] == 0x2D { toG1 = true; j += 1 }
            guard j < end, bytes[j] == MARC8CharacterSet.eastAsian.rawValue else { break }
            if toG1 { g1 = .eastAsian } else { g0 = .eastAsian }
            return j + 1
        default:
            break
        }
        warnings.append("MARC-8: unknown escape sequence at data byte \(i - bytes.startIndex); ignored")
        return i + 1
    }

    /// A numeric character reference `&#xHHHH;` (or `&#DDDD;`) at `i`.
    static func reference(_ bytes: ArraySlice<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        var j = i + 1
        guard j < bytes.endIndex, bytes[j] == 0x23 else { return nil }
        j += 1
        var radix: UInt32 = 10
        if j < bytes.endIndex, bytes[j] == 0x78 || bytes[j] == 0x58 { radix = 16; j += 1 }
        var value: UInt32 = 0
        var digits = 0
        while j < bytes.endIndex, digits <= 6 {
            let c = bytes[j]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46 where radix == 16: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66 where radix == 16: d = UInt32(c - 0x61 + 10)
            case 0x3B:
                guard digits > 0, let u = Unicode.Scalar(value) else { return nil }
                return (u, j + 1)
            default: return nil
            }
            value = value * radix + d
            digits += 1
            j += 1
        }
        return nil
    }
}

func hex(_ b: UInt8) -> String {
    let s = String(b, radix: 16, uppercase: true)
    return s.count == 1 ? "0" + s : s
}
