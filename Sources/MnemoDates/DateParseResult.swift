/// The outcome of reading one event date: a span, or the original text with the
/// reason it could not be read. Nothing is ever guessed: a date that is not
/// understood in full is reported, not approximated.
public enum DateParseResult: Hashable, Sendable {
    case span(DateSpan)
    case unparsed(original: String, reason: String)

    /// The span, when the date was read.
    public var parsedSpan: DateSpan? {
        if case .span(let span) = self { return span }
        return nil
    }

    /// Why the date could not be read, when it could not.
    public var reason: String? {
        if case .unparsed(_, let reason) = self { return reason }
        return nil
    }
}
