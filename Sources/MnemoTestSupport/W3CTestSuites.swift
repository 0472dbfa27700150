import Foundation

/// Where the W3C test suites are, and the pass floors the conformance
/// harnesses must not drop below; shared by the in-process harness
/// (MnemoSPARQLTests) and the HTTP one (MnemoServerTests).
public enum W3CTestSuites {
    /// The repository root, found by walking up from this file to `Package.swift`.
    public static let repository: URL = repositoryRoot

    /// The W3C rdf-tests checkout: `$RDF_TESTS`, else `shared/rdf-tests`
    /// beside the repository root; nil when neither exists.
    public static var rdfTests: URL? {
        if let env = ProcessInfo.processInfo.environment["RDF_TESTS"], !env.isEmpty { return URL(fileURLWithPath: env) }
        let shared = repository.deletingLastPathComponent().appendingPathComponent("shared/rdf-tests")
        return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
    }

    public static let missingMessage =
        "W3C test suites not found: set RDF_TESTS or put rdf-tests at ../shared/rdf-tests beside the repository"

    /// The committed floors, `Tests/MnemoSPARQLTests/w3c-floor.txt`.
    public static var floorFile: URL { repository.appendingPathComponent("Tests/MnemoSPARQLTests/w3c-floor.txt") }

    /// The `KEY N` line of the floor file (`sparql11`, `sparql10`, `sparql11-update`); 0 when absent.
    public static func floor(_ key: String) throws -> Int {
        for line in try String(contentsOf: floorFile, encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, parts[0] == key, let n = Int(parts[1]) { return n }
        }
        return 0
    }

    /// The SPARQL 1.1 Update suites, in the order they are reported.
    public static let updateSuites = ["add", "basic-update", "clear", "copy", "delete-data", "delete-insert", "delete-where",
                                      "delete", "drop", "move", "update-silent", "syntax-update-1", "syntax-update-2"]
}
