/// Resolving alternatives and ranges, where one point's context completes
/// another's:
///
/// - a unit or era written once covers the points before it: "XVII-XVIII вв."
///   (both centuries), "17-18 вв.", "500-400 BC", "V-IV вв. до н.э.",
///   "late 18th - early 19th century";
/// - an end written with fewer digits than the year before it shares that year's
///   leading digits: "1804-07" is 1804–1807, "1890-5" 1890–1895, "1758/63" 1758
///   or 1763. Such an end must not fall before the year it abbreviates;
/// - a Kazakh or Uzbek plural suffix on the end of a range is only a plural:
///   "1840-1850-yillar" is 1840–1850, while "1850-yillar" alone is the 1850s;
/// - an end without a year takes it from the other end, and a bare day before
///   the dash its month too: "3 марта – 30 июня 2019 г.", "2019 ж. 3 наурыз –
///   30 маусым", "3–30 июня 2019 г." (see `RawPoint.completed(from:dayAlone:)`).
enum Combine {
    /// Alternatives as one span from the earliest to the latest, flagged
    /// `alternatives` when there is more than one.
    static func alternatives(_ points: [RawPoint]) throws(ParseFailure) -> Bounds {
        var points = points
        try settle(&points)
        return try merge(points)
    }

    /// A range's two ends, each possibly a set of alternatives. Throws when the
    /// end comes before the beginning, with `disorder`'s message.
    static func range(_ left: [RawPoint], _ right: [RawPoint],
                      disorder: (_ start: String, _ end: String) -> String) throws(ParseFailure) -> (Bounds, Bounds) {
        var left = left, right = right
        let last = left.count - 1
        if let done = left[last].completed(from: right[0], dayAlone: true) {
            left[last] = done
        } else if let done = right[0].completed(from: left[last], dayAlone: false) {
            right[0] = done
        }
        if case .year? = left.last?.core, case .decade(let first) = right[0].core, right[0].pluralYears {
            right[0].core = .year(first, digits: 4)
        }
        inheritWithin(&right)
        inheritWithin(&left)
        inherit(&left, from: right[0])
        try abbreviationsWithin(&left)
        try expand(&right[0], after: left[left.count - 1])
        try abbreviationsWithin(&right)
        let start = try merge(left), end = try merge(right)
        guard end.end >= start.begin else { throw ParseFailure(disorder(left[0].written, right[right.count - 1].written)) }
        return (start, end)
    }

    private static func settle(_ points: inout [RawPoint]) throws(ParseFailure) {
        inheritWithin(&points)
        try abbreviationsWithin(&points)
    }

    private static func merge(_ points: [RawPoint]) throws(ParseFailure) -> Bounds {
        var result = try points[0].bounds()
        for point in points.dropFirst() { result = result.merged(with: try point.bounds()) }
        if points.count > 1 { result.qualifiers.insert(.alternatives) }
        return result
    }

    private static func inheritWithin(_ points: inout [RawPoint]) {
        guard let last = points.last, points.count > 1 else { return }
        inherit(&points[0..<(points.count - 1)], from: last)
    }

    /// Gives unmarked points the unit and era of `source`.
    private static func inherit<C: MutableCollection>(_ points: inout C, from source: RawPoint) where C.Element == RawPoint {
        guard !source.astronomical else { return }
        for i in points.indices where !points[i].astronomical {
            if case .ordinal(_, let unit?) = source.core, let n = points[i].unitlessOrdinal {
                points[i].core = .ordinal(n, unit)
            }
            if points[i].era == nil, let era = source.era { points[i].era = era }
        }
    }

    private static func abbreviationsWithin(_ points: inout [RawPoint]) throws(ParseFailure) {
        for k in points.indices.dropFirst() { try expand(&points[k], after: points[k - 1]) }
    }

    /// Completes an abbreviated year from the year written before it.
    private static func expand(_ point: inout RawPoint, after previous: RawPoint) throws(ParseFailure) {
        guard case .year(let n, let digits) = point.core, case .year(let p, let fullDigits) = previous.core,
              digits < fullDigits, point.era == nil, previous.era == nil,
              !point.astronomical, !previous.astronomical else { return }
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let full = p - p % scale + n
        guard full >= p else {
            throw ParseFailure("'\(point.written)' after \(p) would be the year \(full), which comes before \(p)")
        }
        point.core = .year(full, digits: fullDigits)
    }
}
