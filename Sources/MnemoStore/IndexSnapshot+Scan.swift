import MnemoRDF

/// Which graphs a triple pattern is matched against.
public enum GraphScope: Sendable, Equatable {
    /// The RDF merge of these graphs (nil: every graph in the store, the
    /// unnamed one included): each matching triple is reported once, however
    /// many of the graphs hold it. This is SPARQL's default graph.
    case union(Set<TermID>?)
    /// One named graph.
    case graph(TermID)
}

extension IndexSnapshot {
    /// Calls `body` with each triple matching the pattern within `scope`,
    /// until it returns false. In a union scope a triple held by several
    /// graphs is reported once.
    /// With a `hint`, a scan starting a little after the last one searches forward (see ``ScanHint``).
    public func forEachTriple(s: TermID?, p: TermID?, o: TermID?, in scope: GraphScope, hint: ScanHint? = nil,
                              _ body: (TermID, TermID, TermID) throws -> Bool) rethrows {
        switch scope {
        case .graph(let g):
            try forEach(matching: QuadPattern(s: s, p: p, o: o, g: g), hint: hint) { try body($0.s, $0.p, $0.o) }
        case .union(let graphs):
            // SPOG, POSG and OSPG keep the graph last, so the copies of one
            // triple are adjacent once the runs are merged in order.
            let pattern = QuadPattern(s: s, p: p, o: o)
            var order = IndexOrder.best(for: pattern)
            if order == .gspo { order = .spog }
            try mergedScan(order: order, pattern: pattern, hint: hint, within: graphs, distinctTriples: true) { q in
                try body(q.s, q.p, q.o)
            }
        }
    }

    /// An upper bound on the triples matching a pattern (for join ordering).
    public func estimateTriples(s: TermID?, p: TermID?, o: TermID?, in scope: GraphScope) -> Int {
        switch scope {
        case .graph(let g): return estimateCount(QuadPattern(s: s, p: p, o: o, g: g))
        case .union: return estimateCount(QuadPattern(s: s, p: p, o: o))
        }
    }

    /// The graphs holding at least one quad, excluding the unnamed default graph.
    public func namedGraphs() -> [TermID] {
        var out: [TermID] = []
        var next: TermID = 1
        let list = runs[IndexOrder.gspo.rawValue]
        while true {
            // The smallest graph id >= next across the runs.
            var best: TermID?
            for run in list {
                let i = run.lowerBound(IndexKey(next, 0, 0, 0))
                if i < run.keys.count, best == nil || run.keys[i].a < best! { best = run.keys[i].a }
            }
            guard let g = best else { return out }
            out.append(g)
            if g == .max { return out }
            next = g + 1
        }
    }

    /// Scans the runs of one order, merged into key order, within the
    /// pattern's prefix range; only quads in `graphs` when given, and with
    /// `distinctTriples`, only the first of adjacent quads of one triple.
    func mergedScan(order: IndexOrder, pattern: QuadPattern, hint: ScanHint? = nil, within graphs: Set<TermID>? = nil,
                    distinctTriples: Bool = false, _ body: (QuadIDs) throws -> Bool) rethrows {
        let (low, high, residual) = IndexSnapshot.range(order, pattern)
        let list = runs[order.rawValue]
        // The filters are checked here, in the loops, not in a closure around `body`:
        // a variable such a closure captured and wrote would be checked for exclusive access per quad.
        var last = QuadIDs(0, 0, 0, 0)
        var first = true
        @inline(__always) func accept(_ q: QuadIDs) -> Bool {
            if residual {
                if let s = pattern.s, s != q.s { return false }
                if let p = pattern.p, p != q.p { return false }
                if let o = pattern.o, o != q.o { return false }
                if let g = pattern.g, g != q.g { return false }
            }
            if let graphs, !graphs.contains(q.g) { return false }
            if distinctTriples {
                if !first, last.s == q.s, last.p == q.p, last.o == q.o { return false }
                first = false
                last = q
            }
            return true
        }
        if list.count == 1 {
            let run = list[0]
            var i = run.lowerBound(low, order: order, hint: hint)
            let keys = run.keys
            while i < keys.count {
                let k = keys[i]
                if high < k { return }
                i += 1
                let q = order.quad(k)
                if accept(q), try !body(q) { return }
            }
            return
        }
        var positions = list.map { $0.lowerBound(low) }
        while true {
            var best = -1
            var bestKey = IndexKey(0, 0, 0, 0)
            for r in list.indices where positions[r] < list[r].keys.count {
                let k = list[r].keys[positions[r]]
                if high < k { continue }
                if best < 0 || k < bestKey { best = r; bestKey = k }
            }
            if best < 0 { return }
            positions[best] += 1
            let q = order.quad(bestKey)
            if accept(q), try !body(q) { return }
        }
    }
}
