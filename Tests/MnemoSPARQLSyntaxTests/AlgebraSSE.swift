import MnemoRDF
import MnemoSPARQLSyntax

/// A compact S-expression rendering of the algebra, in the spirit of the SSE
/// notation of the SPARQL test suites, so tests can state expected
/// translations readably. IRIs under `http://e/` print as `:local`.
enum SSE {
    static func of(_ p: GraphPattern) -> String {
        switch p {
        case .bgp(let triples):
            return "(bgp" + triples.map { " (\(of($0.subject)) \(of($0.predicate)) \(of($0.object)))" }.joined() + ")"
        case .path(let s, let path, let o): return "(path \(of(s)) \(of(path)) \(of(o)))"
        case .join(let a, let b): return "(join \(of(a)) \(of(b)))"
        case .leftJoin(let a, let b, let e): return "(leftjoin \(of(a)) \(of(b))\(e.map { " " + of($0) } ?? ""))"
        case .filter(let e, let a): return "(filter \(of(e)) \(of(a)))"
        case .union(let a, let b): return "(union \(of(a)) \(of(b)))"
        case .minus(let a, let b): return "(minus \(of(a)) \(of(b)))"
        case .graph(let g, let a): return "(graph \(of(g)) \(of(a)))"
        case .extend(let a, let v, let e): return "(extend ?\(v) \(of(e)) \(of(a)))"
        case .values(let vars, let rows):
            let header = "(" + vars.map { "?" + $0 }.joined(separator: " ") + ")"
            return "(values \(header)" + rows.map { " (" + $0.map { $0.map(of) ?? "undef" }.joined(separator: " ") + ")" }.joined() + ")"
        case .group(let a, let vars, let aggregates):
            let keys = "(" + vars.map { "?" + $0 }.joined(separator: " ") + ")"
            let aggs = "(" + aggregates.map { "(?\($0.variable) \(of($0.aggregate)))" }.joined(separator: " ") + ")"
            return "(group \(keys) \(aggs) \(of(a)))"
        case .orderBy(let a, let conditions):
            return "(order (" + conditions.map { "(\($0.ascending ? "asc" : "desc") \(of($0.expression)))" }.joined(separator: " ") + ") \(of(a)))"
        case .project(let a, let vars): return "(project (" + vars.map { "?" + $0 }.joined(separator: " ") + ") \(of(a)))"
        case .distinct(let a): return "(distinct \(of(a)))"
        case .reduced(let a): return "(reduced \(of(a)))"
        case .slice(let a, let offset, let limit): return "(slice \(offset) \(limit.map(String.init) ?? "_") \(of(a)))"
        case .service(let s, let a, let silent): return "(service \(silent ? "silent " : "")\(of(s)) \(of(a)))"
        }
    }

    static func of(_ t: TermPattern) -> String {
        switch t {
        case .variable(let v): return "?" + v
        case .term(let term): return of(term)
        }
    }

    static func of(_ t: Term) -> String {
        switch t {
        case .iri(let iri): return iriText(iri)
        case .blank(let label): return "_:" + label
        case .literal(let l):
            if let lang = l.language { return "\"\(l.lexical)\"@\(lang)" }
            if l.datatype == Vocabulary.xsdString { return "\"\(l.lexical)\"" }
            if l.datatype == Vocabulary.xsd + "integer" { return l.lexical }
            return "\"\(l.lexical)\"^^\(iriText(l.datatype))"
        }
    }

    private static func iriText(_ iri: String) -> String {
        for (prefix, ns) in [("", "http://e/"), ("rdf", Vocabulary.rdf), ("xsd", Vocabulary.xsd)] where iri.hasPrefix(ns) {
            return prefix + ":" + iri.dropFirst(ns.count)
        }
        return "<\(iri)>"
    }

    static func of(_ p: PropertyPath) -> String {
        switch p {
        case .link(let iri): return iriText(iri)
        case .inverse(let a): return "(inv \(of(a)))"
        case .sequence(let a, let b): return "(seq \(of(a)) \(of(b)))"
        case .alternative(let a, let b): return "(alt \(of(a)) \(of(b)))"
        case .zeroOrMore(let a): return "(path* \(of(a)))"
        case .oneOrMore(let a): return "(path+ \(of(a)))"
        case .zeroOrOne(let a): return "(path? \(of(a)))"
        case .negatedPropertySet(let forward, let inverse):
            return "(notoneof" + forward.map { " " + iriText($0) }.joined() + inverse.map { " (inv \(iriText($0)))" }.joined() + ")"
        }
    }

    static func of(_ e: Expression) -> String {
        func call(_ name: String, _ args: [Expression]) -> String {
            "(" + name + args.map { " " + of($0) }.joined() + ")"
        }
        switch e {
        case .term(let t): return of(t)
        case .variable(let v): return "?" + v
        case .or(let a, let b): return call("||", [a, b])
        case .and(let a, let b): return call("&&", [a, b])
        case .not(let a): return call("!", [a])
        case .equal(let a, let b): return call("=", [a, b])
        case .notEqual(let a, let b): return call("!=", [a, b])
        case .less(let a, let b): return call("<", [a, b])
        case .lessOrEqual(let a, let b): return call("<=", [a, b])
        case .greater(let a, let b): return call(">", [a, b])
        case .greaterOrEqual(let a, let b): return call(">=", [a, b])
        case .in(let a, let list): return call("in", [a] + list)
        case .notIn(let a, let list): return call("notin", [a] + list)
        case .add(let a, let b): return call("+", [a, b])
        case .subtract(let a, let b): return call("-", [a, b])
        case .multiply(let a, let b): return call("*", [a, b])
        case .divide(let a, let b): return call("/", [a, b])
        case .unaryPlus(let a): return call("pos", [a])
        case .unaryMinus(let a): return call("neg", [a])
        case .bound(let v): return "(bound ?\(v))"
        case .if(let a, let b, let c): return call("if", [a, b, c])
        case .coalesce(let list): return call("coalesce", list)
        case .exists(let p): return "(exists \(of(p)))"
        case .notExists(let p): return "(notexists \(of(p)))"
        case .builtin(let f, let args): return call(f.rawValue.lowercased(), args)
        case .function(let iri, let args): return call(iriText(iri), args)
        case .aggregate(let a): return of(a)
        }
    }

    static func of(_ a: Aggregate) -> String {
        func agg(_ name: String, _ e: Expression?, _ distinct: Bool, _ extra: String = "") -> String {
            "(\(name)\(distinct ? " distinct" : "") \(e.map(of) ?? "*")\(extra))"
        }
        switch a {
        case .count(let e, let d): return agg("count", e, d)
        case .sum(let e, let d): return agg("sum", e, d)
        case .avg(let e, let d): return agg("avg", e, d)
        case .min(let e, let d): return agg("min", e, d)
        case .max(let e, let d): return agg("max", e, d)
        case .sample(let e, let d): return agg("sample", e, d)
        case .groupConcat(let e, let separator, let d): return agg("group_concat", e, d, " \"\(separator)\"")
        }
    }
}
