/// One endpoint of a date expression as written, before context and calendar
/// turn it into bounds: "ca. 1630", "XVII", "late 18th", "1850-е", "12 May 1834".
struct RawPoint {
    /// The date itself, without qualifiers.
    enum Core {
        /// A year number as written; `digits` is how many digits it was written with.
        case year(Int, digits: Int)
        case yearMonth(Int, Int)
        case day(Int, Int, Int)
        /// A decade by its first year ("1820s": 1820).
        case decade(Int)
        /// Known leading digits of a year with `unknown` trailing digits ("19--": 19, 2).
        case masked(known: Int, unknown: Int)
        /// A numbered century or millennium; the unit may come from context ("XVII-XVIII вв.").
        case ordinal(Int, OrdinalUnit?)
        /// A month, or a day and month, without a year ("3 марта", "iyul"); only
        /// the other end of a range can supply it ("3 марта – 30 июня 2019 г.").
        case noYear(month: Int, day: Int?)
    }

    var core: Core
    /// The era written with the point; nil when unmarked.
    var era: Era?
    /// Written in ISO 8601 form, whose years are already astronomical ("-0499-05-03").
    var astronomical = false
    /// Written with a Kazakh or Uzbek plural year suffix ("1850-yillar").
    var pluralYears = false
    var part: PeriodPart?
    /// Made a bound by an Uzbek case ending on its month ("14-iyundan", "20-iyulgacha").
    var boundCase: BoundCase?
    var qualifiers: DateQualifiers = []
    /// The tokens the point was read from, and their text.
    var tokens: Range<Int> = 0..<0
    var written = ""

    /// The number of an ordinal still waiting for its unit: "XVII", "18th", or a
    /// plain number of one or two digits ("18" in "18 в.", "17-18 вв.").
    var unitlessOrdinal: Int? {
        switch core {
        case .ordinal(let n, nil): return n
        case .year(let n, let digits) where digits <= 2 && era == nil && !astronomical: return n
        default: return nil
        }
    }

    init(_ core: Core, astronomical: Bool = false) {
        self.core = core
        self.astronomical = astronomical
    }
}

/// What an Uzbek case ending on a month makes of a date: its start ("-dan",
/// "from") or its end ("-gacha", "until"). The locative "-da" ("on") makes neither.
enum BoundCase: Equatable {
    case from, until
}

/// The unit of an ordinal period.
enum OrdinalUnit: Equatable {
    case century, millennium
}

/// An era marker: before the Common Era ("BC", "до н.э.") or Common Era ("AD", "н.э.").
enum Era: Equatable {
    case bce, ce
}
