import Foundation

/// Scanners for the lexical spaces of the XSD numeric types (no whitespace
/// allowed: an RDF literal's lexical form must be in the lexical space).
enum NumericLexical {
    /// `[+-]?[0-9]+`
    static func isInteger(_ s: Substring.UTF8View) -> Bool {
        var it = s.makeIterator()
        guard var c = it.next() else { return false }
        if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
            guard let n = it.next() else { return false }
            c = n
        }
        guard isDigit(c) else { return false }
        while let d = it.next() { if !isDigit(d) { return false } }
        return true
    }

    /// The value of `[+-]?[0-9]+` when it has at most 18 digits; nil otherwise
    /// (invalid, or to be parsed as a big integer).
    static func int64Value(_ s: Substring) -> Int64? {
        var it = s.utf8.makeIterator()
        guard var c = it.next() else { return nil }
        var negative = false
        if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
            negative = c == UInt8(ascii: "-")
            guard let n = it.next() else { return nil }
            c = n
        }
        var value: Int64 = 0, digits = 0
        while true {
            guard isDigit(c) else { return nil }
            if value != 0 || c != UInt8(ascii: "0") { digits += 1 }
            guard digits <= 18 else { return nil }
            value = value * 10 + Int64(c - 48)
            guard let n = it.next() else { break }
            c = n
        }
        return negative ? -value : value
    }

    /// `[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)`
    static func isDecimal(_ s: Substring.UTF8View) -> Bool {
        var digits = 0, dots = 0, index = 0
        for c in s {
            defer { index += 1 }
            if isDigit(c) { digits += 1 }
            else if c == UInt8(ascii: ".") { dots += 1; if dots > 1 { return false } }
            else if (c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) && index == 0 { continue }
            else { return false }
        }
        return digits > 0
    }

    /// A decimal mantissa with an optional exponent, or INF, +INF, -INF, NaN.
    static func isDouble(_ s: Substring.UTF8View) -> Bool {
        let text = Substring(s)
        if text == "INF" || text == "+INF" || text == "-INF" || text == "NaN" { return true }
        guard let e = s.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else {
            return isDecimal(s)
        }
        let mantissa = Substring(s[..<e]).utf8
        let exponent = Substring(s[s.index(after: e)...]).utf8
        return isDecimal(mantissa) && isInteger(exponent)
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    static let posix = Locale(identifier: "en_US_POSIX")

    /// The value of a valid decimal or integer lexical form. Up to 18 digits
    /// are read directly (see ``DecimalNumber``); longer forms go through Foundation's parser.
    static func decimalValue(_ s: Substring) -> Decimal? {
        DecimalNumber(lexical: s)?.decimal
    }

    /// The value of a valid decimal or integer lexical form, by Foundation's parser.
    static func foundationDecimal(_ s: Substring) -> Decimal? {
        let negative = s.hasPrefix("-")
        var text = s.hasPrefix("+") || s.hasPrefix("-") ? String(s.dropFirst()) : String(s)
        if text.hasPrefix(".") { text = "0" + text }
        if text.hasSuffix(".") { text.removeLast() }
        guard var value = Decimal(string: text, locale: posix) else { return nil }
        if negative && !value.isZero { value.negate() }
        return value
    }

    /// The value of a valid double lexical form.
    static func doubleValue(_ s: Substring) -> Double? {
        switch s {
        case "INF", "+INF": return .infinity
        case "-INF": return -.infinity
        case "NaN": return .nan
        default: return Double(normalizedForStrtod(s))
        }
    }

    /// The value of a valid float lexical form, rounded once to single precision.
    static func floatValue(_ s: Substring) -> Float? {
        switch s {
        case "INF", "+INF": return .infinity
        case "-INF": return -.infinity
        case "NaN": return .nan
        default: return Float(normalizedForStrtod(s))
        }
    }

    private static func normalizedForStrtod(_ s: Substring) -> String {
        // Swift's parser accepts what XSD accepts here once "." edge cases are padded.
        var text = String(s)
        if let dot = text.firstIndex(of: ".") {
            let after = text.index(after: dot)
            if after == text.endIndex || !text[after].isASCII || !text[after].isNumber {
                text.insert("0", at: after)
            }
        }
        return text
    }
}
