/// Turning one endpoint into bounds: the calendar rules for each form.
extension RawPoint {
    /// The point's bounds: its core, then its part of a period, then widening for
    /// approximation, then its qualifiers.
    func bounds() throws(ParseFailure) -> Bounds {
        var b = try coreBounds()
        if let part { b = try part.apply(to: b, written: written) }
        if qualifiers.contains(.approximate) { b = b.widenedForApproximation() }
        b.qualifiers.formUnion(qualifiers)
        return b
    }

    private func coreBounds() throws(ParseFailure) -> Bounds {
        if astronomical, era != nil {
            throw ParseFailure("'\(written)' is an ISO 8601 date, whose years are astronomical; it cannot also name an era")
        }
        switch core {
        case .year(let n, let digits):
            if digits > 4, !astronomical { throw ParseFailure("'\(written)' has too many digits for a year") }
            if digits <= 2, era == nil, !astronomical {
                throw ParseFailure("'\(written)' is too short to be a year; write an era ('AD \(n)', '\(n) BC') for a year before 100")
            }
            let y = try historicalYear(n)
            return Bounds(years: y, y, precision: .year)
        case .yearMonth(let n, let m):
            let y = try historicalYear(n)
            guard (1...12).contains(m) else { throw ParseFailure("'\(written)': month \(m) does not exist") }
            return Bounds(begin: DayDate(unchecked: y, m, 1), end: DayDate(unchecked: y, m, DayDate.daysIn(month: m, year: y)),
                          precision: .month)
        case .day(let n, let m, let d):
            let y = try historicalYear(n)
            guard (1...12).contains(m) else { throw ParseFailure("'\(written)': month \(m) does not exist") }
            guard let date = DayDate(year: y, month: m, day: d) else {
                throw ParseFailure("'\(written)': \(MonthNames.english[m]) \(n) has no day \(d)")
            }
            return Bounds(begin: date, end: date, precision: .day)
        case .decade(let first):
            guard era == nil else { throw ParseFailure("'\(written)': a decade cannot name an era") }
            guard first % 10 == 0 else { throw ParseFailure("'\(written)' is not a decade: a decade's first year ends in 0") }
            guard first % 100 != 0 else {
                throw ParseFailure("'\(written)' may mean the decade \(first)–\(first + 9) or the century \(first)–\(first + 99); write one of those")
            }
            return Bounds(years: first, first + 9, precision: .decade)
        case .masked(let known, let unknown):
            guard era == nil, known > 0 else { throw ParseFailure("'\(written)' is not a usable year") }
            var scale = 1
            for _ in 0..<unknown { scale *= 10 }
            let precision: DatePrecision = unknown == 1 ? .decade : unknown == 2 ? .century : .millennium
            return Bounds(years: known * scale, known * scale + scale - 1, precision: precision, qualifiers: .uncertain)
        case .noYear:
            throw ParseFailure("could not read '\(written)': it names no year")
        case .ordinal(let n, let unit):
            guard let unit else {
                throw ParseFailure("'\(written)' needs a unit such as 'century' or 'в.'")
            }
            return try ordinalBounds(n, unit)
        }
    }

    /// Century N is (N-1)·100+1 … N·100 (17th: 1601–1700); BCE century N runs from
    /// N·100 BC to (N-1)·100+1 BC (5th BC: 500–401 BC, astronomical -499 … -400).
    /// Millennia likewise with 1000.
    private func ordinalBounds(_ n: Int, _ unit: OrdinalUnit) throws(ParseFailure) -> Bounds {
        let size = unit == .century ? 100 : 1000
        let limit = era == .bce ? 100 : (unit == .century ? 30 : 10)
        guard (1...limit).contains(n) else {
            throw ParseFailure("'\(written)': there is no such \(unit == .century ? "century" : "millennium")")
        }
        let precision: DatePrecision = unit == .century ? .century : .millennium
        if era == .bce { return Bounds(years: 1 - n * size, -(n - 1) * size, precision: precision) }
        return Bounds(years: (n - 1) * size + 1, n * size, precision: precision)
    }

    /// The astronomical year of a written year: BCE year n is 1 - n.
    private func historicalYear(_ n: Int) throws(ParseFailure) -> Int {
        if astronomical { return n }
        guard n >= 1 else { throw ParseFailure("'\(written)': there is no year 0; 1 BC is followed by AD 1") }
        return era == .bce ? 1 - n : n
    }
}
