/// The ends of a range within one year or month, where one end leaves out what
/// the other states: "3 марта – 30 июня 2019 г." and "3 March – 30 June 2019"
/// (the year written once, at the end), "2019 ж. 3 наурыз – 30 маусым" and
/// "1948-yil 14-iyun – 20-iyul" (once, at the start), "3–30 июня 2019 г." (the
/// month and year once). Only a day or a month can be completed, and only from
/// an end that names a month in a year; "3 March – 1834" is reported.
extension RawPoint {
    /// `self` with the year (and, for a bare day before a range's dash, the
    /// month) taken from `source`, the end across the dash; nil when there is
    /// nothing to complete or `source` cannot complete it.
    func completed(from source: RawPoint, dayAlone: Bool) -> RawPoint? {
        let year: Int, month: Int, sourceIsDay: Bool
        switch source.core {
        case .day(let y, let m, _): (year, month, sourceIsDay) = (y, m, true)
        case .yearMonth(let y, let m): (year, month, sourceIsDay) = (y, m, false)
        default: return nil
        }
        var point = self
        switch core {
        case .noYear(let m, let day?): point.core = .day(year, m, day)
        case .noYear(let m, nil): point.core = .yearMonth(year, m)
        case .year(let day, let digits) where dayAlone && sourceIsDay && digits <= 2 && era == nil && !astronomical:
            point.core = .day(year, month, day)
        default: return nil
        }
        point.era = source.era
        point.astronomical = source.astronomical
        return point
    }
}
