import Testing
import MnemoDates

/// MARC 260$c / 264$c and 008 conventions.
@Suite struct LibraryFormTests {
    static let cases: [SpanCase] = [
        SpanCase("c1999", "1999-01-01", "1999-12-31"),
        SpanCase("©1999", "1999-01-01", "1999-12-31"),
        SpanCase("p1999", "1999-01-01", "1999-12-31"),
        SpanCase("[1999?]", "1999-01-01", "1999-12-31", .uncertain),
        SpanCase("[19--]", "1900-01-01", "1999-12-31", .uncertain, .century),
        SpanCase("19--?", "1900-01-01", "1999-12-31", .uncertain, .century),
        SpanCase("[19--?]", "1900-01-01", "1999-12-31", .uncertain, .century),
        SpanCase("18uu", "1800-01-01", "1899-12-31", .uncertain, .century),
        SpanCase("19xx", "1900-01-01", "1999-12-31", .uncertain, .century),
        SpanCase("[197-]", "1970-01-01", "1979-12-31", .uncertain, .decade),
        SpanCase("197-?", "1970-01-01", "1979-12-31", .uncertain, .decade),
        SpanCase("196u", "1960-01-01", "1969-12-31", .uncertain, .decade),
        SpanCase("1uuu", "1000-01-01", "1999-12-31", .uncertain, .millennium),
        SpanCase("[ca. 1850]", "1845-01-01", "1855-12-31", .approximate),
        SpanCase("[18--]-1920", "1800-01-01", "1920-12-31", .uncertain, .century),
    ]

    @Test(arguments: cases) func libraryForm(_ c: SpanCase) { expectSpan(c) }
}
