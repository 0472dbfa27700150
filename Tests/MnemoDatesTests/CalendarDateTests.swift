import Testing
import MnemoDates

@Suite struct CalendarDateTests {
    static let iso: [SpanCase] = [
        SpanCase("1834-05-12", "1834-05-12", "1834-05-12", [], .day),
        SpanCase("+1834-05-12", "1834-05-12", "1834-05-12", [], .day),
        SpanCase("0988-05-03", "0988-05-03", "0988-05-03", [], .day),
        SpanCase("-0499-05-03", "-0499-05-03", "-0499-05-03", [], .day),
        SpanCase("-0499", "-0499-01-01", "-0499-12-31", [], .year),
        SpanCase("0000-12-31", "0000-12-31", "0000-12-31", [], .day),
        SpanCase("1834-05", "1834-05-01", "1834-05-31", [], .month),
        SpanCase("1836-02", "1836-02-01", "1836-02-29", [], .month),
        SpanCase("1834-02", "1834-02-01", "1834-02-28", [], .month),
        SpanCase("+1804-07", "1804-07-01", "1804-07-31", [], .month),
        SpanCase("+1834", "1834-01-01", "1834-12-31", [], .year),
    ]

    @Test(arguments: iso) func iso8601(_ c: SpanCase) { expectSpan(c) }

    static let written: [SpanCase] = [
        SpanCase("12.05.1834", "1834-05-12", "1834-05-12", [], .day),
        SpanCase("1.5.1834", "1834-05-01", "1834-05-01", [], .day),
        SpanCase("1834.05.12", "1834-05-12", "1834-05-12", [], .day),
        SpanCase("05.1834", "1834-05-01", "1834-05-31", [], .month),
        SpanCase("12 May 1834", "1834-05-12", "1834-05-12", [], .day),
        SpanCase("12th May 1834", "1834-05-12", "1834-05-12", [], .day),
        SpanCase("May 12, 1834", "1834-05-12", "1834-05-12", [], .day),
        SpanCase("12 мая 1834 г.", "1834-05-12", "1834-05-12", [], .day),
        SpanCase("12 мая 1834 года", "1834-05-12", "1834-05-12", [], .day),
        SpanCase("3 сент. 1834", "1834-09-03", "1834-09-03", [], .day),
        SpanCase("12 мамыр 1834 ж.", "1834-05-12", "1834-05-12", [], .day),
        SpanCase("12 dekabr 1834 y.", "1834-12-12", "1834-12-12", [], .day),
        SpanCase("May 1834", "1834-05-01", "1834-05-31", [], .month),
        SpanCase("Sept. 1834", "1834-09-01", "1834-09-30", [], .month),
        SpanCase("февраль 1900", "1900-02-01", "1900-02-28", [], .month),
        SpanCase("February 2000", "2000-02-01", "2000-02-29", [], .month),
        SpanCase("29 February 1836", "1836-02-29", "1836-02-29", [], .day),
        SpanCase("29.02.1600", "1600-02-29", "1600-02-29", [], .day),
    ]

    @Test(arguments: written) func writtenDates(_ c: SpanCase) { expectSpan(c) }

    static let impossible: [UnparsedCase] = [
        UnparsedCase("29.02.1900", "February 1900 has no day 29"),
        UnparsedCase("29 February 1834", "February 1834 has no day 29"),
        UnparsedCase("1834-02-30", "February 1834 has no day 30"),
        UnparsedCase("31.04.1834", "April 1834 has no day 31"),
        UnparsedCase("1834-13-01", "month 13 does not exist"),
        UnparsedCase("12.13.1834", "month 13 does not exist"),
        UnparsedCase("12 May", "could not read '12 May'"),
    ]

    @Test(arguments: impossible) func impossibleDays(_ c: UnparsedCase) { expectUnparsed(c) }

    /// "1834-05" is a month because 05 cannot abbreviate a year after 1834;
    /// "1804-07" is a range because 07 can.
    @Test func yearMonthOrAbbreviatedRange() {
        #expect(HistoricalDate.parse("1834-05").parsedSpan?.precision == .month)
        #expect(HistoricalDate.parse("1804-07").parsedSpan?.end.xsdDate == "1807-12-31")
        #expect(HistoricalDate.parse("1804-04").parsedSpan?.end.xsdDate == "1804-04-30")
    }
}
