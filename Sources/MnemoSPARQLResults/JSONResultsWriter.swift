import Foundation
import MnemoRDF

/// Writes SPARQL 1.1 Query Results JSON (`application/sparql-results+json`).
///
/// Terms are `{"type": "uri" | "bnode" | "literal", "value": …}`; literals
/// carry `xml:lang` when language-tagged and `datatype` unless they are
/// `xsd:string` (simple literals) or `rdf:langString`. Unbound variables are
/// left out of their solution object. One solution is written per line.
public final class JSONResultsWriter: QueryResultWriter {
    private var out: OutputBuffer
    private var state = WriterState()
    private var variables: [String] = []
    private var first = true

    /// A writer sending its output to `sink`.
    public init(sink: ResultSink) { out = OutputBuffer(sink) }

    /// A writer to a C stream.
    public convenience init(file: UnsafeMutablePointer<FILE>) { self.init(sink: .file(file)) }

    public func begin(variables: [String]) throws {
        try state.begin(variables)
        self.variables = variables
        out.append("{\n  \"head\": { \"vars\": [")
        out.append(variables.map(JSONText.quoted).joined(separator: ", "))
        out.append("] },\n  \"results\": { \"bindings\": [")
    }

    public func write(row: [Term?]) throws {
        try state.row()
        out.append(first ? "\n    {" : ",\n    {")
        first = false
        var firstBinding = true
        for (i, v) in variables.enumerated() {
            guard let t = state.cell(row, i) else { continue }
            out.append(firstBinding ? " " : ", ")
            firstBinding = false
            out.append(JSONText.quoted(v))
            out.append(": ")
            out.append(Self.termObject(t))
        }
        out.append(firstBinding ? "}" : " }")
        try out.flushIfNeeded()
    }

    public func end() throws {
        try state.end()
        out.append(first ? "] }\n}\n" : "\n  ] }\n}\n")
        try out.flush()
    }

    public func write(boolean: Bool) throws {
        try state.boolean()
        out.append("{\n  \"head\": {},\n  \"boolean\": \(boolean)\n}\n")
        try out.flush()
    }

    /// The JSON object of one RDF term.
    static func termObject(_ t: Term) -> String {
        switch t {
        case .iri(let v):
            return "{ \"type\": \"uri\", \"value\": \(JSONText.quoted(v)) }"
        case .blank(let v):
            return "{ \"type\": \"bnode\", \"value\": \(JSONText.quoted(v)) }"
        case .literal(let l):
            var s = "{ \"type\": \"literal\", \"value\": \(JSONText.quoted(l.lexical))"
            if let lang = l.language {
                s += ", \"xml:lang\": \(JSONText.quoted(lang))"
            } else if l.datatype != Vocabulary.xsdString {
                s += ", \"datatype\": \(JSONText.quoted(l.datatype))"
            }
            return s + " }"
        }
    }

    /// A whole table as a JSON results document.
    public static func string(_ table: SolutionTable) -> String {
        let c = ByteCollector()
        try? JSONResultsWriter(sink: c.sink).write(table)
        return c.string
    }

    /// A boolean (ASK) result as a JSON results document.
    public static func string(boolean: Bool) -> String {
        let c = ByteCollector()
        try? JSONResultsWriter(sink: c.sink).write(boolean: boolean)
        return c.string
    }
}
