import Foundation
import MnemoRDF

/// Writes RDF quads (CONSTRUCT and DESCRIBE results, or any dataset) as a
/// JSON-LD 1.1 document.
///
/// `.expanded` writes a top-level array of node objects: `@id` (an IRI or
/// `_:label`), properties keyed by full IRI with arrays of values
/// (`{"@id": …}` for IRIs and blank nodes, `{"@value": …}` with `@language`
/// or `@type` for literals), and `rdf:type` IRIs under `@type`. Quads in a
/// named graph go into `{"@id": graph, "@graph": [ … ]}`. `.compacted` writes
/// the same nodes as `{"@context": …, "@graph": [ … ]}` with compact IRIs
/// (`ex:name`) for the prefixes given, single values unwrapped and
/// simple literals as plain strings. Literal values are always strings, so
/// lexical forms survive exactly.
///
/// Quads are grouped as they arrive: consecutive quads with the same graph
/// and subject form one node object, so memory stays bounded. A subject met
/// again later gets another node object with the same `@id`, which JSON-LD
/// processors merge; sort by graph and subject (as `string(_:form:)` does)
/// for one object per node.
public final class JSONLDWriter {
    /// The document form.
    public enum Form: Sendable, Equatable {
        case expanded
        /// Compact IRIs for these prefixes (prefix → namespace). Prefixes that
        /// JSON-LD 1.1 cannot use (names with `:` or `@`, `_`, namespaces not
        /// ending in one of `: / ? # [ ] @`) are dropped from the context.
        case compacted(prefixes: [String: String])
    }

    private var out: OutputBuffer
    private let prefixes: [(name: String, namespace: String)]
    private let compact: Bool
    private var phase = 0  // 0 before, 1 writing, 2 done
    private var topCount = 0
    private var graphOpen = false
    private var graph: Term?
    private var graphCount = 0
    private var subject: Term?
    private var types: [String] = []
    private var properties: [(key: String, values: [String])] = []
    private var propertyIndex: [String: Int] = [:]

    /// A writer sending its output to `sink`.
    public init(sink: ResultSink, form: Form = .expanded) {
        out = OutputBuffer(sink)
        if case .compacted(let p) = form {
            compact = true
            prefixes = p.filter { Self.usablePrefix($0.key, $0.value) }
                .map { (name: $0.key, namespace: $0.value) }
                .sorted { $0.namespace.count != $1.namespace.count ? $0.namespace.count > $1.namespace.count : $0.name < $1.name }
        } else {
            compact = false
            prefixes = []
        }
    }

    /// A writer to a C stream.
    public convenience init(file: UnsafeMutablePointer<FILE>, form: Form = .expanded) {
        self.init(sink: .file(file), form: form)
    }

    static func usablePrefix(_ name: String, _ namespace: String) -> Bool {
        guard !name.isEmpty, name != "_", !name.contains(":"), !name.hasPrefix("@"),
              let last = namespace.last else { return false }
        return ":/?#[]@".contains(last)
    }

    /// Starts the document; `write` calls it when needed.
    public func begin() throws {
        guard phase == 0 else { return }
        phase = 1
        if compact {
            out.append("{\n  \"@context\": {")
            out.append(prefixes.map { "\n    \(JSONText.quoted($0.name)): \(JSONText.quoted($0.namespace))" }.joined(separator: ","))
            out.append(prefixes.isEmpty ? "},\n  \"@graph\": [" : "\n  },\n  \"@graph\": [")
        } else {
            out.append("[")
        }
    }

    /// Adds one quad (a nil graph is the default graph).
    public func write(_ quad: Quad) throws {
        if phase == 0 { try begin() }
        guard phase == 1 else { throw ResultWriterError.misuse("write after end()") }
        if case .literal = quad.subject { throw ResultWriterError.misuse("a literal cannot be a subject in JSON-LD") }
        if case .literal = quad.predicate { throw ResultWriterError.misuse("a literal cannot be a predicate") }
        if case .literal? = quad.graph { throw ResultWriterError.misuse("a literal cannot name a graph") }
        if !graphOpen || quad.graph != graph {
            try flushNode()
            closeGraph()
            try openGraph(quad.graph)
        }
        if quad.subject != subject {
            try flushNode()
            subject = quad.subject
        }
        if quad.predicate == .iri(Vocabulary.rdfType), case .iri(let t) = quad.object {
            types.append(JSONText.quoted(try iri(t, vocab: true)))
            return
        }
        let key = try reference(quad.predicate, vocab: true)
        let value = try valueObject(quad.object)
        if let i = propertyIndex[key] {
            properties[i].values.append(value)
        } else {
            propertyIndex[key] = properties.count
            properties.append((key, [value]))
        }
    }

    /// Adds quads in order.
    public func write<S: Sequence>(_ quads: S) throws where S.Element == Quad {
        for q in quads { try write(q) }
    }

    /// Finishes the document and flushes it to the sink.
    public func end() throws {
        if phase == 0 { try begin() }
        guard phase == 1 else { throw ResultWriterError.misuse("end() called twice") }
        try flushNode()
        closeGraph()
        phase = 2
        out.append(compact ? (topCount == 0 ? "]\n}\n" : "\n  ]\n}\n") : (topCount == 0 ? "]\n" : "\n]\n"))
        try out.flush()
    }

    /// The quads as a JSON-LD document, grouped so each node of each graph
    /// has one node object. Compact-form prefixes that would misread an IRI
    /// in the data (a prefix named like an IRI scheme) are left out, and so
    /// are quads JSON-LD cannot hold (a literal as subject, predicate or
    /// graph name).
    public static func string(_ quads: [Quad], form: Form = .expanded) -> String {
        let quads = quads.filter { !$0.subject.isLiteral && !$0.predicate.isLiteral && !($0.graph?.isLiteral ?? false) }
        var form = form
        if case .compacted(let p) = form {
            var schemes = Set<String>()
            for q in quads {
                for case .iri(let v)? in [q.subject, q.predicate, q.object, q.graph] {
                    if let c = v.firstIndex(of: ":") { schemes.insert(String(v[..<c])) }
                }
                if case .literal(let l) = q.object, let c = l.datatype.firstIndex(of: ":") { schemes.insert(String(l.datatype[..<c])) }
            }
            form = .compacted(prefixes: p.filter { !schemes.contains($0.key) })
        }
        var order: [GroupKey: Int] = [:]
        for q in quads where order[GroupKey(q)] == nil { order[GroupKey(q)] = order.count }
        var graphOrder: [Term?: Int] = [:]
        for q in quads where graphOrder[q.graph] == nil { graphOrder[q.graph] = graphOrder.count }
        let sorted = quads.enumerated().sorted { x, y in
            let gx = graphOrder[x.element.graph]!, gy = graphOrder[y.element.graph]!
            if gx != gy { return gx < gy }
            let sx = order[GroupKey(x.element)]!, sy = order[GroupKey(y.element)]!
            return sx != sy ? sx < sy : x.offset < y.offset
        }.map(\.element)
        let c = ByteCollector()
        let w = JSONLDWriter(sink: c.sink, form: form)
        do {
            try w.write(sorted)
            try w.end()
        } catch {
            return ""
        }
        return c.string
    }

    private struct GroupKey: Hashable {
        var graph: Term?
        var subject: Term
        init(_ q: Quad) { graph = q.graph; subject = q.subject }
    }

    // MARK: - Output

    private var itemIndent: String { graph != nil ? "\n      " : (compact ? "\n    " : "\n  ") }

    private func openGraph(_ g: Term?) throws {
        graphOpen = true
        graph = g
        graphCount = 0
        guard let g else { return }
        out.append(topCount == 0 ? "" : ",")
        out.append(compact ? "\n    {" : "\n  {")
        out.append(" \"@id\": \(JSONText.quoted(try reference(g, vocab: false))), \"@graph\": [")
        topCount += 1
    }

    private func closeGraph() {
        guard graphOpen else { return }
        if graph != nil { out.append(graphCount == 0 ? "] }" : (compact ? "\n    ] }" : "\n  ] }")) }
        graphOpen = false
        graph = nil
    }

    private func flushNode() throws {
        guard let s = subject else { return }
        let indent = itemIndent
        let inner = indent + "  "
        let count = graph != nil ? graphCount : topCount
        out.append(count == 0 ? indent : "," + indent)
        out.append("{" + inner + "\"@id\": " + JSONText.quoted(try reference(s, vocab: false)))
        if !types.isEmpty {
            out.append("," + inner + "\"@type\": ")
            out.append(compact && types.count == 1 ? types[0] : "[" + types.joined(separator: ", ") + "]")
        }
        for (key, values) in properties {
            out.append("," + inner + JSONText.quoted(key) + ": ")
            out.append(compact && values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]")
        }
        out.append(indent + "}")
        if graph != nil { graphCount += 1 } else { topCount += 1 }
        subject = nil
        types = []
        properties = []
        propertyIndex = [:]
        try out.flushIfNeeded()
    }

    private func valueObject(_ t: Term) throws -> String {
        switch t {
        case .iri, .blank:
            return "{\"@id\": " + JSONText.quoted(try reference(t, vocab: false)) + "}"
        case .literal(let l):
            let v = JSONText.quoted(l.lexical)
            if let lang = l.language { return "{\"@value\": \(v), \"@language\": \(JSONText.quoted(lang))}" }
            if l.datatype == Vocabulary.xsdString { return compact ? v : "{\"@value\": \(v)}" }
            return "{\"@value\": \(v), \"@type\": \(JSONText.quoted(try iri(l.datatype, vocab: true)))}"
        }
    }

    private func reference(_ t: Term, vocab: Bool) throws -> String {
        switch t {
        case .iri(let v): return try iri(v, vocab: vocab)
        case .blank(let b): return "_:" + b
        case .literal: throw ResultWriterError.misuse("a literal cannot name a node")
        }
    }

    /// The IRI, compacted with a prefix when writing compact form.
    private func iri(_ v: String, vocab: Bool) throws -> String {
        guard compact else { return v }
        for p in prefixes where v.hasPrefix(p.namespace) {
            let local = v.dropFirst(p.namespace.count)
            if !local.hasPrefix("//") { return p.name + ":" + local }
        }
        if let c = v.firstIndex(of: ":"), !v[c...].hasPrefix("://"),
           prefixes.contains(where: { $0.name == v[..<c] }) {
            throw ResultWriterError.prefixClash("prefix \"\(v[..<c])\" would change the meaning of <\(v)>")
        }
        return v
    }
}
