import ArgumentParser
import Foundation
import MnemoStore
import MnemoSyntax

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store, or one graph, as RDF.")

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Export only this named graph (needed for triple formats).")
    var graph: String?

    @Option(help: "nquads, trig, turtle, ntriples or rdfxml.")
    var format: String = "nquads"

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        if RDFFormat(name: format) == nil {
            throw ValidationError("unknown format '\(format)'; use nquads, trig, turtle, ntriples or rdfxml")
        }
    }

    func run() throws {
        let store = try storeOptions.open()
        defer { store.close() }
        let fmt = RDFFormat(name: format)!
        let file: UnsafeMutablePointer<FILE>
        if let output {
            guard let f = fopen(output + ".partial", "wb") else { throw CLIError("cannot write \(output)") }
            file = f
        } else {
            file = standardOutput
        }
        do {
            let n = try reporting { try store.export(to: file, format: fmt, graph: graph) }
            fflush(file)
            if let output {
                fclose(file)
                _ = try? FileManager.default.removeItem(atPath: output)
                try FileManager.default.moveItem(atPath: output + ".partial", toPath: output)
                note("\(n) statements written to \(output)")
            }
        } catch {
            if let output {
                fclose(file)
                try? FileManager.default.removeItem(atPath: output + ".partial")
            }
            throw error
        }
    }
}
