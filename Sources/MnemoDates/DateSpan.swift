/// A CIDOC-CRM time-span read from a catalogue's date: the outer bounds
/// (P82a_begin_of_the_begin, P82b_end_of_the_end) as whole days, with the
/// original string kept for display (P170i / rdfs:label).
///
/// `begin` is the earliest day the expression allows and `end` the latest; both
/// are inclusive. Use `begin.xsdDateTimeStart` and `end.xsdDateTimeEnd` for
/// `xsd:dateTime` bounds, or ``beginOfTheBegin`` and ``endOfTheEnd``.
public struct DateSpan: Hashable, Sendable {
    /// The text the span was read from, unchanged (for life dates, the part of it
    /// that states this birth, death or activity, without its label).
    public var original: String
    /// The earliest possible day.
    public var begin: DayDate
    /// The latest possible day.
    public var end: DayDate
    /// Approximation, uncertainty, floruit, alternatives, open bounds.
    public var qualifiers: DateQualifiers
    /// How finely the expression names its time.
    public var precision: DatePrecision

    public init(original: String, begin: DayDate, end: DayDate, qualifiers: DateQualifiers, precision: DatePrecision) {
        self.original = original
        self.begin = begin
        self.end = end
        self.qualifiers = qualifiers
        self.precision = precision
    }

    /// The begin bound as an `xsd:dateTime` lexical form, for P82a_begin_of_the_begin.
    public var beginOfTheBegin: String { begin.xsdDateTimeStart }

    /// The end bound as an `xsd:dateTime` lexical form, for P82b_end_of_the_end.
    public var endOfTheEnd: String { end.xsdDateTimeEnd }
}
