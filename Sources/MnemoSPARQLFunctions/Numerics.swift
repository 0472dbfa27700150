import Foundation
import MnemoRDF

/// The value of a numeric literal, in the type that SPARQL's operators use:
/// xsd:integer (and the types derived from it), xsd:decimal, xsd:float, xsd:double.
///
/// Integers are held in 64 bits while they fit and in Foundation's `Decimal`
/// (38 significant digits, rounded beyond) when they do not; decimals are
/// always `Decimal`.
public enum NumericValue: Hashable, Sendable {
    case integer(Int64)
    case bigInteger(Decimal)
    case decimal(DecimalNumber)
    case float(Float)
    case double(Double)

    /// The promotion rank: integer < decimal < float < double.
    var rank: Int {
        switch self {
        case .integer, .bigInteger: 0
        case .decimal: 1
        case .float: 2
        case .double: 3
        }
    }

    /// An integer value held in whichever case fits.
    static func integer(exactly d: Decimal) -> NumericValue {
        if Swift.abs(d) < 1_000_000_000_000_000_000, let v = Int64(d.description) { return .integer(v) }
        return .bigInteger(d)
    }

    /// The numeric value of a literal, nil when it is not numeric or its
    /// lexical form is not valid for its datatype.
    public init?(_ literal: Literal) {
        let dt = literal.datatype
        let lex = literal.lexical[...]
        if dt == XSD.integer {
            guard let v = NumericValue.parseInteger(lex) else { return nil }
            self = v
        } else if dt == XSD.decimal {
            guard NumericLexical.isDecimal(lex.utf8), let v = DecimalNumber(lexical: lex) else { return nil }
            self = .decimal(v)
        } else if dt == XSD.double {
            guard NumericLexical.isDouble(lex.utf8), let v = NumericLexical.doubleValue(lex) else { return nil }
            self = .double(v)
        } else if dt == XSD.float {
            guard NumericLexical.isDouble(lex.utf8), let v = NumericLexical.floatValue(lex) else { return nil }
            self = .float(v)
        } else if let bounds = XSD.integerSubtypes[dt] {
            guard let v = NumericValue.parseInteger(lex), let d = v.integerDecimal else { return nil }
            if let min = bounds.min, d < min { return nil }
            if let max = bounds.max, d > max { return nil }
            self = v
        } else {
            return nil
        }
    }

    public init?(_ term: Term) {
        guard case .literal(let literal) = term else { return nil }
        self.init(literal)
    }

    private static func parseInteger(_ lex: Substring) -> NumericValue? {
        if let v = NumericLexical.int64Value(lex) { return .integer(v) }
        guard NumericLexical.isInteger(lex.utf8), let d = NumericLexical.decimalValue(lex) else { return nil }
        return .bigInteger(d)
    }

    /// The value of an integer as a Decimal (nil for the other types).
    var integerDecimal: Decimal? {
        switch self {
        case .integer(let v): Decimal(v)
        case .bigInteger(let d): d
        default: nil
        }
    }

    /// The value as a double (integers and decimals rounded to nearest).
    var doubleValue: Double {
        switch self {
        case .integer(let v): Double(v)
        case .bigInteger(let d): NSDecimalNumber(decimal: d).doubleValue
        case .decimal(let d): d.doubleValue
        case .float(let f): Double(f)
        case .double(let d): d
        }
    }

    /// The value converted to the type of the given rank (only upwards).
    func promoted(to rank: Int) -> NumericValue {
        if rank <= self.rank { return self }
        switch rank {
        case 1:
            if case .integer(let v) = self { return .decimal(DecimalNumber(v)) }
            return .decimal(DecimalNumber(integerDecimal ?? 0))
        case 2: return .float(Float(doubleValue))
        default: return .double(doubleValue)
        }
    }

    /// The result literal, in canonical form.
    public var term: Term {
        switch self {
        case .integer(let v): .typed(String(v), XSD.integer)
        case .bigInteger(let d): .typed(NumberFormat.integer(d), XSD.integer)
        case .decimal(let d): .typed(d.canonical, XSD.decimal)
        case .float(let f): .typed(NumberFormat.scientific(Double(f), digits: f.description), XSD.float)
        case .double(let d): .typed(NumberFormat.scientific(d, digits: d.description), XSD.double)
        }
    }

    public var isZero: Bool {
        switch self {
        case .integer(let v): v == 0
        case .bigInteger(let d): d.isZero
        case .decimal(let d): d.isZero
        case .float(let f): f == 0
        case .double(let d): d == 0
        }
    }

    public var isNaN: Bool {
        switch self {
        case .float(let f): f.isNaN
        case .double(let d): d.isNaN
        default: false
        }
    }
}

/// Numeric comparison after promotion; nil when unordered (NaN).
public func numericCompare(_ a: NumericValue, _ b: NumericValue) -> Int? {
    func order<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
    if case .integer(let x) = a, case .integer(let y) = b { return order(x, y) }
    let rank = max(a.rank, b.rank)
    switch (a.promoted(to: rank), b.promoted(to: rank)) {
    case let (.decimal(x), .decimal(y)): return order(x, y)
    case let (.float(x), .float(y)): return x.isNaN || y.isNaN ? nil : order(x, y)
    case let (.double(x), .double(y)): return x.isNaN || y.isNaN ? nil : order(x, y)
    case let (p, q):
        guard let x = p.integerDecimal, let y = q.integerDecimal else { return nil }
        return order(x, y)
    }
}
