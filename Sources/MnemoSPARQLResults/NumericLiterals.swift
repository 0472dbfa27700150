import MnemoRDF

/// The XSD numeric datatypes, the Turtle abbreviations of numbers, and the
/// value-normalised spelling used when numbers are compared by value.
enum NumericLiterals {
    static let integer = Vocabulary.xsd + "integer"
    static let decimal = Vocabulary.xsd + "decimal"
    static let double = Vocabulary.xsd + "double"
    static let float = Vocabulary.xsd + "float"
    static let boolean = Vocabulary.xsd + "boolean"

    /// Datatypes derived from `xsd:integer`.
    static let integerTypes: Set<String> = Set([
        "integer", "nonPositiveInteger", "negativeInteger", "long", "int", "short", "byte",
        "nonNegativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
        "positiveInteger",
    ].map { Vocabulary.xsd + $0 })

    /// True when `lexical` is a Turtle INTEGER: `[+-]?[0-9]+`.
    static func isTurtleInteger(_ lexical: Substring) -> Bool {
        var s = lexical.utf8[...]
        if let f = s.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { s = s.dropFirst() }
        return !s.isEmpty && s.allSatisfy(isDigit)
    }

    /// True when `lexical` is a Turtle DECIMAL: `[+-]?[0-9]*\.[0-9]+`.
    static func isTurtleDecimal(_ lexical: Substring) -> Bool {
        var s = lexical.utf8[...]
        if let f = s.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { s = s.dropFirst() }
        guard let dot = s.firstIndex(of: UInt8(ascii: ".")) else { return false }
        let frac = s[s.index(after: dot)...]
        return s[..<dot].allSatisfy(isDigit) && !frac.isEmpty && frac.allSatisfy(isDigit)
    }

    /// True when `lexical` is a Turtle DOUBLE: mantissa with digits, then an exponent.
    static func isTurtleDouble(_ lexical: Substring) -> Bool {
        var s = lexical.utf8[...]
        if let f = s.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { s = s.dropFirst() }
        guard let e = s.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return false }
        let mantissa = s[..<e]
        var exp = s[s.index(after: e)...]
        if let f = exp.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { exp = exp.dropFirst() }
        guard !exp.isEmpty, exp.allSatisfy(isDigit) else { return false }
        let parts = mantissa.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(isDigit) }) else { return false }
        return parts.contains { !$0.isEmpty }
    }

    /// The bare Turtle spelling of a numeric or boolean literal, or nil when it
    /// must be written quoted (other datatypes, or a lexical form the
    /// abbreviation cannot carry).
    static func abbreviation(_ l: Literal, booleans: Bool) -> String? {
        let lex = Substring(l.lexical)
        switch l.datatype {
        case integer: return isTurtleInteger(lex) ? l.lexical : nil
        case decimal: return isTurtleDecimal(lex) ? l.lexical : nil
        case double: return isTurtleDouble(lex) ? l.lexical : nil
        case boolean where booleans: return l.lexical == "true" || l.lexical == "false" ? l.lexical : nil
        default: return nil
        }
    }

    /// The datatype of a bare Turtle number or boolean, or nil.
    static func datatype(ofBare token: Substring) -> String? {
        if isTurtleInteger(token) { return integer }
        if isTurtleDecimal(token) { return decimal }
        if isTurtleDouble(token) { return double }
        if token == "true" || token == "false" { return boolean }
        return nil
    }

    /// A spelling equal for equal numeric values of the same datatype family,
    /// or nil for non-numeric or malformed literals. Integers and decimals are
    /// normalised textually (sign, leading and trailing zeros), so any size
    /// compares exactly; floats and doubles by their `Double` value.
    static func valueKey(_ l: Literal) -> String? {
        let lex = l.lexical.trimmingASCIIWhitespace
        if integerTypes.contains(l.datatype) || l.datatype == decimal {
            return isTurtleInteger(Substring(lex)) || isTurtleDecimal(Substring(lex)) ? decimalKey(lex) : nil
        }
        if l.datatype == double || l.datatype == float {
            switch lex {
            case "INF", "+INF": return "inf"
            case "-INF": return "-inf"
            case "NaN": return "nan"
            default:
                guard !lex.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" }), let d = Double(lex) else { return nil }
                return d == 0 ? "0" : "\(d)"
            }
        }
        return nil
    }

    private static func decimalKey(_ lex: String) -> String {
        var s = Substring(lex)
        var negative = false
        if s.first == "+" || s.first == "-" { negative = s.first == "-"; s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = parts[0].drop { $0 == "0" }
        var frac = parts.count > 1 ? parts[1] : ""
        while frac.last == "0" { frac = frac.dropLast() }
        if intPart.isEmpty && frac.isEmpty { return "0" }
        return (negative ? "-" : "") + (intPart.isEmpty ? "0" : intPart) + (frac.isEmpty ? "" : "." + frac)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}

extension String {
    /// The string without leading and trailing spaces, tabs, CRs and LFs.
    var trimmingASCIIWhitespace: String {
        let ws: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !ws($0) }) else { return "" }
        let end = lastIndex(where: { !ws($0) })!
        return String(self[start...end])
    }
}
