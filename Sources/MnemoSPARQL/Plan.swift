import MnemoRDF
import MnemoSPARQLSyntax

/// A solution: one term id per variable slot, 0 where unbound.
typealias Row = [TermID]

/// A triple-pattern position after compilation: a term id or a variable slot.
enum Slot: Equatable {
    case constant(TermID)
    case variable(Int)
}

/// An expression with its variables resolved to slots.
indirect enum CExpr {
    case constant(TermID)
    case variable(Int)
    case or(CExpr, CExpr), and(CExpr, CExpr), not(CExpr)
    case compare(ComparisonOp, CExpr, CExpr)
    case `in`(CExpr, [CExpr], negated: Bool)
    case arithmetic(ArithmeticOp, CExpr, CExpr)
    case unaryPlus(CExpr), unaryMinus(CExpr)
    case bound(Int)
    case `if`(CExpr, CExpr, CExpr)
    case coalesce([CExpr])
    case exists(Node, negated: Bool)
    case builtin(BuiltinFunction, [CExpr])
    case function(String, [CExpr])
}

enum ComparisonOp { case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual }
enum ArithmeticOp { case add, subtract, multiply, divide }

/// An aggregate with its expression compiled.
enum CAggregate {
    case count(CExpr?, distinct: Bool)
    case sum(CExpr, distinct: Bool)
    case avg(CExpr, distinct: Bool)
    case min(CExpr, distinct: Bool)
    case max(CExpr, distinct: Bool)
    case sample(CExpr, distinct: Bool)
    case groupConcat(CExpr, separator: String, distinct: Bool)
}

/// A compiled triple pattern.
struct CTriple {
    var s: Slot, p: Slot, o: Slot
}

/// One member of a join group: a triple pattern or a property path. Joins of
/// BGPs and paths are flattened into one group, so the planner orders paths
/// and triples together (a path from a bound node first, say).
enum PatternElement {
    case triple(CTriple)
    case path(Slot, PropertyPath, Slot)

    var slots: [Slot] {
        switch self {
        case .triple(let t): return [t.s, t.p, t.o]
        case .path(let s, _, let o): return [s, o]
        }
    }
}

/// A node of the evaluation plan, compiled from the algebra.
final class Node {
    enum Kind {
        /// A join group of triple patterns and paths (a BGP is one with triples only).
        case patterns([PatternElement])
        case join(Node, Node)
        case leftJoin(Node, Node, CExpr?)
        case filter(CExpr, Node)
        case union(Node, Node)
        case minus(Node, Node)
        case graph(Slot, Node)
        case extend(Node, Int, CExpr)
        case values([Int], [[TermID]])
        case group(Node, [Int], [(Int, CAggregate)])
        case orderBy(Node, [(CExpr, Bool)])
        case project(Node, [Int])
        case distinct(Node)
        case reduced(Node)
        case slice(Node, Int, Int?)
        case service
    }

    let kind: Kind
    /// True when evaluating with incoming bindings substituted gives the join
    /// of those bindings with the node's own solutions.
    let substitutable: Bool
    /// The node's solutions evaluated on their own, per graph scope, kept once computed.
    var independent: [GraphKey: [Row]] = [:]
    /// For a join group: the order chosen for each set of incoming bound slots.
    var orders: [BoundKey: [PatternElement]] = [:]

    init(_ kind: Kind) {
        self.kind = kind
        switch kind {
        case .patterns, .values: substitutable = true
        case .join(let a, let b), .union(let a, let b): substitutable = a.substitutable && b.substitutable
        case .graph(_, let inner): substitutable = inner.substitutable
        default: substitutable = false
        }
    }
}

/// A hashable form of a graph scope, for caching.
enum GraphKey: Hashable {
    case defaultGraph
    case named(TermID)
}

/// Which of a BGP's variables arrive bound, and the graph scope: the key of a cached join order.
struct BoundKey: Hashable {
    var bound: [Int]
    var graph: GraphKey
}
