import Testing
@testable import MnemoDates

@Suite struct DayDateTests {
    @Test(arguments: [
        (1834, false), (1836, true), (1900, false), (2000, true), (1600, true), (1700, false),
        (0, true), (-1, false), (-4, true), (-100, false), (-400, true),
    ])
    func leapYears(year: Int, leap: Bool) {
        #expect(DayDate.isLeapYear(year) == leap)
    }

    @Test func monthLengths() {
        #expect((1...12).map { DayDate.daysIn(month: $0, year: 1834) } == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        #expect(DayDate.daysIn(month: 2, year: 1836) == 29)
        #expect(DayDate.daysIn(month: 2, year: 1900) == 28)
        #expect(DayDate.daysIn(month: 2, year: 2000) == 29)
    }

    @Test func checkedInitializer() {
        #expect(DayDate(year: 1836, month: 2, day: 29) != nil)
        #expect(DayDate(year: 1834, month: 2, day: 29) == nil)
        #expect(DayDate(year: 1834, month: 13, day: 1) == nil)
        #expect(DayDate(year: 1834, month: 4, day: 31) == nil)
        #expect(DayDate(year: 1834, month: 1, day: 0) == nil)
    }

    @Test(arguments: [
        (1834, 1, 1, "1834-01-01"), (988, 5, 3, "0988-05-03"), (50, 12, 31, "0050-12-31"),
        (0, 1, 1, "0000-01-01"), (-499, 1, 1, "-0499-01-01"), (-9, 7, 4, "-0009-07-04"),
        (-12000, 1, 1, "-12000-01-01"), (12000, 10, 9, "12000-10-09"),
    ])
    func xsdLexicalForm(year: Int, month: Int, day: Int, expected: String) throws {
        let date = try #require(DayDate(year: year, month: month, day: day))
        #expect(date.xsdDate == expected)
        #expect(date.description == expected)
    }

    @Test func xsdDateTimes() throws {
        let start = try #require(DayDate(year: 1834, month: 1, day: 1))
        let end = try #require(DayDate(year: 1834, month: 12, day: 31))
        #expect(start.xsdDateTimeStart == "1834-01-01T00:00:00")
        #expect(end.xsdDateTimeEnd == "1834-12-31T23:59:59")
        let bce = try #require(DayDate(year: -499, month: 1, day: 1))
        #expect(bce.xsdDateTimeStart == "-0499-01-01T00:00:00")
    }

    @Test func ordering() throws {
        let a = try #require(DayDate(year: -1, month: 12, day: 31))
        let b = try #require(DayDate(year: 0, month: 1, day: 1))
        let c = try #require(DayDate(year: 1834, month: 5, day: 12))
        let d = try #require(DayDate(year: 1834, month: 12, day: 1))
        #expect(a < b && b < c && c < d)
        #expect([d, b, c, a].sorted() == [a, b, c, d])
    }

    @Test func dayStepsCrossMonthsAndYears() throws {
        let newYear = try #require(DayDate(year: 1800, month: 1, day: 1))
        #expect(newYear.previousDay.xsdDate == "1799-12-31")
        let march = try #require(DayDate(year: 1836, month: 3, day: 1))
        #expect(march.previousDay.xsdDate == "1836-02-29")
        let leapDay = try #require(DayDate(year: 1836, month: 2, day: 29))
        #expect(leapDay.nextDay.xsdDate == "1836-03-01")
        #expect(leapDay.addingYears(1).xsdDate == "1837-02-28")
        let yearEnd = try #require(DayDate(year: 0, month: 12, day: 31))
        #expect(yearEnd.nextDay.xsdDate == "0001-01-01")
    }

    @Test func spanBoundsAsDateTimes() throws {
        let span = try #require(HistoricalDate.parse("1834").parsedSpan)
        #expect(span.beginOfTheBegin == "1834-01-01T00:00:00")
        #expect(span.endOfTheEnd == "1834-12-31T23:59:59")
    }
}
