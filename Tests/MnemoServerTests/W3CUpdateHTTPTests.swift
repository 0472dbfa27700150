import Foundation
import HTTPTypes
import HummingbirdTesting
import MnemoRDF
import MnemoServer
import MnemoSPARQLResults
import MnemoStore
import MnemoSyntax
import MnemoTestSupport
import NIOCore
import Testing

/// The W3C SPARQL 1.1 Update test suites spoken over HTTP to a live
/// service, one fresh store and one service per test:
///
/// - evaluation tests: the store is loaded with the test's dataset, the
///   request is POSTed as `application/sparql-update` with a write token,
///   and the dataset is read back over HTTP (the unnamed graph and each
///   named graph from the Graph Store Protocol, the graph names from a
///   query) and compared with the expected one up to blank-node isomorphism.
///   The service evaluates WHERE over its default, the union of all graphs;
///   the in-process harness (MnemoSPARQLTests/W3CUpdateTests) shows every
///   test passing both with it and with the unnamed graph the tests assume.
///   `loadDirectory` is the test's directory, so LOAD of local files works.
/// - positive syntax tests must be answered 200, or, when the request is
///   well-formed but an operation cannot be carried out on an empty store,
///   400 naming that operation and no syntax error (a few tests LOAD from
///   the network, which the service never does, or DROP or CLEAR a graph
///   that does not exist, which SPARQL 1.1 Update 3.1.3 lets it refuse);
///   those are counted apart. Negative syntax tests must be answered 400
///   with the parser's message saying where (`line N, column M`).
///
/// Prints `N passed, M failed` per suite and in total, writes the failures
/// to `$TMPDIR/mnemo-w3c-update-http-failures.txt`, and fails below the
/// `sparql11-update` floor of `Tests/MnemoSPARQLTests/w3c-floor.txt`.
@Suite struct W3CUpdateHTTPTests {
    @Test func sparqlUpdateTestSuitesOverHTTP() async throws {
        guard let root = W3CTestSuites.rdfTests else {
            Issue.record(Comment(rawValue: W3CTestSuites.missingMessage))
            return
        }
        let clock = ContinuousClock()
        let started = clock.now
        var passedAll = 0, failedAll = 0, refusedAll = 0
        var report = "", notes = ""
        for name in W3CTestSuites.updateSuites {
            let manifest = try UpdateManifest(url: root.appendingPathComponent("sparql/sparql11/\(name)/manifest.ttl"))
            let suiteStarted = clock.now
            var passed = 0, failed = 0, refused = 0
            for test in manifest.tests where !test.withdrawn {
                let outcome: Outcome
                do { outcome = try await Self.run(test) } catch { outcome = .failed("\(error)") }
                switch outcome {
                case .passed: passed += 1
                case .parsedButRefused(let why):
                    passed += 1
                    refused += 1
                    notes += "parsed, refused on execution: sparql11/\(name) \(test.name): \(why)"
                case .failed(let why):
                    failed += 1
                    report += "FAIL sparql11/\(name) \(test.name) <\(test.id)>: \(why)\n"
                }
            }
            refusedAll += refused
            let apart = refused > 0 ? " (\(refused) positive syntax tests parsed, an operation refused)" : ""
            print("sparql11/\(name) over HTTP: \(passed) passed, \(failed) failed\(apart) in \(clock.now - suiteStarted)")
            passedAll += passed
            failedAll += failed
        }
        print("SPARQL 1.1 update suites over HTTP: \(passedAll) passed, \(failedAll) failed in \(clock.now - started)")
        if refusedAll > 0 { print(notes, terminator: "") }
        let reportURL = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("mnemo-w3c-update-http-failures.txt")
        try? report.write(to: reportURL, atomically: true, encoding: .utf8)
        if !report.isEmpty { print(report) }
        let floor = try W3CTestSuites.floor("sparql11-update")
        #expect(passedAll >= floor, "SPARQL 1.1 Update over HTTP passes \(passedAll), below the floor \(floor)")
    }

    enum Outcome: Sendable {
        case passed
        /// A positive syntax test answered 400 for an operation, not for its syntax.
        case parsedButRefused(String)
        case failed(String)
    }

    /// Runs one test against its own store and service.
    static func run(_ test: UpdateManifest.Test) async throws -> Outcome {
        guard let url = test.request, let text = try? String(contentsOf: url, encoding: .utf8) else { return .failed("cannot read the request") }
        if case .other(let t) = test.kind { return .failed("unknown test type \(t)") }
        let store = try Store.open("memory:")
        defer { store.close() }
        if case .evaluation = test.kind {
            try store.transaction { tx in
                for f in test.before.defaultFiles { try tx.load(file: f.path, baseIRI: f.absoluteString, into: 0) }
                for (iri, f) in test.before.named {
                    try tx.load(file: f.path, baseIRI: f.absoluteString, into: store.dictionary.intern(.iri(iri)))
                }
            }
        }
        let writer = TokenStore.makeToken(label: "w3c", role: .write)
        var config = ServerConfiguration()
        config.port = 0
        config.accessLog = false
        config.maxConcurrent = 1
        config.tokens = try TokenStore(text: writer.line + "\n")
        config.loadDirectory = url.deletingLastPathComponent()
        let service = MnemoService(store: store, configuration: config)
        let outcome: Outcome
        do {
            outcome = try await service.makeApplication().test(.live) { client -> Outcome in
                let r = try await client.execute(uri: "/sparql", method: .post,
                                                 headers: .bearer(writer.token, [.contentType: "application/sparql-update"]),
                                                 body: ByteBuffer(string: text))
                switch test.kind {
                case .positiveSyntax:
                    if r.status == .ok { return .passed }
                    if r.status == .badRequest, r.text.hasPrefix("operation "), !r.text.contains("syntax error") {
                        return .parsedButRefused(r.text)
                    }
                    return .failed("answered \(r.status.code): \(r.text)")
                case .negativeSyntax:
                    guard r.status == .badRequest else { return .failed("answered \(r.status.code), not 400: \(r.text)") }
                    return Self.isLocated(r.text) ? .passed : .failed("the 400 does not say where: \(r.text)")
                case .evaluation:
                    guard r.status == .ok else { return .failed("the request failed: \(r.status.code) \(r.text)") }
                    return try await Self.compare(try await Self.dataset(client), test.after).map { .failed($0) } ?? .passed
                case .other(let t):
                    return .failed("unknown test type \(t)")
                }
            }
        } catch {
            await service.shutdown()
            throw error
        }
        await service.shutdown()
        return outcome
    }

    /// A parser message with its position, as the service words it: `… line N, column M: …`.
    static func isLocated(_ message: String) -> Bool {
        message.range(of: #"line \d+, column \d+"#, options: .regularExpression) != nil
    }

    /// The whole dataset, read over HTTP: the unnamed graph and each named
    /// graph as N-Triples from the Graph Store Protocol, the graph names from
    /// a query. Blank-node labels are the store's, so a blank node in two
    /// graphs keeps one label.
    static func dataset(_ client: some TestClientProtocol) async throws -> [Quad] {
        let ntriples: HTTPFields = [.accept: "application/n-triples"]
        let unnamed = try await client.execute(uri: "/rdf-graph-store?default", method: .get, headers: ntriples)
        guard unnamed.status == .ok else { throw HTTPReadError("GET of the default graph answered \(unnamed.status.code): \(unnamed.text)") }
        var quads = try parse(unnamed.text, graph: nil)
        let names = try await client.execute(uri: "/sparql", method: .post,
            headers: [.contentType: "application/sparql-query", .accept: "application/sparql-results+json"],
            body: ByteBuffer(string: "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
        guard names.status == .ok, case .solutions(let table) = try ResultFormat.json.read(Data(buffer: names.body)) else {
            throw HTTPReadError("the graph-name query answered \(names.status.code): \(names.text)")
        }
        for row in table.rows {
            guard case .iri(let g)? = row.first ?? nil else { continue }
            let r = try await client.execute(uri: "/rdf-graph-store?graph=\(encoded(g))", method: .get, headers: ntriples)
            guard r.status == .ok else { throw HTTPReadError("GET of graph <\(g)> answered \(r.status.code): \(r.text)") }
            quads += try parse(r.text, graph: .iri(g))
        }
        return quads
    }

    static func parse(_ text: String, graph: Term?) throws -> [Quad] {
        var quads: [Quad] = []
        try RaptorParser(format: .ntriples).parse(string: text, sourceName: "response") { st in
            let q = st.quad
            quads.append(Quad(q.subject, q.predicate, q.object, graph))
        }
        return quads
    }

    /// nil when `actual` is the expected dataset up to blank-node isomorphism.
    static func compare(_ actual: [Quad], _ after: UpdateManifest.Dataset) throws -> String? {
        var expected: [Quad] = []
        for f in after.defaultFiles { expected += try TestGraph(turtle: f).triples.map { Quad($0.subject, $0.predicate, $0.object) } }
        for (iri, f) in after.named {
            expected += try TestGraph(turtle: f).triples.map { Quad($0.subject, $0.predicate, $0.object, .iri(iri)) }
        }
        if Isomorphism.isIsomorphic(actual, expected) { return nil }
        let show = { (q: [Quad]) in q.map(\.nquads).sorted().joined() }
        return "datasets differ; got:\n\(show(actual))expected:\n\(show(expected))"
    }

    struct HTTPReadError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}
