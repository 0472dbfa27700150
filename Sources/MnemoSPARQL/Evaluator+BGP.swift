import MnemoRDF
import MnemoStore

extension Evaluator {
    /// The node's plan for this pattern of bound variables, chosen once:
    /// the members in order, and each filter placed after the member that
    /// binds the last of its variables the group binds.
    func groupPlan(_ node: Node, _ elements: [PatternElement], _ filters: [CExpr], _ input: Row, _ scope: Scope) -> GroupPlan {
        var bound: [Int] = []
        for e in elements {
            for s in e.slots { if case .variable(let v) = s, input[v] != 0, !bound.contains(v) { bound.append(v) } }
        }
        let key = BoundKey(bound: bound, graph: scope.key)
        if let cached = node.orders[key] { return cached }
        let ordered = elements.count <= 1 ? elements : order(elements, input, scope)
        var groupVars = Set<Int>()
        for e in ordered { for s in e.slots { if case .variable(let v) = s { groupVars.insert(v) } } }
        var plan = GroupPlan(elements: ordered, before: [], after: Array(repeating: [], count: ordered.count))
        for f in filters {
            let needed = f.slots.intersection(groupVars).subtracting(bound)
            var have = Set<Int>()
            var placed = false
            if needed.isEmpty { plan.before.append(f); continue }
            for (i, e) in ordered.enumerated() {
                for s in e.slots { if case .variable(let v) = s { have.insert(v) } }
                if needed.isSubset(of: have) { plan.after[i].append(f); placed = true; break }
            }
            if !placed { plan.after[ordered.count - 1].append(f) }
        }
        // At one position, cheap tests first, EXISTS (a pattern match per row) last.
        plan.after = plan.after.map { fs in fs.filter { !$0.hasExists } + fs.filter { $0.hasExists } }
        node.orders[key] = plan
        return plan
    }

    /// Orders a join group greedily: next the member with the fewest
    /// estimated matches, given the variables bound so far.
    func order(_ elements: [PatternElement], _ input: Row, _ scope: Scope) -> [PatternElement] {
        var bound = Set(input.indices.filter { input[$0] != 0 })
        var left = elements
        var out: [PatternElement] = []
        while !left.isEmpty {
            var best = 0
            var bestCost = Double.infinity
            for (i, e) in left.enumerated() {
                let c: Double
                switch e {
                case .triple(let t): c = cost(t, bound, input, scope)
                case .path(let s, _, let o): c = pathCost(s, o, bound)
                }
                if c < bestCost { bestCost = c; best = i }
            }
            let e = left.remove(at: best)
            out.append(e)
            for s in e.slots { if case .variable(let v) = s { bound.insert(v) } }
        }
        return out
    }

    /// A rough cost for a path: cheap from a fixed end, very dear with both ends free.
    private func pathCost(_ s: Slot, _ o: Slot, _ bound: Set<Int>) -> Double {
        func fixed(_ x: Slot) -> Bool {
            if case .variable(let v) = x { return bound.contains(v) }
            return true
        }
        switch (fixed(s), fixed(o)) {
        case (true, true): return 1
        case (true, false), (false, true): return 100
        case (false, false): return 1e12
        }
    }

    /// Evaluates a planned join group from member `i` on.
    func evalPatterns(_ plan: GroupPlan, _ i: Int, _ row: Row, _ scope: Scope, _ sink: Sink) throws -> Bool {
        if i == plan.elements.count { return try sink(row) }
        let next: Sink = { out in
            for f in plan.after[i] where try !self.effectiveBoolean(f, out, scope) { return true }
            return try self.evalPatterns(plan, i + 1, out, scope, sink)
        }
        switch plan.elements[i] {
        case .triple(let t): return try evalTriple(t, row, scope, next)
        case .path(let s, let path, let o): return try evalPath(s, path, o, row, scope, next)
        }
    }

    /// Estimated matches of a pattern: index range size for its constants,
    /// cut down for each position a variable bound earlier will fill.
    private func cost(_ t: CTriple, _ bound: Set<Int>, _ input: Row, _ scope: Scope) -> Double {
        func fixed(_ s: Slot) -> TermID? {
            switch s {
            case .constant(let id): return id
            case .variable(let v): return input[v] != 0 ? input[v] : nil
            }
        }
        let n = Double(snapshot.estimateTriples(s: fixed(t.s), p: fixed(t.p), o: fixed(t.o), in: scope.graphs))
        var joined = 0
        for s in [t.s, t.o] {
            if case .variable(let v) = s, input[v] == 0, bound.contains(v) { joined += 1 }
        }
        if case .variable(let v) = t.p, input[v] == 0, bound.contains(v) { joined += 1 }
        return n / pow(1000, Double(joined))
    }

    /// Matches one triple pattern with the row's bindings, extending the row.
    func evalTriple(_ t: CTriple, _ row: Row, _ scope: Scope, _ sink: Sink) throws -> Bool {
        @inline(__always) func value(_ s: Slot) -> TermID? {
            switch s {
            case .constant(let id): return id
            case .variable(let v): return row[v] == 0 ? nil : row[v]
            }
        }
        let s = value(t.s), p = value(t.p), o = value(t.o)
        var keepGoing = true
        try snapshot.forEachTriple(s: s, p: p, o: o, in: scope.graphs) { ts, tp, to in
            try self.guardrail.tick()
            var out = row
            if !Evaluator.bind(&out, t.s, ts) || !Evaluator.bind(&out, t.p, tp) || !Evaluator.bind(&out, t.o, to) {
                return true
            }
            keepGoing = try sink(out)
            return keepGoing
        }
        return keepGoing
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
