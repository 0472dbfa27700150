import MnemoRDF

/// A function a query calls by IRI, beyond SPARQL's own: layers above the
/// engine (name search, for one) offer their services to queries this way,
/// without the engine depending on them.
///
/// ```swift
/// let engine = SPARQLEngine(store: store, extensions: [NameScoreFunction()])
/// try engine.query("""
///     SELECT ?p WHERE { ?p rdfs:label ?l FILTER(<https://w3id.org/mnemo/fn#nameScore>(?l, "Valikhanov") > 0.8) }
///     """)
/// ```
public protocol ExtensionFunction: Sendable {
    /// The IRI queries call it by.
    var iri: String { get }
    /// The value for these arguments; throw ``ExpressionError`` for a type
    /// error (the expression is then an error, as SPARQL's own functions are).
    func call(_ arguments: [Term]) throws -> Term
}
