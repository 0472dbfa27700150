import MnemoRDF
import MnemoStore

/// The SPARQL 1.1 Service Description of the endpoint, as RDF: what it
/// speaks, which result formats it writes, and its dataset (a union
/// default graph and one named graph per source dataset, with their sizes).
enum ServiceDescription {
    static let sd = "http://www.w3.org/ns/sparql-service-description#"
    static let formats = "http://www.w3.org/ns/formats/"
    static let void = "http://rdfs.org/ns/void#"

    static func quads(endpoint: String, store: Store, extensionFunctions: [String] = []) -> [Quad] {
        let service = Term.iri(endpoint)
        var out: [Quad] = []
        func add(_ s: Term, _ p: String, _ o: Term) { out.append(Quad(s, .iri(p), o)) }
        add(service, Vocabulary.rdfType, .iri(sd + "Service"))
        add(service, sd + "endpoint", .iri(endpoint))
        add(service, sd + "supportedLanguage", .iri(sd + "SPARQL10Query"))
        add(service, sd + "supportedLanguage", .iri(sd + "SPARQL11Query"))
        add(service, sd + "supportedLanguage", .iri(sd + "SPARQL11Update"))
        add(service, sd + "feature", .iri(sd + "UnionDefaultGraph"))
        for f in extensionFunctions {
            add(service, sd + "extensionFunction", .iri(f))
            add(.iri(f), Vocabulary.rdfType, .iri(sd + "Function"))
        }
        for f in ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "N-Quads", "TriG", "RDF_XML", "JSON-LD"] {
            add(service, sd + "resultFormat", .iri(formats + f))
        }
        for f in ["Turtle", "N-Triples", "N-Quads", "TriG", "RDF_XML"] { add(service, sd + "inputFormat", .iri(formats + f)) }
        let dataset = Term.blank("dataset")
        add(service, sd + "defaultDataset", dataset)
        add(dataset, Vocabulary.rdfType, .iri(sd + "Dataset"))
        let graphs = store.graphs()
        let defaultGraph = Term.blank("defaultGraph")
        add(dataset, sd + "defaultGraph", defaultGraph)
        add(defaultGraph, Vocabulary.rdfType, .iri(sd + "Graph"))
        add(defaultGraph, void + "triples", .integer(store.snapshot.count))
        for (i, g) in graphs.enumerated() {
            guard let iri = g.iri else { continue }
            let named = Term.blank("named\(i)"), graph = Term.blank("graph\(i)")
            add(dataset, sd + "namedGraph", named)
            add(named, Vocabulary.rdfType, .iri(sd + "NamedGraph"))
            add(named, sd + "name", .iri(iri))
            add(named, sd + "graph", graph)
            add(graph, Vocabulary.rdfType, .iri(sd + "Graph"))
            add(graph, void + "triples", .integer(g.quads))
        }
        return out
    }
}

extension Term {
    /// An `xsd:integer` literal.
    static func integer(_ n: Int) -> Term { .typed(String(n), Vocabulary.xsd + "integer") }
}
