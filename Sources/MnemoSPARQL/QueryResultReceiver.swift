import MnemoRDF
import MnemoSPARQLResults
import MnemoSPARQLSyntax

/// Takes a query's answer piece by piece from ``SPARQLEngine/evaluate(_:dataset:limits:into:)``.
///
/// SELECT calls `begin(variables:)` once, then `row(_:)` per solution; ASK
/// calls `boolean(_:)` once; CONSTRUCT and DESCRIBE call `triple(_:)` per
/// distinct triple (its graph is nil). A receiver may throw to stop the query.
public protocol QueryResultReceiver: AnyObject {
    func begin(variables: [String]) throws
    func row(_ terms: [Term?]) throws
    func boolean(_ value: Bool) throws
    func triple(_ quad: Quad) throws
}

/// Collects a whole answer in memory, as ``SPARQLEngine/execute(_:dataset:limits:)`` returns it.
final class CollectingReceiver: QueryResultReceiver {
    private var variables: [String] = []
    private var rows: [[Term?]] = []
    private var quads: [Quad] = []
    private var answer: Bool?
    private let isGraphForm: Bool

    /// `isGraphForm`: the query is a CONSTRUCT or DESCRIBE, whose answer (even an empty one) is a graph.
    init(isGraphForm: Bool) { self.isGraphForm = isGraphForm }

    func begin(variables: [String]) throws { self.variables = variables }
    func row(_ terms: [Term?]) throws { rows.append(terms) }
    func boolean(_ value: Bool) throws { answer = value }
    func triple(_ quad: Quad) throws { quads.append(quad) }

    var result: QueryResult {
        if let answer { return .boolean(answer) }
        if isGraphForm { return .graph(quads) }
        return .solutions(SolutionTable(variables: variables, rows: rows))
    }
}

extension QueryForm {
    /// True for CONSTRUCT and DESCRIBE, whose answer is a graph.
    public var isGraphForm: Bool {
        switch self {
        case .construct, .describe: return true
        case .select, .ask: return false
        }
    }
}
