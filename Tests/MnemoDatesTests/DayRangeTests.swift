import Testing
import MnemoDates

/// Ranges within one year or month, where the year (or month and year) is
/// written once and the other end takes it from there.
@Suite struct DayRangeTests {
    static let yearOnce: [SpanCase] = [
        SpanCase("2019 ж. 3 наурыз – 30 маусым", "2019-03-03", "2019-06-30", [], .day),
        SpanCase("3 наурыз – 30 маусым 2019 ж.", "2019-03-03", "2019-06-30", [], .day),
        SpanCase("3 March – 30 June 2019", "2019-03-03", "2019-06-30", [], .day),
        SpanCase("3 March - 30 June 2019", "2019-03-03", "2019-06-30", [], .day),
        SpanCase("from 3 March to 30 June 2019", "2019-03-03", "2019-06-30", [], .day),
        SpanCase("May 12 – June 30, 1834", "1834-05-12", "1834-06-30", [], .day),
        SpanCase("3 марта – 30 июня 2019 г.", "2019-03-03", "2019-06-30", [], .day),
        SpanCase("с 3 марта по 30 июня 2019 г.", "2019-03-03", "2019-06-30", [], .day),
        SpanCase("1948-yil 14-iyun – 20-iyul", "1948-06-14", "1948-07-20", [], .day),
        SpanCase("14-iyun – 20-iyul 1948-yil", "1948-06-14", "1948-07-20", [], .day),
        SpanCase("1948 йил 14 июнь – 20 июль", "1948-06-14", "1948-07-20", [], .day),
        SpanCase("ca. 3 March – 30 June 2019", "2018-03-03", "2019-06-30", .approximate, .day),
        SpanCase("3 March 500 BC – 30 June 500 BC", "-0499-03-03", "-0499-06-30", [], .day),
        SpanCase("3 March – 30 June 500 BC", "-0499-03-03", "-0499-06-30", [], .day),
    ]

    @Test(arguments: yearOnce) func yearWrittenOnce(_ c: SpanCase) { expectSpan(c) }

    static let monthsInYear: [SpanCase] = [
        SpanCase("March – June 2019", "2019-03-01", "2019-06-30", [], .month),
        SpanCase("марта – июня 2019 г.", "2019-03-01", "2019-06-30", [], .month),
        SpanCase("1948-yil iyun – iyul", "1948-06-01", "1948-07-31", [], .month),
        SpanCase("2019 ж. қаңтар – ақпан", "2019-01-01", "2019-02-28", [], .month),
        SpanCase("May – 12 June 1834", "1834-05-01", "1834-06-12", [], .month),
    ]

    @Test(arguments: monthsInYear) func monthsOfOneYear(_ c: SpanCase) { expectSpan(c) }

    static let daysInMonth: [SpanCase] = [
        SpanCase("3–30 июня 2019 г.", "2019-06-03", "2019-06-30", [], .day),
        SpanCase("3 - 30 июня 2019 г.", "2019-06-03", "2019-06-30", [], .day),
        SpanCase("с 3 по 30 июня 2019 г.", "2019-06-03", "2019-06-30", [], .day),
        SpanCase("3-30 June 2019", "2019-06-03", "2019-06-30", [], .day),
        SpanCase("3–30 маусым 2019 ж.", "2019-06-03", "2019-06-30", [], .day),
        SpanCase("14–20-iyun 1948-yil", "1948-06-14", "1948-06-20", [], .day),
        SpanCase("1–29 февраля 1836 г.", "1836-02-01", "1836-02-29", [], .day),
    ]

    @Test(arguments: daysInMonth) func daysOfOneMonth(_ c: SpanCase) { expectSpan(c) }

    /// Nothing is guessed: no year crosses a range that names none, and a range
    /// across New Year with the year written once is reported.
    static let unparsed: [UnparsedCase] = [
        UnparsedCase("3 марта – 30 июня", "could not read '3 марта': it names no year"),
        UnparsedCase("3 March – 1834", "could not read '3 March': it names no year"),
        UnparsedCase("1834 – 3 March", "could not read '3 March': it names no year"),
        UnparsedCase("3 – 1834", "'3' is too short to be a year"),
        UnparsedCase("3 – June 2019", "'3' is too short to be a year"),
        UnparsedCase("30 June – 3 March 2019", "the range ends ('3 March 2019') before it begins ('30 June')"),
        UnparsedCase("30 декабря – 5 января 1835 г.", "before it begins"),
        UnparsedCase("30–3 июня 2019 г.", "before it begins"),
        UnparsedCase("3–31 июня 2019 г.", "June 2019 has no day 31"),
        UnparsedCase("3 марта, 30 июня 2019 г.", "could not read ', 30 июня 2019 г.'"),
    ]

    @Test(arguments: unparsed) func reported(_ c: UnparsedCase) { expectUnparsed(c) }

    @Test func lifeDatesInOneYear() throws {
        let dates = try #require(HistoricalDate.parseLifeDates("3 марта – 30 июня 1834 г.").lifeDates)
        #expect(Part(dates.birth) == Part("1834-03-03", "1834-03-03"))
        #expect(Part(dates.death) == Part("1834-06-30", "1834-06-30"))
        #expect(dates.birth?.original == "3 марта")
    }
}
