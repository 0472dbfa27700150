/// What a date expression says about its own certainty and extent, beyond its bounds.
///
/// - `approximate`: "c.", "ca.", "circa", "approx.", "около", "ок.", "шамамен",
///   "taxminan", "~". A year is widened by 5 years on each side, a month or day
///   by one year; decades, centuries and millennia are not widened.
/// - `uncertain`: "?1626", "1626?", "[1910?]", "probably", and MARC unknown digits
///   ("19--", "18uu"). The bounds are not widened.
/// - `floruit`: a period of activity ("active", "fl.", "работал", "деят.").
/// - `alternatives`: "1758 or 1763", "1758 или 1763", "1758/1763": the bounds run
///   from the earliest alternative to the latest.
/// - `openStart`: "before 1800", "до 1800", "не позднее 1800", "-1800": the begin
///   bound is set a century before the anchor, as a stand-in for "unknown".
/// - `openEnd`: "after 1800", "после 1800", "не ранее 1800", "1800-": the end
///   bound is set a century after the anchor.
public struct DateQualifiers: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// "ca. 1600": widened as described above.
    public static let approximate = DateQualifiers(rawValue: 1 << 0)
    /// "1626?": not widened.
    public static let uncertain = DateQualifiers(rawValue: 1 << 1)
    /// "fl. 1820s": a period of activity.
    public static let floruit = DateQualifiers(rawValue: 1 << 2)
    /// "1758 or 1763": one of several dates, spanned from the earliest to the latest.
    public static let alternatives = DateQualifiers(rawValue: 1 << 3)
    /// "before 1800": the begin bound is a stand-in a century before the anchor.
    public static let openStart = DateQualifiers(rawValue: 1 << 4)
    /// "after 1800": the end bound is a stand-in a century after the anchor.
    public static let openEnd = DateQualifiers(rawValue: 1 << 5)

    private static let names: [(DateQualifiers, String)] = [
        (.approximate, "approximate"), (.uncertain, "uncertain"), (.floruit, "floruit"),
        (.alternatives, "alternatives"), (.openStart, "openStart"), (.openEnd, "openEnd"),
    ]

    public var description: String {
        "[" + Self.names.filter { contains($0.0) }.map(\.1).joined(separator: ", ") + "]"
    }
}
