/// A person's dates as a catalogue writes them (MARC 100$d, RUSMARC 700$f, LIDO
/// displayDate): a birth, a death, and/or a period of activity. Each part is a
/// ``DateSpan`` whose `original` is the piece of text that states its date,
/// without a label or the dash between birth and death: in "b. 1834, d. 1887"
/// the birth's original is "1834", in "c.1630-1665" it is "c.1630".
public struct LifeDates: Hashable, Sendable {
    /// The birth, when stated ("1834-", "b. 1834", "род. 1834").
    public var birth: DateSpan?
    /// The death, when stated ("-1887", "d. 1887", "ум. 1887").
    public var death: DateSpan?
    /// The period of activity, when stated ("fl. 1820s", "active 1787-1808"); its
    /// qualifiers include `floruit`.
    public var active: DateSpan?
    /// The whole text, unchanged.
    public var original: String

    public init(birth: DateSpan? = nil, death: DateSpan? = nil, active: DateSpan? = nil, original: String) {
        self.birth = birth
        self.death = death
        self.active = active
        self.original = original
    }
}

/// The outcome of reading a person's dates: the dates, or the original text with
/// the reason it could not be read.
public enum LifeDatesResult: Hashable, Sendable {
    case dates(LifeDates)
    case unparsed(original: String, reason: String)

    /// The dates, when they were read.
    public var lifeDates: LifeDates? {
        if case .dates(let dates) = self { return dates }
        return nil
    }

    /// Why the dates could not be read, when they could not.
    public var reason: String? {
        if case .unparsed(_, let reason) = self { return reason }
        return nil
    }
}
