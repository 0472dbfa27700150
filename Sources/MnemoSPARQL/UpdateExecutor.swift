import Foundation
import MnemoRDF
import MnemoSPARQLResults
import MnemoSPARQLSyntax
import MnemoStore

/// How update requests are run.
public struct UpdateOptions: Sendable {
    /// The only directory LOAD may read, and only through `file:` IRIs whose
    /// path, once symbolic links and `..` are resolved, lies inside it.
    /// nil: LOAD is refused. Nothing is ever fetched from the network.
    public var loadDirectory: URL?
    /// The default graph of a WHERE clause without USING or WITH: true (the
    /// default), the union of every graph, as for queries (Fuseki's
    /// union default graph, Oxigraph's `union_default_graph`); false, only
    /// the store's unnamed default graph, as the W3C tests assume.
    /// Templates write the unnamed default graph either way.
    public var unionDefaultGraph: Bool
    public init(loadDirectory: URL? = nil, unionDefaultGraph: Bool = true) {
        self.loadDirectory = loadDirectory
        self.unionDefaultGraph = unionDefaultGraph
    }
}

/// What an update request changed.
public struct UpdateSummary: Sendable, Equatable, CustomStringConvertible {
    /// Quads new to the store, net of any the request also deleted.
    public var inserted: Int
    /// Quads gone from the store, net of any the request also inserted.
    public var deleted: Int
    /// Operations run (SILENT ones that failed included).
    public var operations: Int
    public init(inserted: Int, deleted: Int, operations: Int) {
        self.inserted = inserted
        self.deleted = deleted
        self.operations = operations
    }
    public var description: String {
        "\(operations) operation\(operations == 1 ? "" : "s"): \(inserted) quad\(inserted == 1 ? "" : "s") inserted, \(deleted) deleted"
    }
}

/// Why an update request failed; the store is then unchanged.
public struct UpdateError: Error, CustomStringConvertible, Sendable {
    /// 1-based position of the failing operation in the request.
    public var operation: Int
    /// Its keyword, e.g. "LOAD".
    public var keyword: String
    /// What went wrong.
    public var reason: String
    public init(operation: Int, keyword: String, reason: String) {
        self.operation = operation
        self.keyword = keyword
        self.reason = reason
    }
    public var description: String { "operation \(operation) (\(keyword)): \(reason); nothing was changed" }
}

extension SPARQLEngine {
    /// Parses and runs a SPARQL 1.1 Update request as one atomic change:
    /// every operation sees the effects of the ones before it, and either
    /// all of them reach the store or (on any error) none do.
    ///
    /// - Throws: ``SPARQLSyntaxError`` for a malformed request,
    ///   ``UpdateError`` when an operation fails (not SILENT), ``QueryError``
    ///   when a WHERE clause exceeds `limits`, ``StoreError`` when the write fails.
    @discardableResult
    public func update(_ text: String, baseIRI: String? = nil, options: UpdateOptions = UpdateOptions(),
                       limits: QueryLimits = QueryLimits()) throws -> UpdateSummary {
        try execute(SPARQLParser.parseUpdate(text, baseIRI: baseIRI), options: options, limits: limits)
    }

    /// Runs a parsed update request as one atomic change (see ``update(_:baseIRI:options:limits:)``).
    @discardableResult
    public func execute(_ request: UpdateRequest, options: UpdateOptions = UpdateOptions(),
                        limits: QueryLimits = QueryLimits()) throws -> UpdateSummary {
        try store.transaction { tx in
            var run = UpdateRun(engine: self, options: options, limits: limits)
            for (i, op) in request.operations.enumerated() {
                do {
                    try run.perform(op, &tx)
                } catch let failure as OperationFailure {
                    if !op.isSilent { throw UpdateError(operation: i + 1, keyword: op.keyword, reason: failure.reason) }
                }
            }
            return UpdateSummary(inserted: tx.insertedCount, deleted: tx.deletedCount, operations: request.operations.count)
        }
    }
}

/// A failure of one operation, which SILENT turns into success.
struct OperationFailure: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

extension UpdateOperation {
    var isSilent: Bool {
        switch self {
        case .load(_, _, let s), .clear(_, let s), .drop(_, let s), .create(_, let s),
             .add(_, _, let s), .move(_, _, let s), .copy(_, _, let s): return s
        case .insertData, .deleteData, .modify: return false
        }
    }

    var keyword: String {
        switch self {
        case .insertData: return "INSERT DATA"
        case .deleteData: return "DELETE DATA"
        case .modify(let m): return m.insert.isEmpty ? "DELETE" : (m.delete.isEmpty ? "INSERT" : "DELETE/INSERT")
        case .load: return "LOAD"
        case .clear: return "CLEAR"
        case .drop: return "DROP"
        case .create: return "CREATE"
        case .add: return "ADD"
        case .move: return "MOVE"
        case .copy: return "COPY"
        }
    }
}

/// The state of one request's run: options, the graphs it created (which
/// exist, empty, until the request ends) and the source of fresh blank nodes.
struct UpdateRun {
    let engine: SPARQLEngine
    let options: UpdateOptions
    let limits: QueryLimits
    /// Graphs created by CREATE (or as ADD/COPY/MOVE targets) in this request.
    var created: Set<String> = []
    private let blankPrefix = "u" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased() + "_"
    private var blankCounter = 0

    init(engine: SPARQLEngine, options: UpdateOptions, limits: QueryLimits) {
        self.engine = engine
        self.options = options
        self.limits = limits
    }

    /// A blank node no store or request has used.
    mutating func freshBlank() -> Term {
        blankCounter += 1
        return .blank(blankPrefix + String(blankCounter))
    }

    mutating func perform(_ op: UpdateOperation, _ tx: inout StoreTransaction) throws {
        switch op {
        case .insertData(let quads):
            var labels: [String: Term] = [:]
            func fresh(_ t: Term) -> Term {
                guard case .blank(let l) = t else { return t }
                if let b = labels[l] { return b }
                let b = freshBlank()
                labels[l] = b
                return b
            }
            tx.insert(quads.compactMap { q -> Quad? in
                let quad = Quad(fresh(q.subject), q.predicate, q.object.isBlank ? fresh(q.object) : q.object, q.graph)
                return Self.isValid(quad) ? quad : nil
            })
        case .deleteData(let quads):
            tx.delete(quads)
        case .modify(let m):
            try modify(m, &tx)
        case .load(let iri, let into, _):
            try load(iri, into: into, &tx)
        case .clear(let ref, _):
            try clear(ref, dropping: false, &tx)
        case .drop(let ref, _):
            try clear(ref, dropping: true, &tx)
        case .create(let iri, _):
            if exists(.named(iri), tx) { throw OperationFailure("the graph <\(iri)> already exists") }
            created.insert(iri)
        case .add(let from, let to, _):
            try transfer(from, to, replacing: false, moving: false, &tx)
        case .copy(let from, let to, _):
            try transfer(from, to, replacing: true, moving: false, &tx)
        case .move(let from, let to, _):
            try transfer(from, to, replacing: true, moving: true, &tx)
        }
    }

    /// Subjects that are IRIs or blank nodes, IRI predicates, IRI graph names.
    static func isValid(_ q: Quad) -> Bool {
        guard !q.subject.isLiteral, q.predicate.isIRI else { return false }
        if let g = q.graph, !g.isIRI { return false }
        return true
    }
}
