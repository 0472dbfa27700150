/// A part of a decade, century or millennium of length L years, counted from its
/// first year S (for a BCE century, its earliest year):
///
/// - early: S … S + ⌈0.35·L⌉ − 1 (19th century: 1801–1835; 1820s: 1820–1823)
/// - middle: S + ⌊L/3⌋ … S + ⌊2L/3⌋ (1834–1867; 1823–1826)
/// - late: S + L − ⌈0.35·L⌉ … S + L − 1 (1866–1900; 1826–1829)
/// - half n: the n-th L/2 years (1801–1850, 1851–1900)
/// - quarter n: the n-th L/4 years (1801–1825 …); not for decades.
///
/// The thirds overlap by a year or two on purpose: "mid" and "late" shade into
/// each other, and outer bounds should not exclude the shared years.
enum PeriodPart: Equatable {
    case early, middle, late
    case half(Int)
    case quarter(Int)

    func apply(to b: Bounds, written: String) throws(ParseFailure) -> Bounds {
        guard b.precision >= .decade else {
            throw ParseFailure("'\(written)': early, mid, late, halves and quarters apply only to a decade, century or millennium")
        }
        let start = b.begin.year
        let length = b.end.year - start + 1
        let third = (35 * length + 99) / 100
        let offsets: (Int, Int)
        switch self {
        case .early: offsets = (0, third - 1)
        case .middle: offsets = (length / 3, 2 * length / 3)
        case .late: offsets = (length - third, length - 1)
        case .half(let n):
            guard (1...2).contains(n) else { throw ParseFailure("'\(written)': there is no half number \(n)") }
            offsets = ((n - 1) * length / 2, n * length / 2 - 1)
        case .quarter(let n):
            guard (1...4).contains(n) else { throw ParseFailure("'\(written)': there is no quarter number \(n)") }
            guard length % 4 == 0 else { throw ParseFailure("'\(written)': a decade has no quarters") }
            offsets = ((n - 1) * length / 4, n * length / 4 - 1)
        }
        return Bounds(years: start + offsets.0, start + offsets.1, precision: b.precision, qualifiers: b.qualifiers)
    }
}
