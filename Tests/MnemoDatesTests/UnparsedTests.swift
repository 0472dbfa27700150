import Testing
import MnemoDates

/// Dates that must be reported, never guessed, each with the reason it gives.
@Suite struct UnparsedTests {
    static let noDate: [String] = ["", "   ", "s.a.", "[s.a.]", "S. a.", "s.d.", "n.d.", "[n.d.]", "б.г.", "б. г.", "[б. г.]", "uuuu", "?"]

    @Test(arguments: noDate) func noDateGiven(_ text: String) {
        #expect(HistoricalDate.parse(text) == .unparsed(original: text, reason: "no date given"))
        #expect(HistoricalDate.parseLifeDates(text) == .unparsed(original: text, reason: "no date given"))
    }

    static let cases: [UnparsedCase] = [
        UnparsedCase("garbage", "could not read 'garbage'"),
        UnparsedCase("13th month 1800", "could not read 'month 1800'"),
        UnparsedCase("1834 or so", "could not read 'so'"),
        UnparsedCase("1834, 36", "could not read ', 36'"),
        UnparsedCase("1834 May", "could not read 'May'"),
        UnparsedCase("Spring 1834", "could not read 'Spring 1834'"),
        UnparsedCase("ca.", "the text ends where a date was expected"),
        UnparsedCase("1834-1887-1900", "could not read '-1900'"),
        UnparsedCase("50", "'50' is too short to be a year"),
        UnparsedCase("12/05/1834", "'12' is too short to be a year"),
        UnparsedCase("12345", "too many digits"),
        UnparsedCase("1887-1834", "the range ends ('1834') before it begins ('1887')"),
        UnparsedCase("1834-20", "would be the year 1820"),
        UnparsedCase("1854s", "'1854s' is not a decade"),
        UnparsedCase("1800s", "may mean the decade 1800–1809 or the century 1800–1899"),
        UnparsedCase("XVII", "'XVII' needs a unit"),
        UnparsedCase("18th", "'18th' needs a unit"),
        UnparsedCase("XVII-XVIII", "'XVII' needs a unit"),
        UnparsedCase("31st century", "there is no such century"),
        UnparsedCase("late 1834", "apply only to a decade, century or millennium"),
        UnparsedCase("3rd half of the 19th century", "there is no half number 3"),
        UnparsedCase("1st quarter of the 1820s", "a decade has no quarters"),
        UnparsedCase("between 1800 1850", "'between' needs 'and'"),
        UnparsedCase("500 BC AD", "names two eras"),
        UnparsedCase("1834-05-12 BC", "cannot also name an era"),
        UnparsedCase("١٨٣٤", "could not read '١٨٣٤'"),
    ]

    @Test(arguments: cases) func reported(_ c: UnparsedCase) { expectUnparsed(c) }
}
