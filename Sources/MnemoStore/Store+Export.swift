import Foundation
import MnemoRDF
import MnemoSyntax

extension Store {
    /// Namespace prefixes offered to serializers that abbreviate.
    public static let commonPrefixes: [(String, String)] = [
        ("rdf", Vocabulary.rdf), ("rdfs", Vocabulary.rdfs), ("xsd", Vocabulary.xsd),
        ("owl", "http://www.w3.org/2002/07/owl#"), ("skos", "http://www.w3.org/2004/02/skos/core#"),
        ("crm", "http://www.cidoc-crm.org/cidoc-crm/"), ("edm", "http://www.europeana.eu/schemas/edm/"),
        ("ore", "http://www.openarchives.org/ore/terms/"), ("dc", "http://purl.org/dc/elements/1.1/"),
        ("dcterms", "http://purl.org/dc/terms/"),
    ]

    /// Streams the store, or one graph of it, to `file` in `format`.
    ///
    /// Quad formats (N-Quads, TriG) keep every graph. Triple formats need a
    /// `graph`, since they cannot say which graph a triple came from.
    /// Returns the number of statements written.
    @discardableResult
    public func export(to file: UnsafeMutablePointer<FILE>, format: RDFFormat, graph: String? = nil) throws -> Int {
        var pattern = QuadPattern()
        if let graph {
            guard let g = dictionary.lookup(.iri(graph)),
                  snapshot.estimateCount(QuadPattern(g: g)) > 0 else { throw StoreError.unknownGraph(graph) }
            pattern.g = g
        } else if !format.carriesGraphs {
            throw StoreError.badInput("\(format) holds a single graph: name one with --graph, or export as nquads or trig")
        }
        let writer = try RDFWriter(format: format, file: file, prefixes: Store.commonPrefixes)
        var n = 0
        var failure: Error?
        // The GSPO order keeps each graph's quads together, as TriG wants.
        let snap = snapshot
        snap.mergedScan(order: .gspo, pattern: pattern) { q in
            do {
                try dictionary.withEncoded(q.s) { s in
                    try dictionary.withEncoded(q.p) { p in
                        try dictionary.withEncoded(q.o) { o in
                            if q.g == 0 {
                                try writer.write(subject: s, predicate: p, object: o, graph: nil)
                            } else {
                                try dictionary.withEncoded(q.g) { g in
                                    try writer.write(subject: s, predicate: p, object: o, graph: g)
                                }
                            }
                        }
                    }
                }
                n += 1
                return true
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        try writer.finish()
        return n
    }
}
