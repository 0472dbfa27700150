import MnemoRDF
import MnemoStore

extension Evaluator {
    /// The node's join order for this pattern of bound variables, chosen once.
    func orderedTriples(_ node: Node, _ triples: [CTriple], _ input: Row, _ scope: Scope) -> [CTriple] {
        if triples.count <= 1 { return triples }
        var bound: [Int] = []
        for t in triples {
            for s in [t.s, t.p, t.o] { if case .variable(let v) = s, input[v] != 0, !bound.contains(v) { bound.append(v) } }
        }
        let key = BoundKey(bound: bound, graph: scope.key)
        if let cached = node.orders[key] { return cached }
        let chosen = order(triples, input, scope)
        node.orders[key] = chosen
        return chosen
    }

    /// Orders triple patterns greedily: next the one with the fewest
    /// estimated matches, given the variables bound so far.
    func order(_ triples: [CTriple], _ input: Row, _ scope: Scope) -> [CTriple] {
        if triples.count <= 1 { return triples }
        var bound = Set(input.indices.filter { input[$0] != 0 })
        var left = triples
        var out: [CTriple] = []
        while !left.isEmpty {
            var best = 0
            var bestCost = Double.infinity
            for (i, t) in left.enumerated() {
                let c = cost(t, bound, input, scope)
                if c < bestCost { bestCost = c; best = i }
            }
            let t = left.remove(at: best)
            out.append(t)
            for s in [t.s, t.p, t.o] { if case .variable(let v) = s { bound.insert(v) } }
        }
        return out
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

    func evalBGP(_ triples: [CTriple], _ i: Int, _ row: Row, _ scope: Scope, _ sink: Sink) throws -> Bool {
        if i == triples.count { return try sink(row) }
        let t = triples[i]
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
            keepGoing = try self.evalBGP(triples, i + 1, out, scope, sink)
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
