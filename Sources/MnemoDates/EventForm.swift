/// The shape of an event's date, read but not yet resolved to days.
enum EventForm {
    /// One point or a set of alternatives: "1834", "1758 or 1763".
    case single([RawPoint])
    /// "1834-1887", "between 1800 and 1850", "с 1787 по 1808",
    /// "1948-yil 14-iyundan 20-iyulgacha" (Uzbek "from … until …").
    case range([RawPoint], [RawPoint])
    /// "before 1800" (not inclusive), "не позднее 1800", "-1800",
    /// "1948-yil 20-iyulgacha" (inclusive).
    case openStart([RawPoint], inclusive: Bool)
    /// "after 1800" (not inclusive), "не ранее 1800", "1800-", "from 1800",
    /// "1948-yil 14-iyundan" (inclusive).
    case openEnd([RawPoint], inclusive: Bool)

    func bounds() throws(ParseFailure) -> Bounds {
        switch self {
        case .single(let points):
            return try Combine.alternatives(points)
        case .range(let left, let right):
            let (start, end) = try Combine.range(left, right) { "the range ends ('\($1)') before it begins ('\($0)')" }
            return Bounds(begin: start.begin, end: end.end, precision: max(start.precision, end.precision),
                          qualifiers: start.qualifiers.union(end.qualifiers))
        case .openStart(let points, let inclusive):
            return try Combine.alternatives(points).openedBefore(inclusive: inclusive)
        case .openEnd(let points, let inclusive):
            return try Combine.alternatives(points).openedAfter(inclusive: inclusive)
        }
    }
}

extension DateGrammar {
    /// An event's date, from an optional framing word to the end of its range.
    mutating func eventForm() throws(ParseFailure) -> EventForm {
        if cursor.take(Vocabulary.between) {
            let left = try alternatives()
            guard cursor.take(Vocabulary.and) || takeRangeSeparator() else {
                throw ParseFailure("'between' needs 'and' before '\(cursor.remainder)'")
            }
            return .range(left, try alternatives())
        }
        let frames: [([[String]], (([RawPoint]) -> EventForm))] = [
            (Vocabulary.notLater, { .openStart($0, inclusive: true) }),
            (Vocabulary.notEarlier, { .openEnd($0, inclusive: true) }),
            (Vocabulary.before, { .openStart($0, inclusive: false) }),
            (Vocabulary.after, { .openEnd($0, inclusive: false) }),
        ]
        for (words, form) in frames where cursor.take(words) {
            _ = takeTightDash()
            return form(try alternatives())
        }
        let from = cursor.take(Vocabulary.from)
        if !from, takeOpenStartDash() {
            return .openStart(try alternatives(), inclusive: true)
        }
        let left = try alternatives()
        if takeRangeSeparator() {
            if atOpenEnd {
                _ = cursor.takeSymbol("?")
                return .openEnd(left, inclusive: true)
            }
            return .range(left, try alternatives())
        }
        switch left.last?.boundCase {
        case .from? where !cursor.atEnd: return .range(left, try alternatives())
        case .from?: return .openEnd(left, inclusive: true)
        case .until?: return .openStart(left, inclusive: true)
        case nil: return from ? .openEnd(left, inclusive: true) : .single(left)
        }
    }

    /// A leading "-" or "?-": the start is not known ("-1800", "-1704").
    mutating func takeOpenStartDash() -> Bool {
        if cursor.isSymbol("?"), cursor.isSymbol("-", 1) {
            cursor.advance(2)
            return true
        }
        guard cursor.isSymbol("-"), !negativeISOAhead else { return false }
        cursor.advance()
        return true
    }
}
