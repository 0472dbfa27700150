import Foundation
import MnemoRDF

/// A value of one of the XSD date/time types: xsd:dateTime, date, time and
/// the Gregorian types (gYear, gYearMonth, gMonth, gMonthDay, gDay).
///
/// Missing fields take the XSD reference values (1972-12-31T00:00:00), so
/// that every value maps to a starting instant on the timeline.
struct Temporal {
    enum Kind: Int { case dateTime, date, time, gYearMonth, gYear, gMonthDay, gDay, gMonth }

    var kind: Kind
    var year = 1972, month = 12, day = 31
    var hour = 0, minute = 0
    var second: Decimal = 0
    /// Offset from UTC in minutes; nil when the value has no timezone.
    var timezone: Int?

    static let kinds: [String: Kind] = [
        XSD.dateTime: .dateTime, XSD.dateTimeStamp: .dateTime, XSD.date: .date, XSD.time: .time,
        XSD.gYearMonth: .gYearMonth, XSD.gYear: .gYear, XSD.gMonthDay: .gMonthDay,
        XSD.gDay: .gDay, XSD.gMonth: .gMonth,
    ]

    init(kind: Kind, timezone: Int?) {
        self.kind = kind
        self.timezone = timezone
    }

    /// Parses a literal of a date/time datatype; nil when ill-formed or of another type.
    init?(_ literal: Literal) {
        guard let kind = Temporal.kinds[literal.datatype] else { return nil }
        self.init(lexical: literal.lexical, kind: kind)
        if literal.datatype == XSD.dateTimeStamp && timezone == nil { return nil }
    }

    init?(lexical: String, kind: Kind) {
        self.kind = kind
        var scanner = TemporalScanner(lexical)
        switch kind {
        case .dateTime:
            guard scanner.date(into: &self), scanner.take("T"), scanner.time(into: &self) else { return nil }
        case .date:
            guard scanner.date(into: &self) else { return nil }
        case .time:
            guard scanner.time(into: &self) else { return nil }
        case .gYearMonth:
            guard let y = scanner.year(), scanner.take("-"), let m = scanner.twoDigits() else { return nil }
            year = y; month = m; day = 1
        case .gYear:
            guard let y = scanner.year() else { return nil }
            year = y; month = 1; day = 1
        case .gMonthDay:
            guard scanner.take("--"), let m = scanner.twoDigits(), scanner.take("-"),
                  let d = scanner.twoDigits() else { return nil }
            month = m; day = d
        case .gDay:
            guard scanner.take("---"), let d = scanner.twoDigits() else { return nil }
            day = d; month = 12
        case .gMonth:
            guard scanner.take("--"), let m = scanner.twoDigits() else { return nil }
            month = m; day = 1
        }
        guard scanner.timezone(into: &self), scanner.atEnd else { return nil }
        guard (1...12).contains(month), day >= 1 else { return nil }
        let maxDay = kind == .gMonthDay ? Temporal.daysInMonth(2000, month) : Temporal.daysInMonth(year, month)
        guard day <= maxDay else { return nil }
        if hour == 24 {
            guard minute == 0, second == 0 else { return nil }
            hour = 0
            if kind == .dateTime { self = advancedOneDay() }
        }
    }

    private func advancedOneDay() -> Temporal {
        var copy = self
        (copy.year, copy.month, copy.day) = Temporal.civil(fromDays: Temporal.days(year, month, day) + 1)
        return copy
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (year 0 = 1 BCE).
    static func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y - 1 : y
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day count since 1970-01-01.
    static func civil(fromDays z: Int) -> (Int, Int, Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Seconds since 1970-01-01T00:00:00Z; a value without timezone is read as UTC.
    var instant: Decimal {
        let whole = Temporal.days(year, month, day) * 86400 + hour * 3600 + minute * 60 - (timezone ?? 0) * 60
        return Decimal(whole) + second
    }

    /// Compares two values of the same kind (XSD 1.1, 3.2.7.4: a value without
    /// timezone stands for a 28-hour window); nil when the order is indeterminate.
    static func compare(_ a: Temporal, _ b: Temporal) -> Int? {
        let x = a.instant, y = b.instant
        if (a.timezone == nil) == (b.timezone == nil) { return x < y ? -1 : (x > y ? 1 : 0) }
        let window = Decimal(14 * 3600)
        if a.timezone == nil {
            if x + window < y { return -1 }
            if x - window > y { return 1 }
        } else {
            if x < y - window { return -1 }
            if x > y + window { return 1 }
        }
        return nil
    }
}

/// A cursor over a date/time lexical form.
private struct TemporalScanner {
    let bytes: [UInt8]
    var position = 0
    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { position == bytes.count }

    mutating func take(_ literal: String) -> Bool {
        let lit = Array(literal.utf8)
        guard bytes.count - position >= lit.count, Array(bytes[position..<position + lit.count]) == lit else { return false }
        position += lit.count
        return true
    }

    mutating func digits(min: Int, max: Int = .max) -> (value: Int, count: Int)? {
        var value = 0, count = 0
        while position < bytes.count, NumericLexical.isDigit(bytes[position]), count < max {
            guard count < 15 else { return nil }
            value = value * 10 + Int(bytes[position] - 48)
            position += 1; count += 1
        }
        return count >= min ? (value, count) : nil
    }

    mutating func twoDigits() -> Int? { digits(min: 2, max: 2)?.value }

    /// `-?[0-9]{4,}`, no leading zero when more than four digits.
    mutating func year() -> Int? {
        let negative = take("-")
        let start = position
        guard let (value, count) = digits(min: 4, max: 11) else { return nil }
        if count > 4 && bytes[start] == UInt8(ascii: "0") { return nil }
        return negative ? -value : value
    }

    mutating func date(into t: inout Temporal) -> Bool {
        guard let y = year(), take("-"), let m = twoDigits(), take("-"), let d = twoDigits() else { return false }
        (t.year, t.month, t.day) = (y, m, d)
        return true
    }

    mutating func time(into t: inout Temporal) -> Bool {
        guard let h = twoDigits(), take(":"), let m = twoDigits(), take(":"), let s = twoDigits() else { return false }
        guard h <= 24, m <= 59, s <= 59 else { return false }
        var second = Decimal(s)
        if take(".") {
            let start = position
            guard digits(min: 1, max: .max) != nil || fractionTail(from: start) else { return false }
            let fraction = String(decoding: bytes[start..<position], as: UTF8.self)
            second += NumericLexical.decimalValue(("0." + fraction)[...]) ?? 0
        }
        (t.hour, t.minute, t.second) = (h, m, second)
        return true
    }

    /// Long fractions (over 15 digits) are consumed here.
    private mutating func fractionTail(from start: Int) -> Bool {
        position = start
        while position < bytes.count, NumericLexical.isDigit(bytes[position]) { position += 1 }
        return position > start
    }

    mutating func timezone(into t: inout Temporal) -> Bool {
        if atEnd { return true }
        if take("Z") { t.timezone = 0; return true }
        let sign: Int
        if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return false }
        guard let h = twoDigits(), take(":"), let m = twoDigits() else { return false }
        guard m <= 59, h < 14 || (h == 14 && m == 0) else { return false }
        t.timezone = sign * (h * 60 + m)
        return true
    }
}
