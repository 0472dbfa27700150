import MnemoRDF
import MnemoSPARQLResults
import MnemoSPARQLSyntax
import MnemoStore

// DELETE/INSERT … WHERE (SPARQL 1.1 Update, section 3.1.3): the WHERE clause
// is evaluated once over the working state, then every solution's deletions
// are applied, then every solution's insertions.
extension UpdateRun {
    mutating func modify(_ m: ModifyOperation, _ tx: inout StoreTransaction) throws {
        var variables: [Variable] = []
        var seen = Set<Variable>()
        for t in m.delete + m.insert {
            for p in [t.triple.subject, t.triple.predicate, t.triple.object] + (t.graph.map { [$0] } ?? []) {
                if case .variable(let v) = p, seen.insert(v).inserted { variables.append(v) }
            }
        }
        let query = Query(form: .select(variables: variables), pattern: m.pattern, dataset: m.using, baseIRI: m.baseIRI)
        let snapshot = tx.snapshot
        let result = try engine.execute(query, over: snapshot, resolved: dataset(for: m, snapshot), limits: limits)
        guard case .solutions(let table) = result else { return }
        let withGraph: Term? = m.with.map { .iri($0) }
        var deletions: [Quad] = []
        var insertions: [Quad] = []
        for row in table.rows {
            func value(_ v: Variable) -> Term? { variables.firstIndex(of: v).flatMap { row[$0] } }
            for t in m.delete {
                if let q = build(t, { Self.constantOrBound($0, value) }, withGraph) { deletions.append(q) }
            }
            var blanks: [String: Term] = [:]
            for t in m.insert {
                if let q = instantiate(t, value, withGraph, blanks: &blanks) { insertions.append(q) }
            }
        }
        tx.delete(deletions)
        tx.insert(insertions)
    }

    /// The WHERE clause's dataset: USING / USING NAMED when given, else the
    /// WITH graph as default graph, else the store's default dataset.
    private func dataset(for m: ModifyOperation, _ snapshot: IndexSnapshot) -> EvaluationDataset {
        if m.using != nil { return engine.resolve(m.using, DatasetSelection(), snapshot) }
        let named = snapshot.namedGraphs()
        if let with = m.with {
            let id = engine.store.dictionary.lookup(.iri(with))
            return EvaluationDataset(defaultGraphs: Set(id.map { [$0] } ?? []), namedGraphs: named)
        }
        return EvaluationDataset(defaultGraphs: options.unionDefaultGraph ? nil : [0], namedGraphs: named)
    }

    /// One template quad for one solution; nil when a position is unbound
    /// or the quad would be invalid (a literal subject, a non-IRI predicate
    /// or graph). Template blank nodes become fresh nodes, one per label per solution.
    private mutating func instantiate(_ t: QuadTemplate, _ value: (Variable) -> Term?, _ defaultGraph: Term?,
                                      blanks: inout [String: Term]) -> Quad? {
        var fresh = blanks
        defer { blanks = fresh }
        func term(_ p: TermPattern) -> Term? {
            switch p {
            case .variable(let v): return value(v)
            case .term(.blank(let label)):
                if let b = fresh[label] { return b }
                let b = freshBlank()
                fresh[label] = b
                return b
            case .term(let t): return t
            }
        }
        return build(t, term, defaultGraph)
    }

    /// A template position for a DELETE template, which holds no blank nodes.
    private static func constantOrBound(_ p: TermPattern, _ value: (Variable) -> Term?) -> Term? {
        switch p {
        case .variable(let v): return value(v)
        case .term(let t): return t
        }
    }

    private func build(_ t: QuadTemplate, _ term: (TermPattern) -> Term?, _ defaultGraph: Term?) -> Quad? {
        guard let s = term(t.triple.subject), let p = term(t.triple.predicate), let o = term(t.triple.object) else { return nil }
        var g = defaultGraph
        if let pattern = t.graph {
            guard let named = term(pattern) else { return nil }
            g = named
        }
        let q = Quad(s, p, o, g)
        return Self.isValid(q) ? q : nil
    }
}
