import MnemoRDF
import MnemoSPARQL
import MnemoSPARQLResults
import MnemoStore
import MnemoSyntax

/// Writes a query's answer, as the engine hands it over, in one wire
/// format to a byte sink: SPARQL results for SELECT and ASK, an RDF syntax
/// for CONSTRUCT and DESCRIBE.
final class ResultStream: QueryResultReceiver {
    private enum Output {
        case solutions(any QueryResultWriter)
        case rdf(RDFWriter)
        case jsonld(JSONLDWriter)
    }

    private let output: Output
    private var begun = false

    init(format: WireFormat, prefixes: [(String, String)] = Store.commonPrefixes,
         sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        if let rdf = format.rdfFormat {
            output = .rdf(try RDFWriter(format: rdf, prefixes: prefixes, sink: sink))
        } else if format == .jsonld {
            output = .jsonld(JSONLDWriter(sink: ResultSink(sink)))
        } else {
            output = .solutions(ResultFormat(rawValue: format.rawValue)!.makeWriter(sink: ResultSink(sink)))
        }
    }

    func begin(variables: [String]) throws {
        guard case .solutions(let w) = output else { throw ResultWriterError.misuse("solutions for a graph format") }
        begun = true
        try w.begin(variables: variables)
    }

    func row(_ terms: [Term?]) throws {
        guard case .solutions(let w) = output else { throw ResultWriterError.misuse("solutions for a graph format") }
        try w.write(row: terms)
    }

    func boolean(_ value: Bool) throws {
        guard case .solutions(let w) = output else { throw ResultWriterError.misuse("a boolean for a graph format") }
        try w.write(boolean: value)
    }

    func triple(_ quad: Quad) throws {
        switch output {
        case .rdf(let w): try w.write(quad)
        case .jsonld(let w): try w.write(quad)
        case .solutions: throw ResultWriterError.graphNotSupported
        }
    }

    /// Ends the document once the engine is done.
    func finish() throws {
        switch output {
        case .solutions(let w): if begun { try w.end() }
        case .rdf(let w): try w.finish()
        case .jsonld(let w): try w.end()
        }
    }
}
