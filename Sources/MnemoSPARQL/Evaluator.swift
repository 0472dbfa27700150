import MnemoRDF
import MnemoSPARQLFunctions
import MnemoSPARQLSyntax
import MnemoStore

/// Where a pattern is matched: the dataset's default graph or one named graph.
struct Scope {
    var graphs: GraphScope
    var key: GraphKey
}

/// The dataset a query runs over, in term ids.
struct EvaluationDataset {
    /// The default graph: the merge of these graphs (nil: every graph).
    var defaultGraphs: Set<TermID>?
    /// The named graphs GRAPH ranges over, in a stable order.
    var namedGraphs: [TermID]
}

/// Evaluates a compiled plan over an index snapshot, pushing solutions to a
/// sink that returns false to stop (so `LIMIT` and `ASK` end the work early).
///
/// Every operator computes the join of the incoming solution with its own
/// solutions. Substitutable operators (BGPs, paths, VALUES, and joins,
/// unions and GRAPH over them) match with the incoming bindings in place:
/// index nested-loop joins. The others are evaluated once on their own,
/// kept, and hash-joined with each incoming solution.
final class Evaluator {
    let snapshot: IndexSnapshot
    let dictionary: QueryDictionary
    let width: Int
    let dataset: EvaluationDataset
    let functions: FunctionContext
    let guardrail: LimitGuard

    /// Where an operator sends its solutions; false stops the operator.
    ///
    /// The operators that take a sink call each other recursively, each
    /// passing on a new closure around the one it was given. They are
    /// `dynamic`: a call to a dynamically replaceable function is one the
    /// optimizer's closure specializer leaves alone, and without that it
    /// would clone the evaluator once per nesting of closures, without end
    /// (a release build of this module ran past 18 minutes and 7 GB). The
    /// price is one indirect call per operator call.
    typealias Sink = (Row) throws -> Bool

    /// Per variable slot, the id last decoded and its term (see `value`).
    var decodedIDs: [TermID]
    var decodedTerms: [Term?]
    /// Per variable slot, the id last read for ordering and its value; and the values of constants.
    var orderedIDs: [TermID]
    var orderedValues: [OrderedValue?]
    var constantValues: [TermID: OrderedValue] = [:]
    /// What stored terms' values are, and the ids of computed values.
    var caches = ValueCaches()
    /// The dataset's named graphs, for membership tests.
    lazy var namedGraphSet = Set(dataset.namedGraphs)

    init(snapshot: IndexSnapshot, dictionary: QueryDictionary, width: Int, dataset: EvaluationDataset,
         functions: FunctionContext, guardrail: LimitGuard) {
        self.snapshot = snapshot
        self.dictionary = dictionary
        self.width = width
        self.dataset = dataset
        self.functions = functions
        self.guardrail = guardrail
        decodedIDs = Array(repeating: 0, count: width)
        decodedTerms = Array(repeating: nil, count: width)
        orderedIDs = Array(repeating: 0, count: width)
        orderedValues = Array(repeating: nil, count: width)
    }

    var defaultScope: Scope { Scope(graphs: .union(dataset.defaultGraphs), key: .defaultGraph) }

    var emptyRow: Row { Row(repeating: 0, count: width) }

    /// Counters per operator, when the query is explained.
    var profile: Profile?

    /// Evaluates `node` joined with `input`. Returns false when the sink stopped.
    @discardableResult
    dynamic func eval(_ node: Node, _ input: Row, _ scope: Scope, _ sink: Sink) throws -> Bool {
        guard let profile else { return try evalNode(node, input, scope, sink) }
        let counters = profile.counters(node)
        counters.calls += 1
        let start = Profile.now()
        var downstream: UInt64 = 0
        defer { counters.nanoseconds += Profile.now() &- start &- downstream }
        return try evalNode(node, input, scope) { row in
            counters.rows += 1
            let t = Profile.now()
            defer { downstream &+= Profile.now() &- t }
            return try sink(row)
        }
    }

    private dynamic func evalNode(_ node: Node, _ input: Row, _ scope: Scope, _ sink: Sink) throws -> Bool {
        if !node.substitutable && input.contains(where: { $0 != 0 }) {
            return try joinIndependent(node, input, scope, sink)
        }
        switch node.kind {
        case .patterns(let elements, let filters):
            let key = boundKey(elements, input, scope)
            let plan = groupPlan(node, key, elements, filters, input, scope)
            for f in plan.before where try !effectiveBoolean(f.expression, input, filterScope(f.graph, input, scope)) { return true }
            return try evalPatterns(node, key, plan, 0, input, scope, sink)
        case .join(let a, let b):
            if b.substitutable || !a.substitutable {
                return try eval(a, input, scope) { try self.eval(b, $0, scope, sink) }
            }
            // Put the substitutable side inside.
            return try eval(b, input, scope) { try self.eval(a, $0, scope, sink) }
        case .union(let a, let b):
            return try eval(a, input, scope, sink) && eval(b, input, scope, sink)
        case .graph(let g, let inner):
            return try evalGraph(g, inner, input, sink)
        case .values(let slots, let rows):
            return try evalValues(slots, rows, input, sink)
        case .filter(let e, let inner):
            return try eval(inner, input, scope) { row in
                try self.effectiveBoolean(e, row, scope) ? sink(row) : true
            }
        case .leftJoin(let a, let b, let e):
            return try evalLeftJoin(a, b, e, input, scope, sink)
        case .minus(let a, let b):
            let right = try independent(b, scope)
            return try eval(a, input, scope) { row in
                for r in right where Evaluator.compatible(row, r) && Evaluator.sharesVariable(row, r) {
                    return true
                }
                return try sink(row)
            }
        case .extend(let inner, let slot, let e):
            // BNODE(str) gives one blank node per string within a solution: a
            // solution starts at the innermost of a chain of BINDs.
            var startsSolution = true
            if case .extend = inner.kind { startsSolution = false }
            // A computed value wants a row with one more binding: one buffer,
            // refilled per solution, stays unshared unless the consumer keeps it.
            var out = emptyRow
            return try eval(inner, input, scope) { row in
                if startsSolution { self.functions.newSolutionScope() }
                guard let v = try? self.compute(e, row, scope) else { return try sink(row) }
                let id = self.id(v)
                if row[slot] != 0 { return row[slot] == id ? try sink(row) : true }
                Evaluator.copy(row, into: &out)
                out[slot] = id
                return try sink(out)
            }
        case .group(let inner, let keys, let aggregates):
            return try evalGroup(inner, keys, aggregates, input, scope, sink)
        case .orderBy(let inner, let conditions, let keep):
            let rows = try sortedRows(inner, conditions, keep, input, scope)
            for r in rows where try !sink(r) { return false }
            return true
        case .project(let inner, let slots):
            return try eval(inner, input, scope) { row in
                var out = self.emptyRow
                for s in slots { out[s] = row[s] }
                return try sink(out)
            }
        case .distinct(let inner):
            var seen = Set<Row>()
            defer { guardrail.release(seen.count) }
            return try eval(inner, input, scope) { row in
                guard seen.insert(row).inserted else { return true }
                try self.guardrail.hold(1)
                return try sink(row)
            }
        case .reduced(let inner):
            var last: Row?
            return try eval(inner, input, scope) { row in
                if row == last { return true }
                last = row
                return try sink(row)
            }
        case .slice(let inner, let offset, let limit):
            if limit == 0 { return true }
            var skipped = 0, passed = 0
            var stoppedBySlice = false
            let finished = try eval(inner, input, scope) { row in
                if skipped < offset { skipped += 1; return true }
                passed += 1
                if try !sink(row) { return false }
                if let limit, passed >= limit { stoppedBySlice = true; return false }
                return true
            }
            return finished || stoppedBySlice
        case .whenNonEmpty(let probe, let a, let b):
            return try eval(hasSolution(probe, scope) ? a : b, input, scope, sink)
        case .service:
            throw QueryError.unsupported("SERVICE (Mnemo answers from its own store and does not federate queries)")
        }
    }

    // MARK: Joins with independently evaluated parts

    /// The node's solutions evaluated on their own, computed once per scope.
    func independent(_ node: Node, _ scope: Scope) throws -> [Row] {
        if let rows = node.independent[scope.key] { return rows }
        var rows: [Row] = []
        try eval(node, emptyRow, scope) { row in
            try self.guardrail.hold(1)
            rows.append(row)
            return true
        }
        node.independent[scope.key] = rows
        return rows
    }

    /// Whether the node has a solution on its own in the scope, found once per scope.
    func hasSolution(_ node: Node, _ scope: Scope) throws -> Bool {
        if let known = node.nonEmpty[scope.key] { return known }
        var found = false
        try eval(node, emptyRow, scope) { _ in found = true; return false }
        node.nonEmpty[scope.key] = found
        return found
    }

    /// Joins `input` with the node's independent solutions.
    private dynamic func joinIndependent(_ node: Node, _ input: Row, _ scope: Scope, _ sink: Sink) throws -> Bool {
        for r in try independent(node, scope) {
            try guardrail.tick()
            if let merged = Evaluator.merge(input, r), try !sink(merged) { return false }
        }
        return true
    }

    private dynamic func evalLeftJoin(_ a: Node, _ b: Node, _ e: CExpr?, _ input: Row, _ scope: Scope, _ sink: Sink) throws -> Bool {
        if b.substitutable {
            return try eval(a, input, scope) { left in
                var matched = false
                var stopped = false
                try self.eval(b, left, scope) { merged in
                    if let e, try !self.effectiveBoolean(e, merged, scope) { return true }
                    matched = true
                    if try !sink(merged) { stopped = true; return false }
                    return true
                }
                if stopped { return false }
                return matched ? true : try sink(left)
            }
        }
        let right = try independent(b, scope)
        let index = HashIndex(right)
        return try eval(a, input, scope) { left in
            var matched = false
            for r in index.candidates(for: left) {
                try self.guardrail.tick()
                guard let merged = Evaluator.merge(left, r) else { continue }
                if let e, try !self.effectiveBoolean(e, merged, scope) { continue }
                matched = true
                if try !sink(merged) { return false }
            }
            return matched ? true : try sink(left)
        }
    }

    private dynamic func evalGraph(_ g: Slot, _ inner: Node, _ input: Row, _ sink: Sink) throws -> Bool {
        func run(_ id: TermID, _ row: Row) throws -> Bool {
            guard dataset.namedGraphs.contains(id) else { return true }
            return try eval(inner, row, Scope(graphs: .graph(id), key: .named(id)), sink)
        }
        switch g {
        case .constant(let id):
            return try run(id, input)
        case .variable(let slot):
            if input[slot] != 0 { return try run(input[slot], input) }
            for id in dataset.namedGraphs {
                var row = input
                row[slot] = id
                if inner.substitutable {
                    if try !run(id, row) { return false }
                } else {
                    // Evaluate on its own in that graph, then join with the graph binding.
                    let scope = Scope(graphs: .graph(id), key: .named(id))
                    for r in try independent(inner, scope) {
                        if let merged = Evaluator.merge(row, r), try !sink(merged) { return false }
                    }
                }
            }
            return true
        }
    }

    // MARK: Solutions

    /// The union of two compatible solutions, or nil when they disagree on a variable.
    @inline(__always)
    static func merge(_ a: Row, _ b: Row) -> Row? {
        var out = a
        for i in 0..<a.count where b[i] != 0 {
            if out[i] == 0 { out[i] = b[i] } else if out[i] != b[i] { return nil }
        }
        return out
    }

    static func compatible(_ a: Row, _ b: Row) -> Bool {
        for i in 0..<a.count where a[i] != 0 && b[i] != 0 && a[i] != b[i] { return false }
        return true
    }

    static func sharesVariable(_ a: Row, _ b: Row) -> Bool {
        for i in 0..<a.count where a[i] != 0 && b[i] != 0 { return true }
        return false
    }
}

/// Solutions indexed by the variables every one of them binds, to find the
/// compatible ones for a probe quickly.
struct HashIndex {
    let rows: [Row]
    let keySlots: [Int]
    var buckets: [[TermID]: [Int]] = [:]

    init(_ rows: [Row]) {
        self.rows = rows
        var always: [Int] = []
        if let first = rows.first {
            always = first.indices.filter { i in rows.allSatisfy { $0[i] != 0 } }
        }
        keySlots = always
        if !always.isEmpty {
            for (n, r) in rows.enumerated() { buckets[always.map { r[$0] }, default: []].append(n) }
        }
    }

    /// The rows that may be compatible with `probe` (all rows when the probe leaves a key unbound).
    func candidates(for probe: Row) -> [Row] {
        if keySlots.isEmpty || keySlots.contains(where: { probe[$0] == 0 }) { return rows }
        return (buckets[keySlots.map { probe[$0] }] ?? []).map { rows[$0] }
    }
}
