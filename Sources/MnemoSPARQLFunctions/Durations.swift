import Foundation
import MnemoRDF

/// A value of xsd:duration, xsd:dayTimeDuration or xsd:yearMonthDuration:
/// a number of months and a number of seconds, both with the same sign.
struct Duration {
    var months: Int
    var seconds: Decimal

    /// Parses `-?P(nY)?(nM)?(nD)?(T(nH)?(nM)?(n(.n)?S)?)?` with at least one
    /// field; dayTimeDuration allows no Y/M, yearMonthDuration no D/T part.
    init?(_ literal: Literal) {
        let dt = literal.datatype
        guard dt == XSD.duration || dt == XSD.dayTimeDuration || dt == XSD.yearMonthDuration else { return nil }
        var text = Substring(literal.lexical)
        let negative = text.hasPrefix("-")
        if negative { text = text.dropFirst() }
        guard text.hasPrefix("P") else { return nil }
        text = text.dropFirst()
        var months = 0, seconds = Decimal(0), fields = 0, inTime = false
        var order = 0   // fields must appear in order Y M D T H M S
        while !text.isEmpty {
            if text.hasPrefix("T") {
                guard !inTime else { return nil }
                inTime = true; order = 4; text = text.dropFirst()
                guard !text.isEmpty else { return nil }
                continue
            }
            let number = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, let designator = text.dropFirst(number.count).first else { return nil }
            text = text.dropFirst(number.count + 1)
            let isFraction = number.utf8.contains(UInt8(ascii: "."))
            guard NumericLexical.isDecimal(number.utf8), let value = NumericLexical.decimalValue(number) else { return nil }
            let slot: Int
            switch (designator, inTime) {
            case ("Y", false): slot = 1
            case ("M", false): slot = 2
            case ("D", false): slot = 3
            case ("H", true): slot = 5
            case ("M", true): slot = 6
            case ("S", true): slot = 7
            default: return nil
            }
            guard slot > order, isFraction == false || slot == 7 else { return nil }
            order = slot; fields += 1
            let whole = Int(value.wholePart)
            switch slot {
            case 1: months += whole * 12
            case 2: months += whole
            case 3: seconds += value * 86400
            case 5: seconds += value * 3600
            case 6: seconds += value * 60
            default: seconds += value
            }
        }
        guard fields > 0 else { return nil }
        if dt == XSD.dayTimeDuration && months != 0 { return nil }
        if dt == XSD.yearMonthDuration && (order > 2 || inTime) { return nil }
        self.months = negative ? -months : months
        self.seconds = negative ? -seconds : seconds
    }

    init(months: Int, seconds: Decimal) {
        self.months = months
        self.seconds = seconds
    }

    /// Durations are ordered only when both are day-time or both year-month.
    static func compare(_ a: Duration, _ b: Duration) -> Int? {
        if a.months == b.months { return a.seconds < b.seconds ? -1 : (a.seconds > b.seconds ? 1 : 0) }
        if a.seconds == b.seconds, a.seconds == 0 { return a.months < b.months ? -1 : 1 }
        return nil
    }

    /// The canonical xsd:dayTimeDuration form of a number of seconds: "PT0S", "-PT5H30M".
    static func dayTimeLexical(seconds: Decimal) -> String {
        if seconds.isZero { return "PT0S" }
        var rest = seconds < 0 ? -seconds : seconds
        var out = seconds < 0 ? "-P" : "P"
        let wholeSeconds = rest.wholePart
        let days = wholeSeconds / 86400
        if days > 0 { out += "\(days)D"; rest -= Decimal(days * 86400) }
        if rest.isZero { return out }
        out += "T"
        let hours = rest.wholePart / 3600
        if hours > 0 { out += "\(hours)H"; rest -= Decimal(hours * 3600) }
        let minutes = rest.wholePart / 60
        if minutes > 0 { out += "\(minutes)M"; rest -= Decimal(minutes * 60) }
        if !rest.isZero { out += "\(rest.description)S" }
        return out
    }
}
