import ArgumentParser
import Foundation
import MnemoStore
import MnemoSyntax

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load RDF files (Turtle, N-Triples, N-Quads, TriG, RDF/XML) into named graphs.",
        discussion: """
            Each file is one atomic batch: a syntax error rejects the whole file, naming \
            its line and column, and leaves the store as it was (unless --lenient). \
            Triples go into --graph, or a graph named by the file's file:// URL; quads \
            that name their graph keep it. Importing the same file into the same graph \
            again adds nothing.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The named graph (IRI) that receives the triples.")
    var graph: String?

    @Option(help: "The syntax: turtle, ntriples, nquads, trig or rdfxml (default: from the file extension).")
    var format: String?

    @Option(help: "Base IRI for relative IRIs (default: the file's URL).")
    var base: String?

    @Flag(help: "Skip bad statements and count them instead of rejecting the file.")
    var lenient = false

    @Flag(help: "Show how long parsing, the storage write and the index update took.")
    var verbose = false

    @Argument(help: "The files to import.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to import") }
        if let format, RDFFormat(name: format) == nil {
            throw ValidationError("unknown format '\(format)'; use turtle, ntriples, nquads, trig or rdfxml")
        }
    }

    func run() throws {
        let store = try storeOptions.open()
        defer { store.close() }
        var failed = 0
        for file in files {
            let showProgress = stderrIsTerminal
            var options = ImportOptions(format: format.flatMap { RDFFormat(name: $0) }, graph: graph,
                                        lenient: lenient, baseIRI: base)
            if showProgress {
                options.progress = { n, secs in
                    let rate = secs > 0 ? Int(Double(n) / secs) : 0
                    FileHandle.standardError.write(Data("\r\(file): \(n) statements, \(rate) statements/s   ".utf8))
                }
            }
            do {
                let r = try store.importFile(file, options: options)
                if showProgress { FileHandle.standardError.write(Data("\r".utf8)) }
                let rate = r.seconds > 0 ? Int(Double(r.statements) / r.seconds) : r.statements
                var line = "\(file): \(r.added) quads added to <\(r.graph)> (\(r.statements) read, \(r.duplicates) already present) in \(String(format: "%.2f", r.seconds)) s, \(rate) quads/s"
                if !r.skipped.isEmpty { line += "; \(r.skipped.count) bad statements skipped" }
                if verbose {
                    line += String(format: " [parse %.2f s, storage %.2f s, index %.2f s]", r.parseSeconds, r.writeSeconds, r.indexSeconds)
                }
                print(line)
                for e in r.skipped.prefix(20) { note("  skipped: \(e)") }
                if r.skipped.count > 20 { note("  … and \(r.skipped.count - 20) more") }
            } catch let e as StoreError {
                if showProgress { FileHandle.standardError.write(Data("\r".utf8)) }
                note("mnemo: \(e.description)")
                note("mnemo: \(file) was not imported; the store is unchanged by it")
                failed += 1
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
