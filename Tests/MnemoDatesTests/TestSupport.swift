import Testing
import MnemoDates

/// An event date and the span it must read as: begin and end as `xsd:date`.
struct SpanCase: Sendable, CustomTestStringConvertible {
    let text: String
    let begin: String
    let end: String
    let qualifiers: DateQualifiers
    let precision: DatePrecision

    init(_ text: String, _ begin: String, _ end: String, _ qualifiers: DateQualifiers = [], _ precision: DatePrecision = .year) {
        self.text = text
        self.begin = begin
        self.end = end
        self.qualifiers = qualifiers
        self.precision = precision
    }

    var testDescription: String { "'\(text)'" }
}

/// A text that must not be read, and a piece its reason must contain.
struct UnparsedCase: Sendable, CustomTestStringConvertible {
    let text: String
    let reason: String

    init(_ text: String, _ reason: String) {
        self.text = text
        self.reason = reason
    }

    var testDescription: String { "'\(text)'" }
}

/// Checks every field of the span `case` must give.
func expectSpan(_ c: SpanCase, sourceLocation: SourceLocation = #_sourceLocation) {
    let result = HistoricalDate.parse(c.text)
    guard let span = result.parsedSpan else {
        Issue.record("'\(c.text)' was not read: \(result.reason ?? "")", sourceLocation: sourceLocation)
        return
    }
    #expect(span.begin.xsdDate == c.begin, "begin of '\(c.text)'", sourceLocation: sourceLocation)
    #expect(span.end.xsdDate == c.end, "end of '\(c.text)'", sourceLocation: sourceLocation)
    #expect(span.qualifiers == c.qualifiers, "qualifiers of '\(c.text)'", sourceLocation: sourceLocation)
    #expect(span.precision == c.precision, "precision of '\(c.text)'", sourceLocation: sourceLocation)
    #expect(span.original == c.text, sourceLocation: sourceLocation)
}

/// Checks that `case` is reported, with the original kept and the expected reason.
func expectUnparsed(_ c: UnparsedCase, sourceLocation: SourceLocation = #_sourceLocation) {
    switch HistoricalDate.parse(c.text) {
    case .span(let span):
        Issue.record("'\(c.text)' was read as \(span.begin)…\(span.end)", sourceLocation: sourceLocation)
    case .unparsed(let original, let reason):
        #expect(original == c.text, sourceLocation: sourceLocation)
        #expect(reason.contains(c.reason), "reason for '\(c.text)': \(reason)", sourceLocation: sourceLocation)
    }
}

/// The expected bounds and qualifiers of one part of a person's dates.
struct Part: Sendable, Equatable, CustomStringConvertible {
    let begin: String
    let end: String
    let qualifiers: DateQualifiers

    init(_ begin: String, _ end: String, _ qualifiers: DateQualifiers = []) {
        self.begin = begin
        self.end = end
        self.qualifiers = qualifiers
    }

    init?(_ span: DateSpan?) {
        guard let span else { return nil }
        self.init(span.begin.xsdDate, span.end.xsdDate, span.qualifiers)
    }

    /// A whole year, unqualified or with `qualifiers`.
    static func year(_ y: String, _ qualifiers: DateQualifiers = []) -> Part {
        Part("\(y)-01-01", "\(y)-12-31", qualifiers)
    }

    var description: String { "\(begin)…\(end) \(qualifiers)" }
}
