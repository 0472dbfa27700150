import Foundation
import MnemoRDF
import MnemoStore

/// A VoID description of the store, which is also a DCAT catalogue entry:
/// one `void:Dataset`/`dcat:Dataset` for the whole store with its SPARQL
/// endpoint, dumps (as `void:dataDump` and `dcat:distribution`s), statistics
/// and class and property partitions, and one `void:subset` per named graph
/// (its IRI the graph's) with the same statistics and its own dumps.
///
/// The quads are in the default graph; serve them at `/void` (or
/// `/.well-known/void`) with the existing writers.
public enum VoIDDescription {
    /// The description. `endpointURL` is the absolute SPARQL endpoint URL;
    /// the dataset's IRI is `baseURL + "void#dataset"`.
    public static func quads(store: Store, baseURL: String, endpointURL: String, dumps: DumpCatalog,
                             title: String = "Mnemo linked data") -> [Quad] {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        let snap = store.snapshot
        let entries = dumps.entries
        var b = Builder()
        let root = Term.iri(base + "void#dataset")
        let storeEntries = entries.filter { $0.scope == .store }
        b.describe(root, title: .langString(title, "en"), stats: DatasetStatistics.ofStore(store, snapshot: snap),
                   dumps: storeEntries, modified: storeEntries.first?.lastModified, base: base, prefix: "all")
        b.add(root, WebVocabulary.void + "sparqlEndpoint", .iri(endpointURL))
        b.add(root, WebVocabulary.void + "uriSpace", .string(base + "id/"))
        b.add(root, WebVocabulary.void + "vocabulary", .iri(WebVocabulary.crm))
        b.add(root, WebVocabulary.void + "vocabulary", .iri(WebVocabulary.edm))
        let reader = StoreReader(store: store)
        for (i, g) in snap.namedGraphs().enumerated() {
            let iri = store.dictionary.term(g).iriString
            let subset = Term.iri(iri)
            let graphEntries = entries.filter { $0.scope == .graph(iri) }
            let label = reader.labels(of: g).preferred()
            let name: Term = label.map { $0.language.map { l in Term.langString(label!.text, l) } ?? .string($0.text) } ?? .string(iri)
            b.add(root, WebVocabulary.void + "subset", subset)
            b.describe(subset, title: name, stats: DatasetStatistics.ofGraph(iri, store: store, snapshot: snap),
                       dumps: graphEntries, modified: graphEntries.first?.lastModified, base: base, prefix: "g\(i)")
        }
        return b.quads
    }

    /// Accumulates the description's triples.
    struct Builder {
        var quads: [Quad] = []

        mutating func add(_ s: Term, _ p: String, _ o: Term) { quads.append(Quad(s, .iri(p), o)) }

        static func integer(_ n: Int) -> Term { .typed(String(n), WebVocabulary.xsd + "integer") }

        mutating func describe(_ d: Term, title: Term, stats: DatasetStatistics, dumps: [DumpEntry], modified: Date?,
                               base: String, prefix: String) {
            let v = WebVocabulary.void, dcat = WebVocabulary.dcat, dct = WebVocabulary.dcterms
            add(d, WebVocabulary.rdfType, .iri(v + "Dataset"))
            add(d, WebVocabulary.rdfType, .iri(dcat + "Dataset"))
            add(d, dct + "title", title)
            if let modified {
                let f = ISO8601DateFormatter()
                add(d, dct + "modified", .typed(f.string(from: modified), WebVocabulary.xsd + "dateTime"))
            }
            add(d, v + "triples", Self.integer(stats.triples))
            add(d, v + "distinctSubjects", Self.integer(stats.distinctSubjects))
            add(d, v + "distinctObjects", Self.integer(stats.distinctObjects))
            add(d, v + "classes", Self.integer(stats.classes.count))
            add(d, v + "properties", Self.integer(stats.properties.count))
            for (i, (cls, n)) in stats.classes.sorted(by: { $0.key < $1.key }).enumerated() {
                let part = Term.blank("\(prefix)c\(i)")
                add(d, v + "classPartition", part)
                add(part, v + "class", .iri(cls))
                add(part, v + "entities", Self.integer(n))
            }
            for (i, (prop, n)) in stats.properties.sorted(by: { $0.key < $1.key }).enumerated() {
                let part = Term.blank("\(prefix)p\(i)")
                add(d, v + "propertyPartition", part)
                add(part, v + "property", .iri(prop))
                add(part, v + "triples", Self.integer(n))
            }
            for e in dumps {
                let dist = Term.iri(base + "void#dump-" + e.name)
                add(d, v + "dataDump", .iri(e.url))
                add(d, dcat + "distribution", dist)
                add(dist, WebVocabulary.rdfType, .iri(dcat + "Distribution"))
                add(dist, dct + "title", .langString("\(e.format.rawValue) dump, gzip", "en"))
                add(dist, dcat + "downloadURL", .iri(e.url))
                add(dist, dcat + "accessURL", .iri(e.url))
                add(dist, dcat + "mediaType", .iri("https://www.iana.org/assignments/media-types/" + e.format.mediaType))
                add(dist, dcat + "compressFormat", .iri("https://www.iana.org/assignments/media-types/application/gzip"))
                if let size = e.byteSize {
                    add(dist, dcat + "byteSize", .typed(String(size), WebVocabulary.xsd + "nonNegativeInteger"))
                }
            }
        }
    }
}
