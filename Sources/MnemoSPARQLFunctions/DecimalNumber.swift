import Foundation

/// An xsd:decimal value. Values with at most 18 significant digits (and at
/// most 18 after the point) are held exactly as `mantissa × 10^-scale` in 64
/// bits, and their arithmetic is integer arithmetic; the rest, and results
/// that do not fit, use Foundation's `Decimal` (38 digits). Foundation's
/// division alone costs microseconds, so `FLOOR(YEAR(?d) / 10)` on every
/// solution of a large group would spend most of its time there.
///
/// The small form is canonical (no trailing zeros after the point), and a
/// value is held in the small form whenever it fits: equal values are equal
/// and hash alike.
public struct DecimalNumber: Hashable, Sendable {
    private enum Storage: Hashable, Sendable {
        case small(mantissa: Int64, scale: Int8)
        case large(Decimal)
    }
    private let storage: Storage

    private init(storage: Storage) { self.storage = storage }

    static let powers: [Int64] = (0...18).map { n in (0..<n).reduce(Int64(1)) { p, _ in p * 10 } }

    /// `mantissa × 10^-scale`, with `scale` in 0...18.
    init(mantissa: Int64, scale: Int) {
        var m = mantissa, s = scale
        while s > 0 && m % 10 == 0 { m /= 10; s -= 1 }
        storage = .small(mantissa: m, scale: Int8(s))
    }

    public init(_ value: Int64) { self.init(mantissa: value, scale: 0) }

    /// A Foundation decimal, held small when it fits.
    public init(_ d: Decimal) {
        if d.isZero { self.init(mantissa: 0, scale: 0); return }
        if !d.isNaN, let (m, s) = DecimalNumber.fit(d) { self.init(mantissa: m, scale: s); return }
        self.init(storage: .large(d))
    }

    /// `d` as `mantissa × 10^-scale` in 64 bits, if it fits.
    private static func fit(_ d: Decimal) -> (Int64, Int)? {
        let exponent = d.exponent
        guard exponent >= -18, exponent <= 18 else { return nil }
        var significand = d.significand
        if significand < 0 { significand = -significand }
        guard significand < Decimal(Int64.max) else { return nil }
        var m = Int64(truncating: NSDecimalNumber(decimal: significand))
        if d < 0 { m = -m }
        if exponent <= 0 { return (m, -exponent) }
        let (scaled, overflow) = m.multipliedReportingOverflow(by: powers[exponent])
        return overflow ? nil : (scaled, 0)
    }

    /// The value of a valid decimal (or integer) lexical form.
    init?(lexical s: Substring) {
        var negative = false, mantissa: Int64 = 0, digits = 0, scale = 0, seenDot = false, significant = false
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "+"): continue
            case UInt8(ascii: "."): seenDot = true
            default:
                if c != UInt8(ascii: "0") { significant = true }
                if significant { digits += 1 }
                if seenDot { scale += 1 }
                mantissa = mantissa &* 10 &+ Int64(c &- 48)
            }
        }
        if digits <= 18 && scale <= 18 {
            self.init(mantissa: negative ? -mantissa : mantissa, scale: scale)
            return
        }
        guard let d = NumericLexical.foundationDecimal(s) else { return nil }
        self.init(d)
    }

    /// The value as a Foundation decimal.
    public var decimal: Decimal {
        switch storage {
        case .small(let m, let s): return Decimal(sign: m < 0 ? .minus : .plus, exponent: -Int(s), significand: Decimal(m.magnitude))
        case .large(let d): return d
        }
    }

    public var isZero: Bool {
        if case .small(let m, _) = storage { return m == 0 }
        return decimal.isZero
    }

    public var isNaN: Bool {
        if case .large(let d) = storage { return d.isNaN }
        return false
    }

    public var doubleValue: Double {
        switch storage {
        case .small(let m, let s): return Double(m) / Double(DecimalNumber.powers[Int(s)])
        case .large(let d): return NSDecimalNumber(decimal: d).doubleValue
        }
    }

    /// The canonical lexical form: at least one digit after the point ("185.0", "-0.25").
    public var canonical: String {
        switch storage {
        case .small(let m, let s):
            if s == 0 { return String(m) + ".0" }
            var digits = String(m.magnitude)
            let scale = Int(s)
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
            return (m < 0 ? "-" : "") + digits
        case .large(let d):
            var s = d.description
            if !s.utf8.contains(UInt8(ascii: ".")) { s += ".0" }
            return s
        }
    }

    // MARK: Arithmetic

    public static prefix func - (x: DecimalNumber) -> DecimalNumber {
        if case .small(let m, let s) = x.storage, m != .min { return DecimalNumber(mantissa: -m, scale: Int(s)) }
        let d = x.decimal
        return DecimalNumber(d.isZero ? d : -d)
    }

    public var magnitude: DecimalNumber {
        if case .small(let m, let s) = storage, m != .min { return DecimalNumber(mantissa: Swift.abs(m), scale: Int(s)) }
        return DecimalNumber(Swift.abs(decimal))
    }

    /// Both mantissas at the larger scale, if that fits.
    private static func aligned(_ x: DecimalNumber, _ y: DecimalNumber) -> (Int64, Int64, Int)? {
        guard case .small(let a, let s) = x.storage, case .small(let b, let t) = y.storage else { return nil }
        if s == t { return (a, b, Int(s)) }
        let scale = Int(max(s, t))
        let (p, o1) = a.multipliedReportingOverflow(by: powers[scale - Int(s)])
        let (q, o2) = b.multipliedReportingOverflow(by: powers[scale - Int(t)])
        return o1 || o2 ? nil : (p, q, scale)
    }

    public static func + (x: DecimalNumber, y: DecimalNumber) -> DecimalNumber {
        if let (a, b, s) = aligned(x, y) {
            let (r, o) = a.addingReportingOverflow(b)
            if !o { return DecimalNumber(mantissa: r, scale: s) }
        }
        return DecimalNumber(x.decimal + y.decimal)
    }

    public static func - (x: DecimalNumber, y: DecimalNumber) -> DecimalNumber {
        if let (a, b, s) = aligned(x, y) {
            let (r, o) = a.subtractingReportingOverflow(b)
            if !o { return DecimalNumber(mantissa: r, scale: s) }
        }
        return DecimalNumber(x.decimal - y.decimal)
    }

    public static func * (x: DecimalNumber, y: DecimalNumber) -> DecimalNumber {
        if case .small(let a, let s) = x.storage, case .small(let b, let t) = y.storage, Int(s) + Int(t) <= 18 {
            let (r, o) = a.multipliedReportingOverflow(by: b)
            if !o { return DecimalNumber(mantissa: r, scale: Int(s) + Int(t)) }
        }
        return DecimalNumber(x.decimal * y.decimal)
    }

    /// Division; exact in 64 bits when the quotient terminates within 18
    /// digits after the point, else Foundation's 38-digit division. The
    /// divisor must not be zero.
    public static func / (x: DecimalNumber, y: DecimalNumber) -> DecimalNumber {
        if case .small(let a, let s) = x.storage, case .small(let b, let t) = y.storage, b != 0, a != .min, b != .min {
            // a·10^-s / b·10^-t = (a·10^k / b) · 10^-(k + s - t), for the least k making it exact.
            var numerator = a
            for k in 0...18 {
                if numerator % b == 0 {
                    var q = numerator / b
                    var scale = k + Int(s) - Int(t)
                    var fits = true
                    while scale < 0 {
                        let (r, o) = q.multipliedReportingOverflow(by: 10)
                        if o { fits = false; break }
                        q = r
                        scale += 1
                    }
                    if fits && scale <= 18 { return DecimalNumber(mantissa: q, scale: scale) }
                    break
                }
                let (next, o) = numerator.multipliedReportingOverflow(by: 10)
                if o { break }
                numerator = next
            }
        }
        return DecimalNumber(x.decimal / y.decimal)
    }

    /// Rounded to an integer: `.up` towards +∞, `.down` towards −∞.
    public func rounded(_ mode: NSDecimalNumber.RoundingMode) -> DecimalNumber {
        if case .small(let m, let s) = storage {
            if s == 0 { return self }
            let p = DecimalNumber.powers[Int(s)]
            var q = m / p
            let r = m % p
            if mode == .down && r < 0 { q -= 1 }
            if mode == .up && r > 0 { q += 1 }
            if mode == .down || mode == .up { return DecimalNumber(mantissa: q, scale: 0) }
        }
        return DecimalNumber(decimal.rounded(mode))
    }
}

extension DecimalNumber: Comparable {
    public static func < (x: DecimalNumber, y: DecimalNumber) -> Bool {
        if let (a, b, _) = aligned(x, y) { return a < b }
        return x.decimal < y.decimal
    }
}
