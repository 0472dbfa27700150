import MnemoRDF
import MnemoSPARQLResults
import MnemoSPARQLSyntax

/// A query's evaluation plan after running it: the operator tree, each
/// operator with the planner's estimate (for join-group members) and what
/// evaluation met: how often it ran, the solutions it produced, and the
/// time spent in it and below it.
public struct QueryExplanation: Sendable, CustomStringConvertible {
    /// One line of the plan tree.
    public struct Line: Sendable, Equatable {
        /// Nesting depth, 0 for the root.
        public var depth: Int
        /// The operator and its arguments, variables by name.
        public var text: String
        /// The planner's estimate of the solutions, where it made one.
        public var estimate: Double?
        /// Solutions produced over all evaluations (nil: never evaluated).
        public var rows: Int?
        /// How many times the operator was evaluated.
        public var calls: Int?
        /// Milliseconds spent in the operator and below it.
        public var milliseconds: Double?
    }

    /// Namespaces of the vocabularies Mnemo's data uses, for writing plans.
    public static let commonPrefixes: [String: String] = [
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#", "owl": "http://www.w3.org/2002/07/owl#",
        "skos": "http://www.w3.org/2004/02/skos/core#", "crm": "http://www.cidoc-crm.org/cidoc-crm/",
        "edm": "http://www.europeana.eu/schemas/edm/", "ore": "http://www.openarchives.org/ore/terms/",
        "dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/",
    ]

    public var lines: [Line]
    /// Solutions (or, for CONSTRUCT, template instances) the query produced.
    public var solutions: Int
    /// Total evaluation time in seconds.
    public var seconds: Double

    /// The plan alone, without counts and times: equal for queries whose plans are equal.
    public var shape: String {
        lines.map { String(repeating: "  ", count: $0.depth) + $0.text }.joined(separator: "\n")
    }

    /// The plan as an indented tree, with estimated and actual rows, calls and times.
    public var description: String {
        func number(_ d: Double) -> String {
            if d >= 1e9 { return "\(Int((d / 1e9).rounded()))G" }
            if d >= 1e6 { return "\(Int((d / 1e6).rounded()))M" }
            if d >= 1e4 { return "\(Int((d / 1e3).rounded()))k" }
            if d >= 10 || d == d.rounded() { return "\(Int(d.rounded()))" }
            return String(format: "%.2f", d)
        }
        var out = ["est       rows      calls     ms        operator"]
        for l in lines {
            func column(_ s: String) -> String { s.padding(toLength: max(9, s.count), withPad: " ", startingAt: 0) + " " }
            out.append(column(l.estimate.map(number) ?? "-") + column(l.rows.map { number(Double($0)) } ?? "-")
                       + column(l.calls.map { number(Double($0)) } ?? "-")
                       + column(l.milliseconds.map { String(format: "%.2f", $0) } ?? "-")
                       + String(repeating: "  ", count: l.depth) + l.text)
        }
        out.append("\(solutions) solutions in \(String(format: "%.2f", seconds * 1000)) ms")
        return out.joined(separator: "\n")
    }
}

extension SPARQLEngine {
    /// Runs the query, discarding its answer, and reports its plan with the
    /// estimated and actual rows and the time of each operator.
    /// Terms are written with `prefixes` (prefix → namespace) where they fit.
    public func explain(_ query: Query, dataset selection: DatasetSelection = DatasetSelection(),
                        limits: QueryLimits = QueryLimits(),
                        prefixes: [String: String] = QueryExplanation.commonPrefixes) throws -> QueryExplanation {
        let snapshot = store.snapshot
        let profile = Profile()
        let counter = CountingReceiver()
        let start = Profile.now()
        let (root, names, dictionary) = try evaluate(query, over: snapshot, resolved: resolve(query.dataset, selection, snapshot),
                                                     limits: limits, profile: profile, into: counter)
        let seconds = Double(Profile.now() - start) / 1e9
        let abbreviator = TermAbbreviator(prefixes: prefixes)
        let text = PlanText(names: names, term: { abbreviator.abbreviate(dictionary.term($0)) },
                            iri: { abbreviator.abbreviate(.iri($0)) })
        var writer = ExplanationWriter(text: text, profile: profile)
        writer.node(root, depth: 0)
        return QueryExplanation(lines: writer.lines, solutions: counter.count, seconds: seconds)
    }
}

/// Counts an answer's rows or triples, keeping none.
final class CountingReceiver: QueryResultReceiver {
    var count = 0
    func begin(variables: [String]) {}
    func row(_ terms: [Term?]) { count += 1 }
    func boolean(_ value: Bool) { count = value ? 1 : 0 }
    func triple(_ quad: Quad) { count += 1 }
}

/// Walks a plan after evaluation, writing one line per operator.
struct ExplanationWriter {
    let text: PlanText
    let profile: Profile
    var lines: [QueryExplanation.Line] = []

    mutating func line(_ depth: Int, _ s: String, _ node: Node? = nil, estimate: Double? = nil, rows: Int? = nil) {
        let c = node.flatMap { profile.existing($0) }
        lines.append(QueryExplanation.Line(depth: depth, text: s, estimate: estimate, rows: rows ?? c?.rows,
                                           calls: c?.calls, milliseconds: c.map { Double($0.nanoseconds) / 1e6 }))
    }

    mutating func filter(_ f: GroupFilter, _ depth: Int) {
        line(depth, "FILTER " + (text.graph(f.graph).map { $0 + " " } ?? "") + text.expression(f.expression))
        exists(f.expression, depth + 1)
    }

    /// Lines for the patterns of EXISTS inside an expression.
    mutating func exists(_ e: CExpr, _ depth: Int) {
        switch e {
        case .exists(let n, let negated):
            line(depth, negated ? "NOT EXISTS" : "EXISTS")
            node(n, depth: depth + 1)
        case .constant, .variable, .bound: break
        case .or(let a, let b), .and(let a, let b), .compare(_, let a, let b), .arithmetic(_, let a, let b):
            exists(a, depth); exists(b, depth)
        case .not(let a), .unaryPlus(let a), .unaryMinus(let a): exists(a, depth)
        case .in(let a, let xs, _): exists(a, depth); for x in xs { exists(x, depth) }
        case .if(let a, let b, let c): exists(a, depth); exists(b, depth); exists(c, depth)
        case .coalesce(let xs), .builtin(_, let xs), .function(_, let xs): for x in xs { exists(x, depth) }
        }
    }

    mutating func node(_ n: Node, depth: Int) {
        let v = text.variable
        switch n.kind {
        case .patterns(let elements, let filters):
            line(depth, "Join group: \(elements.count) member\(elements.count == 1 ? "" : "s")"
                 + (filters.isEmpty ? "" : ", \(filters.count) filter\(filters.count == 1 ? "" : "s")"), n)
            // One plan per set of incoming bound variables; in a stable order.
            func bound(_ k: BoundKey) -> String { k.bound.map(v).sorted().joined(separator: " ") }
            let plans = n.orders.sorted { (bound($0.key), "\($0.key.graph)") < (bound($1.key), "\($1.key.graph)") }
            if plans.isEmpty {
                for e in elements { line(depth + 1, text.member(e)) }
                for f in filters { filter(f, depth + 1) }
            }
            for (key, plan) in plans {
                var d = depth + 1
                if plans.count > 1 || !key.bound.isEmpty {
                    line(d, "plan with " + (key.bound.isEmpty ? "nothing bound" : bound(key) + " bound"))
                    d += 1
                }
                let calls = Double(profile.existing(n)?.calls ?? 1)
                let rows = profile.memberRows(n, key)
                for f in plan.before { filter(f, d) }
                for (i, e) in plan.elements.enumerated() {
                    let hashed = i < plan.hashed.count && plan.hashed[i] != nil
                    let switched = i < plan.runtime.isSwitched.count && plan.runtime.isSwitched[i] != 0
                    let replans = i < plan.runtime.replans.count ? plan.runtime.replans[i] : 0
                    line(d, "\(i + 1). " + text.member(e) + (hashed ? "   (hash join)" : switched ? "   (hash join from probe \(plan.runtime.probes[i]))" : "")
                         + (replans > 0 ? "   (re-planned from here for \(replans) solution\(replans == 1 ? "" : "s"))" : ""),
                         estimate: i < plan.estimates.count ? plan.estimates[i] * calls : nil, rows: rows?[i] ?? 0)
                    for f in plan.after[i] { filter(f, d + 1) }
                }
            }
        case .join(let a, let b):
            line(depth, "Join", n); node(a, depth: depth + 1); node(b, depth: depth + 1)
        case .leftJoin(let a, let b, let e):
            line(depth, "Optional" + (e.map { " FILTER " + text.expression($0) } ?? ""), n)
            node(a, depth: depth + 1); node(b, depth: depth + 1)
        case .filter(let e, let a):
            line(depth, "Filter " + text.expression(e), n); exists(e, depth + 1); node(a, depth: depth + 1)
        case .union(let a, let b):
            line(depth, "Union", n); node(a, depth: depth + 1); node(b, depth: depth + 1)
        case .minus(let a, let b):
            line(depth, "Minus", n); node(a, depth: depth + 1); node(b, depth: depth + 1)
        case .graph(let g, let a):
            line(depth, "Graph " + text.slot(g), n); node(a, depth: depth + 1)
        case .extend(let a, let slot, let e):
            line(depth, "Bind \(text.expression(e)) AS \(v(slot))", n); exists(e, depth + 1); node(a, depth: depth + 1)
        case .values(let vars, let rows):
            line(depth, "Values (\(vars.map(v).joined(separator: " "))): \(rows.count) rows", n)
        case .group(let a, let keys, let aggs):
            let list = aggs.map { "\(text.aggregate($0.1)) AS \(v($0.0))" }
            line(depth, "Group by (\(keys.map(v).joined(separator: " ")))" + (list.isEmpty ? "" : ": " + list.joined(separator: ", ")), n)
            node(a, depth: depth + 1)
        case .orderBy(let a, let conds, let keep):
            line(depth, "Order by " + conds.map { ($0.1 ? "" : "DESC ") + text.expression($0.0) }.joined(separator: ", ")
                 + (keep.map { " (keep \($0))" } ?? ""), n)
            node(a, depth: depth + 1)
        case .project(let a, let vars):
            line(depth, "Project " + vars.map(v).joined(separator: " "), n); node(a, depth: depth + 1)
        case .distinct(let a): line(depth, "Distinct", n); node(a, depth: depth + 1)
        case .reduced(let a): line(depth, "Reduced", n); node(a, depth: depth + 1)
        case .slice(let a, let offset, let limit):
            line(depth, "Slice offset \(offset)" + (limit.map { " limit \($0)" } ?? ""), n); node(a, depth: depth + 1)
        case .service: line(depth, "Service", n)
        case .whenNonEmpty(let p, let a, let b):
            let found = p.nonEmpty.values.contains(true), missed = p.nonEmpty.values.contains(false)
            line(depth, "If any (optional without shared variables)", n)
            node(p, depth: depth + 1)
            line(depth + 1, "then" + (found ? "" : "   (not taken)")); node(a, depth: depth + 2)
            line(depth + 1, "else" + (missed ? "" : "   (not taken)")); node(b, depth: depth + 2)
        }
    }
}
