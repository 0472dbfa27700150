import Foundation
import MnemoRDF

/// A relational operator of section 17.3, for ``Builtins/compare(_:_:_:)``.
public enum ComparisonOperator: Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
}

extension Builtins {
    /// `=` (section 17.3): value equality for numerics (across types, after
    /// promotion), strings, language-tagged strings, booleans, dates and
    /// times, durations; RDF term equality otherwise.
    ///
    /// Literals from different known value spaces are unequal (`"1" = 1` is
    /// false, as is a language-tagged string against any other literal). A
    /// literal of unknown value (unknown datatype or invalid lexical form) is
    /// equal to the identical term, and otherwise a type error — its value
    /// might be the other literal's. Dates/times with and without timezone
    /// whose order is indeterminate are a type error too. `NaN = NaN` is false.
    public static func equal(_ a: Term, _ b: Term) throws -> Bool {
        guard case .literal(let x) = a, case .literal(let y) = b else { return Term.identical(a, b) }
        switch (LiteralValue(x), LiteralValue(y)) {
        case let (.numeric(p), .numeric(q)):
            return numericCompare(p, q) == 0
        case let (.string(p), .string(q)):
            return Codepoints.equal(p, q)
        case let (.langString(p, l), .langString(q, m)):
            return l == m && Codepoints.equal(p, q)
        case let (.boolean(p), .boolean(q)):
            return p == q
        case let (.temporal(p), .temporal(q)):
            guard p.kind == q.kind else { return false }
            guard let order = Temporal.compare(p, q) else {
                throw ExpressionError("indeterminate comparison of date/time with and without timezone")
            }
            return order == 0
        case let (.duration(p), .duration(q)):
            return p.months == q.months && p.seconds == q.seconds
        case (.unknown, .langString), (.langString, .unknown):
            return false
        case (.unknown, _), (_, .unknown):
            if Term.identical(a, b) { return true }
            throw ExpressionError("cannot compare literals of unknown value")
        default:
            return false
        }
    }

    /// `<`, `>` …: -1, 0 or 1 for two numerics (after promotion), two strings
    /// (simple or xsd:string, by code point), two booleans, two date/time
    /// values of the same type, or two day-time / year-month durations.
    /// Anything else — including language-tagged strings, an indeterminate
    /// date/time order and NaN — is a type error; use
    /// ``compare(_:_:_:)`` to get SPARQL's results for NaN (all false).
    public static func compare(_ a: Term, _ b: Term) throws -> Int {
        guard let order = try partialCompare(a, b) else { throw ExpressionError("NaN is unordered") }
        return order
    }

    /// A relational operator applied as the evaluator needs it: `=` and `!=`
    /// by ``equal(_:_:)``, the others by value order, where NaN makes every
    /// comparison false (and `!=` true).
    public static func compare(_ op: ComparisonOperator, _ a: Term, _ b: Term) throws -> Bool {
        switch op {
        case .equal: return try equal(a, b)
        case .notEqual: return try !equal(a, b)
        case .less: return try partialCompare(a, b).map { $0 < 0 } ?? false
        case .lessOrEqual: return try partialCompare(a, b).map { $0 <= 0 } ?? false
        case .greater: return try partialCompare(a, b).map { $0 > 0 } ?? false
        case .greaterOrEqual: return try partialCompare(a, b).map { $0 >= 0 } ?? false
        }
    }

    /// The value order; nil when unordered (NaN), a type error when not comparable.
    static func partialCompare(_ a: Term, _ b: Term) throws -> Int? {
        guard case .literal(let x) = a, case .literal(let y) = b else {
            throw ExpressionError("only literals are ordered")
        }
        return try partialCompare(LiteralValue(x), LiteralValue(y))
    }

    /// ``compare(_:_:)`` of values already read from their literals.
    public static func compare(_ a: OrderedValue, _ b: OrderedValue) throws -> Int {
        guard let order = try partialCompare(a.value, b.value) else { throw ExpressionError("NaN is unordered") }
        return order
    }

    static func partialCompare(_ a: LiteralValue, _ b: LiteralValue) throws -> Int? {
        switch (a, b) {
        case let (.numeric(p), .numeric(q)):
            return numericCompare(p, q)
        case let (.string(p), .string(q)):
            return Codepoints.compare(p, q)
        case let (.boolean(p), .boolean(q)):
            return p == q ? 0 : (p ? 1 : -1)
        case let (.temporal(p), .temporal(q)) where p.kind == q.kind:
            guard let order = Temporal.compare(p, q) else {
                throw ExpressionError("indeterminate comparison of date/time with and without timezone")
            }
            return order
        case let (.duration(p), .duration(q)):
            guard let order = Duration.compare(p, q) else { throw ExpressionError("durations are not comparable") }
            return order
        default:
            throw ExpressionError("literals are not comparable")
        }
    }

    /// The effective boolean value (section 17.2.2): booleans and numerics by
    /// value (an invalid lexical form is false; NaN and zero are false),
    /// strings (plain, xsd:string, language-tagged) true when not empty;
    /// anything else is a type error.
    public static func effectiveBooleanValue(_ t: Term) throws -> Bool {
        guard case .literal(let lit) = t else { throw ExpressionError("no boolean value for a non-literal") }
        if lit.isStringLike { return !lit.lexical.isEmpty }
        if lit.datatype == XSD.boolean {
            return lit.lexical == "true" || lit.lexical == "1"
        }
        if XSD.isNumericType(lit.datatype) {
            guard let n = NumericValue(lit) else { return false }
            return !(n.isZero || n.isNaN)
        }
        throw ExpressionError("no boolean value for a literal of type \(lit.datatype)")
    }
}

/// A literal's value read once for ordering (`<`, `<=`, `>`, `>=`), so an
/// evaluator comparing the same term several times, or a constant on every
/// row, parses its lexical form once.
public struct OrderedValue {
    let value: LiteralValue

    /// The value of a literal; nil for IRIs and blank nodes, which have no order.
    public init?(_ term: Term) {
        guard case .literal(let l) = term else { return nil }
        value = LiteralValue(l)
    }
}
