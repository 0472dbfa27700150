import MnemoRDF

/// A streaming writer of SELECT or ASK results.
///
/// For solutions call `begin(variables:)`, then `write(row:)` for each
/// solution, then `end()`; for a boolean call `write(boolean:)` alone. Output
/// goes to the writer's `ResultSink` as it is produced (the `table` format
/// alone holds rows until `end()` to measure its columns). A row shorter than
/// the variable list is padded with unbound values; extra entries are ignored.
public protocol QueryResultWriter: AnyObject {
    /// Starts a solution sequence over these variables (names without `?`).
    func begin(variables: [String]) throws
    /// Writes one solution: one optional term per variable, in order.
    func write(row: [Term?]) throws
    /// Finishes the document and flushes everything to the sink.
    func end() throws
    /// Writes a whole boolean (ASK) result document and flushes it.
    func write(boolean: Bool) throws
}

extension QueryResultWriter {
    /// Writes a whole table: `begin`, every row, `end`.
    public func write(_ table: SolutionTable) throws {
        try begin(variables: table.variables)
        for row in table.rows { try write(row: row) }
        try end()
    }

    /// Writes a whole result. Graph results are written as a table of
    /// `subject`, `predicate`, `object` (and `graph` when a quad has one) by the
    /// CSV, TSV and table writers; the JSON and XML writers throw.
    public func write(_ result: QueryResult) throws {
        switch result {
        case .solutions(let t): try write(t)
        case .boolean(let b): try write(boolean: b)
        case .graph(let quads):
            if self is JSONResultsWriter || self is XMLResultsWriter {
                throw ResultWriterError.graphNotSupported
            }
            try write(SolutionTable(quads: quads))
        }
    }
}

extension SolutionTable {
    /// Quads as a table of `subject`, `predicate`, `object`, plus `graph`
    /// when any quad is in a named graph.
    public init(quads: [Quad]) {
        let named = quads.contains { $0.graph != nil }
        var vars = ["subject", "predicate", "object"]
        if named { vars.append("graph") }
        self.init(variables: vars, rows: quads.map { q in
            named ? [q.subject, q.predicate, q.object, q.graph] : [q.subject, q.predicate, q.object]
        })
    }
}

/// Errors of the result writers.
public enum ResultWriterError: Error, Equatable, CustomStringConvertible {
    /// The sink failed.
    case io(String)
    /// Calls out of order, e.g. `write(row:)` before `begin(variables:)`.
    case misuse(String)
    /// A graph result was given to a writer of SELECT/ASK results.
    case graphNotSupported
    /// The JSON-LD context would change the meaning of an IRI in the data.
    case prefixClash(String)

    public var description: String {
        switch self {
        case .io(let m): "output error: \(m)"
        case .misuse(let m): "writer misuse: \(m)"
        case .graphNotSupported: "graph results (CONSTRUCT/DESCRIBE) need an RDF format such as JSON-LD"
        case .prefixClash(let m): "JSON-LD prefix clash: \(m)"
        }
    }
}

/// The call order shared by the writers.
struct WriterState {
    enum Phase { case initial, rows, done }
    private(set) var phase = Phase.initial
    private(set) var width = 0

    mutating func begin(_ variables: [String]) throws {
        guard phase == .initial else { throw ResultWriterError.misuse("begin(variables:) called twice") }
        phase = .rows
        width = variables.count
    }

    func row() throws {
        guard phase == .rows else { throw ResultWriterError.misuse("write(row:) outside begin/end") }
    }

    mutating func end() throws {
        guard phase == .rows else { throw ResultWriterError.misuse("end() without begin(variables:)") }
        phase = .done
    }

    mutating func boolean() throws {
        guard phase == .initial else { throw ResultWriterError.misuse("write(boolean:) after other output") }
        phase = .done
    }

    /// The term of column `i` of `row`, nil when the row is short.
    func cell(_ row: [Term?], _ i: Int) -> Term? { i < row.count ? row[i] : nil }
}
