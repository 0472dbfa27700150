import Foundation
import MnemoRDF

/// Writes SPARQL 1.1 CSV results (`text/csv`, RFC 4180).
///
/// The header holds the variable names without `?`; each field holds the
/// term's string value (the IRI, the lexical form of a literal, `_:label` for
/// a blank node) with no type information, quoted when it contains `"`, `,`,
/// CR or LF (and, so that spreadsheets keep them, when it starts or ends with
/// a space). Lines end with CRLF. An unbound variable and an empty string
/// literal are both an empty field, as the spec says.
///
/// A boolean (ASK) result, which the spec does not define for CSV, is written
/// as the single line `true` or `false`.
public final class CSVResultsWriter: QueryResultWriter {
    private var out: OutputBuffer
    private var state = WriterState()

    /// A writer sending its output to `sink`.
    public init(sink: ResultSink) { out = OutputBuffer(sink) }

    /// A writer to a C stream.
    public convenience init(file: UnsafeMutablePointer<FILE>) { self.init(sink: .file(file)) }

    public func begin(variables: [String]) throws {
        try state.begin(variables)
        out.append(variables.map(Self.field).joined(separator: ","))
        out.append("\r\n")
    }

    public func write(row: [Term?]) throws {
        try state.row()
        for i in 0..<state.width {
            if i > 0 { out.append(byte: UInt8(ascii: ",")) }
            if let t = state.cell(row, i) { out.append(Self.field(Self.value(t))) }
        }
        out.append("\r\n")
        try out.flushIfNeeded()
    }

    public func end() throws {
        try state.end()
        try out.flush()
    }

    public func write(boolean: Bool) throws {
        try state.boolean()
        out.append(boolean ? "true\r\n" : "false\r\n")
        try out.flush()
    }

    /// The string a term is written as, before CSV quoting.
    public static func value(_ t: Term) -> String {
        switch t {
        case .iri(let v): v
        case .blank(let v): "_:" + v
        case .literal(let l): l.lexical
        }
    }

    /// `s` as a CSV field, quoted when needed.
    static func field(_ s: String) -> String {
        let needsQuotes = s.unicodeScalars.contains { $0 == "\"" || $0 == "," || $0 == "\r" || $0 == "\n" }
            || s.first == " " || s.last == " "
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A whole table as CSV.
    public static func string(_ table: SolutionTable) -> String {
        let c = ByteCollector()
        try? CSVResultsWriter(sink: c.sink).write(table)
        return c.string
    }

    /// A boolean result as CSV (`true` or `false` and CRLF).
    public static func string(boolean: Bool) -> String { boolean ? "true\r\n" : "false\r\n" }
}
