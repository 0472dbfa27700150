import MnemoRDF
import MnemoSPARQLSyntax
import MnemoStore

/// Cardinality estimates for ordering a join group.
///
/// A member's estimate is the number of solutions it yields for one
/// solution of the members before it. Positions holding constants or
/// incoming bindings narrow an index range whose size is known exactly;
/// positions a previous member binds (value unknown at planning time) are
/// estimated from the predicate statistics kept with the index: the average
/// fan-out of the predicate from a bound subject or object.
extension Evaluator {
    func estimate(_ e: PatternElement, _ bound: Set<Int>, _ input: Row, _ scope: Scope) -> Double {
        // The graph: fixed (a constant, an incoming binding, the active scope) or not.
        var graphs: GraphScope? = scope.graphs
        var graphJoined = false
        switch e.graph {
        case .active: break
        case .constant(let g): graphs = .graph(g)
        case .variable(let v):
            if input[v] != 0 { graphs = .graph(input[v]) } else {
                graphs = nil
                graphJoined = bound.contains(v)
            }
        }
        let graphShare = graphJoined ? 1 / Double(max(1, dataset.namedGraphs.count)) : 1
        switch e.kind {
        case .triple(let t):
            // A subject or object bound earlier already fixes the graph it is in.
            let joinedNode = [t.s, t.o].contains { if case .variable(let v) = $0 { return input[v] == 0 && bound.contains(v) }; return false }
            return tripleEstimate(t, bound, input, graphs) * (joinedNode ? 1 : graphShare)
        case .path(let s, let path, let o): return pathEstimate(s, path, o, bound, input, graphs ?? .union(nil)) * graphShare
        case .values(let slots, let rows):
            let joined = slots.contains { bound.contains($0) }
            return joined ? min(Double(rows.count), 1) : Double(rows.count)
        }
    }

    /// Solutions of a triple pattern per solution before it.
    private func tripleEstimate(_ t: CTriple, _ bound: Set<Int>, _ input: Row, _ graphs: GraphScope?) -> Double {
        func fixed(_ s: Slot) -> TermID? {
            switch s {
            case .constant(let id): return id
            case .variable(let v): return input[v] != 0 ? input[v] : nil
            }
        }
        func joined(_ s: Slot) -> Bool {
            if case .variable(let v) = s { return input[v] == 0 && bound.contains(v) }
            return false
        }
        let s = fixed(t.s), p = fixed(t.p), o = fixed(t.o)
        let n: Double
        if let graphs {
            n = Double(snapshot.estimateTriples(s: s, p: p, o: o, in: graphs))
        } else {
            n = Double(snapshot.estimateCount(QuadPattern(s: s, p: p, o: o)))
        }
        if n == 0 { return 0 }
        let js = joined(t.s), jo = joined(t.o), jp = joined(t.p)
        if !js && !jo && !jp { return n }
        let stats = snapshot.statistics
        var perSolution = n
        if js && jo {
            // Both ends bound: the chance that a given pair is linked.
            if let p, let e = stats[p], e.subjects > 0, e.objects > 0 {
                perSolution = min(n, Double(e.triples) / (Double(e.subjects) * Double(e.objects)))
            } else {
                perSolution = min(n, 0.01)
            }
        } else if js {
            perSolution = min(n, stats.fanOutFromSubject(p) * (o == nil ? 1 : selectivity(n, p, stats)))
        } else if jo {
            perSolution = min(n, stats.fanOutFromObject(p) * (s == nil ? 1 : selectivity(n, p, stats)))
        }
        if jp { perSolution /= 100 }
        return perSolution
    }

    /// The share of a predicate's triples the pattern's constants leave.
    private func selectivity(_ n: Double, _ p: TermID?, _ stats: PredicateStatistics) -> Double {
        guard let p, let e = stats[p], e.triples > 0 else { return 1 }
        return min(1, n / Double(e.triples))
    }

    /// A rough estimate for a path: cheap from a fixed end. With both ends
    /// free, `p+` over one predicate costs its triples times a typical depth
    /// (the search starts from the predicate's subjects only); anything else
    /// is very dear (it starts from every node of the graph).
    private func pathEstimate(_ s: Slot, _ path: PropertyPath, _ o: Slot, _ bound: Set<Int>, _ input: Row,
                              _ graphs: GraphScope) -> Double {
        func fixed(_ x: Slot) -> Bool {
            if case .variable(let v) = x { return bound.contains(v) }
            return true
        }
        switch (fixed(s), fixed(o)) {
        case (true, true): return 1
        case (true, false), (false, true):
            if case .link = path, let n = linkTriples(path, graphs) { return min(Double(n), 10) }
            return 100
        case (false, false):
            if let n = linkTriples(path, graphs) { return Double(n) }
            if case .oneOrMore(let inner) = path, let n = linkTriples(inner, graphs) { return Double(n) * 4 }
            return 1e12
        }
    }

    /// The number of triples of a one-predicate path (`p` or `^p`), if it is one.
    private func linkTriples(_ path: PropertyPath, _ graphs: GraphScope) -> Int? {
        switch path {
        case .link(let iri), .inverse(.link(let iri)):
            guard let p = dictionary.lookup(.iri(iri)) else { return 0 }
            return snapshot.estimateTriples(s: nil, p: p, o: nil, in: graphs)
        default:
            return nil
        }
    }
}
