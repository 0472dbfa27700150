import MnemoRDF
import MnemoSPARQLFunctions
import MnemoSPARQLSyntax

/// Turns algebra into a plan: variables become slots, constants term ids.
struct Compiler {
    private(set) var slots: [Variable: Int] = [:]
    private(set) var names: [Variable] = []
    let dictionary: QueryDictionary
    /// The query's function context, for folding constant expressions.
    let functions: FunctionContext

    init(dictionary: QueryDictionary, functions: FunctionContext) {
        self.dictionary = dictionary
        self.functions = functions
    }

    /// Functions whose value depends on more than their arguments: never folded.
    static let volatile: Set<BuiltinFunction> = [.bnode, .rand, .now, .uuid, .strUUID]

    /// Evaluates an operation on constants once, at compile time. An
    /// operation that would fail is left for run time, to fail there.
    func fold(_ e: CExpr) -> CExpr {
        func constant(_ t: Term?) -> CExpr { t.map { .constant(dictionary.intern($0), $0) } ?? e }
        func terms(_ args: [CExpr]) -> [Term]? {
            var out: [Term] = []
            for a in args { guard case .constant(_, let t) = a else { return nil }; out.append(t) }
            return out
        }
        switch e {
        case .arithmetic(let op, .constant(_, let a), .constant(_, let b)):
            switch op {
            case .add: return constant(try? Builtins.add(a, b))
            case .subtract: return constant(try? Builtins.subtract(a, b))
            case .multiply: return constant(try? Builtins.multiply(a, b))
            case .divide: return constant(try? Builtins.divide(a, b))
            }
        case .unaryMinus(.constant(_, let a)): return constant(try? Builtins.unaryMinus(a))
        case .unaryPlus(.constant(_, let a)): return constant(try? Builtins.unaryPlus(a))
        case .builtin(let f, let args) where !Compiler.volatile.contains(f):
            guard let ts = terms(args) else { return e }
            return constant(try? Builtins.call(f, ts, functions))
        case .function(let iri, let args):
            guard let ts = terms(args) else { return e }
            return constant(try? Builtins.callIRI(iri, ts, functions))
        default:
            return e
        }
    }

    mutating func slot(_ v: Variable) -> Int {
        if let s = slots[v] { return s }
        slots[v] = names.count
        names.append(v)
        return names.count - 1
    }

    /// Plan parts as text, variables by name, for signatures: a stored term
    /// by its id (fixed by the store), a term the store lacks in N-Triples
    /// (its query-local id follows the order the query mentions it).
    var text: PlanText {
        let dictionary = self.dictionary
        return PlanText(names: names, term: { $0 < QueryDictionary.localBase ? "#\($0)" : dictionary.term($0).ntriples })
    }

    /// A join-group member in the active graph, with its signature.
    func member(_ kind: PatternElement.Kind) -> PatternElement {
        var e = PatternElement(kind: kind, graph: .active, signature: "")
        e.signature = text.member(e)
        return e
    }

    /// A position named independently of slot numbers.
    func signature(_ s: Slot) -> String { text.slot(s) }

    /// A filter over a node, pushed down as far as its answers allow: into a
    /// join group, where each conjunct runs as soon as its variables are
    /// bound; below a BIND whose variable it does not read; into the left
    /// side of a MINUS (which keeps or drops that side's solutions whole);
    /// and into the side of a join or the left side of an OPTIONAL that
    /// binds every variable it reads in every solution (there it sees the
    /// same values).
    func filter(_ conjuncts: [CExpr], _ n: Node) -> Node {
        if conjuncts.isEmpty { return n }
        switch n.kind {
        case .patterns(let elements, let filters):
            let text = self.text
            return Node(.patterns(elements, filters: filters + conjuncts.map {
                GroupFilter(expression: $0, graph: .active, signature: text.expression($0))
            }))
        case .extend(let a, let v, let e):
            let below = conjuncts.filter { !$0.slots.contains(v) }
            if below.isEmpty { break }
            let above = conjuncts.filter { $0.slots.contains(v) }
            return Compiler.filtered(above, Node(.extend(filter(below, a), v, e)))
        case .whenNonEmpty(let probe, let a, let b):
            return Node(.whenNonEmpty(probe, then: filter(conjuncts, a), otherwise: filter(conjuncts, b)))
        case .minus(let a, let b):
            return Node(.minus(filter(conjuncts, a), b))
        case .leftJoin(let a, let b, let e):
            let certain = a.certainSlots
            let below = conjuncts.filter { $0.slots.isSubset(of: certain) }
            if below.isEmpty { break }
            return Compiler.filtered(conjuncts.filter { !$0.slots.isSubset(of: certain) }, Node(.leftJoin(filter(below, a), b, e)))
        case .join(let a, let b):
            let inA = a.certainSlots, inB = b.certainSlots
            let toA = conjuncts.filter { $0.slots.isSubset(of: inA) }
            let toB = conjuncts.filter { !$0.slots.isSubset(of: inA) && $0.slots.isSubset(of: inB) }
            if toA.isEmpty && toB.isEmpty { break }
            let rest = conjuncts.filter { !$0.slots.isSubset(of: inA) && !$0.slots.isSubset(of: inB) }
            return Compiler.filtered(rest, Node(.join(filter(toA, a), filter(toB, b))))
        default:
            break
        }
        return Compiler.filtered(conjuncts, n)
    }

    /// A filter node over `n`, or `n` when there is nothing to test.
    static func filtered(_ conjuncts: [CExpr], _ n: Node) -> Node {
        conjuncts.isEmpty ? n : Node(.filter(conjuncts.dropFirst().reduce(conjuncts[0]) { .and($0, $1) }, n))
    }

    /// Moves a join into the left side of an OPTIONAL, a BIND or a MINUS
    /// among the operands, where that keeps the answers: `(A OPTIONAL B) ⋈ C`
    /// is `(A ⋈ C) OPTIONAL B` when every variable B shares with C is bound
    /// in every solution of A (so B meets the same values either way), and
    /// the same holds for MINUS; `BIND(e AS ?v)` over A joined with C is the
    /// BIND over `A ⋈ C` when the variables e shares with C are bound in A.
    /// Then C's patterns are planned with A's, instead of A being evaluated
    /// on its own first (a cross product, when C is what links A together).
    func pushJoin(_ operands: [Node]) -> Node? {
        guard operands.count > 1 else { return nil }
        let text = self.text
        let candidates = operands.indices.map { ($0, text.signature(operands[$0])) }.sorted { $0.1 < $1.1 }
        for (i, _) in candidates {
            var rest = operands
            rest.remove(at: i)
            var restVars = Set<Int>()
            for r in rest { r.collectSlots(&restVars) }
            switch operands[i].kind {
            case .leftJoin(let a, let b, let e):
                var shared = Set<Int>()
                b.collectSlots(&shared)
                if let e { shared.formUnion(e.slots) }
                if shared.intersection(restVars).isSubset(of: a.certainSlots) {
                    return Node(.leftJoin(join(Compiler.joinOperands(a) + rest), b, e))
                }
            case .minus(let a, let b):
                var shared = Set<Int>()
                b.collectSlots(&shared)
                if shared.intersection(restVars).isSubset(of: a.certainSlots) {
                    return Node(.minus(join(Compiler.joinOperands(a) + rest), b))
                }
            case .extend(let a, let v, let e):
                if e.slots.intersection(restVars).isSubset(of: a.certainSlots) {
                    return Node(.extend(join(Compiler.joinOperands(a) + rest), v, e))
                }
            default:
                continue
            }
        }
        return nil
    }

    /// The operands of a chain of joins.
    static func joinOperands(_ n: Node) -> [Node] {
        if case .join(let a, let b) = n.kind { return joinOperands(a) + joinOperands(b) }
        return [n]
    }

    /// Joins operands, whatever order they were written in: every operand
    /// that is a join group (triples, paths, VALUES, GRAPH blocks, nested
    /// groups) merges into one group for the planner; the others, by
    /// signature, come first when they are evaluated on their own (then the
    /// group matches with their bindings substituted) and after the group
    /// when they can take its bindings.
    func join(_ operands: [Node]) -> Node {
        if let distributed = distributeChoice(operands) { return distributed }
        if let pushed = pushJoin(operands) { return pushed }
        var elements: [PatternElement] = [], filters: [GroupFilter] = []
        var others: [(node: Node, signature: String)] = []
        var hasGroup = false
        for n in operands {
            if let m = Compiler.members(n) {
                elements += m.elements
                filters += m.filters
                hasGroup = true
            } else {
                others.append((n, text.signature(n)))
            }
        }
        others.sort { $0.signature < $1.signature }
        var chain = others.filter { !$0.node.substitutable }.map(\.node)
        if hasGroup { chain.append(Node(.patterns(elements, filters: filters))) }
        chain += others.filter { $0.node.substitutable }.map(\.node)
        return chain.dropFirst().reduce(chain[0]) { Node(.join($0, $1)) }
    }

    /// A node's join-group members and filters, when it can be merged into an
    /// enclosing join group: a group whose filters read only its own
    /// variables (their EXISTS patterns included), so that evaluating them
    /// on the larger join gives the same answers.
    static func members(_ n: Node) -> (elements: [PatternElement], filters: [GroupFilter])? {
        guard case .patterns(let elements, let filters) = n.kind, n.substitutable else { return nil }
        return (elements, filters)
    }

    mutating func position(_ t: TermPattern) -> Slot {
        switch t {
        case .variable(let v): return .variable(slot(v))
        case .term(let term): return .constant(dictionary.intern(term))
        }
    }

    mutating func compile(_ p: GraphPattern) throws -> Node {
        switch p {
        case .bgp(let triples):
            // (Each position is made before `member` reads the slot names.)
            var members: [PatternElement] = []
            for t in triples {
                let kind = PatternElement.Kind.triple(CTriple(s: position(t.subject), p: position(t.predicate), o: position(t.object)))
                members.append(member(kind))
            }
            return Node(.patterns(members, filters: []))
        case .path(let s, let path, let o):
            let kind = PatternElement.Kind.path(position(s), path, position(o))
            return Node(.patterns([member(kind)], filters: []))
        case .join(let a, let b):
            let x = try compile(a), y = try compile(b)
            return join(Compiler.joinOperands(x) + Compiler.joinOperands(y))
        case .leftJoin(let a, let b, let e): return optional(try compile(a), try compile(b), try e.map { try compile($0) })
        case .filter(let e, let inner):
            let condition = try compile(e), n = try compile(inner)
            return filter(condition.conjuncts, n)
        case .union(let a, let b): return Node(.union(try compile(a), try compile(b)))
        case .minus(let a, let b): return Node(.minus(try compile(a), try compile(b)))
        case .graph(let g, let inner):
            let slot = position(g), n = try compile(inner)
            // GRAPH over a join group: its members and filters carry the graph and join the enclosing group.
            if let (elements, filters) = Compiler.members(n), !elements.isEmpty {
                let ref: GraphRef
                switch slot {
                case .constant(let id): ref = .constant(id)
                case .variable(let v): ref = .variable(v)
                }
                let text = self.text
                return Node(.patterns(elements.map { e in
                    guard case .active = e.graph else { return e }
                    var inGraph = PatternElement(kind: e.kind, graph: ref, signature: "")
                    inGraph.signature = text.member(inGraph)
                    return inGraph
                }, filters: filters.map { f in
                    guard case .active = f.graph else { return f }
                    return GroupFilter(expression: f.expression, graph: ref, signature: (text.graph(ref) ?? "") + " " + f.signature)
                }))
            }
            return Node(.graph(slot, n))
        case .extend(let inner, let v, let e):
            let n = try compile(inner)
            return Node(.extend(n, slot(v), try compile(e)))
        case .values(let vars, let rows):
            let s = vars.map { slot($0) }
            let table = rows.map { $0.map { $0.map { dictionary.intern($0) } ?? 0 } }
            let kind = PatternElement.Kind.values(s, table)
            // A table binding every variable in every row can be a join-group
            // member; with UNDEF, filters could not be placed after it.
            if !s.isEmpty, table.allSatisfy({ !$0.contains(0) }) {
                return Node(.patterns([member(kind)], filters: []))
            }
            return Node(.values(s, table))
        case .group(let inner, let vars, let aggs):
            let n = try compile(inner)
            let keys = vars.map { slot($0) }
            var compiled: [(Int, CAggregate)] = []
            for a in aggs { compiled.append((slot(a.variable), try compile(a.aggregate))) }
            return Node(.group(n, keys, compiled))
        case .orderBy(let inner, let conds):
            let n = try compile(inner)
            return Node(.orderBy(n, try conds.map { (try compile($0.expression), $0.ascending) }, keep: nil))
        case .project(let inner, let vars):
            let n = try compile(inner)
            return Node(.project(n, vars.map { slot($0) }))
        case .distinct(let inner): return Node(.distinct(try compile(inner)))
        case .reduced(let inner): return Node(.reduced(try compile(inner)))
        case .slice(let inner, let offset, let limit):
            let n = try compile(inner)
            // LIMIT over ORDER BY (through a projection) needs only the first offset + limit rows.
            if let limit { Compiler.bound(n, keep: offset + limit) }
            return Node(.slice(n, offset, limit))
        case .service: return Node(.service)
        }
    }

    /// Marks an ORDER BY directly under a slice (or under its projection) with how many rows it must keep.
    static func bound(_ n: Node, keep: Int) {
        switch n.kind {
        case .orderBy(let inner, let conds, _): n.kind = .orderBy(inner, conds, keep: keep)
        case .project(let inner, _): bound(inner, keep: keep)
        default: break
        }
    }

    mutating func compile(_ a: Aggregate) throws -> CAggregate {
        switch a {
        case .count(let e, let d): return .count(try e.map { try compile($0) }, distinct: d)
        case .sum(let e, let d): return .sum(try compile(e), distinct: d)
        case .avg(let e, let d): return .avg(try compile(e), distinct: d)
        case .min(let e, let d): return .min(try compile(e), distinct: d)
        case .max(let e, let d): return .max(try compile(e), distinct: d)
        case .sample(let e, let d): return .sample(try compile(e), distinct: d)
        case .groupConcat(let e, let sep, let d): return .groupConcat(try compile(e), separator: sep, distinct: d)
        }
    }

    mutating func compile(_ e: Expression) throws -> CExpr {
        fold(try compileUnfolded(e))
    }

    private mutating func compileUnfolded(_ e: Expression) throws -> CExpr {
        switch e {
        case .term(let t): return .constant(dictionary.intern(t), t)
        case .variable(let v): return .variable(slot(v))
        case .or(let a, let b): return .or(try compile(a), try compile(b))
        case .and(let a, let b): return .and(try compile(a), try compile(b))
        case .not(let a): return .not(try compile(a))
        case .equal(let a, let b): return .compare(.equal, try compile(a), try compile(b))
        case .notEqual(let a, let b): return .compare(.notEqual, try compile(a), try compile(b))
        case .less(let a, let b): return .compare(.less, try compile(a), try compile(b))
        case .lessOrEqual(let a, let b): return .compare(.lessOrEqual, try compile(a), try compile(b))
        case .greater(let a, let b): return .compare(.greater, try compile(a), try compile(b))
        case .greaterOrEqual(let a, let b): return .compare(.greaterOrEqual, try compile(a), try compile(b))
        case .in(let a, let list): return .in(try compile(a), try list.map { try compile($0) }, negated: false)
        case .notIn(let a, let list): return .in(try compile(a), try list.map { try compile($0) }, negated: true)
        case .add(let a, let b): return .arithmetic(.add, try compile(a), try compile(b))
        case .subtract(let a, let b): return .arithmetic(.subtract, try compile(a), try compile(b))
        case .multiply(let a, let b): return .arithmetic(.multiply, try compile(a), try compile(b))
        case .divide(let a, let b): return .arithmetic(.divide, try compile(a), try compile(b))
        case .unaryPlus(let a): return .unaryPlus(try compile(a))
        case .unaryMinus(let a): return .unaryMinus(try compile(a))
        case .bound(let v): return .bound(slot(v))
        case .if(let c, let t, let f): return .if(try compile(c), try compile(t), try compile(f))
        case .coalesce(let list): return .coalesce(try list.map { try compile($0) })
        case .exists(let p): return .exists(try compile(p), negated: false)
        case .notExists(let p): return .exists(try compile(p), negated: true)
        case .builtin(let f, let args): return .builtin(f, try args.map { try compile($0) })
        case .function(let iri, let args): return .function(iri, try args.map { try compile($0) })
        case .aggregate: throw QueryError.evaluation("an aggregate was left in an expression outside GROUP BY")
        }
    }
}
