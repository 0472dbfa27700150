/// The date forms themselves, without qualifiers: ISO 8601, day.month.year,
/// day-month-name-year, month-name-year, year-first Uzbek and Kazakh dates
/// (`DateGrammar+DayMonth`), decades, ordinals, MARC masked years, plain years.
extension DateGrammar {
    mutating func core() throws(ParseFailure) -> RawPoint {
        guard let token = cursor.token() else { throw unreadable() }
        switch token.kind {
        case .symbol("+"):
            guard let digits = cursor.number(1), digits.count >= 4, cursor.isTight(1) else { throw unreadable() }
            cursor.advance()
            return try isoCore(sign: 1)
        case .symbol("-") where negativeISOAhead:
            cursor.advance()
            return try isoCore(sign: -1)
        case .masked(let known, let unknown):
            cursor.advance()
            return RawPoint(.masked(known: Int(known) ?? 0, unknown: unknown))
        case .number(let digits):
            return try numberCore(digits)
        case .word(let w):
            if let month = MonthNames.number(of: w) { return monthFirstCore(month) }
            if let n = RomanNumerals.value(of: w) {
                cursor.advance()
                return RawPoint(.ordinal(n, nil))
            }
            throw unreadable()
        default:
            throw unreadable()
        }
    }

    /// "+1834", "+1834-05", "+1834-05-12", "-0499-05-03": astronomical years.
    private mutating func isoCore(sign: Int) throws(ParseFailure) -> RawPoint {
        let digits = cursor.number() ?? ""
        guard digits.count <= 6, let n = Int(digits) else { throw unreadable() }
        cursor.advance()
        guard let month = tightTwoDigits(afterDashAt: 0) else { return RawPoint(.year(sign * n, digits: digits.count), astronomical: true) }
        cursor.advance(2)
        guard let day = tightTwoDigits(afterDashAt: 0) else { return RawPoint(.yearMonth(sign * n, month), astronomical: true) }
        cursor.advance(2)
        return RawPoint(.day(sign * n, month, day), astronomical: true)
    }

    private mutating func numberCore(_ digits: String) throws(ParseFailure) -> RawPoint {
        guard digits.count <= 6, let n = Int(digits) else { throw unreadable() }
        let count = digits.count
        if let point = isoOrDotted(n, count) { return point }
        if count <= 2, let point = dayMonthNameYear() { return point }
        if (3...4).contains(count), let point = yearFirst(n) { return point }
        if let point = suffixed(n, count) { return point }
        cursor.advance()
        return RawPoint(.year(n, digits: count))
    }

    /// "1834-05-12"; "1834-05" (event dates only, and only when the two digits
    /// can be a month but cannot abbreviate a later year: 05 ≤ 34; "1804-07" is
    /// the range 1804–1807); "12.05.1834"; "1834.05.12"; "05.1834".
    private mutating func isoOrDotted(_ n: Int, _ count: Int) -> RawPoint? {
        if count == 4, let month = tightTwoDigits(afterDashAt: 1) {
            if let day = tightTwoDigits(afterDashAt: 3) {
                cursor.advance(5)
                return RawPoint(.day(n, month, day), astronomical: true)
            }
            if mode == .event, (1...12).contains(month), month <= n % 100 {
                cursor.advance(3)
                return RawPoint(.yearMonth(n, month), astronomical: true)
            }
        }
        guard cursor.isSymbol(".", 1), let second = cursor.number(2), let middle = Int(second) else { return nil }
        if cursor.isSymbol(".", 3), let third = cursor.number(4), let last = Int(third) {
            if count <= 2, second.count <= 2, (3...4).contains(third.count) {
                cursor.advance(5)
                return RawPoint(.day(last, middle, n))
            }
            if count == 4, second.count == 2, third.count == 2 {
                cursor.advance(5)
                return RawPoint(.day(n, middle, last))
            }
            return nil
        }
        if count <= 2, (3...4).contains(second.count) {
            cursor.advance(3)
            return RawPoint(.yearMonth(middle, n))
        }
        return nil
    }

    /// "12 May 1834", "12th May 1834", "12 мая 1834", "12-го мая 1834",
    /// "14-iyun 1948-yil"; without a year ("3 марта"), a day for a range to complete.
    private mutating func dayMonthNameYear() -> RawPoint? {
        guard let (day, month, length) = dayAndMonth(at: 0) else { return nil }
        cursor.advance(length)
        guard let year = cursor.number(), (3...4).contains(year.count), let y = Int(year) else {
            return RawPoint(.noYear(month: month, day: day))
        }
        cursor.advance()
        return RawPoint(.day(y, month, day))
    }

    /// "May 1834", "May 12, 1834", "May 12th 1834", "мая 1834", "iyun 1948-yil";
    /// without a year ("May 12", "iyul"), a day or month for a range to complete.
    private mutating func monthFirstCore(_ month: Int) -> RawPoint {
        cursor.advance()
        if let digits = cursor.number(), digits.count <= 2, let day = Int(digits) {
            var k = 1
            if cursor.isTight(1), let w = cursor.word(1), Vocabulary.englishOrdinalSuffixes.contains(w) { k = 2 }
            let comma = cursor.isSymbol(",", k) ? 1 : 0
            guard let year = cursor.number(k + comma), (3...4).contains(year.count), let y = Int(year) else {
                cursor.advance(k)
                return RawPoint(.noYear(month: month, day: day))
            }
            cursor.advance(k + comma + 1)
            return RawPoint(.day(y, month, day))
        }
        guard let year = cursor.number(), (3...4).contains(year.count), let y = Int(year) else {
            return RawPoint(.noYear(month: month, day: nil))
        }
        cursor.advance()
        return RawPoint(.yearMonth(y, month))
    }

    /// A number with a touching suffix: decades ("1820s", "1820's", "1850-е",
    /// "1850-yillar"), ordinals ("18th", "18-й"), years ("1850-yil", "1850-й").
    private mutating func suffixed(_ n: Int, _ count: Int) -> RawPoint? {
        if cursor.isTight(1), let w = cursor.word(1) {
            if w == "s" {
                cursor.advance(2)
                return RawPoint(.decade(n))
            }
            if Vocabulary.englishOrdinalSuffixes.contains(w) {
                cursor.advance(2)
                return RawPoint(.ordinal(n, nil))
            }
        }
        if cursor.isSymbol("'", 1), cursor.isTight(1), cursor.isTight(2), cursor.word(2) == "s" {
            cursor.advance(3)
            return RawPoint(.decade(n))
        }
        guard cursor.isSymbol("-", 1), cursor.isTight(1), cursor.isTight(2), let w = cursor.word(2) else { return nil }
        if count >= 3, Vocabulary.decadeSuffixes.contains(w) {
            cursor.advance(3)
            return RawPoint(.decade(n))
        }
        if count >= 3, Vocabulary.pluralYearSuffixes.contains(w) {
            cursor.advance(3)
            var point = RawPoint(.decade(n))
            point.pluralYears = true
            return point
        }
        if Vocabulary.russianOrdinalSuffixes.contains(w) {
            cursor.advance(3)
            return RawPoint(count <= 2 ? .ordinal(n, nil) : .year(n, digits: count))
        }
        if Vocabulary.singularYearSuffixes.contains(w) {
            cursor.advance(3)
            return RawPoint(.year(n, digits: count))
        }
        return nil
    }
}
