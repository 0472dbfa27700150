import Testing
import MnemoDates

/// BCE years are astronomical in xsd:date: 500 BC is -0499, 1 BC is 0000.
@Suite struct EraTests {
    static let cases: [SpanCase] = [
        SpanCase("500 BC", "-0499-01-01", "-0499-12-31"),
        SpanCase("500 B.C.", "-0499-01-01", "-0499-12-31"),
        SpanCase("500 BCE", "-0499-01-01", "-0499-12-31"),
        SpanCase("500 до н.э.", "-0499-01-01", "-0499-12-31"),
        SpanCase("500 г. до н. э.", "-0499-01-01", "-0499-12-31"),
        SpanCase("500 б.з.д.", "-0499-01-01", "-0499-12-31"),
        SpanCase("500 m.a.", "-0499-01-01", "-0499-12-31"),
        SpanCase("1 BC", "0000-01-01", "0000-12-31"),
        SpanCase("10 BC", "-0009-01-01", "-0009-12-31"),
        SpanCase("AD 50", "0050-01-01", "0050-12-31"),
        SpanCase("50 AD", "0050-01-01", "0050-12-31"),
        SpanCase("50 н.э.", "0050-01-01", "0050-12-31"),
        SpanCase("ca. 500 BC", "-0504-01-01", "-0494-12-31", .approximate),
        SpanCase("500-400 BC", "-0499-01-01", "-0399-12-31"),
        SpanCase("50 BC - AD 20", "-0049-01-01", "0020-12-31"),
        SpanCase("V в. до н.э.", "-0499-01-01", "-0400-12-31", [], .century),
        SpanCase("5th century BC", "-0499-01-01", "-0400-12-31", [], .century),
        SpanCase("I в. до н.э.", "-0099-01-01", "0000-12-31", [], .century),
        SpanCase("V-IV вв. до н.э.", "-0499-01-01", "-0300-12-31", [], .century),
        SpanCase("5-4 вв. до н.э.", "-0499-01-01", "-0300-12-31", [], .century),
        SpanCase("I в. до н.э. - I в. н.э.", "-0099-01-01", "0100-12-31", [], .century),
    ]

    @Test(arguments: cases) func era(_ c: SpanCase) { expectSpan(c) }

    @Test func noYearZero() {
        expectUnparsed(UnparsedCase("0 BC", "there is no year 0"))
        expectUnparsed(UnparsedCase("AD 0", "there is no year 0"))
    }

    @Test func bceBoundsAreAstronomicalDateTimes() throws {
        let span = try #require(HistoricalDate.parse("V в. до н.э.").parsedSpan)
        #expect(span.beginOfTheBegin == "-0499-01-01T00:00:00")
        #expect(span.endOfTheEnd == "-0400-12-31T23:59:59")
        #expect(span.begin.year == -499)
    }
}
