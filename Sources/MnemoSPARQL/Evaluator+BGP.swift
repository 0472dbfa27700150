import MnemoRDF
import MnemoSPARQLSyntax
import MnemoStore

extension Evaluator {
    /// The node's plan for this pattern of bound variables, chosen once:
    /// the members in order, and each filter placed after the member that
    /// binds the last of its variables the group binds.
    func boundKey(_ elements: [PatternElement], _ input: Row, _ scope: Scope) -> BoundKey {
        var bound: [Int] = []
        for e in elements {
            for s in e.slots { if case .variable(let v) = s, input[v] != 0, !bound.contains(v) { bound.append(v) } }
        }
        return BoundKey(bound: bound, graph: scope.key)
    }

    func groupPlan(_ node: Node, _ key: BoundKey, _ elements: [PatternElement], _ filters: [GroupFilter], _ input: Row,
                   _ scope: Scope) -> GroupPlan {
        let bound = key.bound
        if let cached = node.orders[key] { return cached }
        let (ordered, estimates) = order(elements, filters, input, scope)
        var plan = GroupPlan(ordered, filters, bound: bound)
        plan.estimates = estimates
        plan.runtime = MemberRuntime(count: ordered.count, budget: ReplanBudget())
        plan.hashed = hashPlan(ordered, input, scope)
        node.orders[key] = plan
        return plan
    }

    /// Decides which members to hash-join: now the second member of a group
    /// whose first yields at least 50,000 solutions, when the second is keyed
    /// on exactly one variable the first binds and holds at most twice as
    /// many triples as the first yields.
    func hashPlan(_ ordered: [PatternElement], _ input: Row, _ scope: Scope) -> [HashedMember?] {
        var out = [HashedMember?](repeating: nil, count: ordered.count)
        guard ordered.count >= 2, case .triple(let first) = ordered[0].kind, case .triple(let second) = ordered[1].kind,
              case .active = ordered[0].graph, case .active = ordered[1].graph else { return out }
        func fixed(_ s: Slot) -> TermID? {
            switch s {
            case .constant(let id): return id
            case .variable(let v): return input[v] != 0 ? input[v] : nil
            }
        }
        let n = snapshot.estimateTriples(s: fixed(first.s), p: fixed(first.p), o: fixed(first.o), in: scope.graphs)
        guard n >= 50_000 else { return out }
        var firstVars = Set<Int>()
        for s in [first.s, first.p, first.o] { if case .variable(let v) = s, input[v] == 0 { firstVars.insert(v) } }
        // Keyed on the one variable the first member binds; bound from outside: keep probing.
        guard let hashed = Evaluator.hashKey(second, key: { firstVars.contains($0) }, excluded: { input[$0] != 0 }) else { return out }
        let m = snapshot.estimateTriples(s: position(second.s), p: position(second.p), o: position(second.o), in: scope.graphs)
        // Building the table costs about as much per entry as a probe saves: only when it is not much larger.
        guard m <= 2 * n else { return out }
        out[1] = hashed
        return out
    }

    /// How a triple pattern joins by hash: keyed on its one variable `key`
    /// accepts, the others free; nil when a variable repeats, none or two
    /// are keys, or one is `excluded`.
    static func hashKey(_ t: CTriple, key isKey: (Int) -> Bool, excluded: (Int) -> Bool) -> HashedMember? {
        var key: (slot: Int, position: Int)?
        var free: [(slot: Int, position: Int)] = []
        var seen = Set<Int>()
        for (position, s) in [t.s, t.p, t.o].enumerated() {
            guard case .variable(let v) = s else { continue }
            if excluded(v) || !seen.insert(v).inserted { return nil }
            if isKey(v) {
                if key != nil { return nil }
                key = (v, position)
            } else {
                free.append((v, position))
            }
        }
        guard let key else { return nil }
        return HashedMember(keySlot: key.slot, keyPosition: key.position, free: free)
    }

    private func position(_ s: Slot) -> TermID? {
        if case .constant(let id) = s { return id }
        return nil
    }

    /// The member's hash-join table, built once per scope.
    func joinTable(_ node: Node, _ key: JoinTableKey, _ t: CTriple, _ h: HashedMember, _ scope: Scope) throws -> JoinTable {
        if let table = node.joinTables[key] { return table }
        let table = JoinTable()
        try snapshot.forEachTriple(s: position(t.s), p: position(t.p), o: position(t.o), in: scope.graphs) { s, p, o in
            try guardrail.tick()
            let values = [s, p, o]
            table.entries[values[h.keyPosition], default: []].append(contentsOf: h.free.map { values[$0.position] })
            table.held += 1
            return true
        }
        try guardrail.hold(table.held)
        node.joinTables[key] = table
        return table
    }

    /// Evaluates a planned join group from member `i` on.
    dynamic func evalPatterns(_ node: Node, _ key: BoundKey, _ plan: GroupPlan, _ i: Int, _ row: Row, _ scope: Scope,
                      _ sink: Sink) throws -> Bool {
        if i == plan.elements.count { return try sink(row) }
        if i + 1 < plan.elements.count, plan.hashed[i] == nil, plan.runtime.isSwitched[i] == 0,
           let sub = replanned(plan, i, row, scope) {
            for f in sub.before where try !effectiveBoolean(f.expression, row, filterScope(f.graph, row, scope)) { return true }
            return try evalPatterns(node, key, sub, 0, row, scope, sink)
        }
        func next(_ out: Row) throws -> Bool {
            for f in plan.after[i] where try !effectiveBoolean(f.expression, out, filterScope(f.graph, out, scope)) { return true }
            profile?.countMember(node, key, plan.offset + i, of: plan.offset + plan.elements.count)
            return try evalPatterns(node, key, plan, i + 1, out, scope, sink)
        }
        let member = plan.elements[i]
        if let h = plan.hashed[i] ?? plan.runtime.switchedMember(i) ?? (plan.adaptive ? adapt(plan, i, row, scope) : nil),
           case .triple(let t) = member.kind {
            let table = try joinTable(node, JoinTableKey(graph: scope.key, bound: key.bound, member: i), t, h, scope)
            guard let values = table.entries[row[h.keySlot]] else { return true }
            let width = h.free.count
            var j = 0
            while j < values.count || (width == 0 && j == 0) {
                try guardrail.tick()
                var out = row
                for (k, f) in h.free.enumerated() { out[f.slot] = values[j + k] }
                if try !next(out) { return false }
                if width == 0 { break }
                j += width
            }
            return true
        }
        let memberScope: Scope
        switch member.graph {
        case .active:
            memberScope = scope
        case .constant(let g):
            guard namedGraphSet.contains(g) else { return true }
            memberScope = Scope(graphs: .graph(g), key: .named(g))
        case .variable(let v):
            let g = row[v]
            if g == 0 {
                if case .triple(let t) = member.kind { return try evalTripleInAnyGraph(t, graphSlot: v, row, next) }
                // Paths and tables: once per named graph.
                for g in dataset.namedGraphs {
                    var bound = row
                    bound[v] = g
                    if try !evalMember(member, bound, Scope(graphs: .graph(g), key: .named(g)), nil, next) { return false }
                }
                return true
            }
            guard namedGraphSet.contains(g) else { return true }
            memberScope = Scope(graphs: .graph(g), key: .named(g))
        }
        return try evalMember(member, row, memberScope, plan.hints[i], next)
    }

    /// Switches a member from index probes to a hash join at run time,
    /// when it has been probed so often that scanning it once into a table
    /// costs less than the probes still to come are likely to: checked at
    /// 2,048 probes and at each doubling after, it switches when the member
    /// holds at most four times as many triples as it has been probed. So a
    /// plan whose estimates were far too low does not run to its timeout
    /// one probe at a time.
    func adapt(_ plan: GroupPlan, _ i: Int, _ row: Row, _ scope: Scope) -> HashedMember? {
        let runtime = plan.runtime
        runtime.probes[i] += 1
        let n = runtime.probes[i]
        guard n >= 2048, n & (n - 1) == 0, case .triple(let t) = plan.elements[i].kind, case .active = plan.elements[i].graph else {
            return nil
        }
        // Keyed on the one variable bound when it runs; the others free and distinct.
        guard let h = Evaluator.hashKey(t, key: { row[$0] != 0 }, excluded: { _ in false }) else { return nil }
        let m = snapshot.estimateTriples(s: position(t.s), p: position(t.p), o: position(t.o), in: scope.graphs)
        guard m <= 4 * n else { return nil }
        runtime.switchMember(i, to: h)
        return h
    }

    private dynamic func evalMember(_ member: PatternElement, _ row: Row, _ scope: Scope, _ hint: ScanHint?,
                            _ sink: Sink) throws -> Bool {
        switch member.kind {
        case .triple(let t): return try evalTriple(t, row, scope, hint: hint, sink)
        case .path(let s, let path, let o): return try evalPath(s, path, o, row, scope, sink)
        case .values(let slots, let rows): return try evalValues(slots, rows, row, sink)
        }
    }

    /// The scope a group filter's EXISTS patterns are matched in.
    func filterScope(_ graph: GraphRef, _ row: Row, _ scope: Scope) -> Scope {
        switch graph {
        case .active: return scope
        case .constant(let g): return Scope(graphs: .graph(g), key: .named(g))
        case .variable(let v):
            return row[v] == 0 ? scope : Scope(graphs: .graph(row[v]), key: .named(row[v]))
        }
    }

    /// Joins the row with a VALUES table.
    dynamic func evalValues(_ slots: [Int], _ rows: [[TermID]], _ input: Row, _ sink: Sink) throws -> Bool {
        for r in rows {
            var out = input
            var ok = true
            for (i, s) in slots.enumerated() where r[i] != 0 {
                if out[s] == 0 { out[s] = r[i] } else if out[s] != r[i] { ok = false; break }
            }
            if ok, try !sink(out) { return false }
        }
        return true
    }

    /// Matches a triple pattern in every named graph of the dataset, binding the graph slot.
    dynamic func evalTripleInAnyGraph(_ t: CTriple, graphSlot: Int, _ row: Row, _ sink: Sink) throws -> Bool {
        @inline(__always) func value(_ s: Slot) -> TermID? {
            switch s {
            case .constant(let id): return id
            case .variable(let v): return row[v] == 0 ? nil : row[v]
            }
        }
        let named = namedGraphSet
        var keepGoing = true
        try snapshot.forEach(matching: QuadPattern(s: value(t.s), p: value(t.p), o: value(t.o))) { q in
            try self.guardrail.tick()
            guard q.g != 0, named.contains(q.g) else { return true }
            var out = row
            if !Evaluator.bind(&out, t.s, q.s) || !Evaluator.bind(&out, t.p, q.p) || !Evaluator.bind(&out, t.o, q.o)
                || !Evaluator.bind(&out, .variable(graphSlot), q.g) {
                return true
            }
            keepGoing = try sink(out)
            return keepGoing
        }
        return keepGoing
    }

    /// Matches one triple pattern with the row's bindings, extending the row.
    dynamic func evalTriple(_ t: CTriple, _ row: Row, _ scope: Scope, hint: ScanHint? = nil, _ sink: Sink) throws -> Bool {
        @inline(__always) func value(_ s: Slot) -> TermID? {
            switch s {
            case .constant(let id): return id
            case .variable(let v): return row[v] == 0 ? nil : row[v]
            }
        }
        let s = value(t.s), p = value(t.p), o = value(t.o)
        // The slots this pattern fills (unbound in `row`), in pattern order; a
        // variable written twice is filled once and checked after.
        func free(_ x: Slot) -> Int {
            if case .variable(let v) = x, row[v] == 0 { return v }
            return -1
        }
        let fs = free(t.s), fp = free(t.p), fo = free(t.o)
        let repeated = (fs >= 0 && (fs == fp || fs == fo)) || (fp >= 0 && fp == fo)
        var keepGoing = true
        // One copy of the row per scan, refilled per match: it stays unshared
        // unless the consumer keeps it, and then the next write copies it.
        var out = row
        try snapshot.forEachTriple(s: s, p: p, o: o, in: scope.graphs, hint: hint) { ts, tp, to in
            try self.guardrail.tick()
            if repeated {
                out = row
                if !Evaluator.bind(&out, t.s, ts) || !Evaluator.bind(&out, t.p, tp) || !Evaluator.bind(&out, t.o, to) {
                    return true
                }
            } else {
                if fs >= 0 { out[fs] = ts }
                if fp >= 0 { out[fp] = tp }
                if fo >= 0 { out[fo] = to }
            }
            keepGoing = try sink(out)
            return keepGoing
        }
        return keepGoing
    }

    /// Overwrites `out` with `row` in place (no allocation while `out` is unshared and as wide).
    @inline(__always)
    static func copy(_ row: Row, into out: inout Row) {
        guard out.count == row.count, !row.isEmpty else { out = row; return }
        row.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: src.baseAddress!, count: src.count) }
        }
    }

    /// Binds a variable slot to `id`, or checks a bound one agrees (a variable may repeat in a pattern).
    @inline(__always)
    static func bind(_ row: inout Row, _ slot: Slot, _ id: TermID) -> Bool {
        guard case .variable(let v) = slot else { return true }
        if row[v] == 0 { row[v] = id; return true }
        return row[v] == id
    }
}

import Foundation
