import Foundation
import MnemoRDF
import MnemoSyntax

/// Where the W3C rdf-tests SPARQL suite is: `$RDF_TESTS/sparql`, or
/// `../shared/rdf-tests/sparql` next to the repository. Nil if absent.
enum W3CSuite {
    static let sparql: URL? = {
        if let env = ProcessInfo.processInfo.environment["RDF_TESTS"], !env.isEmpty {
            let dir = URL(fileURLWithPath: env).appendingPathComponent("sparql")
            return FileManager.default.fileExists(atPath: dir.path) ? dir : nil
        }
        // Tests/MnemoSPARQLSyntaxTests/<file> → repository root is three levels up.
        let repo = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let dir = repo.appendingPathComponent("../shared/rdf-tests/sparql").standardizedFileURL
        return FileManager.default.fileExists(atPath: dir.path) ? dir : nil
    }()

    static let missingMessage = "W3C rdf-tests not found: set RDF_TESTS to the rdf-tests checkout, or place it at ../shared/rdf-tests next to the repository"
}

/// A W3C test manifest (Turtle), read with Raptor: its entries in order.
struct TestManifest {
    enum Kind: Equatable { case positiveSyntax, negativeSyntax, evaluation, other }

    struct Entry {
        var name: String
        var kind: Kind
        /// False for `dawgt:NotClassified` and `dawgt:Withdrawn` tests, which are skipped.
        var counted: Bool
        /// The query file: `mf:action` for syntax tests, `qt:query` of the action otherwise.
        var query: URL?
    }

    static let mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
    static let qt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
    static let dawgt = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#"
    static let rdf = Vocabulary.rdf

    let url: URL
    private(set) var entries: [Entry] = []
    private var edges: [Term: [String: [Term]]] = [:]

    init(_ url: URL) throws {
        self.url = url
        try RaptorParser(format: .turtle).parse(file: url.path) { statement in
            let q = statement.quad
            guard case .iri(let p) = q.predicate else { return }
            edges[q.subject, default: [:]][p, default: []].append(q.object)
        }
        guard let manifest = edges.first(where: { $0.value[Self.rdf + "type"]?.contains(.iri(Self.mf + "Manifest")) ?? false })?.key,
              let head = object(manifest, Self.mf + "entries") else { return }
        for test in list(head) {
            let type = object(test, Self.rdf + "type")
            let kind: Kind
            switch type {
            case .iri(Self.mf + "PositiveSyntaxTest"), .iri(Self.mf + "PositiveSyntaxTest11"): kind = .positiveSyntax
            case .iri(Self.mf + "NegativeSyntaxTest"), .iri(Self.mf + "NegativeSyntaxTest11"): kind = .negativeSyntax
            case .iri(Self.mf + "QueryEvaluationTest"), .iri(Self.mf + "CSVResultFormatTest"): kind = .evaluation
            default: kind = .other
            }
            let approval = object(test, Self.dawgt + "approval")
            let skipped = approval == .iri(Self.dawgt + "NotClassified") || approval == .iri(Self.dawgt + "Withdrawn")
            var query: URL?
            if let action = object(test, Self.mf + "action") {
                if case .iri(let iri) = action {
                    query = URL(string: iri)
                } else if case .iri(let iri)? = object(action, Self.qt + "query") {
                    query = URL(string: iri)
                }
            }
            var name = "?"
            if case .literal(let l)? = object(test, Self.mf + "name") { name = l.lexical }
            entries.append(Entry(name: name, kind: kind, counted: !skipped, query: query))
        }
    }

    private func object(_ s: Term, _ p: String) -> Term? { edges[s]?[p]?.first }

    /// The members of an RDF collection.
    private func list(_ head: Term) -> [Term] {
        var out: [Term] = []
        var node = head
        var seen: Set<Term> = []
        while node != .iri(Self.rdf + "nil"), seen.insert(node).inserted, let first = object(node, Self.rdf + "first") {
            out.append(first)
            guard let rest = object(node, Self.rdf + "rest") else { break }
            node = rest
        }
        return out
    }
}
