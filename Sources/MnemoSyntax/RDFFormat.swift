/// The RDF syntaxes Mnemo reads and writes.
public enum RDFFormat: String, CaseIterable, Sendable {
    case turtle, ntriples, nquads, trig, rdfxml

    /// Guesses the format from a file name's extension (`.ttl`, `.nt`, `.nq`, `.trig`, `.rdf`, `.owl`, `.xml`).
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        guard let dot = lower.lastIndex(of: ".") else { return nil }
        switch lower[lower.index(after: dot)...] {
        case "ttl", "turtle": self = .turtle
        case "nt", "ntriples": self = .ntriples
        case "nq", "nquads": self = .nquads
        case "trig": self = .trig
        case "rdf", "owl", "xml", "rdfxml": self = .rdfxml
        default: return nil
        }
    }

    /// Parses a user-facing name such as `turtle`, `ttl`, `nt`, `n-quads` or `rdf/xml`.
    public init?(name: String) {
        switch name.lowercased() {
        case "turtle", "ttl": self = .turtle
        case "ntriples", "n-triples", "nt": self = .ntriples
        case "nquads", "n-quads", "nq": self = .nquads
        case "trig": self = .trig
        case "rdfxml", "rdf/xml", "rdf", "xml": self = .rdfxml
        default: return nil
        }
    }

    /// True for syntaxes that carry named graphs.
    public var carriesGraphs: Bool { self == .nquads || self == .trig }

    /// Raptor's parser name.
    var raptorParser: String {
        switch self {
        case .turtle: return "turtle"
        case .ntriples: return "ntriples"
        case .nquads: return "nquads"
        case .trig: return "trig"
        case .rdfxml: return "rdfxml"
        }
    }

    /// Raptor's serializer name, for the syntaxes Raptor writes. N-Triples,
    /// N-Quads and TriG are written by ``LineWriter``: Raptor 2.0.15 has no
    /// TriG serializer and writes N-Triples as ASCII, every Cyrillic letter a
    /// `\uXXXX` escape, where RDF 1.1 N-Triples is UTF-8.
    var raptorSerializer: String? {
        switch self {
        case .turtle: return "turtle"
        case .rdfxml: return "rdfxml-abbrev"
        case .ntriples, .nquads, .trig: return nil
        }
    }

    /// The IANA media type.
    public var mediaType: String {
        switch self {
        case .turtle: return "text/turtle"
        case .ntriples: return "application/n-triples"
        case .nquads: return "application/n-quads"
        case .trig: return "application/trig"
        case .rdfxml: return "application/rdf+xml"
        }
    }
}

/// A syntax error in an RDF file, with where it happened.
public struct RDFSyntaxError: Error, CustomStringConvertible, Sendable {
    /// The file (or source name) being read.
    public var source: String
    /// 1-based line, or 0 when Raptor did not know.
    public var line: Int
    /// 1-based column, or 0 when Raptor did not know.
    public var column: Int
    /// Raptor's message.
    public var message: String

    public init(source: String, line: Int, column: Int, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var at = source
        if line > 0 { at += ":\(line)" }
        if column > 0 { at += ":\(column)" }
        return "\(at): \(message)"
    }
}
