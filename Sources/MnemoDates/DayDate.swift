/// A calendar day in the proleptic Gregorian calendar with astronomical year
/// numbering: 1 BCE is year 0, 2 BCE is year -1, 500 BCE is year -499.
///
/// This is the calendar and year numbering of `xsd:date` in XML Schema 1.1, so
/// ``xsdDate`` can go straight into a CIDOC-CRM time-span
/// (P82a_begin_of_the_begin, P82b_end_of_the_end). Julian-calendar dates in a
/// source are not converted; a catalogue's "1834" is read as the Gregorian year.
public struct DayDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The astronomical year: 1834 is AD 1834, 0 is 1 BCE, -499 is 500 BCE.
    public var year: Int
    /// The month, 1 (January) through 12 (December).
    public var month: Int
    /// The day of the month, from 1.
    public var day: Int

    /// A checked day: nil when `month` is not 1...12 or the month has no such
    /// day (29 February exists only in leap years).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...DayDate.daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        self.init(unchecked: year, month, day)
    }

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// 1 January of `year`.
    static func first(ofYear year: Int) -> DayDate { DayDate(unchecked: year, 1, 1) }

    /// 31 December of `year`.
    static func last(ofYear year: Int) -> DayDate { DayDate(unchecked: year, 12, 31) }

    /// The Gregorian leap-year rule applied proleptically: divisible by 4,
    /// except centuries not divisible by 400. Year 0 (1 BCE) is a leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1...12) of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The XML Schema 1.1 lexical form of the day: at least four year digits and
    /// a leading `-` before year 0, e.g. `1834-01-01`, `0988-05-03`, `-0499-01-01`.
    public var xsdDate: String {
        let digits = String(year.magnitude)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return (year < 0 ? "-" : "") + padded + "-" + Self.twoDigits(month) + "-" + Self.twoDigits(day)
    }

    /// The first second of the day as an `xsd:dateTime` without time zone, for a
    /// begin bound: `1834-01-01T00:00:00`.
    public var xsdDateTimeStart: String { xsdDate + "T00:00:00" }

    /// The last second of the day as an `xsd:dateTime` without time zone, for an
    /// end bound: `1834-12-31T23:59:59`.
    public var xsdDateTimeEnd: String { xsdDate + "T23:59:59" }

    public var description: String { xsdDate }

    public static func < (a: DayDate, b: DayDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
