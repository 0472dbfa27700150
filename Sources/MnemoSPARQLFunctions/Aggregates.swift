import Foundation
import MnemoRDF

/// A running SUM / AVG (section 18.5.1): values are added with op:numeric-add
/// and its promotion rules, so integers sum to an integer and the average
/// of integers is a decimal (integer division gives a decimal).
///
/// Feed it the (already DISTINCT-filtered, if needed) values of a group; a
/// non-numeric value makes the aggregate an error, which the evaluator turns
/// into an unbound result.
public struct NumericAccumulator {
    private var total: NumericValue = .integer(0)
    /// How many values were added.
    public private(set) var count = 0

    public init() {}

    /// Adds one value; throws for a non-numeric term.
    public mutating func add(_ t: Term) throws {
        guard let n = NumericValue(t) else { throw ExpressionError("SUM/AVG of a non-numeric value") }
        total = try NumericValue.apply(.add, total, n)
        count += 1
    }

    /// The sum; `"0"^^xsd:integer` when nothing was added.
    public var sum: Term { total.term }

    /// The average; `"0"^^xsd:integer` when nothing was added.
    public func average() throws -> Term {
        guard count > 0 else { return NumericValue.integer(0).term }
        return try NumericValue.apply(.divide, total, .integer(Int64(count))).term
    }
}

extension Builtins {
    /// SUM of a group's values (throws if one is not numeric).
    public static func sum(_ values: [Term]) throws -> Term {
        var acc = NumericAccumulator()
        for v in values { try acc.add(v) }
        return acc.sum
    }

    /// AVG of a group's values (throws if one is not numeric).
    public static func average(_ values: [Term]) throws -> Term {
        var acc = NumericAccumulator()
        for v in values { try acc.add(v) }
        return try acc.average()
    }

    /// MIN by the ORDER BY order; nil (unbound) for an empty group.
    public static func minimum(_ values: [Term]) -> Term? {
        values.min { orderCompare($0, $1) < 0 }
    }

    /// MAX by the ORDER BY order; nil (unbound) for an empty group.
    public static func maximum(_ values: [Term]) -> Term? {
        values.max { orderCompare($0, $1) < 0 }
    }
}
