import MnemoRDF
import MnemoSPARQLSyntax
import MnemoStore

/// A solution: one term id per variable slot, 0 where unbound.
typealias Row = [TermID]

/// A triple-pattern position after compilation: a term id or a variable slot.
enum Slot: Equatable {
    case constant(TermID)
    case variable(Int)
}

/// An expression with its variables resolved to slots.
indirect enum CExpr {
    /// A constant, with its term decoded once at compile time.
    case constant(TermID, Term)
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

/// The graph a join-group member is matched in.
enum GraphRef: Hashable {
    /// The scope the group is evaluated in (the default graph, or the graph of an enclosing GRAPH).
    case active
    /// `GRAPH <g> { … }` flattened into the group.
    case constant(TermID)
    /// `GRAPH ?g { … }` flattened into the group: the member binds or reads the slot.
    case variable(Int)
}

/// One member of a join group: a triple pattern, a property path or a
/// VALUES table, with the graph it is matched in. Joins of BGPs, paths,
/// VALUES, nested groups and GRAPH blocks are flattened into one group, so
/// the planner orders all of them together.
struct PatternElement {
    enum Kind {
        case triple(CTriple)
        case path(Slot, PropertyPath, Slot)
        case values([Int], [[TermID]])
    }

    var kind: Kind
    var graph: GraphRef
    /// A description independent of slot numbering (variables by name): the
    /// planner breaks cost ties with it, so the plan does not depend on the
    /// order the query was written in.
    var signature: String

    /// The member's positions, its graph variable included.
    var slots: [Slot] {
        var out: [Slot]
        switch kind {
        case .triple(let t): out = [t.s, t.p, t.o]
        case .path(let s, _, let o): out = [s, o]
        case .values(let vars, _): out = vars.map { .variable($0) }
        }
        if case .variable(let g) = graph { out.append(.variable(g)) }
        return out
    }

    /// The variable slots the member binds.
    var variables: [Int] {
        slots.compactMap { if case .variable(let v) = $0 { return v }; return nil }
    }
}

/// A filter of a join group, with the graph its EXISTS patterns are matched in.
struct GroupFilter {
    var expression: CExpr
    var graph: GraphRef
    /// The filter as text, variables by name (see ``PatternElement/signature``).
    var signature: String
    var slots: Set<Int> {
        var out = expression.slots
        if case .variable(let g) = graph { out.insert(g) }
        return out
    }
}

/// A node of the evaluation plan, compiled from the algebra.
final class Node {
    enum Kind {
        /// A join group of triple patterns and paths (a BGP is one with triples
        /// only), with the filters over it, each run as soon as the members
        /// binding its variables have matched.
        case patterns([PatternElement], filters: [GroupFilter])
        case join(Node, Node)
        case leftJoin(Node, Node, CExpr?)
        case filter(CExpr, Node)
        case union(Node, Node)
        case minus(Node, Node)
        case graph(Slot, Node)
        case extend(Node, Int, CExpr)
        case values([Int], [[TermID]])
        case group(Node, [Int], [(Int, CAggregate)])
        /// ORDER BY; `keep` (from a LIMIT above) bounds how many rows are needed.
        case orderBy(Node, [(CExpr, Bool)], keep: Int?)
        case project(Node, [Int])
        case distinct(Node)
        case reduced(Node)
        case slice(Node, Int, Int?)
        case service
        /// `then` when `probe`, evaluated on its own in the scope, has a
        /// solution, else `otherwise`. An OPTIONAL sharing no variable with
        /// its left side is the join with its right side when that has
        /// solutions, and the left side alone when not; as a choice
        /// between two plans, the joins around it move into both.
        case whenNonEmpty(Node, then: Node, otherwise: Node)
    }

    var kind: Kind
    /// True when evaluating with incoming bindings substituted gives the join
    /// of those bindings with the node's own solutions.
    let substitutable: Bool
    /// The node's solutions evaluated on their own, per graph scope, kept once computed.
    var independent: [GraphKey: [Row]] = [:]
    /// For a join group: the order chosen for each set of incoming bound
    /// slots, and after which member each filter runs.
    var orders: [BoundKey: GroupPlan] = [:]
    /// Hash-join tables of a group's members, per scope and member.
    var joinTables: [JoinTableKey: JoinTable] = [:]
    /// Whether the node has a solution on its own, per graph scope (for a ``Kind/whenNonEmpty(_:then:otherwise:)`` probe).
    var nonEmpty: [GraphKey: Bool] = [:]

    init(_ kind: Kind) {
        self.kind = kind
        switch kind {
        case .patterns(let elements, let filters):
            // Filters see only the group's bindings; incoming bindings of
            // other variables must not reach them, so then evaluate on its own.
            let own = Set(elements.flatMap(\.variables))
            substitutable = filters.allSatisfy { $0.slots.isSubset(of: own) }
        case .values: substitutable = true
        case .join(let a, let b), .union(let a, let b): substitutable = a.substitutable && b.substitutable
        case .graph(_, let inner): substitutable = inner.substitutable
        // The probe runs on its own either way.
        case .whenNonEmpty(_, let a, let b): substitutable = a.substitutable && b.substitutable
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

/// A join group's evaluation order: its members in order, and per member the
/// filters to apply once it has matched (`before` holds those whose variables
/// arrive bound).
struct GroupPlan {
    var elements: [PatternElement]
    var before: [GroupFilter]
    var after: [[GroupFilter]]
    /// For a plan of a group's last members made for one solution (see
    /// `Evaluator.replanned`): how many members came before; 0 for a
    /// group's own plan.
    var offset = 0
    /// False for a plan made for one solution: it switches no member to a hash join.
    var adaptive = true
    /// The estimated solutions after each member (for EXPLAIN).
    var estimates: [Double] = []
    /// Per member, where its last index scan started (see ``ScanHint``).
    var hints: [ScanHint] = []
    /// Per member, probes so far and any switch to a hash join made while running.
    var runtime = MemberRuntime(count: 0, budget: ReplanBudget())
    /// Members matched by a hash join instead of a probe per solution: the
    /// member is scanned once into a table keyed by its one variable bound
    /// earlier. Chosen when the solutions before it are many, so that
    /// probing a large sorted run for each would be a cache miss per step.
    var hashed: [HashedMember?] = []
}

/// What a join group's plan learns while it runs: how often each member
/// was probed, and the members switched to a hash join (see `Evaluator.adapt`).
/// Its counters are read and bumped once per probe, so they are ``Counters``.
final class MemberRuntime {
    let probes: Counters
    /// Per member, 1 once it is switched to a hash join (then `switched` holds how).
    let isSwitched: Counters
    private(set) var switched: [HashedMember?]
    /// Solutions that reached each member, and how many of them went on with a plan of their own.
    let arrivals: Counters
    let replans: Counters
    /// Shared with the plans made for single solutions.
    let budget: ReplanBudget
    init(count: Int, budget: ReplanBudget) {
        probes = Counters(count)
        isSwitched = Counters(count)
        switched = Array(repeating: nil, count: count)
        arrivals = Counters(count)
        replans = Counters(count)
        self.budget = budget
    }

    /// How member `i` now joins by hash, if it was switched.
    @inline(__always)
    func switchedMember(_ i: Int) -> HashedMember? { isSwitched[i] == 0 ? nil : switched[i] }

    func switchMember(_ i: Int, to h: HashedMember) {
        switched[i] = h
        isSwitched[i] = 1
    }
}

/// A fixed number of integers behind one pointer: reading or bumping one
/// is a plain memory access, without the exclusivity check and the
/// copy-on-write test of an array held in a class.
final class Counters {
    private let base: UnsafeMutablePointer<Int>
    let count: Int

    init(_ count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { base.deallocate() }

    subscript(i: Int) -> Int {
        get { precondition(i >= 0 && i < count, "counter out of range"); return base[i] }
        set { precondition(i >= 0 && i < count, "counter out of range"); base[i] = newValue }
    }
}

/// How many more times a group's evaluation may count a member's matches
/// for a solution's values, to re-plan (see `Evaluator.replanned`).
final class ReplanBudget {
    var checks = 64
}

/// How a hashed member joins: the slot it is keyed on and the position of
/// that slot in the triple, and the slots it binds.
struct HashedMember {
    var keySlot: Int
    var keyPosition: Int
    var free: [(slot: Int, position: Int)]
}

/// A hashed member's table: for each key, the values of its free slots, flattened.
final class JoinTable {
    var entries: [TermID: [TermID]] = [:]
    var held = 0
}

extension CExpr {
    /// Every variable slot the expression reads, inside EXISTS patterns too.
    var slots: Set<Int> {
        var out = Set<Int>()
        collect(&out)
        return out
    }

    func collect(_ out: inout Set<Int>) {
        switch self {
        case .constant: break
        case .variable(let s), .bound(let s): out.insert(s)
        case .or(let a, let b), .and(let a, let b), .compare(_, let a, let b), .arithmetic(_, let a, let b):
            a.collect(&out); b.collect(&out)
        case .not(let a), .unaryPlus(let a), .unaryMinus(let a): a.collect(&out)
        case .in(let a, let list, _): a.collect(&out); for e in list { e.collect(&out) }
        case .if(let a, let b, let c): a.collect(&out); b.collect(&out); c.collect(&out)
        case .coalesce(let list), .builtin(_, let list), .function(_, let list): for e in list { e.collect(&out) }
        case .exists(let node, _): node.collectSlots(&out)
        }
    }

    /// True when evaluating the expression matches a pattern (EXISTS).
    var hasExists: Bool {
        switch self {
        case .exists: return true
        case .constant, .variable, .bound: return false
        case .or(let a, let b), .and(let a, let b), .compare(_, let a, let b), .arithmetic(_, let a, let b):
            return a.hasExists || b.hasExists
        case .not(let a), .unaryPlus(let a), .unaryMinus(let a): return a.hasExists
        case .in(let a, let list, _): return a.hasExists || list.contains { $0.hasExists }
        case .if(let a, let b, let c): return a.hasExists || b.hasExists || c.hasExists
        case .coalesce(let list), .builtin(_, let list), .function(_, let list): return list.contains { $0.hasExists }
        }
    }

    /// The conjuncts of an `&&` chain.
    var conjuncts: [CExpr] {
        if case .and(let a, let b) = self { return a.conjuncts + b.conjuncts }
        return [self]
    }
}

extension Node {
    /// The variable slots bound in every solution of the node (a subset,
    /// found conservatively: empty where unsure).
    var certainSlots: Set<Int> {
        switch kind {
        case .patterns(let elements, _): return Set(elements.flatMap(\.variables))
        case .join(let a, let b): return a.certainSlots.union(b.certainSlots)
        case .leftJoin(let a, _, _), .minus(let a, _), .filter(_, let a), .extend(let a, _, _),
             .distinct(let a), .reduced(let a), .slice(let a, _, _), .orderBy(let a, _, _):
            return a.certainSlots
        case .graph(let g, let a):
            if case .variable(let v) = g { return a.certainSlots.union([v]) }
            return a.certainSlots
        case .union(let a, let b), .whenNonEmpty(_, let a, let b): return a.certainSlots.intersection(b.certainSlots)
        case .project(let a, let vars): return a.certainSlots.intersection(vars)
        case .values(let vars, let rows):
            return Set(vars.indices.filter { i in rows.allSatisfy { $0[i] != 0 } }.map { vars[$0] })
        case .group, .service: return []
        }
    }

    /// Every variable slot mentioned in the node and below.
    func collectSlots(_ out: inout Set<Int>) {
        func slot(_ s: Slot) { if case .variable(let v) = s { out.insert(v) } }
        switch kind {
        case .patterns(let elements, let filters):
            for e in elements { for s in e.slots { slot(s) } }
            for f in filters { out.formUnion(f.slots) }
        case .join(let a, let b), .union(let a, let b), .minus(let a, let b):
            a.collectSlots(&out); b.collectSlots(&out)
        case .leftJoin(let a, let b, let e):
            a.collectSlots(&out); b.collectSlots(&out); e?.collect(&out)
        case .filter(let e, let a): e.collect(&out); a.collectSlots(&out)
        case .graph(let g, let a): slot(g); a.collectSlots(&out)
        case .extend(let a, let v, let e): a.collectSlots(&out); out.insert(v); e.collect(&out)
        case .values(let vars, _): out.formUnion(vars)
        case .group(let a, let keys, let aggs): a.collectSlots(&out); out.formUnion(keys); out.formUnion(aggs.map(\.0))
        case .orderBy(let a, let conds, _): a.collectSlots(&out); for c in conds { c.0.collect(&out) }
        case .project(let a, let vars): a.collectSlots(&out); out.formUnion(vars)
        case .distinct(let a), .reduced(let a), .slice(let a, _, _): a.collectSlots(&out)
        case .service: break
        case .whenNonEmpty(let p, let a, let b): p.collectSlots(&out); a.collectSlots(&out); b.collectSlots(&out)
        }
    }
}

/// Identifies a hash-join table: the graph scope and the member's position in its plan.
struct JoinTableKey: Hashable {
    var graph: GraphKey
    var bound: [Int]
    var member: Int
}
