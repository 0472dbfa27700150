import Foundation
import MnemoRDF

/// Writes SPARQL 1.1 TSV results (`text/tab-separated-values`).
///
/// The header holds `?name` per variable; each row holds the terms in Turtle
/// syntax separated by TAB, an empty field for an unbound variable, and lines
/// end with LF (section 2 of the CSV/TSV spec). IRIs are `<…>` with N-Triples
/// escapes, literals are double-quoted with `\t`, `\n`, `\r`, `\"`, `\\`
/// escapes, and `xsd:integer`, `xsd:decimal` and `xsd:double` literals whose
/// lexical form fits the Turtle number syntax are written bare, as the spec
/// recommends.
///
/// A boolean (ASK) result, which the spec does not define for TSV, is written
/// as the single line `true` or `false`.
public final class TSVResultsWriter: QueryResultWriter {
    private var out: OutputBuffer
    private var state = WriterState()

    /// A writer sending its output to `sink`.
    public init(sink: ResultSink) { out = OutputBuffer(sink) }

    /// A writer to a C stream.
    public convenience init(file: UnsafeMutablePointer<FILE>) { self.init(sink: .file(file)) }

    public func begin(variables: [String]) throws {
        try state.begin(variables)
        out.append(variables.map { "?" + $0 }.joined(separator: "\t"))
        out.append(byte: 0x0A)
    }

    public func write(row: [Term?]) throws {
        try state.row()
        for i in 0..<state.width {
            if i > 0 { out.append(byte: 0x09) }
            if let t = state.cell(row, i) { out.append(Self.spelling(t)) }
        }
        out.append(byte: 0x0A)
        try out.flushIfNeeded()
    }

    public func end() throws {
        try state.end()
        try out.flush()
    }

    public func write(boolean: Bool) throws {
        try state.boolean()
        out.append(boolean ? "true\n" : "false\n")
        try out.flush()
    }

    /// The Turtle spelling of a term as a TSV field.
    public static func spelling(_ t: Term) -> String {
        if case .literal(let l) = t, let bare = NumericLiterals.abbreviation(l, booleans: false) {
            return bare
        }
        return t.ntriples
    }

    /// A whole table as TSV.
    public static func string(_ table: SolutionTable) -> String {
        let c = ByteCollector()
        try? TSVResultsWriter(sink: c.sink).write(table)
        return c.string
    }

    /// A boolean result as TSV (`true` or `false` and LF).
    public static func string(boolean: Bool) -> String { boolean ? "true\n" : "false\n" }
}
