import MnemoRDF
import MnemoSPARQLSyntax

/// Rewrites of a query's algebra that reorder the members of its joins: the
/// triples of each basic graph pattern and the operands of each chain of
/// joins (GRAPH blocks, nested groups, OPTIONAL and the like), at every
/// level. Each rewrite is the algebra of the same query written in another
/// order, so it must have the same answers.
struct JoinPermutations {
    var random: SplitMix64

    /// Up to `count` distinct rewrites of `pattern` (the original among them),
    /// drawn at random when there are more.
    mutating func variants(of pattern: GraphPattern, count: Int) -> [GraphPattern] {
        var seen: Set<GraphPattern> = [pattern]
        var out = [pattern]
        var attempts = 0
        while out.count < count && attempts < 20 * count {
            attempts += 1
            let p = shuffled(pattern)
            if seen.insert(p).inserted { out.append(p) }
        }
        return out
    }

    /// One random reordering, applied at every level.
    mutating func shuffled(_ p: GraphPattern) -> GraphPattern {
        switch p {
        case .bgp(let triples): return .bgp(shuffle(triples))
        case .join:
            var operands = joinOperands(p).map { shuffled($0) }
            operands = shuffle(operands)
            return operands.dropFirst().reduce(operands[0]) { .join($0, $1) }
        case .leftJoin(let a, let b, let e): return .leftJoin(shuffled(a), shuffled(b), e)
        case .filter(let e, let a): return .filter(e, shuffled(a))
        case .union(let a, let b): return .union(shuffled(a), shuffled(b))
        case .minus(let a, let b): return .minus(shuffled(a), shuffled(b))
        case .graph(let g, let a): return .graph(g, shuffled(a))
        case .extend(let a, let v, let e): return .extend(shuffled(a), v, e)
        case .group(let a, let vars, let aggs): return .group(shuffled(a), variables: vars, aggregates: aggs)
        case .orderBy(let a, let conds): return .orderBy(shuffled(a), conds)
        case .project(let a, let vars): return .project(shuffled(a), vars)
        case .distinct(let a): return .distinct(shuffled(a))
        case .reduced(let a): return .reduced(shuffled(a))
        case .slice(let a, let offset, let limit): return .slice(shuffled(a), offset: offset, limit: limit)
        case .path, .values, .service: return p
        }
    }

    /// The operands of a chain of joins, each basic graph pattern split into its triples.
    func joinOperands(_ p: GraphPattern) -> [GraphPattern] {
        switch p {
        case .join(let a, let b): return joinOperands(a) + joinOperands(b)
        case .bgp(let triples) where triples.count > 1: return triples.map { .bgp([$0]) }
        default: return [p]
        }
    }

    mutating func shuffle<T>(_ xs: [T]) -> [T] {
        var out = xs
        guard out.count > 1 else { return out }
        for i in stride(from: out.count - 1, to: 0, by: -1) {
            let j = Int(random.next() % UInt64(i + 1))
            out.swapAt(i, j)
        }
        return out
    }
}
