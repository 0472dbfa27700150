/// Splits a preprocessed query into tokens, one at a time, longest match first
/// as the grammar's terminals require (so `<?a&&?b>` is an IRI, not a
/// comparison — the W3C suite checks that).
struct Lexer {
    let source: SourceText
    private let s: [Unicode.Scalar]
    private var i = 0

    init(_ source: SourceText) {
        self.source = source
        s = source.scalars
    }

    /// The next token; `.end` at the end of the text, again and again.
    mutating func next() throws -> Token {
        skipSpaceAndComments()
        let start = i
        let kind = try scanToken()
        let (line, column) = source.position(start)
        return Token(kind: kind, line: line, column: column, start: start, end: i)
    }

    private mutating func scanToken() throws -> TokenKind {
        guard i < s.count else { return .end }
        let c = s[i]
        switch c {
        case "<":
            if let iri = scanIRI() { return .iriRef(iri) }
            i += 1
            if peek() == "=" { i += 1; return .symbol("<=") }
            return .symbol("<")
        case "?", "$":
            if let n = peek(1), n.isVarNameStart {
                i += 1
                return .variable(scanWhile { $0.isVarNameChar })
            }
            if c == "$" { throw error(at: i, "expected a variable name after '$'") }
            i += 1
            return .symbol("?")
        case "\"", "'":
            return .string(try scanString(quote: c))
        case "@":
            return .langTag(try scanLangTag())
        case "_" where peek(1) == ":":
            return .blankNodeLabel(try scanBlankNodeLabel())
        case ":":
            i += 1
            return .prefixedName(prefix: "", local: try scanLocalName())
        case "0"..."9":
            return scanNumber()
        case ".":
            if let n = peek(1), n.isDigit { return scanNumber() }
            i += 1
            return .symbol(".")
        default:
            if c.isPNCharsBase { return try scanWordOrPrefixedName() }
            return .symbol(try scanSymbol())
        }
    }

    // MARK: - Pieces

    private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

    private func error(at index: Int, _ message: String) -> SPARQLSyntaxError {
        let (line, column) = source.position(index)
        return SPARQLSyntaxError(line: line, column: column, message: message)
    }

    private mutating func scanWhile(_ accept: (Unicode.Scalar) -> Bool) -> String {
        var out = String.UnicodeScalarView()
        while i < s.count, accept(s[i]) {
            out.append(s[i])
            i += 1
        }
        return String(out)
    }

    private mutating func skipSpaceAndComments() {
        while i < s.count {
            if s[i].isSPARQLWhitespace {
                i += 1
            } else if s[i] == "#" {
                while i < s.count, s[i] != "\n", s[i] != "\r" { i += 1 }
            } else {
                return
            }
        }
    }

    /// IRIREF, if the text at `<` is one; otherwise leaves the position alone.
    private mutating func scanIRI() -> String? {
        var j = i + 1
        var out = String.UnicodeScalarView()
        while j < s.count {
            let c = s[j]
            if c == ">" {
                i = j + 1
                return String(out)
            }
            if c.isExcludedFromIRI { return nil }
            out.append(c)
            j += 1
        }
        return nil
    }

    private mutating func scanString(quote q: Unicode.Scalar) throws -> String {
        let start = i
        let long = peek(1) == q && peek(2) == q
        i += long ? 3 : 1
        var out = String.UnicodeScalarView()
        let name = q == "\"" ? "\"" : "'"
        while true {
            guard i < s.count else {
                throw error(at: start, "unterminated string: no closing \(long ? name + name + name : name) before the end of the query")
            }
            let c = s[i]
            if c == q {
                if !long { i += 1; break }
                if peek(1) == q && peek(2) == q { i += 3; break }
                out.append(c)
                i += 1
            } else if c == "\\" {
                guard let e = peek(1), let unescaped = Self.stringEscape(e) else {
                    let what = peek(1).map { "\\\(String($0))" } ?? "\\"
                    throw error(at: i, "invalid escape \(what) in a string; the escapes are \\t \\b \\n \\r \\f \\\" \\' \\\\, \\uXXXX and \\UXXXXXXXX")
                }
                out.append(unescaped)
                i += 2
            } else if !long && (c == "\n" || c == "\r") {
                throw error(at: start, "unterminated string: line break inside a \(name)…\(name) string (write \\n, or use a \(name)\(name)\(name) long string)")
            } else {
                out.append(c)
                i += 1
            }
        }
        return String(out)
    }

    private static func stringEscape(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c {
        case "t": return "\t"
        case "b": return "\u{08}"
        case "n": return "\n"
        case "r": return "\r"
        case "f": return "\u{0C}"
        case "\"", "'", "\\": return c
        default: return nil
        }
    }

    private mutating func scanLangTag() throws -> String {
        let start = i
        i += 1
        var tag = scanWhile { $0.isASCIILetter }
        guard !tag.isEmpty else { throw error(at: start, "expected a language tag after '@', such as @en or @uz-Latn") }
        while peek() == "-", let n = peek(1), n.isASCIILetter || n.isDigit {
            i += 1
            tag += "-" + scanWhile { $0.isASCIILetter || $0.isDigit }
        }
        return tag
    }

    private mutating func scanBlankNodeLabel() throws -> String {
        let start = i
        i += 2
        guard let first = peek(), first.isPNCharsU || first.isDigit else {
            throw error(at: start, "expected a blank node label after '_:'")
        }
        return scanNameTail(allowingColon: false)
    }

    /// PN_CHARS or `.` characters (a name may not end with `.`), used by labels and prefixes.
    private mutating func scanNameTail(allowingColon: Bool) -> String {
        var out = String.UnicodeScalarView()
        var good = 0, goodIndex = i
        while i < s.count, s[i].isPNChars || s[i] == "." || (allowingColon && s[i] == ":") {
            out.append(s[i])
            i += 1
            if s[i - 1] != "." { good = out.count; goodIndex = i }
        }
        i = goodIndex
        return String(String.UnicodeScalarView(out.prefix(good)))
    }

    /// PN_LOCAL after the `:`, unescaped (`\-` becomes `-`; `%41` stays `%41`).
    private mutating func scanLocalName() throws -> String {
        var out: [Unicode.Scalar] = []
        var good = 0, goodIndex = i
        var first = true
        while i < s.count {
            let c = s[i]
            if c == "%" {
                guard let a = peek(1), let b = peek(2), a.isHexDigit, b.isHexDigit else {
                    throw error(at: i, "'%' in a prefixed name must be followed by two hexadecimal digits")
                }
                out += [c, a, b]
                i += 3
            } else if c == "\\" {
                guard let e = peek(1), e.isLocalEscapable else {
                    let what = peek(1).map { "'\\\(String($0))'" } ?? "'\\'"
                    throw error(at: i, "invalid escape \(what) in a prefixed name; only _~.-!$&'()*+,;=/?#@% may be escaped with \\")
                }
                out.append(e)
                i += 2
            } else if first ? (c.isPNCharsU || c.isDigit || c == ":") : (c.isPNChars || c == "." || c == ":") {
                out.append(c)
                i += 1
                if c == "." { first = false; continue }
            } else {
                break
            }
            first = false
            good = out.count
            goodIndex = i
        }
        i = goodIndex
        return String(String.UnicodeScalarView(out.prefix(good)))
    }

    private mutating func scanWordOrPrefixedName() throws -> TokenKind {
        let start = i
        i += 1
        let rest = scanNameTail(allowingColon: false)
        if peek() == ":" {
            i += 1
            let prefix = String(s[start]) + rest
            return .prefixedName(prefix: prefix, local: try scanLocalName())
        }
        i = start
        let word = scanWhile { $0.isASCIILetter || $0.isDigit || $0 == "_" }
        if word.isEmpty { throw unexpectedCharacter(at: start) }
        return .word(word)
    }

    private mutating func scanNumber() -> TokenKind {
        var text = scanWhile { $0.isDigit }
        var isDecimal = false
        if peek() == ".", let n = peek(1), n.isDigit {
            i += 1
            text += "." + scanWhile { $0.isDigit }
            isDecimal = true
        } else if peek() == ".", !text.isEmpty, exponentLength(at: i + 1) > 0 {
            i += 1
            text += "."
            isDecimal = true
        }
        let e = exponentLength(at: i)
        if e > 0 {
            text += String(String.UnicodeScalarView(s[i..<(i + e)]))
            i += e
            return .double(text)
        }
        return isDecimal ? .decimal(text) : .integer(text)
    }

    /// Length of an EXPONENT (`e`, optional sign, digits) at `j`, or 0.
    private func exponentLength(at j: Int) -> Int {
        guard j < s.count, s[j] == "e" || s[j] == "E" else { return 0 }
        var k = j + 1
        if k < s.count, s[k] == "+" || s[k] == "-" { k += 1 }
        let digitsStart = k
        while k < s.count, s[k].isDigit { k += 1 }
        return k > digitsStart ? k - j : 0
    }

    private mutating func scanSymbol() throws -> String {
        let start = i
        let c = s[i]
        i += 1
        let n = peek()
        switch c {
        case "{", "}", "(", ")", "[", "]", ",", ";", "*", "/", "+", "-", "=":
            return String(c)
        case "^": if n == "^" { i += 1; return "^^" } else { return "^" }
        case "!": if n == "=" { i += 1; return "!=" } else { return "!" }
        case ">": if n == "=" { i += 1; return ">=" } else { return ">" }
        case "|": if n == "|" { i += 1; return "||" } else { return "|" }
        case "&":
            if n == "&" { i += 1; return "&&" }
            throw error(at: start, "unexpected '&'; the logical and is '&&'")
        default:
            i = start
            throw unexpectedCharacter(at: start)
        }
    }

    private func unexpectedCharacter(at j: Int) -> SPARQLSyntaxError {
        let c = s[j]
        var message = "unexpected character '\(String(c))' (\(c.codePointDescription))"
        if c == "\\" {
            message += "; a backslash may only appear in strings and in escapes of prefixed names"
        } else if c.properties.isWhitespace {
            message += "; only spaces, tabs and line breaks separate tokens"
        } else if c == "\u{201C}" || c == "\u{201D}" || c == "\u{2018}" || c == "\u{2019}" {
            message += "; typographic quotes do not delimit strings, use \" or '"
        }
        return error(at: j, message)
    }
}
