import Foundation
import MnemoRDF

/// The formats for SELECT and ASK results, with their media types, and a
/// dispatch to the writer and reader of each.
///
/// `table` is for people at a terminal and has no reader. Graph results
/// (CONSTRUCT, DESCRIBE) go to `JSONLDWriter`; given to a writer made here,
/// `csv`, `tsv` and `table` show them as a `subject predicate object` table
/// (plus `graph` when any quad has one) and `json`/`xml` throw
/// `ResultWriterError.graphNotSupported`.
public enum ResultFormat: String, CaseIterable, Sendable {
    case json, xml, csv, tsv, table

    /// The media type to send in a `Content-Type` header.
    public var mediaType: String {
        switch self {
        case .json: "application/sparql-results+json"
        case .xml: "application/sparql-results+xml"
        case .csv: "text/csv; charset=utf-8"
        case .tsv: "text/tab-separated-values; charset=utf-8"
        case .table: "text/plain; charset=utf-8"
        }
    }

    /// The usual file extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .json: "srj"
        case .xml: "srx"
        case .csv: "csv"
        case .tsv: "tsv"
        case .table: "txt"
        }
    }

    /// The format a file extension (`srj`, `json`, `srx`, `xml`, `csv`, `tsv`,
    /// `txt`) stands for, or nil.
    public init?(fileExtension ext: String) {
        switch ext.lowercased() {
        case "srj", "json": self = .json
        case "srx", "xml": self = .xml
        case "csv": self = .csv
        case "tsv": self = .tsv
        case "txt", "table": self = .table
        default: return nil
        }
    }

    /// A writer of this format that sends its output to `sink`.
    /// `prefixes` (prefix → namespace IRI) is used by `table` only.
    public func makeWriter(sink: ResultSink, prefixes: [String: String] = [:]) -> any QueryResultWriter {
        switch self {
        case .json: JSONResultsWriter(sink: sink)
        case .xml: XMLResultsWriter(sink: sink)
        case .csv: CSVResultsWriter(sink: sink)
        case .tsv: TSVResultsWriter(sink: sink)
        case .table: TableResultsWriter(sink: sink, prefixes: prefixes)
        }
    }

    /// Writes a whole result to `sink`.
    public func write(_ result: QueryResult, to sink: ResultSink, prefixes: [String: String] = [:]) throws {
        try makeWriter(sink: sink, prefixes: prefixes).write(result)
    }

    /// The whole result as text. Throws only for graph results in `json`/`xml`.
    public func string(_ result: QueryResult, prefixes: [String: String] = [:]) throws -> String {
        let collector = ByteCollector()
        try write(result, to: collector.sink, prefixes: prefixes)
        return collector.string
    }

    /// Reads a result document of this format (`.solutions` or `.boolean`).
    /// `table` has no reader and throws.
    public func read(_ data: Data) throws -> QueryResult {
        switch self {
        case .json: try JSONResultsReader.read(data)
        case .xml: try XMLResultsReader.read(data)
        case .csv: try CSVResultsReader.read(data)
        case .tsv: try TSVResultsReader.read(data)
        case .table:
            throw ResultsParseError(format: "table", offset: 0, line: 1, column: 1,
                                    message: "the table format is for display and cannot be read")
        }
    }
}
