import MnemoRDF

// SPARQL 1.1 Update requests as Swift values: what `SPARQLParser.parseUpdate`
// produces and the engine's update executor runs, one operation after another.

/// A graph named by a graph management operation.
public enum GraphReference: Hashable, Sendable {
    /// `DEFAULT`: the store's default (unnamed) graph.
    case defaultGraph
    /// `GRAPH <iri>` (or a bare `<iri>` in ADD, MOVE and COPY).
    case named(String)
    /// `NAMED`: every named graph (CLEAR and DROP only).
    case allNamed
    /// `ALL`: the default graph and every named graph (CLEAR and DROP only).
    case all
}

/// One triple pattern of an update template or data block, with its graph.
public struct QuadTemplate: Hashable, Sendable {
    public var triple: TriplePattern
    /// `GRAPH g { … }`; nil outside GRAPH: the operation's default graph
    /// (the WITH graph if there is one, else the store's default graph).
    public var graph: TermPattern?
    public init(_ triple: TriplePattern, graph: TermPattern? = nil) {
        self.triple = triple
        self.graph = graph
    }
}

/// `[WITH iri] DELETE { … } INSERT { … } USING … WHERE { … }`, and the
/// `DELETE WHERE { … }` short form (whose templates are its pattern).
public struct ModifyOperation: Hashable, Sendable {
    /// The WITH graph: the default graph for the templates, and for the
    /// WHERE clause unless USING names a dataset.
    public var with: String?
    /// Quads deleted per solution (no blank nodes).
    public var delete: [QuadTemplate]
    /// Quads inserted per solution; blank nodes are fresh for each solution.
    public var insert: [QuadTemplate]
    /// USING (default graphs) and USING NAMED: the WHERE clause's dataset; nil when absent.
    public var using: QueryDataset?
    /// The WHERE clause in algebra, as in a query (blank nodes are variables).
    public var pattern: GraphPattern
    /// The base IRI in force for this operation (for IRI() and friends).
    public var baseIRI: String?
    public init(with: String? = nil, delete: [QuadTemplate] = [], insert: [QuadTemplate] = [],
                using: QueryDataset? = nil, pattern: GraphPattern, baseIRI: String? = nil) {
        self.with = with
        self.delete = delete
        self.insert = insert
        self.using = using
        self.pattern = pattern
        self.baseIRI = baseIRI
    }
}

/// One operation of an update request (SPARQL 1.1 Update, section 3).
public enum UpdateOperation: Hashable, Sendable {
    /// INSERT DATA: ground quads (graph nil: the default graph). Blank nodes
    /// are labels scoped to this operation; each becomes a fresh node.
    case insertData([Quad])
    /// DELETE DATA: ground quads without blank nodes.
    case deleteData([Quad])
    /// DELETE/INSERT … WHERE and DELETE WHERE.
    case modify(ModifyOperation)
    /// `LOAD [SILENT] <iri> [INTO GRAPH <g>]` (into nil: the default graph).
    case load(String, into: String?, silent: Bool)
    /// `CLEAR [SILENT] GRAPH <g> | DEFAULT | NAMED | ALL`.
    case clear(GraphReference, silent: Bool)
    /// `DROP [SILENT] …`: as CLEAR in a quad store, where graphs without quads do not exist.
    case drop(GraphReference, silent: Bool)
    /// `CREATE [SILENT] GRAPH <g>`.
    case create(String, silent: Bool)
    /// `ADD [SILENT] from TO to` (each `.defaultGraph` or `.named`).
    case add(GraphReference, to: GraphReference, silent: Bool)
    /// `MOVE [SILENT] from TO to`.
    case move(GraphReference, to: GraphReference, silent: Bool)
    /// `COPY [SILENT] from TO to`.
    case copy(GraphReference, to: GraphReference, silent: Bool)
}

/// A parsed update request: its operations in order, run as one unit.
public struct UpdateRequest: Hashable, Sendable {
    public var operations: [UpdateOperation]
    /// The base IRI in force at the end of the request, if any.
    public var baseIRI: String?
    public init(operations: [UpdateOperation], baseIRI: String? = nil) {
        self.operations = operations
        self.baseIRI = baseIRI
    }
}
