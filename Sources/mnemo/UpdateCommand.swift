import ArgumentParser
import Foundation
import MnemoSPARQL
import MnemoSearch
import MnemoSPARQLSyntax
import MnemoStore

/// `mnemo update`: runs SPARQL 1.1 Update requests against a store, each atomically.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Run SPARQL 1.1 Update requests against a store, each as one atomic change.",
        discussion: """
            Each request (the -e text, or each file in turn) is applied whole or not at all, \
            and prints one summary line. Files stop at the first that fails. LOAD reads only \
            file: IRIs inside --load-dir; nothing is fetched from the network. A WHERE clause \
            without USING or WITH matches the union of all graphs, as queries do; templates \
            write the unnamed default graph unless they say GRAPH.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Base IRI for relative IRIs in the request (default for files: the file's URL).")
    var base: String?

    @Option(name: .customLong("load-dir"), help: "The directory LOAD may read files from (default: LOAD is refused).")
    var loadDir: String?

    @Option(name: [.customShort("e"), .long], help: "The update request text (instead of files).")
    var expression: String?

    @Option(help: "Seconds each WHERE clause may run (default 30).")
    var timeout: Double = 30

    @Argument(help: "Files holding update requests, run in turn.")
    var files: [String] = []

    func validate() throws {
        if expression == nil && files.isEmpty { throw ValidationError("give an update with -e or name request files") }
        if expression != nil && !files.isEmpty { throw ValidationError("use -e or request files, not both") }
    }

    func run() throws {
        var requests: [(name: String, text: String, base: String?)] = []
        if let expression {
            requests = [("-e", expression, base)]
        } else {
            for f in files {
                guard let text = try? String(contentsOfFile: f, encoding: .utf8) else { throw CLIError("cannot read request file \(f)") }
                requests.append((f, text, base ?? URL(fileURLWithPath: f).absoluteURL.absoluteString))
            }
        }
        let store = try storeOptions.open()
        defer { store.close() }
        let engine = SPARQLEngine(store: store, extensions: [NameScoreFunction()])
        let options = UpdateOptions(loadDirectory: loadDir.map { URL(fileURLWithPath: $0) })
        for r in requests {
            do { try apply(r, engine, options) } catch let e as CLIError {
                note("mnemo: \(e.description)")
                throw ExitCode(1)
            }
        }
    }

    /// Parses and runs one request, printing its summary.
    private func apply(_ r: (name: String, text: String, base: String?), _ engine: SPARQLEngine, _ options: UpdateOptions) throws {
        let parsed: UpdateRequest
        do { parsed = try SPARQLParser.parseUpdate(r.text, baseIRI: r.base) } catch let e as SPARQLSyntaxError {
            throw CLIError("\(r.name):\(e.line):\(e.column): \(e.message)")
        }
        do {
            let summary = try engine.execute(parsed, options: options, limits: QueryLimits(timeout: timeout))
            print("\(r.name): \(summary)")
        } catch let e as UpdateError {
            throw CLIError("\(r.name): \(e.description)")
        } catch let e as QueryError {
            throw CLIError("\(r.name): \(e.description); nothing was changed")
        } catch let e as StoreError {
            throw CLIError("\(r.name): \(e.description); nothing was changed")
        }
    }
}
