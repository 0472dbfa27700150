import Foundation
import MnemoRDF
import Testing

/// `mnemo serve` fed a few thousand malformed, mutated and unauthorized
/// requests over raw sockets. The server must stay up, answer no 5xx but
/// 503, explain every 4xx in text, and leave the store byte for byte as it was.
@Suite(.serialized) struct ServeFuzzTests {
    static let maxBody = 1024 * 1024

    @Test func malformedAndUnauthorizedRequestsChangeNothingAndNeverCrash() throws {
        let env = ProcessInfo.processInfo.environment
        let seed = env["MNEMO_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x6D6E_656D_6F21
        let limit = env["MNEMO_FUZZ_REQUESTS"].flatMap(Int.init) ?? 3000
        let budget = env["MNEMO_FUZZ_SECONDS"].flatMap(Double.init) ?? 60
        print("ServeFuzzTests: seed \(seed), up to \(limit) requests or \(Int(budget)) s (MNEMO_FUZZ_SEED, MNEMO_FUZZ_REQUESTS, MNEMO_FUZZ_SECONDS)")

        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = "sqlite:\(dir.path)/s.sqlite"
        let fixture = fixtures.appendingPathComponent("library-almaty.ttl").path
        #expect(try MnemoProcess.run(["import", "--store", store, "--graph", "https://ex.org/lib", fixture]).status == 0)
        let before = try MnemoProcess.run(["export", "--store", store]).stdout
        #expect(!before.isEmpty)
        let tokenFile = "\(dir.path)/tokens"
        let writer = try makeToken(label: "fuzz-writer", role: "write", file: tokenFile)
        let reader = try makeToken(label: "fuzz-reader", role: "read", file: tokenFile)

        let server = try ServeProcess(store: store, arguments: [
            "--tokens", tokenFile, "--quiet", "--max-body", String(Self.maxBody), "--query-timeout", "3",
        ], logPath: "\(dir.path)/serve.log")
        defer { server.stop(SIGKILL) }
        let initialHealth = try #require(RawHTTP.send(RawHTTP.request("GET /health HTTP/1.1"), port: server.port).response)
        #expect(initialHealth.status == 200)
        let quadsBefore = initialHealth.bodyText.split(separator: ",").first { $0.contains("\"quads\"") }.map(String.init) ?? "?"

        // Fixed cases first: each the regression test of a fix.
        let w = "Authorization: Bearer \(writer)"
        let regressions: [FuzzCase] = [
            // Routes' own refusals carry text (Hummingbird's 404 for an unserved method or path was empty).
            FuzzCase(kind: "regression: method no route serves", bytes: RawHTTP.request("PATCH /sparql HTTP/1.1"), expect: [404]),
            FuzzCase(kind: "regression: OPTIONS without CORS", bytes: RawHTTP.request("OPTIONS / HTTP/1.1"), expect: [404]),
            FuzzCase(kind: "regression: TRACE", bytes: RawHTTP.request("TRACE /%00 HTTP/1.1"), expect: [404]),
            FuzzCase(kind: "regression: PUT on a page", bytes: RawHTTP.request("PUT /library-almaty/person/abai HTTP/1.1", headers: [w, "Content-Type: text/turtle"], body: Array("<urn:x> <urn:y> <urn:z> .".utf8)), expect: [404]),
            // Targets past NIO's 80 KiB head limit got a bare 400 from the HTTP decoder, not 414.
            FuzzCase(kind: "regression: 200 KiB target", bytes: RawHTTP.request("GET /sparql?query=" + String(repeating: "%41", count: 66 * 1024) + " HTTP/1.1"), expect: [414]),
            FuzzCase(kind: "regression: 900 KiB target", bytes: RawHTTP.request("GET /" + String(repeating: "a", count: 900 * 1024) + " HTTP/1.1"), expect: [414]),
            FuzzCase(kind: "regression: 65 KiB target", bytes: RawHTTP.request("GET /sparql?query=" + String(repeating: "a", count: 65 * 1024) + " HTTP/1.1"), expect: [414]),
            // Bytes that are not HTTP/1.1 got Hummingbird's bare 400 with an empty body.
            FuzzCase(kind: "regression: unknown method", bytes: RawHTTP.request("FOO / HTTP/1.1"), expect: [400], halfClose: true),
            FuzzCase(kind: "regression: raw non-ASCII target", bytes: RawHTTP.request("GET /Ж HTTP/1.1"), expect: [400], halfClose: true),
            FuzzCase(kind: "regression: NUL in a header", bytes: Array("GET /health HTTP/1.1\r\nX-A: a".utf8) + [0] + Array("\r\n\r\n".utf8), expect: [400], halfClose: true),
            // Broken framing inside a body: the same bare 400 (the route now says what was wrong).
            FuzzCase(kind: "regression: bad chunk size", bytes: Array("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nASK{}\r\n0\r\n\r\n".utf8), expect: [400], halfClose: true),
            FuzzCase(kind: "regression: body shorter than Content-Length", bytes: Array("PUT /rdf-graph-store?default HTTP/1.1\r\nHost: x\r\n\(w)\r\nContent-Type: text/turtle\r\nContent-Length: 100\r\n\r\n<urn:a> <urn:b> <urn:c> .".utf8), expect: [400], halfClose: true),
        ]
        var fuzz = Fuzzer(seed: seed, writer: writer, reader: reader, fixed: regressions)
        var histogram: [String: Int] = [:]
        var successes: [String: Int] = [:]
        var closedKinds: [String: Int] = [:]
        var failures: [String] = []
        let started = Date()
        var sent = 0
        while sent < limit, Date().timeIntervalSince(started) < budget, failures.count < 20 {
            let c = fuzz.next()
            let outcome = RawHTTP.send(c.bytes, port: server.port, timeout: c.timeout, halfClose: c.halfClose)
            sent += 1
            let key: String
            let what = "request #\(sent) [\(c.kind)] \(String(decoding: c.bytes.prefix(160), as: UTF8.self).debugDescription)"
            switch outcome {
            case .response(let r):
                // "(decoder)": refused by the HTTP/1.1 decoding before any route saw a request.
                key = String(r.status) + (r.header("Server") == nil ? " (decoder)" : "")
                if r.status < 300 {
                    let method = String(decoding: c.bytes.prefix { $0 != 32 }, as: UTF8.self)
                    successes["\(method) [\(c.kind)] \(r.status)", default: 0] += 1
                    if c.kind.hasPrefix("update") || (c.kind.hasPrefix("graph store") && method != "GET" && method != "HEAD") {
                        failures.append("\(what) -> \(r.status): a write was accepted")
                    }
                }
                if r.status >= 500 && r.status != 503 { failures.append("\(what) -> \(r)") }
                let isHead = c.bytes.starts(with: Array("HEAD ".utf8))  // a HEAD answer has no body to carry a message
                if (400..<500).contains(r.status) && !isHead && (r.bodyText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                                                      || r.header("Content-Type")?.hasPrefix("text/") != true) {
                    failures.append("\(what) -> \(r.status) without a text message (Content-Type \(r.header("Content-Type") ?? "none"))")
                }
                // A body over the limit may be refused before anything else looks at it.
                let tooLarge = r.status == 413 && c.bytes.count > ServeFuzzTests.maxBody
                if let expected = c.expect, !expected.contains(r.status), !tooLarge {
                    failures.append("\(what) -> \(r.status), expected \(expected.sorted()): \(r.bodyText.prefix(200))")
                }
            case .closed(let why):
                key = "closed"
                closedKinds[c.kind, default: 0] += 1
                if !c.mayClose { failures.append("\(what) -> connection closed without an answer (\(why))") }
            case .timeout:
                key = "timeout"
                if !c.mayClose { failures.append("\(what) -> no answer within \(c.timeout) s") }
            case .refused(let why):
                key = "refused"
                failures.append("\(what) -> connection refused (\(why)); server running: \(server.isRunning)")
            }
            histogram["\(key)", default: 0] += 1
            if !server.isRunning {
                failures.append("the server died after \(what); log: \(server.logTail)")
                break
            }
            if sent % 100 == 0 {
                let h = RawHTTP.send(RawHTTP.request("GET /health HTTP/1.1"), port: server.port, timeout: 10)
                if h.response?.status != 200 { failures.append("/health after \(sent) requests: \(h)") }
                else if !h.response!.bodyText.contains(quadsBefore) {
                    failures.append("the store changed by request \(sent): \(h.response!.bodyText) vs \(quadsBefore)")
                }
            }
        }
        let seconds = Date().timeIntervalSince(started)
        let shown = histogram.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        print("ServeFuzzTests: \(sent) requests in \(String(format: "%.1f", seconds)) s (seed \(seed)); statuses { \(shown) }")
        print("ServeFuzzTests: 2xx answers by request kind { \(successes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")) }")
        print("ServeFuzzTests: closed without an answer (allowed for these kinds) { \(closedKinds.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")) }")
        for f in failures { Issue.record("seed \(seed): \(f)") }

        #expect(server.isRunning, "the server is gone: \(server.logTail)")
        let health = RawHTTP.send(RawHTTP.request("GET /health HTTP/1.1"), port: server.port, timeout: 10)
        #expect(health.response?.status == 200, "\(health)")
        #expect(sent >= min(limit, 1000), "only \(sent) requests in the time budget")
        server.stop(SIGTERM)
        #expect(server.process.terminationReason == .exit, "\(server.logTail)")
        let after = try MnemoProcess.run(["export", "--store", store]).stdout
        #expect(after == before, "the store changed: \(before.count) bytes exported before, \(after.count) after")
    }
}

/// One request to send and what may come back.
struct FuzzCase {
    var kind: String
    var bytes: [UInt8]
    /// The statuses allowed (nil: any status that is not a 5xx other than 503).
    var expect: Set<Int>?
    /// The server may close the connection without answering (garbage that is not HTTP).
    var mayClose = false
    var halfClose = false
    var timeout: TimeInterval = 15
}

/// Makes the requests, from a fixed seed.
struct Fuzzer {
    var rng: SplitMix64
    let writer: String
    let reader: String

    var fixed: [FuzzCase]

    init(seed: UInt64, writer: String, reader: String, fixed: [FuzzCase] = []) {
        rng = SplitMix64(seed: seed)
        self.writer = writer
        self.reader = reader
        self.fixed = fixed
    }

    static let prefixes = """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX crm: <http://www.cidoc-crm.org/cidoc-crm/>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

        """

    static let queries = [
        "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10",
        prefixes + "SELECT ?s ?l WHERE { ?s rdfs:label ?l FILTER(LANG(?l) = \"kk\" || REGEX(STR(?l), \"^А\", \"i\")) } ORDER BY ?l LIMIT 20",
        "ASK { GRAPH ?g { ?s a ?t } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://ex.org/lib> { ?s ?p ?o } } LIMIT 5",
        "DESCRIBE <https://data.mnemo.example/library-almaty/person/abai>",
        "SELECT ?t (COUNT(*) AS ?n) WHERE { ?s a ?t } GROUP BY ?t HAVING (COUNT(*) > 1) ORDER BY DESC(?n) LIMIT 5",
        "SELECT * WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?r } MINUS { ?s a <urn:x> } VALUES ?p { <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> } } LIMIT 7",
        prefixes + "SELECT (STRLEN(\"Кириллица\") AS ?n) (CONCAT(\"a\", STR(1.5e3), UCASE(\"ғұ\")) AS ?c) (xsd:integer(\"12\") + 3 AS ?i) (SHA256(\"x\") AS ?h) {}",
        "SELECT ?a ?b WHERE { ?a (<urn:p>|^<http://www.w3.org/2000/01/rdf-schema#label>)+/<urn:r>* ?b } LIMIT 3",
        "SELECT ?x WHERE { { SELECT ?x WHERE { ?x ?p ?o } LIMIT 2 } UNION { BIND(<urn:y> AS ?x) } } OFFSET 1 LIMIT 3",
        prefixes + "SELECT ?s (SAMPLE(?l) AS ?one) (GROUP_CONCAT(?l; SEPARATOR=\"|\") AS ?all) WHERE { ?s rdfs:label ?l } GROUP BY ?s LIMIT 4",
        "SELECT ?d WHERE { BIND(\"2024-02-30\"^^<http://www.w3.org/2001/XMLSchema#date> AS ?d) FILTER(?d > NOW() || isLiteral(?d)) }",
    ]

    static let updates = [
        "INSERT DATA { GRAPH <https://ex.org/lib> { <urn:fz/1> <urn:p> \"Кириллица\"@ru , 42 , \"x\"^^<urn:dt> } }",
        "DELETE DATA { GRAPH <https://ex.org/lib> { <https://data.mnemo.example/library-almaty/person/abai> <urn:p> <urn:o> } }",
        "DELETE { GRAPH <https://ex.org/lib> { ?s ?p ?o } } INSERT { GRAPH <https://ex.org/lib> { ?s ?p \"changed\" } } WHERE { GRAPH <https://ex.org/lib> { ?s ?p ?o } }",
        "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
        "CLEAR ALL",
        "DROP GRAPH <https://ex.org/lib>",
        "COPY <https://ex.org/lib> TO DEFAULT ; MOVE DEFAULT TO <urn:elsewhere>",
        "WITH <https://ex.org/lib> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(isIRI(?o)) }",
        "CREATE GRAPH <urn:new> ; ADD <https://ex.org/lib> TO <urn:new>",
        "PREFIX ex: <urn:ex:> INSERT { GRAPH ex:g { ?s ex:copy ?o } } WHERE { ?s ?p ?o } ; DROP SILENT GRAPH <urn:none>",
    ]

    static let turtle = """
        @prefix ex: <urn:ex:> .
        ex:a ex:b "Кириллица"@ru , 3.14 , "t"^^ex:dt ; ex:c [ ex:d ex:e ] , ( 1 2 3 ) .
        <https://data.mnemo.example/library-almaty/person/abai> ex:p \"\"\"long
        text\"\"\" .

        """
    static let ntriples = "<urn:a> <urn:b> \"x\\u0416\" .\n<urn:a> <urn:b> _:b1 .\n_:b1 <urn:c> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
    static let rdfxml = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="urn:ex:">
          <rdf:Description rdf:about="urn:a"><ex:b xml:lang="kk">Қазақ</ex:b></rdf:Description>
        </rdf:RDF>

        """

    static let inserts: [String] = [
        "{", "}", "(", ")", "[", "]", "<", ">", "\"", "'", "\"\"\"", "'''", "\\", "?", "$", ";", ".", ",", "#", "\n", "\r",
        "\u{0}", "Кириллица", "😀", "\u{FFFD}", "\u{200D}", "e\u{301}", "%", "%00", "\\u0000", "\\U0010FFFF", "\\uD800", "^^", "@",
        "_:", "||", "&&", "*", "+", "/", "|", "^", "!", "a", " SELECT ", " OPTIONAL ", " FILTER ", " GRAPH ", " UNION ", " MINUS ",
        " SERVICE <urn:s> ", " VALUES ", " BIND(", " GROUP BY ", " ORDER BY ", " LIMIT ", " OFFSET 99999999999999999999 ",
        " REGEX(", "1e99999", "-0.0", "9223372036854775808", "<<", ">>", " AS ", " DESCRIBE ", " INSERT ", " DELETE ", " WHERE ",
        "\u{202E}", "\u{FEFF}", "\t", "::", "?:", "<http://[::1>", "\"\"^^<>", "@en-", "FILTER(?x = ?x)",
    ]

    mutating func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &rng)] }
    mutating func chance(_ n: Int) -> Bool { Int.random(in: 0..<n, using: &rng) == 0 }

    /// A few random edits of `text`: bit flips, truncation, inserted brackets, quotes, unicode, huge literals.
    mutating func mutate(_ text: String) -> [UInt8] {
        var b = Array(text.utf8)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = b.isEmpty ? 0 : Int.random(in: 0...b.count, using: &rng)
            switch Int.random(in: 0..<12, using: &rng) {
            case 0 where !b.isEmpty: b[min(at, b.count - 1)] ^= UInt8(1) << UInt8.random(in: 0...7, using: &rng)
            case 1 where !b.isEmpty: b[min(at, b.count - 1)] = UInt8.random(in: 0...255, using: &rng)
            case 2: b = Array(b.prefix(at))
            case 3, 4, 5: b.insert(contentsOf: Array(pick(Self.inserts).utf8), at: at)
            case 6: b.insert(contentsOf: Array(("\"" + String(repeating: pick(["x", "Ж", "😀", "\\\""]), count: Int.random(in: 1000...20_000, using: &rng)) + "\"").utf8), at: at)
            case 7 where !b.isEmpty:
                let from = Int.random(in: 0..<b.count, using: &rng), to = min(b.count, from + Int.random(in: 1...40, using: &rng))
                b.insert(contentsOf: b[from..<to], at: at)
            case 8 where !b.isEmpty:
                let from = Int.random(in: 0..<b.count, using: &rng), to = min(b.count, from + Int.random(in: 1...40, using: &rng))
                b.removeSubrange(from..<to)
            case 9:
                // Deep nesting: a recursive-descent parser must refuse it, not overflow its stack.
                let depth = pick([50, 500, 5000, 50_000])
                let (open, close) = pick([("(", ")"), ("{", "}"), ("[", "]"), ("!(", ")"), ("-", "")])
                b.insert(contentsOf: Array((String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)).utf8), at: at)
            case 10: b.insert(contentsOf: (0..<Int.random(in: 1...8, using: &rng)).map { _ in UInt8.random(in: 0x80...0xFF, using: &rng) }, at: at)
            default: b.insert(contentsOf: Array(pick(Self.inserts).utf8), at: at)
            }
        }
        return b
    }

    /// `a=1&b=2` with the value percent-encoded.
    func form(_ name: String, _ value: [UInt8]) -> String { name + "=" + RawHTTP.percentEncode(value) }

    var badAuthorizations: [String] {
        ["Authorization: Bearer", "Authorization: Bearer ", "Authorization: Basic dXNlcjpwYXNz", "Authorization: Bearer \(writer)x",
         "Authorization: Bearer x\(reader)", "Authorization: Bearer \(String(repeating: "A", count: 9000))", "Authorization: Token \(writer)",
         "Authorization: Bearer \(writer.prefix(writer.count / 2))", "Authorization: ", "Authorization: Bearer \u{0416}\u{0416}", "Authorization: Bearer a b c",
         "Authorization: Bearer mnemo_deadbeef"]
    }

    mutating func next() -> FuzzCase {
        if !fixed.isEmpty { return fixed.removeFirst() }
        let w = "Authorization: Bearer \(writer)", r = "Authorization: Bearer \(reader)"
        switch Int.random(in: 0..<20, using: &rng) {
        case 0, 1:  // a mutated query in the URL
            var q = form("query", mutate(pick(Self.queries)))
            if chance(4) { q += "&" + pick(["query=ASK%7B%7D", "format=nonsense", "format=json", "timeout=-1", "timeout=abc",
                                           "default-graph-uri=urn%3Ax", "named-graph-uri=%ZZ", "x=%", "%C3%28=1", "query", "&&&", "timeout=0.001"]) }
            return FuzzCase(kind: "query GET", bytes: RawHTTP.request("GET /sparql?\(q) HTTP/1.1", headers: chance(3) ? [pick(["Accept: */*", "Accept: text/csv", "Accept: application/x-nothing", "Accept: ;;;", "Accept: text/turtle;q=x"])] : []))
        case 2, 3:  // a mutated query in the body
            let body = mutate(pick(Self.queries))
            let type = pick(["application/sparql-query", "application/sparql-query; charset=utf-8", "APPLICATION/SPARQL-QUERY", "text/plain", "", "application/sparql-query;;=", "application/x-www-form-urlencoded"])
            return FuzzCase(kind: "query POST", bytes: RawHTTP.request("POST /sparql HTTP/1.1", headers: type.isEmpty ? [] : ["Content-Type: \(type)"], body: body))
        case 4:  // a mutated query as a form
            var f = form("query", mutate(pick(Self.queries)))
            if chance(3) { f += pick(["&query=ASK%7B%7D", "&update=CLEAR%20ALL", "&%", "&q=%E0%80%80", "&default-graph-uri=https%3A%2F%2Fex.org%2Flib"]) }
            return FuzzCase(kind: "query form", bytes: RawHTTP.request("POST /sparql HTTP/1.1", headers: ["Content-Type: application/x-www-form-urlencoded"], body: Array(f.utf8)))
        case 5, 6:  // an update without a valid write token: never lands
            let valid = chance(2)
            let text = valid ? Array(pick(Self.updates).utf8) : mutate(pick(Self.updates))
            let auth = pick([nil, r] + badAuthorizations.map { Optional($0) })
            let asForm = chance(2)
            let body = asForm ? Array(form("update", text).utf8) : text
            let headers = ["Content-Type: " + (asForm ? "application/x-www-form-urlencoded" : "application/sparql-update")] + (auth.map { [$0] } ?? [])
            var expect: Set<Int> = auth == r ? [403] : [401]
            if !valid { expect.formUnion([400]) }
            return FuzzCase(kind: "update unauthorized", bytes: RawHTTP.request("POST /sparql HTTP/1.1", headers: headers, body: body), expect: expect)
        case 7, 8:  // a malformed update with the write token: refused whole
            var text = mutate(pick(Self.updates)) + Array("\n INSERT DATA {".utf8)
            if chance(4) { text = Array((pick(Self.updates) + " ; LOAD <file:///etc/hostname> INTO GRAPH <urn:loaded>").utf8) }
            let asForm = chance(3)
            let body = asForm ? Array(form("update", text).utf8) : text
            return FuzzCase(kind: "update malformed", bytes: RawHTTP.request("POST /sparql HTTP/1.1", headers: [w, "Content-Type: " + (asForm ? "application/x-www-form-urlencoded" : "application/sparql-update")], body: body), expect: [400])
        case 9, 10:  // graph store writes without a valid write token
            let method = pick(["PUT", "POST", "DELETE"])
            let target = pick(["?graph=https%3A%2F%2Fex.org%2Flib", "?default", "", "?graph=urn%3Anew"])
            let auth = pick([nil, r] + badAuthorizations.map { Optional($0) })
            let body = chance(2) ? Array(Self.turtle.utf8) : mutate(pick([Self.turtle, Self.ntriples, Self.rdfxml]))
            let headers = ["Content-Type: " + pick(["text/turtle", "application/n-triples", "application/rdf+xml", "application/x-nonsense"])] + (auth.map { [$0] } ?? [])
            let expect: Set<Int> = auth == r ? [403] : [401]
            return FuzzCase(kind: "graph store unauthorized", bytes: RawHTTP.request("\(method) /rdf-graph-store\(target) HTTP/1.1", headers: headers, body: method == "DELETE" && chance(2) ? [] : body), expect: expect)
        case 11, 12:  // graph store writes with the write token and a bad body, type or target: refused, nothing changes
            let method = pick(["PUT", "POST"])
            let target = pick(["?graph=https%3A%2F%2Fex.org%2Flib", "?default", "?graph=https%3A%2F%2Fex.org%2Flib"])
            switch Int.random(in: 0..<7, using: &rng) {
            case 0, 1, 2:
                let (base, type) = pick([(Self.turtle, "text/turtle"), (Self.turtle, "application/trig"), (Self.ntriples, "application/n-triples"), (Self.ntriples, "application/n-quads")])
                let body = mutate(base) + Array("\n<urn:x> <urn:y> <urn:z> <urn:w> <urn:v> .\n".utf8)
                return FuzzCase(kind: "graph store malformed", bytes: RawHTTP.request("\(method) /rdf-graph-store\(target) HTTP/1.1", headers: [w, "Content-Type: \(type)"], body: body), expect: [400])
            case 3:
                let body = Array(Self.rdfxml.utf8.prefix(Int.random(in: 10..<(Self.rdfxml.utf8.count - 20), using: &rng))) + Array("<ex:b>".utf8)
                return FuzzCase(kind: "graph store bad xml", bytes: RawHTTP.request("\(method) /rdf-graph-store\(target) HTTP/1.1", headers: [w, "Content-Type: application/rdf+xml"], body: body), expect: [400])
            case 4:
                let type = pick([nil, "application/x-nonsense", "application/ld+json", "text/html", "", ";", "text/turtle/extra"])
                return FuzzCase(kind: "graph store bad type", bytes: RawHTTP.request("\(method) /rdf-graph-store\(target) HTTP/1.1", headers: [w] + (type.map { ["Content-Type: \($0)"] } ?? []), body: Array(Self.turtle.utf8)), expect: [415])
            case 5:
                var body = Array(Self.turtle.utf8)
                body.insert(contentsOf: [0xC3, 0x28, 0xFF], at: Int.random(in: 0..<body.count, using: &rng))
                return FuzzCase(kind: "graph store bad utf-8", bytes: RawHTTP.request("\(method) /rdf-graph-store\(target) HTTP/1.1", headers: [w, "Content-Type: text/turtle"], body: body), expect: [400])
            default:
                let (t, expect): (String, Set<Int>) = pick([
                    ("DELETE /rdf-graph-store?graph=urn%3Anothing", [404]), ("PUT /rdf-graph-store?graph=relative", [400]),
                    ("PUT /rdf-graph-store?graph=urn%3Aa&default", [400]), ("POST /rdf-graph-store?graph=urn%3Aa&graph=urn%3Ab", [400]),
                    ("PUT /rdf-graph-store", [400]), ("DELETE /rdf-graph-store?graph=%ZZ", [400]), ("PUT /rdf-graph-store?graph=urn%3Aa%3Cb%3E", [400]),
                ])
                return FuzzCase(kind: "graph store bad target", bytes: RawHTTP.request("\(t) HTTP/1.1", headers: [w, "Content-Type: text/turtle"], body: Array("<urn:x> <urn:y> <urn:z> .".utf8)), expect: expect)
            }
        case 13:  // oversized: target over 64 KiB, body over --max-body
            if chance(2) {
                let long = String(repeating: pick(["a", "%41"]), count: 66 * 1024)
                return FuzzCase(kind: "uri too long", bytes: RawHTTP.request("GET /sparql?query=\(long) HTTP/1.1"), expect: [414], mayClose: false)
            }
            let path = pick(["/sparql", "/rdf-graph-store?graph=https%3A%2F%2Fex.org%2Flib"])
            let type = path == "/sparql" ? pick(["application/sparql-query", "application/sparql-update"]) : "text/turtle"
            let body = [UInt8](repeating: UInt8(ascii: "#"), count: ServeFuzzTests.maxBody + Int.random(in: 1...300_000, using: &rng))
            return FuzzCase(kind: "body too large", bytes: RawHTTP.request("POST \(path) HTTP/1.1", headers: [w, "Content-Type: \(type)"], body: body), expect: [413], mayClose: true)
        case 14, 15:  // bad, absent or odd Authorization on reads (reads are open: 200, or 401 for a bad token)
            let auth = pick(badAuthorizations + ["Authorization: bearer \(writer)", "Authorization: Bearer  \(reader)", w, r])
            let headers = chance(5) ? [auth, auth] : [auth]
            return FuzzCase(kind: "read auth", bytes: RawHTTP.request("GET /sparql?query=ASK%7B%7D HTTP/1.1", headers: headers), expect: [200, 400, 401])
        case 16, 17:  // odd paths and methods
            let method = pick(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "FOO", "PROPFIND", "M-SEARCH", "get"])
            let path = pick(["/", "//", "/sparql/", "/SPARQL", "/..", "/%2e%2e/%2e%2e/etc/passwd", "/%00", "/%", "/%ZZ", "/id/%FF%FE", "/rdf-graph-store?graph",
                             "/metrics", "/health?x=%", "/sparql;x=1", "/a/b/../../library-almaty/person/abai", "/library-almaty/person/abai",
                             "/library-almaty/person/%61bai", "/sparql?query=%", "/sparql?query=%E0%80%80", "/sparql?update=CLEAR%20ALL",
                             "/rdf-graph-store?graph=%E0%80", "/rdf-graph-store?default&default", "/sparql?query=ASK{}&query=ASK{}", "*",
                             "http://127.0.0.1/sparql?query=ASK%7B%7D", "/\u{0416}", "/sparql?#frag", "/?" + String(repeating: "&", count: 5000)])
            var headers: [String] = []
            if method == "OPTIONS" && chance(2) { headers = ["Origin: http://example.org", "Access-Control-Request-Method: PUT"] }
            let body: [UInt8] = ["POST", "PUT", "PATCH"].contains(method) ? Array("<urn:x> <urn:y> <urn:z> .".utf8) : []
            return FuzzCase(kind: "odd path", bytes: RawHTTP.request("\(method) \(path) HTTP/1.1", headers: headers + (chance(2) ? ["Content-Type: text/turtle"] : []), body: body))
        default:  // broken HTTP: request lines, headers, framing, bytes
            return brokenHTTP()
        }
    }

    mutating func brokenHTTP() -> FuzzCase {
        let ok = "GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n"
        let raw: [(String, [UInt8], Bool)] = [
            ("garbage line", Array("GARBAGE\r\n\r\n".utf8), true),
            ("no version", Array("GET /health\r\n\r\n".utf8), true),
            ("version 9.9", Array("GET /health HTTP/9.9\r\nHost: x\r\n\r\n".utf8), true),
            ("http/1.0", Array("GET /health HTTP/1.0\r\n\r\n".utf8), true),
            ("http2 preface", Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8), true),
            ("lf only", Array("GET /health HTTP/1.1\nHost: x\nConnection: close\n\n".utf8), true),
            ("no colon", Array((ok + "NoColonHere\r\nConnection: close\r\n\r\n").utf8), true),
            ("space before colon", Array((ok + "Accept : */*\r\nConnection: close\r\n\r\n").utf8), true),
            ("nul in header", Array(ok.utf8) + Array("X-A: a".utf8) + [0] + Array("b\r\nConnection: close\r\n\r\n".utf8), true),
            ("high bytes in header", Array(ok.utf8) + Array("X-A: ".utf8) + [0xFF, 0xFE, 0xC3, 0x28] + Array("\r\nConnection: close\r\n\r\n".utf8), true),
            ("bytes in header name", Array(ok.utf8) + [0xD0, 0x96] + Array(": 1\r\nConnection: close\r\n\r\n".utf8), true),
            ("raw utf-8 in target", Array("GET /sparql?query=ASK{}\u{0416} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), true),
            ("invalid utf-8 in target", Array("GET /sparql?query=".utf8) + [0xC3, 0x28, 0xFF] + Array(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), true),
            ("invalid utf-8 in path", Array("GET /id/".utf8) + [0xFF, 0xC0, 0xAF] + Array(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), true),
            ("control in target", Array("GET /sparql?query=ASK\u{7}{} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), true),
            ("folded header", Array((ok + "X-A: a\r\n  continued\r\nConnection: close\r\n\r\n").utf8), true),
            ("huge header", Array((ok + "X-Big: " + String(repeating: "b", count: 200_000) + "\r\nConnection: close\r\n\r\n").utf8), true),
            ("many headers", Array((ok + (0..<3000).map { "X-H\($0): v" }.joined(separator: "\r\n") + "\r\nConnection: close\r\n\r\n").utf8), true),
            ("negative length", Array("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: -5\r\nConnection: close\r\n\r\nASK{}".utf8), true),
            ("text length", Array("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: five\r\nConnection: close\r\n\r\nASK{}".utf8), true),
            ("two lengths", Array("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 5\r\nContent-Length: 7\r\nConnection: close\r\n\r\nASK{}xx".utf8), true),
            ("length and chunked", Array("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nASK{}\r\n0\r\n\r\n".utf8), true),
            ("bad chunk size", Array("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\nASK{}\r\n0\r\n\r\n".utf8), true),
            ("huge chunk size", Array("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nFFFFFFFFFFFFFFFFFF\r\nASK{}\r\n0\r\n\r\n".utf8), true),
            ("chunked ok", Array("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nASK\r\n2\r\n{}\r\n0\r\n\r\n".utf8), false),
            ("unknown encoding", Array("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\nASK{}".utf8), true),
            ("short body", Array("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\nConnection: close\r\n\r\nASK{}".utf8), true),
            ("truncated head", Array("GET /sparql?query=ASK HTTP/1.1\r\nHost: x\r\nAcc".utf8), true),
            ("only CRLFs", Array("\r\n\r\n\r\n".utf8), true),
            ("binary", (0..<512).map { _ in UInt8.random(in: 0...255, using: &rng) }, true),
            ("empty method", Array(" /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), true),
            ("tab separators", Array("GET\t/health\tHTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), true),
            ("expect continue", Array("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nExpect: 100-continue\r\nContent-Length: 5\r\nConnection: close\r\n\r\nASK{}".utf8), true),
            ("pipelined", Array("GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /nothing-here HTTP/1.1\r\nHost: x\r\n\r\nBROKEN\r\n\r\n".utf8), true),
        ]
        let (name, bytes, mayClose) = pick(raw)
        return FuzzCase(kind: "broken http: \(name)", bytes: bytes, mayClose: mayClose, halfClose: true, timeout: 5)
    }
}
