/// Whether an expression is an event's date or a person's dates; they differ in
/// how a dash at either end reads and in whether "1834-05" may be a month.
enum ParseMode {
    case event, life
}

/// A recursive-descent reader over the tokens of one date expression. The
/// pieces: `point` (one endpoint with its qualifiers), `core` (the date forms),
/// `periodPart` (early/mid/late, halves, quarters), `eventForm` and `lifeForm`
/// (ranges, alternatives, open bounds, birth and death).
struct DateGrammar {
    var cursor: TokenCursor
    let mode: ParseMode

    init(text: String, mode: ParseMode) {
        let tokens = Tokenizer.tokens(of: text, singleDashMasks: mode == .event)
        cursor = TokenCursor(tokens: tokens, text: text)
        self.mode = mode
    }

    /// The failure for text that fits no form, naming the text from here on.
    func unreadable() -> ParseFailure {
        if cursor.atEnd { return ParseFailure("the text ends where a date was expected") }
        return ParseFailure("could not read '\(cursor.remainder)'")
    }

    func expectEnd() throws(ParseFailure) {
        if !cursor.atEnd { throw unreadable() }
    }

    /// One or more points separated by "or", "или", "/" ….
    mutating func alternatives() throws(ParseFailure) -> [RawPoint] {
        var points = [try point()]
        while cursor.takeSymbol("/") || cursor.take(Vocabulary.or) || takeListComma() {
            points.append(try point())
        }
        return points
    }

    /// A comma before another year in an event's date: "1834, 1836" lists
    /// several dates. (The comma of "May 12, 1834" is read with its date.)
    mutating func takeListComma() -> Bool {
        guard mode == .event, cursor.isSymbol(","), let n = cursor.number(1), n.count >= 3 else { return false }
        cursor.advance()
        return true
    }

    /// "-", "to", "по", "до", "until" … between the ends of a range.
    mutating func takeRangeSeparator() -> Bool {
        cursor.takeSymbol("-") || cursor.take(Vocabulary.to)
    }

    /// Whether a dash here touches what precedes it ("mid-1820s", "pre-1800").
    mutating func takeTightDash() -> Bool {
        guard cursor.isSymbol("-"), cursor.isTight(0) else { return false }
        cursor.advance()
        return true
    }

    /// A negative ISO 8601 year or date starts here, rather than an open range or
    /// a death date: a dash touching a zero-padded year ("-0499") or a year with a
    /// month ("-0499-05-03"). "-1800" stays "until 1800".
    var negativeISOAhead: Bool {
        guard cursor.isSymbol("-"), let digits = cursor.number(1), digits.count >= 4, cursor.isTight(1) else { return false }
        return digits.hasPrefix("0") || tightTwoDigits(afterDashAt: 2) != nil
    }

    /// A two-digit number written tight after a tight dash at `offset` ("-05").
    func tightTwoDigits(afterDashAt offset: Int) -> Int? {
        guard cursor.isSymbol("-", offset), cursor.isTight(offset), cursor.isTight(offset + 1),
              let digits = cursor.number(offset + 1), digits.count == 2 else { return nil }
        return Int(digits)
    }

    /// Whether nothing but an unknown-end mark remains of this part: the end of
    /// text, a comma, or "?" before either ("1900-", "1834-?", "1900-, d. …").
    var atOpenEnd: Bool {
        if cursor.atEnd || cursor.isSymbol(",") || cursor.isSymbol(";") { return true }
        return cursor.isSymbol("?") && (cursor.token(1) == nil || cursor.isSymbol(",", 1) || cursor.isSymbol(";", 1))
    }
}
