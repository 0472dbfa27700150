import Testing
import MnemoDates

/// Open bounds reach a century past their anchor and are flagged.
@Suite struct OpenBoundTests {
    static let cases: [SpanCase] = [
        SpanCase("before 1800", "1700-01-01", "1799-12-31", .openStart),
        SpanCase("до 1800", "1700-01-01", "1799-12-31", .openStart),
        SpanCase("до 1800 г.", "1700-01-01", "1799-12-31", .openStart),
        SpanCase("pre-1800", "1700-01-01", "1799-12-31", .openStart),
        SpanCase("before May 1834", "1734-01-01", "1834-04-30", .openStart, .month),
        SpanCase("не позднее 1800", "1700-01-01", "1800-12-31", .openStart),
        SpanCase("not later than 1800", "1700-01-01", "1800-12-31", .openStart),
        SpanCase("not after 1800", "1700-01-01", "1800-12-31", .openStart),
        SpanCase("until 1800", "1700-01-01", "1800-12-31", .openStart),
        SpanCase("-1800", "1700-01-01", "1800-12-31", .openStart),
        SpanCase("after 1800", "1801-01-01", "1900-12-31", .openEnd),
        SpanCase("после 1800", "1801-01-01", "1900-12-31", .openEnd),
        SpanCase("after 12 May 1834", "1834-05-13", "1934-12-31", .openEnd, .day),
        SpanCase("не ранее 1800", "1800-01-01", "1900-12-31", .openEnd),
        SpanCase("not before 1800", "1800-01-01", "1900-12-31", .openEnd),
        SpanCase("from 1800", "1800-01-01", "1900-12-31", .openEnd),
        SpanCase("с 1800 г.", "1800-01-01", "1900-12-31", .openEnd),
        SpanCase("1999-", "1999-01-01", "2099-12-31", .openEnd),
        SpanCase("1834 - ?", "1834-01-01", "1934-12-31", .openEnd),
        SpanCase("[not after 1850?]", "1750-01-01", "1850-12-31", [.openStart, .uncertain]),
        SpanCase("before XVIII в.", "1601-01-01", "1700-12-31", .openStart, .century),
        SpanCase("after ca. 1800", "1806-01-01", "1905-12-31", [.openEnd, .approximate]),
    ]

    @Test(arguments: cases) func openBound(_ c: SpanCase) { expectSpan(c) }
}
