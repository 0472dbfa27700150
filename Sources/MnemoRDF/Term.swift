/// An RDF 1.1 term: an IRI, a blank node or a literal.
///
/// Terms are compared byte-exactly: two literals are the same term only when
/// their lexical forms, datatypes and language tags are identical, which is
/// what keeps Cyrillic, Kazakh and Uzbek text byte-exact through the store.
public enum Term: Hashable, Sendable {
    /// An absolute IRI, without the angle brackets.
    case iri(String)
    /// A blank node, by its label (without the `_:`).
    case blank(String)
    /// A literal with its datatype or language tag.
    case literal(Literal)

    /// A simple literal (`xsd:string`).
    public static func string(_ value: String) -> Term { .literal(Literal(value)) }

    /// A language-tagged string (`rdf:langString`).
    public static func langString(_ value: String, _ language: String) -> Term {
        .literal(Literal(value, language: language))
    }

    /// A literal of the given datatype.
    public static func typed(_ value: String, _ datatype: String) -> Term {
        .literal(Literal(value, datatype: datatype))
    }

    /// True for IRIs.
    public var isIRI: Bool { if case .iri = self { return true } else { return false } }
    /// True for blank nodes.
    public var isBlank: Bool { if case .blank = self { return true } else { return false } }
    /// True for literals.
    public var isLiteral: Bool { if case .literal = self { return true } else { return false } }
}

/// An RDF literal. A language-tagged literal has the datatype `rdf:langString`;
/// a literal written without datatype has `xsd:string`.
public struct Literal: Hashable, Sendable {
    /// The lexical form, exactly as it was read.
    public var lexical: String
    /// The datatype IRI.
    public var datatype: String
    /// The language tag, if any, in lower case.
    public var language: String?

    /// A simple or typed literal. `xsd:string` is the default datatype.
    public init(_ lexical: String, datatype: String = Vocabulary.xsdString) {
        self.lexical = lexical
        self.datatype = datatype
        self.language = nil
    }

    /// A language-tagged string. The tag is stored in lower case: tags are
    /// case-insensitive (BCP 47), RDF 1.1 allows the normalisation, and Raptor's
    /// N-Triples and RDF/XML parsers apply it, so one form keeps one term.
    public init(_ lexical: String, language: String) {
        self.lexical = lexical
        self.datatype = Vocabulary.rdfLangString
        self.language = language.lowercased()
    }
}

/// Anything made of a subject, a predicate and an object, so that writers can
/// read triples where they are stored instead of copying them into tuples.
public protocol TripleParts {
    var subject: Term { get }
    var predicate: Term { get }
    var object: Term { get }
}

/// A quad: a triple and the graph it belongs to. A `nil` graph is the default graph.
public struct Quad: Hashable, Sendable, TripleParts {
    public var subject: Term
    public var predicate: Term
    public var object: Term
    public var graph: Term?

    public init(_ subject: Term, _ predicate: Term, _ object: Term, _ graph: Term? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}

/// IRIs of the vocabularies Mnemo's core refers to.
public enum Vocabulary {
    public static let xsd = "http://www.w3.org/2001/XMLSchema#"
    public static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    public static let xsdString = xsd + "string"
    public static let rdfLangString = rdf + "langString"
    public static let rdfType = rdf + "type"
}
