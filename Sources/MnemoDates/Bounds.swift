/// Inclusive outer bounds with their precision and qualifiers: what a point, a
/// set of alternatives or a range resolves to before it becomes a `DateSpan`.
struct Bounds {
    var begin: DayDate
    var end: DayDate
    var precision: DatePrecision
    var qualifiers: DateQualifiers = []

    /// Whole years `first` through `last`.
    init(years first: Int, _ last: Int, precision: DatePrecision, qualifiers: DateQualifiers = []) {
        self.init(begin: .first(ofYear: first), end: .last(ofYear: last), precision: precision, qualifiers: qualifiers)
    }

    init(begin: DayDate, end: DayDate, precision: DatePrecision, qualifiers: DateQualifiers = []) {
        self.begin = begin
        self.end = end
        self.precision = precision
        self.qualifiers = qualifiers
    }

    /// Approximation: a year is widened by 5 years each side, a month or a day by
    /// one year each side; decades, centuries and millennia are left as they are.
    func widenedForApproximation() -> Bounds {
        var b = self
        switch precision {
        case .year:
            b.begin = .first(ofYear: begin.year - 5)
            b.end = .last(ofYear: end.year + 5)
        case .month, .day:
            b.begin = begin.addingYears(-1)
            b.end = end.addingYears(1)
        case .decade, .century, .millennium:
            break
        }
        return b
    }

    /// The years before an anchor: ending the day before it (`inclusive` false,
    /// "before 1800") or with it ("не позднее 1800"), beginning 1 January a
    /// century before the anchor's first year.
    func openedBefore(inclusive: Bool) -> Bounds {
        Bounds(begin: .first(ofYear: begin.year - Self.openExtent), end: inclusive ? end : begin.previousDay,
               precision: precision, qualifiers: qualifiers.union(.openStart))
    }

    /// The years after an anchor: beginning the day after it (`inclusive` false,
    /// "after 1800") or with it ("не ранее 1800", "1800-"), ending 31 December a
    /// century after the anchor's last year.
    func openedAfter(inclusive: Bool) -> Bounds {
        Bounds(begin: inclusive ? begin : end.nextDay, end: .last(ofYear: end.year + Self.openExtent),
               precision: precision, qualifiers: qualifiers.union(.openEnd))
    }

    /// How many years an open bound reaches past its anchor.
    static let openExtent = 100

    /// `self` and `other` as one span, from the earlier begin to the later end.
    func merged(with other: Bounds) -> Bounds {
        Bounds(begin: min(begin, other.begin), end: max(end, other.end),
               precision: max(precision, other.precision), qualifiers: qualifiers.union(other.qualifiers))
    }

    func span(original: String) -> DateSpan {
        DateSpan(original: original, begin: begin, end: end, qualifiers: qualifiers, precision: precision)
    }
}
