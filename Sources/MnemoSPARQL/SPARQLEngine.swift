import Foundation
import MnemoRDF
import MnemoSPARQLFunctions
import MnemoSPARQLResults
import MnemoSPARQLSyntax
import MnemoStore

/// The dataset to query when the query itself names none (no FROM / FROM NAMED).
public struct DatasetSelection: Sendable {
    /// Graphs merged into the default graph; nil: every graph in the store.
    public var defaultGraphs: [String]?
    /// Graphs that GRAPH ranges over; nil: every named graph in the store.
    public var namedGraphs: [String]?
    public init(defaultGraphs: [String]? = nil, namedGraphs: [String]? = nil) {
        self.defaultGraphs = defaultGraphs
        self.namedGraphs = namedGraphs
    }
}

/// Answers SPARQL 1.1 queries over a store's index.
///
/// With no FROM clause the default graph is the union of every graph in the
/// store and GRAPH ranges over the named graphs; FROM and FROM NAMED restrict
/// the dataset as the specification says.
///
/// ```swift
/// let engine = SPARQLEngine(store: store)
/// let result = try engine.query("SELECT ?p WHERE { ?p a <http://www.cidoc-crm.org/cidoc-crm/E21_Person> } LIMIT 10")
/// ```
public struct SPARQLEngine: Sendable {
    public let store: Store
    /// Functions beyond SPARQL's own that queries may call by IRI.
    public let extensions: [any ExtensionFunction]

    public init(store: Store, extensions: [any ExtensionFunction] = []) {
        self.store = store
        self.extensions = extensions
    }

    /// Parses and answers a query.
    public func query(_ text: String, baseIRI: String? = nil, dataset: DatasetSelection = DatasetSelection(),
                      limits: QueryLimits = QueryLimits()) throws -> QueryResult {
        try execute(SPARQLParser.parse(text, baseIRI: baseIRI), dataset: dataset, limits: limits)
    }

    /// Answers a parsed query over the store's current snapshot, collecting the whole answer.
    public func execute(_ query: Query, dataset selection: DatasetSelection = DatasetSelection(),
                        limits: QueryLimits = QueryLimits()) throws -> QueryResult {
        try execute(query, over: store.snapshot, dataset: selection, limits: limits)
    }

    /// Answers a parsed query over a given snapshot of the store, such as
    /// the working state of a ``StoreTransaction``.
    public func execute(_ query: Query, over snapshot: IndexSnapshot, dataset selection: DatasetSelection = DatasetSelection(),
                        limits: QueryLimits = QueryLimits()) throws -> QueryResult {
        try execute(query, over: snapshot, resolved: resolve(query.dataset, selection, snapshot), limits: limits)
    }

    /// Answers a parsed query over `snapshot` with the dataset already in ids.
    func execute(_ query: Query, over snapshot: IndexSnapshot, resolved dataset: EvaluationDataset,
                 limits: QueryLimits) throws -> QueryResult {
        let collector = CollectingReceiver(isGraphForm: query.form.isGraphForm)
        try evaluate(query, over: snapshot, resolved: dataset, limits: limits, into: collector)
        return collector.result
    }

    /// Answers a parsed query over the store's current snapshot, handing each
    /// solution or triple to `receiver` as soon as it is found, so an answer
    /// of any size streams in flat memory (but for what ORDER BY, GROUP BY
    /// and DISTINCT must hold). CONSTRUCT hands over each distinct triple once.
    public func evaluate(_ query: Query, dataset selection: DatasetSelection = DatasetSelection(),
                         limits: QueryLimits = QueryLimits(), into receiver: some QueryResultReceiver) throws {
        let snapshot = store.snapshot
        try evaluate(query, over: snapshot, resolved: resolve(query.dataset, selection, snapshot), limits: limits, into: receiver)
    }

    @discardableResult
    func evaluate(_ query: Query, over snapshot: IndexSnapshot, resolved dataset: EvaluationDataset,
                  limits: QueryLimits, profile: Profile? = nil,
                  into receiver: some QueryResultReceiver) throws -> (root: Node, names: [Variable], dictionary: QueryDictionary) {
        let dictionary = QueryDictionary(store.dictionary)
        let guardrail = LimitGuard(limits)
        let functions = FunctionContext(baseIRI: query.baseIRI, extensions: extensions)
        var compiler = Compiler(dictionary: dictionary, functions: functions)
        let root = try compiler.compile(query.pattern)
        // Slots for variables the form mentions (template, DESCRIBE, SELECT list).
        switch query.form {
        case .select(let vars): for v in vars { _ = compiler.slot(v) }
        case .construct(let template):
            for t in template { for p in [t.subject, t.predicate, t.object] { if case .variable(let v) = p { _ = compiler.slot(v) } } }
        case .describe(let targets):
            for p in targets { if case .variable(let v) = p { _ = compiler.slot(v) } }
        case .ask: break
        }
        let evaluator = Evaluator(snapshot: snapshot, dictionary: dictionary, width: compiler.names.count,
                                  dataset: dataset, functions: functions,
                                  guardrail: guardrail)
        evaluator.profile = profile
        let scope = evaluator.defaultScope

        switch query.form {
        case .ask:
            var found = false
            try evaluator.eval(root, evaluator.emptyRow, scope) { _ in found = true; return false }
            try receiver.boolean(found)
        case .select(let vars):
            let slots = vars.map { compiler.slots[$0]! }
            try receiver.begin(variables: vars)
            var count = 0
            try evaluator.eval(root, evaluator.emptyRow, scope) { row in
                if let cap = limits.maxResultRows, count >= cap { throw QueryError.tooManyResults(cap) }
                count += 1
                try receiver.row(slots.map { row[$0] == 0 ? nil : dictionary.term(row[$0]) })
                return true
            }
        case .construct(let template):
            var seen = Set<Quad>()
            var n = 0
            try evaluator.eval(root, evaluator.emptyRow, scope) { row in
                n += 1
                for t in template {
                    guard let s = instantiate(t.subject, row, n, compiler, dictionary),
                          let p = instantiate(t.predicate, row, n, compiler, dictionary),
                          let o = instantiate(t.object, row, n, compiler, dictionary),
                          !s.isLiteral, p.isIRI else { continue }
                    let q = Quad(s, p, o)
                    if seen.insert(q).inserted {
                        if let cap = limits.maxResultRows, seen.count > cap { throw QueryError.tooManyResults(cap) }
                        try receiver.triple(q)
                    }
                }
                return true
            }
        case .describe(let targets):
            var resources: [TermID] = []
            var seenResource = Set<TermID>()
            func add(_ id: TermID) { if id != 0, seenResource.insert(id).inserted { resources.append(id) } }
            for t in targets { if case .term(let term) = t { add(dictionary.intern(term)) } }
            let vars = targets.compactMap { t -> Int? in if case .variable(let v) = t { return compiler.slots[v] }; return nil }
            if !vars.isEmpty {
                try evaluator.eval(root, evaluator.emptyRow, scope) { row in
                    for v in vars { add(row[v]) }
                    return true
                }
            }
            for q in try describe(resources, snapshot, scope.graphs, dictionary, guardrail) { try receiver.triple(q) }
        }
        return (root, compiler.names, dictionary)
    }

    /// The dataset in ids: the query's FROM / FROM NAMED, else the caller's selection, else the whole store.
    func resolve(_ d: QueryDataset?, _ selection: DatasetSelection, _ snapshot: IndexSnapshot) -> EvaluationDataset {
        let dict = store.dictionary
        func ids(_ iris: [String]) -> [TermID] {
            var out: [TermID] = []
            for iri in iris { if let id = dict.lookup(.iri(iri)), !out.contains(id) { out.append(id) } }
            return out
        }
        if let d, !(d.defaultGraphs.isEmpty && d.namedGraphs.isEmpty) {
            return EvaluationDataset(defaultGraphs: Set(ids(d.defaultGraphs)), namedGraphs: ids(d.namedGraphs))
        }
        return EvaluationDataset(defaultGraphs: selection.defaultGraphs.map { Set(ids($0)) },
                                 namedGraphs: selection.namedGraphs.map(ids) ?? snapshot.namedGraphs())
    }

    private func instantiate(_ p: TermPattern, _ row: Row, _ n: Int, _ c: Compiler, _ d: QueryDictionary) -> Term? {
        switch p {
        case .term(.blank(let label)): return .blank("c\(n)_\(label)")
        case .term(let t): return t
        case .variable(let v):
            guard let slot = c.slots[v], row[slot] != 0 else { return nil }
            return d.term(row[slot])
        }
    }

    /// Concise bounded descriptions: each resource's triples as subject, following blank-node objects.
    private func describe(_ resources: [TermID], _ snapshot: IndexSnapshot, _ scope: GraphScope, _ d: QueryDictionary,
                          _ guardrail: LimitGuard) throws -> [Quad] {
        var out: [Quad] = []
        var seen = Set<QuadIDs>()
        var visited = Set<TermID>()
        var stack = resources
        while let r = stack.popLast() {
            guard visited.insert(r).inserted else { continue }
            try snapshot.forEachTriple(s: r, p: nil, o: nil, in: scope) { s, p, o in
                try guardrail.tick()
                if seen.insert(QuadIDs(s, p, o, 0)).inserted {
                    out.append(Quad(d.term(s), d.term(p), d.term(o)))
                    if case .blank = d.term(o) { stack.append(o) }
                }
                return true
            }
        }
        return out
    }
}
