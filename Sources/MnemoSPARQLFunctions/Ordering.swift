import Foundation
import MnemoRDF

extension Builtins {
    /// The ORDER BY order (section 15.1), total so that sorting is stable:
    /// unbound < blank nodes < IRIs < literals. Blank nodes and IRIs are ordered
    /// by code point. Literals are grouped by value space — numerics, booleans,
    /// dateTimes, dates, times, the Gregorian types, durations, strings,
    /// language-tagged strings, then literals of unknown value — and ordered by
    /// value within a group (NaN first among numerics; a date/time without
    /// timezone placed as if in UTC), with ties between different terms broken
    /// by datatype IRI, lexical form and language tag.
    ///
    /// For sorting many solutions, ``OrderKey`` parses each value once.
    public static func orderCompare(_ a: Term?, _ b: Term?) -> Int {
        OrderKey.compare(a, nil, b, nil)
    }
}

/// A term with its value parsed once, ordered as ``Builtins/orderCompare(_:_:)``.
///
/// Build the keys of a solution sequence first and sort by them, instead of
/// calling `orderCompare` (which parses literals on every comparison).
public struct OrderKey: Comparable, Sendable {
    /// One reference, so that copying a key (as sorting does) is one retain.
    private final class Box: Sendable {
        let term: Term?
        let value: LiteralValue?
        init(_ term: Term?) {
            self.term = term
            if case .literal(let lit)? = term { value = LiteralValue(lit) } else { value = nil }
        }
    }

    private let box: Box

    /// The term (nil: unbound).
    public var term: Term? { box.term }

    public init(_ term: Term?) { box = Box(term) }

    /// -1, 0 or 1.
    public static func compare(_ a: OrderKey, _ b: OrderKey) -> Int {
        let x = a.box, y = b.box
        if x === y { return 0 }
        if case .numeric(.integer(let i))? = x.value, case .numeric(.integer(let j))? = y.value, i != j {
            return i < j ? -1 : 1
        }
        return compare(x.term, x.value, y.term, y.value)
    }

    public static func < (a: OrderKey, b: OrderKey) -> Bool { compare(a, b) < 0 }
    public static func == (a: OrderKey, b: OrderKey) -> Bool { compare(a, b) == 0 }

    static func compare(_ a: Term?, _ va: LiteralValue?, _ b: Term?, _ vb: LiteralValue?) -> Int {
        func kindRank(_ t: Term?) -> Int {
            switch t {
            case nil: 0
            case .blank?: 1
            case .iri?: 2
            case .literal?: 3
            }
        }
        let ka = kindRank(a), kb = kindRank(b)
        if ka != kb { return ka < kb ? -1 : 1 }
        switch (a, b) {
        case let (.blank(x)?, .blank(y)?), let (.iri(x)?, .iri(y)?):
            return Codepoints.compare(x, y)
        case let (.literal(x)?, .literal(y)?):
            return literalOrder(x, va ?? LiteralValue(x), y, vb ?? LiteralValue(y))
        default:
            return 0
        }
    }

    private static func literalOrder(_ x: Literal, _ vx: LiteralValue, _ y: Literal, _ vy: LiteralValue) -> Int {
        if vx.spaceRank != vy.spaceRank { return vx.spaceRank < vy.spaceRank ? -1 : 1 }
        var order = 0
        switch (vx, vy) {
        case let (.numeric(p), .numeric(q)):
            switch (p.isNaN, q.isNaN) {
            case (true, false): order = -1
            case (false, true): order = 1
            case (true, true): order = 0
            case (false, false): order = numericCompare(p, q) ?? 0
            }
        case let (.boolean(p), .boolean(q)):
            order = p == q ? 0 : (p ? 1 : -1)
        case let (.temporal(p), .temporal(q)):
            let (i, j) = (p.instant, q.instant)
            order = i < j ? -1 : (i > j ? 1 : 0)
        case let (.duration(p), .duration(q)):
            order = p.months != q.months ? (p.months < q.months ? -1 : 1)
                : (p.seconds < q.seconds ? -1 : (p.seconds > q.seconds ? 1 : 0))
        default:
            order = 0
        }
        if order != 0 { return order }
        // Ties, strings and unknown values: datatype, lexical form, language.
        let byDatatype = Codepoints.compare(x.datatype, y.datatype)
        if byDatatype != 0 { return byDatatype }
        let byLexical = Codepoints.compare(x.lexical, y.lexical)
        if byLexical != 0 { return byLexical }
        return Codepoints.compare(x.language ?? "", y.language ?? "")
    }
}
