import Foundation
import MnemoRDF

/// Writes SPARQL Query Results XML (`application/sparql-results+xml`), in the
/// `http://www.w3.org/2005/sparql-results#` namespace: `<uri>`, `<bnode>`,
/// `<literal>` with `xml:lang` or `datatype` (none for `xsd:string`), and
/// `<boolean>` for ASK. Unbound variables have no `<binding>`.
public final class XMLResultsWriter: QueryResultWriter {
    /// The SPARQL results namespace.
    public static let namespace = "http://www.w3.org/2005/sparql-results#"

    private var out: OutputBuffer
    private var state = WriterState()
    private var variables: [String] = []

    /// A writer sending its output to `sink`.
    public init(sink: ResultSink) { out = OutputBuffer(sink) }

    /// A writer to a C stream.
    public convenience init(file: UnsafeMutablePointer<FILE>) { self.init(sink: .file(file)) }

    private func prologue() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sparql xmlns=\"\(Self.namespace)\">\n")
    }

    public func begin(variables: [String]) throws {
        try state.begin(variables)
        self.variables = variables
        prologue()
        out.append("  <head>\n")
        for v in variables { out.append("    <variable name=\"\(XMLText.attribute(v))\"/>\n") }
        out.append("  </head>\n  <results>\n")
    }

    public func write(row: [Term?]) throws {
        try state.row()
        out.append("    <result>\n")
        for (i, v) in variables.enumerated() {
            guard let t = state.cell(row, i) else { continue }
            out.append("      <binding name=\"\(XMLText.attribute(v))\">")
            out.append(Self.termElement(t))
            out.append("</binding>\n")
        }
        out.append("    </result>\n")
        try out.flushIfNeeded()
    }

    public func end() throws {
        try state.end()
        out.append("  </results>\n</sparql>\n")
        try out.flush()
    }

    public func write(boolean: Bool) throws {
        try state.boolean()
        prologue()
        out.append("  <head/>\n  <boolean>\(boolean)</boolean>\n</sparql>\n")
        try out.flush()
    }

    /// The XML element of one RDF term.
    static func termElement(_ t: Term) -> String {
        switch t {
        case .iri(let v): return "<uri>\(XMLText.text(v))</uri>"
        case .blank(let v): return "<bnode>\(XMLText.text(v))</bnode>"
        case .literal(let l):
            var open = "<literal"
            if let lang = l.language {
                open += " xml:lang=\"\(XMLText.attribute(lang))\""
            } else if l.datatype != Vocabulary.xsdString {
                open += " datatype=\"\(XMLText.attribute(l.datatype))\""
            }
            return open + ">" + XMLText.text(l.lexical) + "</literal>"
        }
    }

    /// A whole table as an XML results document.
    public static func string(_ table: SolutionTable) -> String {
        let c = ByteCollector()
        try? XMLResultsWriter(sink: c.sink).write(table)
        return c.string
    }

    /// A boolean (ASK) result as an XML results document.
    public static func string(boolean: Bool) -> String {
        let c = ByteCollector()
        try? XMLResultsWriter(sink: c.sink).write(boolean: boolean)
        return c.string
    }
}
