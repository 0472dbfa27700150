import Foundation
import HTTPTypes
import HummingbirdTesting
import MnemoSPARQLResults
import NIOCore
import Testing

/// The SPARQL 1.1 Protocol for queries, spoken over HTTP to a live server.
@Suite struct SPARQLProtocolTests {
    static let persons = """
        SELECT ?p ?l WHERE { ?p a <http://www.cidoc-crm.org/cidoc-crm/E21_Person> ;
            <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(lang(?l) = "kk") } ORDER BY ?l
        """

    @Test func getPostFormAndDirectPostGiveTheSameAnswer() async throws {
        let h = try ServerHarness()
        try await h.run { client in
            let get = try await client.execute(uri: "/sparql?query=\(encoded(Self.persons))", method: .get)
            #expect(get.status == .ok)
            #expect(get.headers[.contentType] == "application/sparql-results+json")
            let viaForm = try await client.execute(uri: "/sparql", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"], body: form([("query", Self.persons)]))
            let direct = try await client.execute(uri: "/sparql", method: .post,
                headers: [.contentType: "application/sparql-query"], body: ByteBuffer(string: Self.persons))
            let a = try ResultFormat.json.read(Data(buffer: get.body))
            #expect(try ResultFormat.json.read(Data(buffer: viaForm.body)) == a)
            #expect(try ResultFormat.json.read(Data(buffer: direct.body)) == a)
            guard case .solutions(let t) = a else { Issue.record("not solutions"); return }
            #expect(t.count >= 2)
            // Cyrillic labels come back byte-exact.
            #expect(t.rows.contains { $0[1] == .langString("Абай Құнанбайұлы", "kk") })
        }
    }

    @Test func explainAnswersWithThePlan() async throws {
        let h = try ServerHarness()
        try await h.run { client in
            let r = try await client.execute(uri: "/sparql?explain=true&query=\(encoded(Self.persons))", method: .get,
                                             headers: [.accept: "application/sparql-results+json"])
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "text/plain; charset=utf-8")
            let text = String(buffer: r.body)
            #expect(text.hasPrefix("est"))
            #expect(text.contains("Order by ?l"))
            #expect(text.contains("FILTER (LANG(?l) = \"kk\")"))
            // The plan, not the answer; its size is in the last line.
            let answer = try ResultFormat.json.read(Data(buffer: try await client.execute(
                uri: "/sparql?query=\(encoded(Self.persons))", method: .get).body))
            guard case .solutions(let t) = answer else { Issue.record("not solutions"); return }
            #expect(text.contains("\n\(t.count) solutions in "))
            #expect(!text.contains("Абай"))
            let bad = try await client.execute(uri: "/sparql?explain=true&query=\(encoded("SELECT * WHERE {"))", method: .get)
            #expect(bad.status == .badRequest)
        }
    }

    @Test func contentNegotiationHonoursQValuesAndWildcards() async throws {
        let h = try ServerHarness()
        try await h.run { client in
            let cases: [(String, String)] = [
                ("text/csv", "text/csv; charset=utf-8"),
                ("application/sparql-results+xml", "application/sparql-results+xml"),
                ("text/tab-separated-values;q=0.9, text/csv;q=0.5", "text/tab-separated-values; charset=utf-8"),
                ("text/csv;q=0.1, application/sparql-results+xml", "application/sparql-results+xml"),
                ("*/*", "application/sparql-results+json"),
                ("text/*", "text/csv; charset=utf-8"),
                ("text/html, application/xml;q=0.9, */*;q=0.8", "application/sparql-results+xml"),
            ]
            for (accept, expected) in cases {
                let r = try await client.execute(uri: "/sparql?query=\(encoded("ASK {}"))", method: .get, headers: [.accept: accept])
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == expected, "Accept: \(accept)")
            }
            let refused = try await client.execute(uri: "/sparql?query=\(encoded("ASK {}"))", method: .get,
                                                   headers: [.accept: "image/png, text/csv;q=0"])
            #expect(refused.status == .notAcceptable)
            #expect(refused.text.contains("application/sparql-results+json"))
        }
    }

    @Test func graphResultsInEveryRDFSyntax() async throws {
        let h = try ServerHarness()
        let construct = "CONSTRUCT { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?l } WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
        try await h.run { client in
            for (accept, type, needle) in [
                ("text/turtle", "text/turtle; charset=utf-8", "@prefix"),
                ("application/n-triples", "application/n-triples; charset=utf-8", "\"Абай Құнанбайұлы\"@kk ."),
                ("application/n-quads", "application/n-quads; charset=utf-8", "\"Абай Құнанбайұлы\"@kk ."),
                ("application/trig", "application/trig; charset=utf-8", "{"),
                ("application/rdf+xml", "application/rdf+xml", "<rdf:RDF"),
                ("application/ld+json", "application/ld+json", "\"@value\""),
            ] {
                let r = try await client.execute(uri: "/sparql?query=\(encoded(construct))", method: .get, headers: [.accept: accept])
                #expect(r.status == .ok, "\(accept)")
                #expect(r.headers[.contentType] == type)
                #expect(r.text.contains(needle), "\(accept): \(r.text.prefix(200))")
            }
            let json = try await client.execute(uri: "/sparql?query=\(encoded(construct))&format=jsonld", method: .get)
            #expect(json.headers[.contentType] == "application/ld+json")
            let bad = try await client.execute(uri: "/sparql?query=\(encoded(construct))", method: .get,
                                               headers: [.accept: "application/sparql-results+json"])
            #expect(bad.status == .notAcceptable)
        }
    }

    @Test func datasetParametersOverrideTheQuery() async throws {
        let h = try ServerHarness()
        try await h.run { client in
            let q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
            let all = try await client.execute(uri: "/sparql?query=\(encoded(q))", method: .get, headers: [.accept: "text/csv"])
            #expect(all.text != "n\r\n0\r\n")
            let none = try await client.execute(
                uri: "/sparql?query=\(encoded(q))&default-graph-uri=\(encoded("http://example.org/nothing"))",
                method: .get, headers: [.accept: "text/csv"])
            #expect(none.text == "n\r\n0\r\n")
            let named = try await client.execute(
                uri: "/sparql?query=\(encoded("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"))&named-graph-uri=\(encoded(ServerHarness.graph))",
                method: .get, headers: [.accept: "text/csv"])
            #expect(named.text == "g\r\n\(ServerHarness.graph)\r\n")
        }
    }

    @Test func errorsHaveTheirStatusAndSayWhere() async throws {
        let h = try ServerHarness { $0.maxBodyBytes = 1000 }
        try await h.run { client in
            let syntax = try await client.execute(uri: "/sparql?query=\(encoded("SELECT ?x WHERE { ?x ?y }"))", method: .get)
            #expect(syntax.status == .badRequest)
            #expect(syntax.text.contains("line 1, column"))
            let both = try await client.execute(uri: "/sparql", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"], body: form([("query", "ASK {}"), ("update", "CLEAR ALL")]))
            #expect(both.status == .badRequest)
            let twice = try await client.execute(uri: "/sparql?query=\(encoded("ASK {}"))&query=\(encoded("ASK {}"))", method: .get)
            #expect(twice.status == .badRequest)
            let media = try await client.execute(uri: "/sparql", method: .post, headers: [.contentType: "text/plain"],
                                                 body: ByteBuffer(string: "ASK {}"))
            #expect(media.status == .unsupportedMediaType)
            let large = try await client.execute(uri: "/sparql", method: .post, headers: [.contentType: "application/sparql-query"],
                                                 body: ByteBuffer(string: "ASK {} #" + String(repeating: "x", count: 5000)))
            #expect(large.status == .contentTooLarge)
            let percent = try await client.execute(uri: "/sparql?query=%ZZ", method: .get)
            #expect(percent.status == .badRequest)
            let update = try await client.execute(uri: "/sparql?update=\(encoded("CLEAR ALL"))", method: .get)
            #expect(update.status == .badRequest)
            let long = try await client.execute(uri: "/sparql?query=" + String(repeating: "a", count: 70_000), method: .get)
            #expect(long.status == .uriTooLong)
        }
    }

    @Test func timeoutAndConcurrencyBound() async throws {
        let h = try ServerHarness { $0.queryTimeout = 6; $0.maxConcurrent = 1; $0.queueTimeout = 0 }
        // A cross product of everything with itself four times: far longer than the limits here.
        let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        try await h.run { client in
            // timeout= lowers the service's limit for one query.
            let r = try await client.execute(uri: "/sparql?query=\(encoded(slow))&timeout=0.3", method: .get)
            #expect(r.status == .serviceUnavailable)
            #expect(r.text.contains("timeout"))
            // While one slow query holds the only place, the next (on a second connection) is refused with Retry-After.
            async let first = client.execute(uri: "/sparql?query=\(encoded(slow))", method: .get)
            let other = TestClient(host: "127.0.0.1", port: client.port!)
            other.connect()
            // Wait until the slow query holds the place (health is not gated), however loaded the machine is.
            #expect(try await Self.waitUntilOneRuns(other))
            let second = try await other.execute(.init("/sparql?query=\(encoded("ASK {}"))", method: .get, headers: [:]))
            try await other.shutdown()
            #expect(second.status == .serviceUnavailable)
            #expect(second.headers[.retryAfter] != nil)
            _ = try await first
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.text.contains("mnemo_query_timeouts_total 2"))
            #expect(metrics.text.contains("mnemo_rejected_requests_total{reason=\"concurrency\"} 1"))
        }
    }

    @Test func aBusyServiceQueuesBrieflyBeforeRefusing() async throws {
        // The slow query holds the place for its whole 6 s limit: time enough to see it, however loaded the machine.
        let h = try ServerHarness { $0.queryTimeout = 6; $0.maxConcurrent = 1; $0.queueTimeout = 60 }
        let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        try await h.run { client in
            async let first = client.execute(uri: "/sparql?query=\(encoded(slow))", method: .get)
            let other = TestClient(host: "127.0.0.1", port: client.port!)
            other.connect()
            #expect(try await Self.waitUntilOneRuns(other))
            // The only place is taken: this request waits in line and is answered once the slow query gives up.
            let second = try await other.execute(.init("/sparql?query=\(encoded("ASK {}"))", method: .get, headers: [.accept: "text/csv"]))
            try await other.shutdown()
            #expect(second.status == .ok)
            #expect(String(buffer: second.body ?? ByteBuffer()).contains("true"))
            #expect(try await first.status == .serviceUnavailable)
        }
    }

    @Test func serviceDescriptionAndCORS() async throws {
        let h = try ServerHarness()
        try await h.run { client in
            let sd = try await client.execute(uri: "/sparql", method: .get)
            #expect(sd.status == .ok)
            #expect(sd.headers[.contentType] == "text/turtle; charset=utf-8")
            #expect(sd.text.contains("sd:SPARQL11Update"))
            #expect(sd.text.contains("sd:extensionFunction <https://w3id.org/mnemo/fn#nameScore>"))
            #expect(sd.text.contains(ServerHarness.graph))
            let xml = try await client.execute(uri: "/sparql", method: .get, headers: [.accept: "application/rdf+xml"])
            #expect(xml.headers[.contentType] == "application/rdf+xml")
            let preflight = try await client.execute(uri: "/sparql", method: .options, headers: [
                .origin: "https://tools.example", .accessControlRequestMethod: "POST",
                .accessControlRequestHeaders: "content-type, authorization"])
            #expect(preflight.headers[.accessControlAllowOrigin] == "*")
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("POST") == true)
            let get = try await client.execute(uri: "/sparql?query=\(encoded("ASK {}"))", method: .get,
                                               headers: [.origin: "https://tools.example"])
            #expect(get.headers[.accessControlAllowOrigin] == "*")
        }
    }

    @Test func largeAnswersStreamInChunks() async throws {
        let h = try ServerHarness()
        // Enough rows that the answer is many of the writer's 64 KiB chunks.
        let q = "SELECT ?a ?b WHERE { ?a ?p ?x . ?b ?q ?y } LIMIT 30000"
        try await h.run { client in
            let r = try await client.execute(uri: "/sparql?query=\(encoded(q))", method: .get, headers: [.accept: "text/tab-separated-values"])
            #expect(r.status == .ok)
            #expect(r.headers[.contentLength] == nil)
            #expect(r.text.split(separator: "\n").count == 30001)
        }
    }

    /// Polls `/health` (which the gate does not hold up) until it reports one
    /// query running; false if that never happens within about 20 s of polls.
    /// Polls `/health` until one query holds a place. The deadline is a
    /// clock's, not a count of polls: on a loaded machine (the other suites
    /// run beside this one) the slow query's own request may be sent late, and
    /// it holds its place for seconds once it starts, so a poll every few
    /// milliseconds sees it whenever that is.
    static func waitUntilOneRuns(_ client: TestClient) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(300)
        while ContinuousClock.now < deadline {
            let health = try await client.execute(.init("/health", method: .get, headers: [:]))
            if String(buffer: health.body ?? ByteBuffer()).contains("\"queries_running\":1") { return true }
            try await Task.sleep(for: .milliseconds(5))
        }
        return false
    }
}
