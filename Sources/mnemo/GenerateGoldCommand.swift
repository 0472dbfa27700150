import ArgumentParser
import Foundation
import MnemoDataGen

/// `mnemo generate-gold`: person and place records of several institutions,
/// with the gold standard of which records describe one real entity.
struct GenerateGoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-gold",
        abstract: "Write person and place records of several institutions as N-Quads, with a gold standard for entity linking.",
        discussion: """
        The gold file is tab-separated: kind, entity, graph, iri, trap. Every IRI \
        of one entity shares its `entity` value; `trap` names the hard cases \
        (namesake, father-son, surname-city, homonym-place).
        """)

    @Option(help: "How many real persons (each described by one to three institutions).")
    var persons: Int

    @Option(help: "How many institutions (one named graph each; at least 2).")
    var institutions = 3

    @Option(help: "Random seed; the same seed gives the same bytes.")
    var seed: UInt64 = 7

    @Option(help: "Base IRI for minted URIs.")
    var base = "https://data.mnemo.example/"

    @Option(name: .shortAndLong, help: "The N-Quads file to write.")
    var output: String

    @Option(help: "The gold-standard TSV file to write.")
    var gold: String

    func validate() throws {
        if persons < 1 { throw ValidationError("--persons must be at least 1") }
        if institutions < 2 { throw ValidationError("--institutions must be at least 2: linking needs two sources") }
        if !CRMDataGenerator.isValidBase(base) { throw ValidationError("--base must be an absolute IRI such as https://data.example.org/") }
    }

    func run() throws {
        guard let quadFile = fopen(output, "wb") else { throw CLIError("cannot write \(output)") }
        defer { fclose(quadFile) }
        guard let goldFile = fopen(gold, "wb") else { throw CLIError("cannot write \(gold)") }
        defer { fclose(goldFile) }
        func write(_ text: String, _ file: UnsafeMutablePointer<FILE>) throws {
            var text = text
            try text.withUTF8 { bytes in
                if fwrite(bytes.baseAddress, 1, bytes.count, file) != bytes.count { throw CLIError("write failed") }
            }
        }
        try write(GoldRecord.tsvHeader, goldFile)
        let summary = try LinkingGoldGenerator.generate(
            LinkingGoldOptions(persons: persons, institutions: institutions, seed: seed, base: base),
            quads: { try write($0, quadFile) }, gold: { try write($0.tsvLine, goldFile) })
        note("generated \(summary.quads) quads: \(summary.personRecords) records of \(summary.persons) persons "
             + "(\(summary.traps) traps), \(summary.placeRecords) records of \(summary.places) places")
    }
}
