import Foundation
import MnemoRDF
import MnemoSPARQL
import MnemoSPARQLSyntax
import MnemoStore
import MnemoSyntax
import MnemoTestSupport
import Testing

/// The W3C SPARQL 1.1 Update test suites: syntax tests, and evaluation
/// tests that set up a dataset, run the request and compare the whole
/// dataset with the expected one up to blank-node isomorphism, with the
/// WHERE clause's default graph both the unnamed graph and the union. Prints
/// `N passed, M failed` per suite and in total, and fails below the
/// `sparql11-update N` floor in `w3c-floor.txt`.
@Suite struct W3CUpdateTests {
    static let suites = W3CTestSuites.updateSuites

    @Test func sparqlUpdateTestSuites() throws {
        guard let root = W3CTestSuites.rdfTests else {
            Issue.record(Comment(rawValue: W3CTestSuites.missingMessage))
            return
        }
        var passedAll = 0, failedAll = 0
        var report = ""
        for name in Self.suites {
            let manifest = try UpdateManifest(url: root.appendingPathComponent("sparql/sparql11/\(name)/manifest.ttl"))
            var passed = 0, failed = 0
            for test in manifest.tests where !test.withdrawn {
                if let why = run(test) {
                    failed += 1
                    report += "FAIL sparql11/\(name) \(test.name) <\(test.id)>: \(why)\n"
                } else {
                    passed += 1
                }
            }
            print("sparql11/\(name): \(passed) passed, \(failed) failed")
            passedAll += passed
            failedAll += failed
        }
        print("SPARQL 1.1 update suites: \(passedAll) passed, \(failedAll) failed")
        let reportURL = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("mnemo-w3c-update-failures.txt")
        try? report.write(to: reportURL, atomically: true, encoding: .utf8)
        if !report.isEmpty { print(report) }
        let floor = try Self.floor()
        #expect(passedAll >= floor, "SPARQL 1.1 Update passes \(passedAll), below the floor \(floor)")
    }

    /// The `sparql11-update N` line of w3c-floor.txt.
    static func floor() throws -> Int { try W3CTestSuites.floor("sparql11-update") }

    /// Runs one test; nil when it passes, else why not.
    func run(_ test: UpdateManifest.Test) -> String? {
        guard let url = test.request, let text = try? String(contentsOf: url, encoding: .utf8) else { return "cannot read the request" }
        switch test.kind {
        case .positiveSyntax:
            do { _ = try SPARQLParser.parseUpdate(text, baseIRI: url.absoluteString); return nil } catch { return "\(error)" }
        case .negativeSyntax:
            return (try? SPARQLParser.parseUpdate(text, baseIRI: url.absoluteString)) == nil ? nil : "parsed a request it should reject"
        case .other(let t):
            return "unknown test type \(t)"
        case .evaluation:
            // Under both WHERE default graphs: the unnamed graph the tests
            // assume, and the union of all graphs that Mnemo uses by default.
            for union in [false, true] {
                do {
                    if let why = try evaluate(test, url, text, unionDefaultGraph: union) { return "(union default graph: \(union)) \(why)" }
                } catch { return "\(error)" }
            }
            return nil
        }
    }

    func evaluate(_ test: UpdateManifest.Test, _ url: URL, _ text: String, unionDefaultGraph: Bool) throws -> String? {
        let store = try Store.open("memory:")
        defer { store.close() }
        try store.transaction { tx in
            for f in test.before.defaultFiles { try tx.load(file: f.path, baseIRI: f.absoluteString, into: 0) }
            for (iri, f) in test.before.named {
                try tx.load(file: f.path, baseIRI: f.absoluteString, into: store.dictionary.intern(.iri(iri)))
            }
        }
        let options = UpdateOptions(loadDirectory: url.deletingLastPathComponent(), unionDefaultGraph: unionDefaultGraph)
        do {
            try SPARQLEngine(store: store).update(text, baseIRI: url.absoluteString, options: options, limits: QueryLimits(timeout: 20))
        } catch {
            return "the request failed: \(error)"
        }
        var expected: [Quad] = []
        for f in test.after.defaultFiles { expected += try TestGraph(turtle: f).triples.map { Quad($0.subject, $0.predicate, $0.object) } }
        for (iri, f) in test.after.named {
            expected += try TestGraph(turtle: f).triples.map { Quad($0.subject, $0.predicate, $0.object, .iri(iri)) }
        }
        let actual = store.quads()
        if Isomorphism.isIsomorphic(actual, expected) { return nil }
        let show = { (q: [Quad]) in q.map(\.nquads).sorted().joined() }
        return "datasets differ; got:\n\(show(actual))expected:\n\(show(expected))"
    }
}
