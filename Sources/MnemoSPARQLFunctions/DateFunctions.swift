import Foundation
import MnemoRDF

/// YEAR … SECONDS, TIMEZONE, TZ and NOW (section 17.4.5), and the lexical
/// forms of date/time values.
enum DateFunctions {
    /// The date/time value of an argument, of one of the allowed kinds.
    static func temporal(_ t: Term, _ kinds: Set<Temporal.Kind>, _ name: String) throws -> (Temporal, Literal) {
        guard case .literal(let lit) = t, let value = Temporal(lit), kinds.contains(value.kind) else {
            throw ExpressionError("\(name) needs a valid date/time literal")
        }
        return (value, lit)
    }

    static let withDate: Set<Temporal.Kind> = [.dateTime, .date]
    static let withTime: Set<Temporal.Kind> = [.dateTime, .time]
    static let withZone: Set<Temporal.Kind> = [.dateTime, .date, .time]

    static func year(_ t: Term) throws -> Term { .integer(try temporal(t, withDate, "YEAR").0.year) }
    static func month(_ t: Term) throws -> Term { .integer(try temporal(t, withDate, "MONTH").0.month) }
    static func day(_ t: Term) throws -> Term { .integer(try temporal(t, withDate, "DAY").0.day) }
    static func hours(_ t: Term) throws -> Term { .integer(try temporal(t, withTime, "HOURS").0.hour) }
    static func minutes(_ t: Term) throws -> Term { .integer(try temporal(t, withTime, "MINUTES").0.minute) }
    static func seconds(_ t: Term) throws -> Term {
        NumericValue.decimal(DecimalNumber(try temporal(t, withTime, "SECONDS").0.second)).term
    }

    /// TIMEZONE: the offset as an xsd:dayTimeDuration; an error without timezone.
    static func timezone(_ t: Term) throws -> Term {
        guard let tz = try temporal(t, withZone, "TIMEZONE").0.timezone else {
            throw ExpressionError("TIMEZONE of a value without timezone")
        }
        return .typed(Duration.dayTimeLexical(seconds: Decimal(tz * 60)), XSD.dayTimeDuration)
    }

    /// TZ: the timezone as written ("Z", "-05:00"), or "" without timezone.
    static func tz(_ t: Term) throws -> Term {
        let (value, lit) = try temporal(t, withZone, "TZ")
        guard value.timezone != nil else { return .string("") }
        let lexical = lit.lexical
        if lexical.hasSuffix("Z") { return .string("Z") }
        return .string(String(lexical.suffix(6)))
    }

    /// NOW as an xsd:dateTime in UTC, with milliseconds when there are any.
    static func now(_ date: Date) -> Term {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let (dayCount, msOfDay) = millis.quotientAndRemainderFloored(by: 86_400_000)
        var value = Temporal(kind: .dateTime, timezone: 0)
        (value.year, value.month, value.day) = Temporal.civil(fromDays: Int(dayCount))
        value.hour = Int(msOfDay / 3_600_000)
        value.minute = Int(msOfDay / 60000 % 60)
        value.second = Decimal(Int(msOfDay % 60000)) / 1000
        return .typed(lexical(value), XSD.dateTime)
    }

    /// The canonical lexical form of a value of its kind (timezone as "Z" or ±hh:mm).
    static func lexical(_ v: Temporal) -> String {
        func pad(_ n: Int, _ width: Int = 2) -> String {
            let s = String(n)
            return s.count < width ? String(repeating: "0", count: width - s.count) + s : s
        }
        let yearText = (v.year < 0 ? "-" : "") + pad(abs(v.year), 4)
        let secondText: String = {
            let whole = Int(v.second.wholePart)
            let fraction = v.second - Decimal(whole)
            guard !fraction.isZero else { return pad(whole) }
            return pad(whole) + String(fraction.description.dropFirst())   // "0.5" → ".5"
        }()
        let timeText = "\(pad(v.hour)):\(pad(v.minute)):\(secondText)"
        var zone = ""
        if let tz = v.timezone {
            zone = tz == 0 ? "Z" : "\(tz < 0 ? "-" : "+")\(pad(abs(tz) / 60)):\(pad(abs(tz) % 60))"
        }
        switch v.kind {
        case .dateTime: return "\(yearText)-\(pad(v.month))-\(pad(v.day))T\(timeText)\(zone)"
        case .date: return "\(yearText)-\(pad(v.month))-\(pad(v.day))\(zone)"
        case .time: return timeText + zone
        case .gYearMonth: return "\(yearText)-\(pad(v.month))\(zone)"
        case .gYear: return yearText + zone
        case .gMonthDay: return "--\(pad(v.month))-\(pad(v.day))\(zone)"
        case .gDay: return "---\(pad(v.day))\(zone)"
        case .gMonth: return "--\(pad(v.month))\(zone)"
        }
    }
}

private extension Int64 {
    func quotientAndRemainderFloored(by d: Int64) -> (Int64, Int64) {
        var (q, r) = quotientAndRemainder(dividingBy: d)
        if r < 0 { q -= 1; r += d }
        return (q, r)
    }
}
