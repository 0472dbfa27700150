/// How finely a date expression names its time, from a single day to a
/// millennium. A range or a set of alternatives takes the coarsest precision of
/// its parts; an open bound ("before 1800") takes the precision of its anchor.
public enum DatePrecision: Int, Hashable, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case day, month, year, decade, century, millennium

    public static func < (a: DatePrecision, b: DatePrecision) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .day: return "day"
        case .month: return "month"
        case .year: return "year"
        case .decade: return "decade"
        case .century: return "century"
        case .millennium: return "millennium"
        }
    }
}
