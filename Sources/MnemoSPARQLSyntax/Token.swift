/// One terminal of the SPARQL grammar.
enum TokenKind: Equatable {
    /// IRIREF, its content as written (not yet resolved against the base).
    case iriRef(String)
    /// PNAME_NS (`local` empty) or PNAME_LN, the local part unescaped.
    case prefixedName(prefix: String, local: String)
    case blankNodeLabel(String)
    case variable(String)
    /// A quoted string, escapes processed.
    case string(String)
    case langTag(String)
    case integer(String)
    case decimal(String)
    case double(String)
    /// A keyword or other bare word, as written.
    case word(String)
    /// Punctuation and operators: `{ } ( ) [ ] . , ; * / | ^ ^^ ? ! = != < <= > >= && || + -`.
    case symbol(String)
    case end
}

/// A token with where it starts (for messages) and its extent in the
/// preprocessed text (to tell `-5` from `- 5`).
struct Token {
    var kind: TokenKind
    private var position: (line: Int32, column: Int32, start: Int32, end: Int32)

    init(kind: TokenKind, line: Int, column: Int, start: Int, end: Int) {
        self.kind = kind
        position = (Int32(clamping: line), Int32(clamping: column), Int32(clamping: start), Int32(clamping: end))
    }

    var line: Int { Int(position.line) }
    var column: Int { Int(position.column) }
    /// Where the token starts and ends in the preprocessed text.
    var start: Int { Int(position.start) }
    var end: Int { Int(position.end) }

    /// True for the symbol `s`.
    func isSymbol(_ s: String) -> Bool { kind == .symbol(s) }

    /// True for the keyword `k` (given in upper case), matched case-insensitively.
    func isKeyword(_ k: String) -> Bool {
        if case .word(let w) = kind { return w.count == k.count && w.uppercased() == k }
        return false
    }

    /// The upper-cased word, if this is one.
    var keyword: String? {
        if case .word(let w) = kind { return w.uppercased() }
        return nil
    }

    var isEnd: Bool { kind == .end }

    /// How the token reads in an error message: "'SELECT'", "variable ?x", "end of query".
    var description: String {
        switch kind {
        case .iriRef(let s): return "IRI <\(Self.clip(s))>"
        case .prefixedName(let p, let l): return "prefixed name \(p):\(Self.clip(l))"
        case .blankNodeLabel(let l): return "blank node _:\(l)"
        case .variable(let v): return "variable ?\(v)"
        case .string(let s): return "string \"\(Self.clip(s))\""
        case .langTag(let t): return "language tag @\(t)"
        case .integer(let n), .decimal(let n), .double(let n): return "number \(n)"
        case .word(let w): return "'\(w)'"
        case .symbol(let s): return "'\(s)'"
        case .end: return "end of query"
        }
    }

    private static func clip(_ s: String) -> String {
        let oneLine = s.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
        return oneLine.count > 40 ? String(oneLine.prefix(37)) + "..." : oneLine
    }
}

extension SPARQLSyntaxError {
    /// An error located at `token`.
    init(at token: Token, _ message: String) {
        self.init(line: token.line, column: token.column, message: message)
    }
}
