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

    func groupPlan(_ node: Node, _ key: BoundKey, _ elements: [PatternElement], _ filters: [CExpr], _ input: Row,
                   _ scope: Scope) -> GroupPlan {
        let bound = key.bound
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
        plan.hashed = hashPlan(ordered, input, scope)
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
                case .path(let s, let path, let o): c = pathCost(s, path, o, bound, scope)
                }
                if c < bestCost { bestCost = c; best = i }
            }
            let e = left.remove(at: best)
            out.append(e)
            for s in e.slots { if case .variable(let v) = s { bound.insert(v) } }
        }
        return out
    }

    /// Decides which members to hash-join: now the second member of a group
    /// whose first yields at least 50,000 solutions, when the second is keyed
    /// on exactly one variable the first binds and holds at most twice as
    /// many triples as the first yields.
    func hashPlan(_ ordered: [PatternElement], _ input: Row, _ scope: Scope) -> [HashedMember?] {
        var out = [HashedMember?](repeating: nil, count: ordered.count)
        guard ordered.count >= 2, case .triple(let first) = ordered[0], case .triple(let second) = ordered[1] else { return out }
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
        var key: (slot: Int, position: Int)?
        var free: [(slot: Int, position: Int)] = []
        var seen = Set<Int>()
        for (position, s) in [second.s, second.p, second.o].enumerated() {
            switch s {
            case .constant: continue
            case .variable(let v):
                if input[v] != 0 { return out }             // bound from outside: keep probing
                if !seen.insert(v).inserted { return out }  // a variable twice in the pattern
                if firstVars.contains(v) {
                    if key != nil { return out }            // keyed on two variables: keep probing
                    key = (v, position)
                } else {
                    free.append((v, position))
                }
            }
        }
        guard let key else { return out }
        let m = snapshot.estimateTriples(s: position(second.s), p: position(second.p), o: position(second.o), in: scope.graphs)
        // Building the table costs about as much per entry as a probe saves: only when it is not much larger.
        guard m <= 2 * n else { return out }
        out[1] = HashedMember(keySlot: key.slot, keyPosition: key.position, free: free)
        return out
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

    /// A rough cost for a path: cheap from a fixed end. With both ends free,
    /// `p+` over one predicate costs its triples times a typical depth (the
    /// search starts from the predicate's subjects only); anything else is
    /// very dear (it starts from every node of the graph).
    private func pathCost(_ s: Slot, _ path: PropertyPath, _ o: Slot, _ bound: Set<Int>, _ scope: Scope) -> Double {
        func fixed(_ x: Slot) -> Bool {
            if case .variable(let v) = x { return bound.contains(v) }
            return true
        }
        switch (fixed(s), fixed(o)) {
        case (true, true): return 1
        case (true, false), (false, true): return 100
        case (false, false):
            if case .oneOrMore(let inner) = path, let n = linkTriples(inner, scope) { return Double(n) * 4 }
            return 1e12
        }
    }

    /// The number of triples of a one-predicate path (`p` or `^p`), if it is one.
    private func linkTriples(_ path: PropertyPath, _ scope: Scope) -> Int? {
        switch path {
        case .link(let iri), .inverse(.link(let iri)):
            guard let p = dictionary.lookup(.iri(iri)) else { return 0 }
            return snapshot.estimateTriples(s: nil, p: p, o: nil, in: scope.graphs)
        default:
            return nil
        }
    }

    /// Evaluates a planned join group from member `i` on.
    func evalPatterns(_ node: Node, _ key: BoundKey, _ plan: GroupPlan, _ i: Int, _ row: Row, _ scope: Scope,
                      _ sink: Sink) throws -> Bool {
        if i == plan.elements.count { return try sink(row) }
        func next(_ out: Row) throws -> Bool {
            for f in plan.after[i] where try !effectiveBoolean(f, out, scope) { return true }
            return try evalPatterns(node, key, plan, i + 1, out, scope, sink)
        }
        if let h = plan.hashed[i], case .triple(let t) = plan.elements[i] {
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
