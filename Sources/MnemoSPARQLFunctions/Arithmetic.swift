import Foundation

/// Arithmetic and the numeric functions (F&O op:numeric-add … fn:round).
extension NumericValue {
    public enum Operation: Sendable { case add, subtract, multiply, divide }

    public static func apply(_ op: Operation, _ a: NumericValue, _ b: NumericValue) throws -> NumericValue {
        if op != .divide, case .integer(let x) = a, case .integer(let y) = b {
            let (result, overflow): (Int64, Bool)
            switch op {
            case .add: (result, overflow) = x.addingReportingOverflow(y)
            case .subtract: (result, overflow) = x.subtractingReportingOverflow(y)
            default: (result, overflow) = x.multipliedReportingOverflow(by: y)
            }
            if !overflow { return .integer(result) }
        }
        let rank = max(a.rank, b.rank, op == .divide ? 1 : 0)
        switch (a.promoted(to: rank), b.promoted(to: rank)) {
        case let (.decimal(x), .decimal(y)):
            if op == .divide && y.isZero { throw ExpressionError("decimal division by zero") }
            return .decimal(try checked(decimalOp(op, x, y)))
        case let (.float(x), .float(y)):
            return .float(floatingOp(op, x, y))
        case let (.double(x), .double(y)):
            return .double(floatingOp(op, x, y))
        case let (p, q):
            guard let x = p.integerDecimal, let y = q.integerDecimal else {
                throw ExpressionError("numeric promotion failed")
            }
            return .integer(exactly: try checked(decimalOp(op, x, y)))
        }
    }

    private static func decimalOp<D: DecimalArithmetic>(_ op: Operation, _ x: D, _ y: D) -> D {
        switch op {
        case .add: x + y
        case .subtract: x - y
        case .multiply: x * y
        case .divide: x / y
        }
    }

    private static func floatingOp<F: FloatingPoint>(_ op: Operation, _ x: F, _ y: F) -> F {
        switch op {
        case .add: x + y
        case .subtract: x - y
        case .multiply: x * y
        case .divide: x / y
        }
    }

    private static func checked<D: DecimalArithmetic>(_ d: D) throws -> D {
        if d.isNaN { throw ExpressionError("decimal overflow") }
        return d
    }

    public var negated: NumericValue {
        switch self {
        case .integer(let v): v == .min ? .bigInteger(-Decimal(v)) : .integer(-v)
        case .bigInteger(let d): .integer(exactly: -d)
        case .decimal(let d): .decimal(-d)
        case .float(let f): .float(-f)
        case .double(let d): .double(-d)
        }
    }

    public var absolute: NumericValue {
        switch self {
        case .integer(let v): v < 0 ? negated : self
        case .bigInteger(let d): .bigInteger(Swift.abs(d))
        case .decimal(let d): .decimal(d.magnitude)
        case .float(let f): .float(Swift.abs(f))
        case .double(let d): .double(Swift.abs(d))
        }
    }

    public var ceiling: NumericValue {
        switch self {
        case .integer, .bigInteger: self
        case .decimal(let d): .decimal(d.rounded(.up))
        case .float(let f): .float(f.rounded(.up))
        case .double(let d): .double(d.rounded(.up))
        }
    }

    public var floor: NumericValue {
        switch self {
        case .integer, .bigInteger: self
        case .decimal(let d): .decimal(d.rounded(.down))
        case .float(let f): .float(f.rounded(.down))
        case .double(let d): .double(d.rounded(.down))
        }
    }

    /// fn:round: to the nearest integer, halves towards positive infinity.
    public var rounded: NumericValue {
        switch self {
        case .integer, .bigInteger: self
        case .decimal(let d): .decimal((d + DecimalNumber(mantissa: 5, scale: 1)).rounded(.down))
        case .float(let f): .float(Float(Self.roundHalfUp(Double(f))))
        case .double(let d): .double(Self.roundHalfUp(d))
        }
    }

    private static func roundHalfUp(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        let down = x.rounded(.down)
        let result = x - down >= 0.5 ? down + 1 : down
        return result == 0 && x.sign == .minus ? -0.0 : result
    }
}

extension Decimal {
    /// Rounded to an integer: `.up` is towards +∞, `.down` towards −∞.
    func rounded(_ mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var input = self, result = Decimal()
        NSDecimalRound(&result, &input, 0, mode)
        return result
    }

    /// The integer part (rounded towards zero), for values that fit in Int64.
    var wholePart: Int64 {
        Int64(rounded(self < 0 ? .up : .down).description) ?? 0
    }
}

/// What the four operations need of a decimal type: Foundation's `Decimal`
/// (for integers beyond 64 bits) and ``DecimalNumber``.
protocol DecimalArithmetic {
    static func + (x: Self, y: Self) -> Self
    static func - (x: Self, y: Self) -> Self
    static func * (x: Self, y: Self) -> Self
    static func / (x: Self, y: Self) -> Self
    var isNaN: Bool { get }
}

extension Decimal: DecimalArithmetic {}
extension DecimalNumber: DecimalArithmetic {}
