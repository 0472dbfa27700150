/// In-scope variables of an algebra pattern (SPARQL 1.1 Query, section 18.2.1),
/// used for the BIND and SELECT-expression checks and for `SELECT *`.
enum Scope {
    static func variables(of pattern: GraphPattern) -> Set<Variable> {
        var out: Set<Variable> = []
        collect(pattern, into: &out)
        return out
    }

    private static func collect(_ pattern: GraphPattern, into out: inout Set<Variable>) {
        switch pattern {
        case .bgp(let triples):
            for t in triples {
                add(t.subject, &out)
                add(t.predicate, &out)
                add(t.object, &out)
            }
        case .path(let s, _, let o):
            add(s, &out)
            add(o, &out)
        case .join(let a, let b), .leftJoin(let a, let b, _), .union(let a, let b):
            collect(a, into: &out)
            collect(b, into: &out)
        case .minus(let a, _), .filter(_, let a), .orderBy(let a, _), .distinct(let a), .reduced(let a),
             .slice(let a, _, _), .service(_, let a, _):
            collect(a, into: &out)
        case .graph(let g, let a):
            add(g, &out)
            collect(a, into: &out)
        case .extend(let a, let v, _):
            collect(a, into: &out)
            out.insert(v)
        case .values(let vars, _):
            out.formUnion(vars)
        case .group(_, let vars, let aggregates):
            out.formUnion(vars)
            out.formUnion(aggregates.map(\.variable))
        case .project(_, let vars):
            out.formUnion(vars)
        }
    }

    private static func add(_ p: TermPattern, _ out: inout Set<Variable>) {
        if case .variable(let v) = p { out.insert(v) }
    }
}
