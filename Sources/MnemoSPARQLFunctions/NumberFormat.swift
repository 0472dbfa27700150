import Foundation

/// Canonical lexical forms of numeric results.
///
/// - xsd:integer: `-12`, `0` (no sign for zero, no leading zeros).
/// - xsd:decimal: `1.5`, `-0.25`, `3.0` — XSD 1.0's canonical form, which
///   always has a decimal point (so a decimal result never looks like an integer).
/// - xsd:double / xsd:float: `1.0E0`, `2.5E1`, `-1.0E-3`, `INF`, `-INF`, `NaN`,
///   with the shortest mantissa that reads back as the same value.
enum NumberFormat {
    static func integer(_ d: Decimal) -> String {
        let s = d.description
        return s == "-0" ? "0" : s
    }

    static func decimal(_ d: Decimal) -> String {
        var s = d.isZero ? "0" : d.description
        if !s.utf8.contains(UInt8(ascii: ".")) { s += ".0" }
        return s
    }

    /// Decimal digits and the position of the decimal point, from Swift's
    /// shortest round-trip description ("25.0", "1e-05", "1.25e+20").
    private static func digitsAndPoint(_ description: String) -> (digits: [UInt8], point: Int) {
        var text = Substring(description)
        if text.hasPrefix("-") { text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var digits = text[text.index(after: e)...]
            if digits.hasPrefix("+") { digits = digits.dropFirst() }
            exponent = Int(digits) ?? 0
            text = text[..<e]
        }
        var digits: [UInt8] = []
        var point = -1
        for c in text.utf8 {
            if c == UInt8(ascii: ".") { point = digits.count } else { digits.append(c) }
        }
        if point < 0 { point = digits.count }
        point += exponent
        while let first = digits.first, first == UInt8(ascii: "0") { digits.removeFirst(); point -= 1 }
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        return (digits, point)
    }

    /// The XSD canonical form of a double or float: `d.dddEn`.
    static func scientific(_ value: Double, digits description: String) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-INF" : "INF" }
        let sign = value.sign == .minus ? "-" : ""
        let (digits, point) = digitsAndPoint(description)
        guard let first = digits.first else { return sign + "0.0E0" }
        let rest = digits.count > 1 ? String(decoding: digits.dropFirst(), as: UTF8.self) : "0"
        return "\(sign)\(Character(Unicode.Scalar(first))).\(rest)E\(point - 1)"
    }

    /// XPath's cast of a double or float to xs:string: plain decimal notation
    /// (no trailing ".0") for magnitudes in [1e-6, 1e6), scientific otherwise.
    static func xpathString(_ value: Double, digits description: String) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-INF" : "INF" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let magnitude = Swift.abs(value)
        guard magnitude >= 1e-6 && magnitude < 1e6 else { return scientific(value, digits: description) }
        let (digits, point) = digitsAndPoint(description)
        var out = value < 0 ? "-" : ""
        let text = String(decoding: digits, as: UTF8.self)
        if point <= 0 {
            out += "0." + String(repeating: "0", count: -point) + text
        } else if point >= digits.count {
            out += text + String(repeating: "0", count: point - digits.count)
        } else {
            let cut = text.index(text.startIndex, offsetBy: point)
            out += text[..<cut] + "." + text[cut...]
        }
        return out
    }

    /// XPath's cast of a decimal to xs:string: no decimal point when integral.
    static func xpathString(_ d: Decimal) -> String {
        d.isZero ? "0" : d.description
    }
}
