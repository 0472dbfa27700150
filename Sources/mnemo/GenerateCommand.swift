import ArgumentParser
import Foundation
import MnemoDataGen

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write synthetic cross-institution CIDOC-CRM data as N-Quads, for benchmarks.")

    @Option(help: "How many quads (at least).")
    var quads: Int

    @Option(help: "How many institutions (one named graph each).")
    var institutions = 3

    @Option(help: "Random seed; the same seed gives the same bytes.")
    var seed: UInt64 = 42

    @Option(help: "Base IRI for minted URIs.")
    var base = "https://data.mnemo.example/"

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    func validate() throws {
        if quads < 1 { throw ValidationError("--quads must be at least 1") }
        if institutions < 1 { throw ValidationError("--institutions must be at least 1") }
        if !CRMDataGenerator.isValidBase(base) { throw ValidationError("--base must be an absolute IRI such as https://data.example.org/") }
    }

    func run() throws {
        let file: UnsafeMutablePointer<FILE>
        if let output {
            guard let f = fopen(output, "wb") else { throw CLIError("cannot write \(output)") }
            file = f
        } else {
            file = standardOutput
        }
        defer { if output != nil { fclose(file) } else { fflush(file) } }
        let summary = try CRMDataGenerator.generate(
            GeneratorOptions(quads: quads, institutions: institutions, seed: seed, base: base)) { chunk in
            if fwrite(chunk.baseAddress, 1, chunk.count, file) != chunk.count { throw CLIError("write failed") }
        }
        note("generated \(summary.quads) quads: \(summary.persons) persons, \(summary.places) places, \(summary.objects) objects")
    }
}
