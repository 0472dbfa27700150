import Testing
import MnemoDates

@Suite struct YearAndRangeTests {
    static let years: [SpanCase] = [
        SpanCase("1834", "1834-01-01", "1834-12-31"),
        SpanCase("  1834  ", "1834-01-01", "1834-12-31"),
        SpanCase("1834.", "1834-01-01", "1834-12-31"),
        SpanCase("1834 г.", "1834-01-01", "1834-12-31"),
        SpanCase("1834г.", "1834-01-01", "1834-12-31"),
        SpanCase("в 1834 году", "1834-01-01", "1834-12-31"),
        SpanCase("1834 y.", "1834-01-01", "1834-12-31"),
        SpanCase("1834 yil", "1834-01-01", "1834-12-31"),
        SpanCase("1834-yil", "1834-01-01", "1834-12-31"),
        SpanCase("1850 ж.", "1850-01-01", "1850-12-31"),
        SpanCase("1850 жыл", "1850-01-01", "1850-12-31"),
        SpanCase("988", "0988-01-01", "0988-12-31"),
        SpanCase("0988", "0988-01-01", "0988-12-31"),
        SpanCase("850 г.", "0850-01-01", "0850-12-31"),
    ]

    @Test(arguments: years) func year(_ c: SpanCase) { expectSpan(c) }

    static let ranges: [SpanCase] = [
        SpanCase("1834-1887", "1834-01-01", "1887-12-31"),
        SpanCase("1804-1807", "1804-01-01", "1807-12-31"),
        SpanCase("1834 - 1887", "1834-01-01", "1887-12-31"),
        SpanCase("1834–1887", "1834-01-01", "1887-12-31"),
        SpanCase("1834 — 1887", "1834-01-01", "1887-12-31"),
        SpanCase("1834 to 1887", "1834-01-01", "1887-12-31"),
        SpanCase("1834 по 1887", "1834-01-01", "1887-12-31"),
        SpanCase("с 1787 по 1808", "1787-01-01", "1808-12-31"),
        SpanCase("с 1787 г. по 1808 г.", "1787-01-01", "1808-12-31"),
        SpanCase("from 1787 to 1808", "1787-01-01", "1808-12-31"),
        SpanCase("between 1800 and 1850", "1800-01-01", "1850-12-31"),
        SpanCase("[between 1800 and 1850]", "1800-01-01", "1850-12-31"),
        SpanCase("между 1800 и 1850", "1800-01-01", "1850-12-31"),
        SpanCase("1834-1887 гг.", "1834-01-01", "1887-12-31"),
        SpanCase("1834-1887жж.", "1834-01-01", "1887-12-31"),
        SpanCase("1840-1850-yillar", "1840-01-01", "1850-12-31"),
        SpanCase("980-1037", "0980-01-01", "1037-12-31"),
        SpanCase("1834-1834", "1834-01-01", "1834-12-31"),
    ]

    @Test(arguments: ranges) func range(_ c: SpanCase) { expectSpan(c) }

    /// A shorter end shares the leading digits of the year before it.
    static let abbreviated: [SpanCase] = [
        SpanCase("1804-07", "1804-01-01", "1807-12-31"),
        SpanCase("1890-95", "1890-01-01", "1895-12-31"),
        SpanCase("1890-5", "1890-01-01", "1895-12-31"),
        SpanCase("1890 - 95", "1890-01-01", "1895-12-31"),
        SpanCase("1799-802", "1799-01-01", "1802-12-31"),
        SpanCase("988-92", "0988-01-01", "0992-12-31"),
        SpanCase("1900-05", "1900-01-01", "1905-12-31"),
    ]

    @Test(arguments: abbreviated) func abbreviatedEnd(_ c: SpanCase) { expectSpan(c) }

    @Test func rangeMixesPrecisions() {
        expectSpan(SpanCase("May 1834 - 1840", "1834-05-01", "1840-12-31", [], .year))
        expectSpan(SpanCase("1850-1860-е гг.", "1850-01-01", "1869-12-31", [], .decade))
        expectSpan(SpanCase("1834-05-12 - 1834-06-01", "1834-05-12", "1834-06-01", [], .day))
    }
}
