import MnemoRDF
import MnemoStore
import MnemoSyntax
import Testing
@testable import MnemoWeb

@Suite struct VoIDTests {
    func value(_ quads: [Quad], _ subject: Term, _ property: String) -> Int? {
        quads.first { $0.subject == subject && $0.predicate == .iri(WebVocabulary.void + property) }
            .flatMap { if case .literal(let l) = $0.object { return Int(l.lexical) } else { return nil } }
    }

    @Test func countsMatchSPARQL() throws {
        let store = try fixtureStore()
        let dumps = DumpCatalog(store: store, baseURL: base)
        let quads = VoIDDescription.quads(store: store, baseURL: base, endpointURL: base + "sparql", dumps: dumps)
        let root = Term.iri(base + "void#dataset")
        #expect(value(quads, root, "triples") == (try count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))
        #expect(value(quads, root, "distinctSubjects") == (try count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }")))
        #expect(value(quads, root, "distinctObjects") == (try count(store, "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }")))
        #expect(value(quads, root, "classes") == (try count(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }")))
        #expect(value(quads, root, "properties") == (try count(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }")))
        #expect(quads.contains { $0.subject == root && $0.predicate == .iri(WebVocabulary.void + "sparqlEndpoint") && $0.object == .iri(base + "sparql") })

        for g in ["library-almaty", "registry", "authority-links"] {
            let iri = base + "graph/" + g
            let subset = Term.iri(iri)
            #expect(quads.contains { $0.subject == root && $0.predicate == .iri(WebVocabulary.void + "subset") && $0.object == subset })
            #expect(value(quads, subset, "triples") == (try count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <\(iri)> { ?s ?p ?o } }")))
            #expect(value(quads, subset, "distinctSubjects")
                == (try count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH <\(iri)> { ?s ?p ?o } }")))
            // Each graph's dumps are its data dumps and DCAT distributions.
            let dumpURLs = dumps.entries.filter { $0.scope == .graph(iri) }.map(\.url)
            #expect(dumpURLs.count == 2)
            for url in dumpURLs {
                #expect(quads.contains { $0.subject == subset && $0.predicate == .iri(WebVocabulary.void + "dataDump") && $0.object == .iri(url) })
                #expect(quads.contains { $0.predicate == .iri(WebVocabulary.dcat + "downloadURL") && $0.object == .iri(url) })
            }
        }
        // Class partition: persons in the museum graph.
        let museum = base + "graph/museum-tashkent"
        let persons = try count(store, """
            SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH <\(museum)> { ?s a <\(WebVocabulary.crm)E21_Person> } }
            """)
        let museumParts = Set(quads.filter { $0.subject == .iri(museum) }.map(\.object))
        let partition = try #require(quads.first { p in
            p.predicate == .iri(WebVocabulary.void + "class") && p.object == .iri(WebVocabulary.crm + "E21_Person")
                && museumParts.contains(p.subject)
        })
        #expect(value(quads, partition.subject, "entities") == persons)
        // No byte size before a dump was written; one after.
        #expect(!quads.contains { $0.predicate == .iri(WebVocabulary.dcat + "byteSize") })
        let entry = try #require(dumps.entries.first)
        let size = try dumps.write(entry, to: { _ in })
        let again = VoIDDescription.quads(store: store, baseURL: base, endpointURL: base + "sparql", dumps: dumps)
        #expect(again.contains { $0.predicate == .iri(WebVocabulary.dcat + "byteSize") && $0.object == .typed(String(size), WebVocabulary.xsd + "nonNegativeInteger") })
        // It serialises with the existing writers.
        let turtle = try RDFWriter.string(again, format: .turtle, prefixes: IRILinker.prefixes)
        #expect(turtle.contains("void:Dataset") || turtle.contains("rdfs.org/ns/void#Dataset"))
    }
}
