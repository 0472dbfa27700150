/// A position in a token list, with the look-ahead the grammar needs.
struct TokenCursor {
    let tokens: [Token]
    let text: String
    private(set) var position = 0

    init(tokens: [Token], text: String) {
        self.tokens = tokens
        self.text = text
    }

    var atEnd: Bool { position >= tokens.count }

    func token(_ offset: Int = 0) -> Token? {
        let k = position + offset
        return k < tokens.count ? tokens[k] : nil
    }

    func word(_ offset: Int = 0) -> String? {
        if case .word(let w)? = token(offset)?.kind { return w }
        return nil
    }

    func number(_ offset: Int = 0) -> String? {
        if case .number(let n)? = token(offset)?.kind { return n }
        return nil
    }

    func isSymbol(_ c: Character, _ offset: Int = 0) -> Bool {
        if case .symbol(let s)? = token(offset)?.kind { return s == c }
        return false
    }

    /// Whether the token at `offset` exists and touches the one before it.
    func isTight(_ offset: Int) -> Bool { token(offset).map { !$0.spaced } ?? false }

    mutating func advance(_ count: Int = 1) { position += count }

    mutating func reset(to saved: Int) { position = saved }

    mutating func takeSymbol(_ c: Character) -> Bool {
        guard isSymbol(c) else { return false }
        position += 1
        return true
    }

    /// Consumes the longest phrase of `phrases` that starts here.
    mutating func take(_ phrases: [[String]]) -> Bool {
        var best = 0
        for phrase in phrases where phrase.count > best && matches(phrase) { best = phrase.count }
        position += best
        return best > 0
    }

    func matches(_ phrase: [String]) -> Bool {
        phrase.indices.allSatisfy { word($0) == phrase[$0] }
    }

    /// The original text of the tokens in `range`.
    func text(of range: Range<Int>) -> String {
        guard !range.isEmpty, range.upperBound <= tokens.count else { return "" }
        return String(text[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound])
    }

    /// The original text from the current token on, shortened for messages.
    var remainder: String {
        guard let here = token() else { return "" }
        let rest = text[here.range.lowerBound...].trimmed
        return rest.count > 40 ? String(rest.prefix(40)) + "…" : rest
    }
}
