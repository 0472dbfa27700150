import Foundation
import MnemoCrosswalk
import MnemoIngest
import MnemoRDF
import MnemoSPARQL
import MnemoSPARQLResults
import MnemoStore

/// The repository's root, found from this file's path.
let repoRoot: URL = {
    var dir = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    while dir.path != "/" {
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Fixtures").path),
           FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
        dir.deleteLastPathComponent()
    }
    fatalError("repository root not found above \(#filePath)")
}()

func fixture(_ path: String) -> URL { repoRoot.appendingPathComponent("Fixtures").appendingPathComponent(path) }

let queryPrefixes = """
    PREFIX crm: <http://www.cidoc-crm.org/cidoc-crm/>
    PREFIX edm: <http://www.europeana.eu/schemas/edm/>
    PREFIX ore: <http://www.openarchives.org/ore/terms/>
    PREFIX dc: <http://purl.org/dc/elements/1.1/>
    PREFIX dcterms: <http://purl.org/dc/terms/>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX rdaGr2: <http://rdvocab.info/ElementsGr2/>
    PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

    """

/// A store in memory with one dataset ingested, and the run's result.
struct Ingested {
    let store: Store
    let result: DatasetIngest.Result
    let reports: [RecordReport]

    init(_ format: SourceFormat, _ files: [String], institution: String = "test", dataset: String = "ds",
         profile: URL? = nil, encoding: String? = nil, store: Store? = nil) throws {
        self.store = try store ?? Store.open("memory:")
        let cw = try Crosswalk(IngestOptions(format: format, institution: institution, dataset: dataset,
                                             profile: profile, encoding: encoding))
        let reportFile = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-report-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: reportFile) }
        let writer = try RecordReportWriter(path: reportFile.path)
        result = try DatasetIngest(crosswalk: cw, report: writer).run(files: files.map(fixture), into: .store(self.store))
        let lines = (try? String(contentsOf: reportFile, encoding: .utf8)) ?? ""
        reports = lines.split(separator: "\n").compactMap { try? JSONDecoder().decode(RecordReport.self, from: Data($0.utf8)) }
    }

    var view: View { View(store: store) }
    func select(_ query: String) throws -> [[String: String]] { try view.select(query) }
    func column(_ query: String, _ variable: String) throws -> [String] { try view.column(query, variable) }
    func ask(_ query: String) throws -> Bool { try view.ask(query) }

    /// SPARQL questions to a store, answers as text.
    struct View {
        let store: Store

        /// Rows of a SELECT, each variable's value as text (IRI, or literal's lexical form with `@lang`).
        func select(_ query: String) throws -> [[String: String]] {
            guard case .solutions(let t) = try SPARQLEngine(store: store).query(queryPrefixes + query) else { return [] }
            return t.bindings.map { row in row.mapValues(Ingested.text) }
        }

        /// One column of a SELECT, sorted.
        func column(_ query: String, _ variable: String) throws -> [String] {
            try select(query).compactMap { $0[variable] }.sorted()
        }

        func ask(_ query: String) throws -> Bool {
            guard case .boolean(let b) = try SPARQLEngine(store: store).query(queryPrefixes + query) else { return false }
            return b
        }
    }

    static func text(_ t: Term) -> String {
        switch t {
        case .iri(let s): return s
        case .blank(let b): return "_:" + b
        case .literal(let l): return l.language.map { l.lexical + "@" + $0 } ?? l.lexical
        }
    }
}
