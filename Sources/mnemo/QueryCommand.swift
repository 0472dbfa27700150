import ArgumentParser
import Foundation
import MnemoRDF
import MnemoSPARQL
import MnemoSearch
import MnemoSPARQLResults
import MnemoSPARQLSyntax
import MnemoStore
import MnemoSyntax

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Answer SPARQL 1.1 queries over a store, or over RDF files directly.",
        discussion: """
            Several query files run in turn over the store opened once. With --data and \
            --named no store is opened: --data files make the default graph, and each \
            --named file is a named graph whose IRI is the file's file:// URL.
            """)

    @Option(help: "The store: sqlite:PATH, bdb:DIR or memory: (default: $MNEMO_STORE or sqlite:mnemo.sqlite).")
    var store: String?

    @Option(name: .long, parsing: .singleValue, help: "An RDF file for the default graph (repeatable); no store is opened.")
    var data: [String] = []

    @Option(name: .long, parsing: .singleValue, help: "An RDF file to add as a named graph (repeatable).")
    var named: [String] = []

    @Option(help: "Base IRI for relative IRIs in the query.")
    var base: String?

    @Option(help: "json, xml, csv, tsv or table for SELECT/ASK; turtle, ntriples, nquads, trig, rdfxml or jsonld for CONSTRUCT/DESCRIBE.")
    var format: String?

    @Option(name: [.customShort("e"), .long], help: "The query text (instead of query files).")
    var expression: String?

    @Option(help: "Seconds a query may run (default 30).")
    var timeout: Double = 30

    @Option(name: .customLong("max-rows"), help: "Most result rows a query may return.")
    var maxRows: Int?

    @Flag(help: "Print each query's evaluation time on standard error.")
    var time = false

    @Flag(help: "Run each query and print its plan (estimated and actual rows, calls and time per operator) instead of its answer.")
    var explain = false

    @Argument(help: "Files holding queries, run in turn.")
    var queryFiles: [String] = []

    static let selectFormats = ["json", "xml", "csv", "tsv", "table"]
    static let graphFormats = ["turtle", "ntriples", "nquads", "trig", "rdfxml", "jsonld"]

    func validate() throws {
        if expression == nil && queryFiles.isEmpty { throw ValidationError("give a query with -e or name query files") }
        if expression != nil && !queryFiles.isEmpty { throw ValidationError("use -e or query files, not both") }
        if store != nil && !(data.isEmpty && named.isEmpty) { throw ValidationError("use --store or --data/--named, not both") }
        if let format, !(Self.selectFormats + Self.graphFormats).contains(format) {
            throw ValidationError("unknown format '\(format)'; use one of \((Self.selectFormats + Self.graphFormats).joined(separator: ", "))")
        }
    }

    func run() throws {
        let (s, selection) = try openDataset()
        defer { s.close() }
        if time { note(describeOpen(s.openReport)) }
        let engine = SPARQLEngine(store: s, extensions: [NameScoreFunction()])
        let limits = QueryLimits(timeout: timeout, maxResultRows: maxRows)
        let queries: [(name: String, text: String, base: String?)]
        if let expression {
            queries = [("-e", expression, base)]
        } else {
            queries = try queryFiles.map { f in
                guard let text = try? String(contentsOfFile: f, encoding: .utf8) else { throw CLIError("cannot read query file \(f)") }
                return (f, text, base ?? URL(fileURLWithPath: f).absoluteURL.absoluteString)
            }
        }
        var failed = false
        for q in queries {
            do {
                let parsed: Query
                do { parsed = try SPARQLParser.parse(q.text, baseIRI: q.base) } catch let e as SPARQLSyntaxError {
                    throw CLIError("\(q.name):\(e.line):\(e.column): \(e.message)")
                }
                if explain {
                    let plan = try engine.explain(parsed, dataset: selection, limits: limits)
                    print(queries.count > 1 ? "# \(q.name)\n\(plan)" : plan.description)
                    continue
                }
                let start = Date()
                let result = try engine.execute(parsed, dataset: selection, limits: limits)
                let elapsed = Date().timeIntervalSince(start)
                try write(result)
                if time { note(String(format: "%@: %.3f ms", q.name, elapsed * 1000)) }
            } catch let e as CLIError {
                note("mnemo: \(e.description)")
                failed = true
            } catch let e as QueryError {
                note("mnemo: \(q.name): \(e.description)")
                failed = true
            } catch let e as StoreError {
                note("mnemo: \(q.name): \(e.description)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// The store to query and the dataset selection: a store from --store, or an in-memory one loaded from files.
    private func openDataset() throws -> (Store, DatasetSelection) {
        if data.isEmpty && named.isEmpty {
            let location = store ?? ProcessInfo.processInfo.environment["MNEMO_STORE"] ?? "sqlite:mnemo.sqlite"
            return (try reporting { try Store.open(location) }, DatasetSelection())
        }
        let s = try reporting { try Store.open("memory:") }
        var defaults: [String] = [], graphs: [String] = []
        for (i, f) in data.enumerated() {
            let g = "urn:mnemo:data:\(i)"
            try reporting { _ = try s.importFile(f, options: ImportOptions(graph: g)) }
            defaults.append(g)
        }
        for f in named {
            let iri = URL(fileURLWithPath: f).absoluteURL.absoluteString
            try reporting { _ = try s.importFile(f, options: ImportOptions(graph: iri)) }
            graphs.append(iri)
        }
        return (s, DatasetSelection(defaultGraphs: defaults, namedGraphs: graphs))
    }

    private func write(_ result: QueryResult) throws {
        let terminal = isatty(1) != 0
        switch result {
        case .graph(let quads):
            let name = format ?? "turtle"
            guard Self.graphFormats.contains(name) else {
                throw CLIError("--format \(name) is for SELECT and ASK; a graph result takes \(Self.graphFormats.joined(separator: ", "))")
            }
            if name == "jsonld" {
                let writer = JSONLDWriter(file: standardOutput)
                try writer.begin()
                try writer.write(quads)
                try writer.end()
            } else {
                let writer = try RDFWriter(format: RDFFormat(name: name)!, file: standardOutput, prefixes: Store.commonPrefixes)
                for q in quads { try writer.write(q) }
                try writer.finish()
            }
        default:
            let name = format ?? (terminal ? "table" : "json")
            guard let f = ResultFormat(rawValue: name) else {
                throw CLIError("--format \(name) is for graph results; SELECT and ASK take \(Self.selectFormats.joined(separator: ", "))")
            }
            let prefixes = Dictionary(Store.commonPrefixes.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
            try f.write(result, to: .file(standardOutput), prefixes: prefixes)
        }
        fflush(standardOutput)
    }
}
