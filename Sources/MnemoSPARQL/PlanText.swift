import MnemoRDF
import MnemoSPARQLSyntax

/// Renders plan parts as text, with variables by name: for EXPLAIN (terms
/// decoded) and for the planner's signatures (terms by id). Neither depends
/// on slot numbers, which follow the order the query was written in.
struct PlanText {
    let names: [Variable]
    let term: (TermID) -> String
    var iri: (String) -> String = { "<\($0)>" }

    func slot(_ s: Slot) -> String {
        switch s {
        case .constant(let id): return term(id)
        case .variable(let v): return variable(v)
        }
    }

    func variable(_ v: Int) -> String { v < names.count ? "?" + names[v] : "?_\(v)" }

    func graph(_ g: GraphRef) -> String? {
        switch g {
        case .active: return nil
        case .constant(let id): return "GRAPH " + term(id)
        case .variable(let v): return "GRAPH " + variable(v)
        }
    }

    func member(_ e: PatternElement) -> String {
        var text: String
        switch e.kind {
        case .triple(let t): text = "\(slot(t.s)) \(slot(t.p)) \(slot(t.o))"
        case .path(let s, let path, let o): text = "\(slot(s)) \(self.path(path)) \(slot(o))"
        case .values(let vars, let rows): text = "VALUES (\(vars.map(variable).joined(separator: " "))) \(rows.count) rows"
        }
        if let g = graph(e.graph) { text = g + " { " + text + " }" }
        return text
    }

    func path(_ p: PropertyPath) -> String {
        switch p {
        case .link(let link): return iri(link)
        case .inverse(let a): return "^" + path(a)
        case .sequence(let a, let b): return "(\(path(a))/\(path(b)))"
        case .alternative(let a, let b): return "(\(path(a))|\(path(b)))"
        case .zeroOrMore(let a): return path(a) + "*"
        case .oneOrMore(let a): return path(a) + "+"
        case .zeroOrOne(let a): return path(a) + "?"
        case .negatedPropertySet(let forward, let inverse):
            return "!(" + (forward.map(iri) + inverse.map { "^" + iri($0) }).joined(separator: "|") + ")"
        }
    }

    func expression(_ e: CExpr) -> String {
        func list(_ xs: [CExpr]) -> String { xs.map(expression).joined(separator: ", ") }
        switch e {
        case .constant(let id, _): return term(id)
        case .variable(let v): return variable(v)
        case .or(let a, let b): return "(\(expression(a)) || \(expression(b)))"
        case .and(let a, let b): return "(\(expression(a)) && \(expression(b)))"
        case .not(let a): return "!" + expression(a)
        case .compare(let op, let a, let b):
            let symbol: String
            switch op {
            case .equal: symbol = "="
            case .notEqual: symbol = "!="
            case .less: symbol = "<"
            case .lessOrEqual: symbol = "<="
            case .greater: symbol = ">"
            case .greaterOrEqual: symbol = ">="
            }
            return "(\(expression(a)) \(symbol) \(expression(b)))"
        case .in(let a, let xs, let negated): return "(\(expression(a)) \(negated ? "NOT IN" : "IN") (\(list(xs))))"
        case .arithmetic(let op, let a, let b):
            let symbol: String
            switch op {
            case .add: symbol = "+"
            case .subtract: symbol = "-"
            case .multiply: symbol = "*"
            case .divide: symbol = "/"
            }
            return "(\(expression(a)) \(symbol) \(expression(b)))"
        case .unaryPlus(let a): return "+" + expression(a)
        case .unaryMinus(let a): return "-" + expression(a)
        case .bound(let v): return "BOUND(\(variable(v)))"
        case .if(let a, let b, let c): return "IF(\(list([a, b, c])))"
        case .coalesce(let xs): return "COALESCE(\(list(xs)))"
        case .exists(let node, let negated): return (negated ? "NOT EXISTS " : "EXISTS ") + "{ \(signature(node)) }"
        case .builtin(let f, let xs): return "\(f.rawValue)(\(list(xs)))"
        case .function(let name, let xs): return iri(name) + "(\(list(xs)))"
        }
    }

    func aggregate(_ a: CAggregate) -> String {
        func d(_ distinct: Bool) -> String { distinct ? "DISTINCT " : "" }
        switch a {
        case .count(let e, let distinct): return "COUNT(\(d(distinct))\(e.map(expression) ?? "*"))"
        case .sum(let e, let distinct): return "SUM(\(d(distinct))\(expression(e)))"
        case .avg(let e, let distinct): return "AVG(\(d(distinct))\(expression(e)))"
        case .min(let e, let distinct): return "MIN(\(d(distinct))\(expression(e)))"
        case .max(let e, let distinct): return "MAX(\(d(distinct))\(expression(e)))"
        case .sample(let e, let distinct): return "SAMPLE(\(d(distinct))\(expression(e)))"
        case .groupConcat(let e, let separator, let distinct):
            return "GROUP_CONCAT(\(d(distinct))\(expression(e)); SEPARATOR=\"\(separator)\")"
        }
    }

    /// A description of the node and everything below it that is the same
    /// however the members of its join groups, and the operands of its
    /// joins, were ordered in the query.
    func signature(_ n: Node) -> String {
        switch n.kind {
        case .patterns(let elements, let filters):
            let parts = elements.map(member).sorted() + filters.map { "FILTER" + (graph($0.graph).map { " " + $0 } ?? "") + " " + expression($0.expression) }.sorted()
            return "{ " + parts.joined(separator: " . ") + " }"
        case .join(let a, let b): return "JOIN(" + [signature(a), signature(b)].sorted().joined(separator: ", ") + ")"
        case .leftJoin(let a, let b, let e): return "OPTIONAL(\(signature(a)), \(signature(b))\(e.map { ", " + expression($0) } ?? ""))"
        case .filter(let e, let a): return "FILTER(\(expression(e)), \(signature(a)))"
        case .union(let a, let b): return "UNION(\(signature(a)), \(signature(b)))"
        case .minus(let a, let b): return "MINUS(\(signature(a)), \(signature(b)))"
        case .graph(let g, let a): return "GRAPH \(slot(g)) \(signature(a))"
        case .extend(let a, let v, let e): return "BIND(\(signature(a)), \(expression(e)) AS \(variable(v)))"
        case .values(let vars, let rows): return "VALUES (\(vars.map(variable).joined(separator: " "))) \(rows)"
        case .group(let a, let keys, let aggs):
            return "GROUP(\(signature(a)), \(keys.map(variable).joined(separator: " ")), \(aggs.map { "\(aggregate($0.1)) AS \(variable($0.0))" }.joined(separator: ", ")))"
        case .orderBy(let a, let conds, let keep):
            return "ORDER(\(signature(a)), \(conds.map { ($0.1 ? "ASC " : "DESC ") + expression($0.0) }.joined(separator: ", ")), \(keep.map(String.init) ?? "all"))"
        case .project(let a, let vars): return "PROJECT(\(signature(a)), \(vars.map(variable).joined(separator: " ")))"
        case .distinct(let a): return "DISTINCT(\(signature(a)))"
        case .reduced(let a): return "REDUCED(\(signature(a)))"
        case .slice(let a, let offset, let limit): return "SLICE(\(signature(a)), \(offset), \(limit.map(String.init) ?? "all"))"
        case .service: return "SERVICE"
        case .whenNonEmpty(let p, let a, let b): return "IF_ANY(\(signature(p)), \(signature(a)), \(signature(b)))"
        }
    }
}
