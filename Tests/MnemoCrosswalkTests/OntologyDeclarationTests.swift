import Foundation
import MnemoCrosswalk
import MnemoRDF
import MnemoStore
import Testing

/// Every class and property the crosswalks emit must be declared in `ontologies/`,
/// so a misspelt term (`P14_carried_by`) fails here instead of in a user's query.
@Suite struct OntologyDeclarationTests {
    static func declared() throws -> Set<String> {
        let store = try Store.open("memory:")
        let dir = repoRoot.appendingPathComponent("ontologies")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".ttl") }
        #expect(files.count >= 2)
        for f in files { _ = try store.importFile(dir.appendingPathComponent(f).path) }
        let rdfType = Term.iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        return Set(store.quads(predicate: rdfType).compactMap { q -> String? in
            if case .iri(let s) = q.subject { return s }
            return nil
        })
    }

    @Test func everyVocabularyTermIsDeclared() throws {
        let declared = try Self.declared()
        let missing = CrosswalkTerms.all.filter { !declared.contains($0) }
        #expect(missing.isEmpty, "undeclared: \(missing)")
    }

    /// Ingest every fixture of every format and check each predicate and class used.
    @Test func everyEmittedTermIsDeclared() throws {
        let declared = try Self.declared()
        let store = try Store.open("memory:")
        for (format, files) in Self.allFixtures() {
            _ = try Ingested(format, files, institution: "check", dataset: format.rawValue + "-" + files[0], store: store)
        }
        let rdfType = Term.iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        var used = Set<String>()
        for q in store.quads() {
            if case .iri(let p) = q.predicate { used.insert(p) }
            if q.predicate == rdfType, case .iri(let c) = q.object { used.insert(c) }
        }
        let ours = used.filter { u in
            [NS.crm, NS.edm, NS.ore, NS.dc, NS.dcterms, NS.skos, NS.rdaGr2, NS.wgs84].contains { u.hasPrefix($0) }
        }
        #expect(ours.count > 60)
        let undeclared = ours.filter { !declared.contains($0) }.sorted()
        #expect(undeclared.isEmpty, "emitted but not declared in ontologies/: \(undeclared)")
        // And every term emitted is in the vocabulary list the first test checks.
        let unlisted = ours.subtracting(CrosswalkTerms.all).sorted()
        #expect(unlisted.isEmpty, "emitted but missing from CrosswalkTerms.all: \(unlisted)")
    }

    static func allFixtures() -> [(SourceFormat, [String])] {
        func files(_ dir: String, _ exts: [String]) -> [String] {
            let d = fixture(dir)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: d.path)) ?? []
            return names.filter { n in exts.contains { n.hasSuffix($0) } && !n.hasPrefix("bad") }.sorted().map { "\(dir)/\($0)" }
        }
        return [
            (.csv, ["csv/museum-almaty.csv"]),
            (.lido, files("lido", [".xml"])),
            (.ead, ["ead/kazan-yunusov-family.xml"]),
            (.ead, ["ead/almaty-kasteev-nonamespace.xml"]),
            (.oai_dc, files("dc", [".xml"])),
            (.marcxml, ["marc/russian-utf8.xml", "marc/kazakh-uzbek.xml"]),
            (.marc21, ["marc/utf8.mrc", "marc/cp1251.mrc", "marc/marc8.mrc"]),
            (.rusmarc, ["marc/rusmarc.xml"]),
        ].filter { !$0.1.isEmpty }
    }
}
