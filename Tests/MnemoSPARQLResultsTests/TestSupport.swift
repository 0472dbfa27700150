import Foundation
import MnemoRDF
import Testing
@testable import MnemoSPARQLResults

/// Shared fixtures for the result-format tests.
enum Fixtures {
    static let xsd = Vocabulary.xsd

    /// Cyrillic, Kazakh and Uzbek text, escapes, unbound values, blank nodes,
    /// typed literals and an empty string.
    static let table = SolutionTable(
        variables: ["s", "name", "note", "n"],
        rows: [
            [.iri("https://data.mnemo.example/person/Абай"), .langString("Абай Құнанбайұлы", "kk"),
             .string("line\nbreak \"quoted\" \\ back\ttab, comma"), .typed("42", xsd + "integer")],
            [.blank("b0"), .langString("Alisher Navoiy — oʻzbek shoiri", "uz-Latn"), nil, .typed("5.5", xsd + "decimal")],
            [.blank("b1"), .langString("Алишер Навоий", "uz-Cyrl"), .string(""), .typed("1.0E6", xsd + "double")],
            [nil, .string("cr\r and <xml> & 'apos'"), .typed("1845-08-10", xsd + "date"), .typed("true", xsd + "boolean")],
            [.iri("http://example.org/odd?q=a&b=<c>"), .string(" leading and trailing "), .typed("-3", xsd + "negativeInteger"), .blank("b0")],
            [.iri("urn:isbn:9786010000000"), .langString("Қазақ әдебиеті", "KK"), .typed(".5", xsd + "decimal"), .typed("007", xsd + "integer")],
            [nil, nil, nil, nil],
        ])

    /// A literal with a C0 control character, which XML 1.0 cannot carry.
    static let control = Term.string("bell\u{07} nul\u{0} end")

    /// The W3C rdf-tests checkout: `$RDF_TESTS`, else `shared/rdf-tests`
    /// beside the repository root found from this file's path.
    static let rdfTests: URL? = {
        if let env = ProcessInfo.processInfo.environment["RDF_TESTS"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        let file = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        let repo = file.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shared = repo.deletingLastPathComponent().appendingPathComponent("shared/rdf-tests")
        return FileManager.default.fileExists(atPath: shared.appendingPathComponent("sparql").path) ? shared : nil
    }()

    static let missingRDFTests: Comment =
        "W3C rdf-tests not found: set RDF_TESTS or put the checkout at ../shared/rdf-tests beside the repository"

    /// Every file under `dir` whose extension is in `extensions`, sorted.
    static func files(under dir: URL, extensions: Set<String>) -> [URL] {
        guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { $0 as? URL }.filter { extensions.contains($0.pathExtension) }.sorted { $0.path < $1.path }
    }

    static func table(_ r: QueryResult) -> SolutionTable? {
        if case .solutions(let t) = r { return t }
        return nil
    }
}

