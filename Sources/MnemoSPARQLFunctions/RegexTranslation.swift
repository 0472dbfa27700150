import Foundation

/// Translates an XPath / XML Schema regular expression (F&O 5.6.1) into ICU
/// syntax for NSRegularExpression.
///
/// The dialects differ in: `.` (XPath excludes only \n and \r), `^`/`$`
/// (string or \n-delimited line anchors only), `\s`, `\w` (XSD's definitions),
/// `\i`/`\c` (XML name characters), `\p{IsBlock}`, class subtraction
/// `[a-z-[aeiou]]`, the `x` flag (whitespace removed outside classes), and the
/// escapes XPath forbids (`\b`, `\x41`, …), which are errors here.
struct RegexTranslator {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private let dotAll: Bool, multiline: Bool, extended: Bool

    init(_ pattern: String, dotAll: Bool, multiline: Bool, extended: Bool) {
        scalars = Array(pattern.unicodeScalars)
        self.dotAll = dotAll
        self.multiline = multiline
        self.extended = extended
    }

    static let nameStart = ":A-Z_a-z\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{2FF}\\x{370}-\\x{37D}\\x{37F}-\\x{1FFF}"
        + "\\x{200C}-\\x{200D}\\x{2070}-\\x{218F}\\x{2C00}-\\x{2FEF}\\x{3001}-\\x{D7FF}\\x{F900}-\\x{FDCF}"
        + "\\x{FDF0}-\\x{FFFD}\\x{10000}-\\x{EFFFF}"
    static let nameExtra = "\\-.0-9\\x{B7}\\x{300}-\\x{36F}\\x{203F}-\\x{2040}"
    static let categories: Set<String> = [
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No",
        "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Z", "Zs", "Zl", "Zp",
        "S", "Sm", "Sc", "Sk", "So", "C", "Cc", "Cf", "Co", "Cn",
    ]

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }
    private func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    private func fail(_ why: String) -> ExpressionError { ExpressionError("invalid regular expression: \(why)") }

    mutating func translate() throws -> String {
        var out = ""
        while let c = current {
            position += 1
            switch c {
            case "\\": out += try escapeOutsideClass()
            case ".": out += dotAll ? "(?s:.)" : "[^\\n\\r]"
            case "^": out += multiline ? "(?:\\A|(?<=\\n))" : "\\A"
            case "$": out += multiline ? "(?=\\n|\\z)" : "\\z"
            case "(":
                if current == "?" {
                    guard peek(1) == ":" else { throw fail("only (?: groups are allowed") }
                    position += 2
                    out += "(?:"
                } else {
                    out += "("
                }
            case "[": out += try characterClass()
            case "{": out += try quantifier()
            case " ", "\t", "\n", "\r":
                if !extended { out += Self.literal(c) }
            case "]": throw fail("unbalanced ]")
            default: out += Self.literal(c)
            }
        }
        return out
    }

    /// `{n}`, `{n,}` or `{n,m}`, `{` already consumed.
    private mutating func quantifier() throws -> String {
        var body = ""
        while let c = current, c != "}" {
            guard ("0"..."9").contains(c) || c == "," else { throw fail("bad quantifier") }
            body.unicodeScalars.append(c)
            position += 1
        }
        guard current == "}", let first = body.unicodeScalars.first, first != "," else { throw fail("bad quantifier") }
        position += 1
        return "{" + body + "}"
    }

    /// A literal character, escaped when ICU could read it as syntax.
    private static func literal(_ c: Unicode.Scalar) -> String {
        if c.isASCII && !(c.properties.isAlphabetic || ("0"..."9").contains(c)) && !"|?*+{}()".unicodeScalars.contains(c) {
            return String(format: "\\x{%X}", c.value)
        }
        return String(c)
    }

    private static func classLiteral(_ c: Unicode.Scalar) -> String {
        if c.isASCII && !(c.properties.isAlphabetic || ("0"..."9").contains(c)) {
            return String(format: "\\x{%X}", c.value)
        }
        return String(c)
    }

    /// Multi-character escapes as ICU set expressions (usable inside a class too).
    private mutating func multiCharEscape(_ c: Unicode.Scalar) throws -> String? {
        switch c {
        case "s": return "[\\x{20}\\t\\n\\r]"
        case "S": return "[^\\x{20}\\t\\n\\r]"
        case "d": return "\\p{Nd}"
        case "D": return "\\P{Nd}"
        case "w": return "[^\\p{P}\\p{Z}\\p{C}]"
        case "W": return "[\\p{P}\\p{Z}\\p{C}]"
        case "i": return "[\(Self.nameStart)]"
        case "I": return "[^\(Self.nameStart)]"
        case "c": return "[\(Self.nameStart)\(Self.nameExtra)]"
        case "C": return "[^\(Self.nameStart)\(Self.nameExtra)]"
        case "p", "P": return try property(negated: c == "P")
        default: return nil
        }
    }

    private static let singleEscapes: [Unicode.Scalar: Unicode.Scalar] = [
        "n": "\n", "r": "\r", "t": "\t", "\\": "\\", "|": "|", ".": ".", "?": "?", "*": "*",
        "+": "+", "(": "(", ")": ")", "{": "{", "}": "}", "$": "$", "-": "-", "[": "[",
        "]": "]", "^": "^",
    ]

    private mutating func escapeOutsideClass() throws -> String {
        guard let c = current else { throw fail("trailing backslash") }
        position += 1
        if let set = try multiCharEscape(c) { return set }
        if let single = Self.singleEscapes[c] { return Self.classLiteral(single) }
        if ("1"..."9").contains(c) {
            var digits = String(c)
            while let d = current, ("0"..."9").contains(d) { digits.unicodeScalars.append(d); position += 1 }
            return "\\" + digits
        }
        throw fail("unknown escape \\\(c)")
    }

    /// `\p{Lu}` or `\p{IsBasicLatin}`.
    private mutating func property(negated: Bool) throws -> String {
        guard current == "{" else { throw fail("\\p needs {…}") }
        position += 1
        var name = ""
        while let c = current, c != "}" { name.unicodeScalars.append(c); position += 1 }
        guard current == "}" else { throw fail("unterminated \\p{") }
        position += 1
        let p = negated ? "P" : "p"
        if Self.categories.contains(name) { return "\\\(p){\(name)}" }
        if name.hasPrefix("Is"), name.count > 2,
           name.dropFirst(2).unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }) {
            return "\\\(p){Block=\(name.dropFirst(2))}"
        }
        throw fail("unknown property \(name)")
    }

    /// A character class expression, `[` already consumed.
    private mutating func characterClass() throws -> String {
        var negated = false
        if current == "^" { negated = true; position += 1 }
        var items = ""
        var subtraction: String?
        var count = 0
        while true {
            guard let c = current else { throw fail("unterminated [") }
            if c == "]" {
                guard count > 0 else { throw fail("empty character class") }
                position += 1
                break
            }
            if c == "-" && peek(1) == "[" && count > 0 {
                position += 2
                subtraction = try characterClass()
                guard current == "]" else { throw fail("subtraction must end the class") }
                position += 1
                break
            }
            count += 1
            if c == "\\" {
                position += 1
                guard let e = current else { throw fail("trailing backslash") }
                position += 1
                if let set = try multiCharEscape(e) { items += set; continue }
                guard let single = Self.singleEscapes[e] else { throw fail("unknown escape \\\(e)") }
                items += try rangeFrom(single)
                continue
            }
            if c == "[" { throw fail("[ must be escaped in a class") }
            position += 1
            items += try rangeFrom(c)
        }
        let base = "[" + (negated ? "^" : "") + items + "]"
        if let subtraction { return "[" + base + "--" + subtraction + "]" }
        return base
    }

    /// A single character, or a range when a `-` and an end character follow.
    private mutating func rangeFrom(_ start: Unicode.Scalar) throws -> String {
        guard current == "-", let next = peek(1), next != "]", next != "[" else {
            return Self.classLiteral(start)
        }
        position += 1
        var end = next
        position += 1
        if next == "\\" {
            guard let e = current, let single = Self.singleEscapes[e] else { throw fail("bad range end") }
            position += 1
            end = single
        }
        guard start.value <= end.value else { throw fail("range out of order") }
        return Self.classLiteral(start) + "-" + Self.classLiteral(end)
    }
}
