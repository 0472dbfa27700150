import Foundation
import HTTPTypes
import HummingbirdTesting
import MnemoRDF
import MnemoSyntax
import MnemoTestSupport
import NIOCore
import Testing

/// The W3C Graph Store Protocol tests (`graph-store-protocol/manifest-indirect.ttl`)
/// run over HTTP: each test is a connection of requests with the method,
/// path, headers and body the manifest gives, and each response is checked
/// for its expected status, `Content-Type` and body (compared as a graph, up
/// to blank nodes). `/gsp` in the manifest is Mnemo's `/rdf-graph-store`;
/// writes carry a write token. Tests needing direct graph identification
/// (a graph named by the request URL itself) are reported as not applicable:
/// Mnemo serves only indirect identification.
@Suite struct W3CGraphStoreTests {
    static let ht = "http://www.w3.org/2011/http#"
    static let cnt = "http://www.w3.org/2011/content#"
    static let hts = "http://www.w3.org/2011/http-statusCodes#"
    var mf: String { Manifest.mf }

    static let statusCodes: [String: Int] = [
        "OK": 200, "Created": 201, "NoContent": 204, "NotFound": 404, "BadRequest": 400,
        "UnsupportedMediaType": 415, "MethodNotAllowed": 405,
    ]

    @Test func graphStoreProtocolManifest() async throws {
        guard let root = W3CTestSuites.rdfTests else {
            Issue.record(Comment(rawValue: W3CTestSuites.missingMessage))
            return
        }
        let url = root.appendingPathComponent("sparql/sparql11/graph-store-protocol/manifest-indirect.ttl")
        let manifest = try TestGraph(turtle: url)
        guard let head = manifest.subjects(Manifest.rdf + "type", .iri(mf + "Manifest")).first,
              let entries = manifest.object(head, mf + "entries") else {
            Issue.record("no manifest in \(url.path)")
            return
        }
        var passed = 0, failed = 0, skipped = 0
        for entry in manifest.list(entries) {
            let name = manifest.string(manifest.object(entry, mf + "name")) ?? "?"
            let requires = manifest.objects(entry, mf + "requires").compactMap(manifest.iri)
            if requires.contains(mf + "DirectGraphIdentification") { skipped += 1; continue }
            guard let action = manifest.object(entry, mf + "action"),
                  let list = manifest.object(action, Self.ht + "requests") else { failed += 1; continue }
            if let why = try await run(manifest.list(list), manifest) {
                failed += 1
                print("FAIL graph-store-protocol \(name): \(why)")
            } else {
                passed += 1
            }
        }
        print("sparql11/graph-store-protocol (indirect): \(passed) passed, \(failed) failed, \(skipped) skipped")
        #expect(failed == 0)
        #expect(passed >= 9)
    }

    /// Runs one connection's requests on a fresh service; nil when every response is as expected.
    func run(_ requests: [Term], _ m: TestGraph) async throws -> String? {
        let h = try ServerHarness()
        return try await h.run { client in
            var location: String?
            for (i, r) in requests.enumerated() {
                let method = HTTPRequest.Method(m.string(m.object(r, Self.ht + "methodName")) ?? "GET") ?? .get
                var path = m.string(m.object(r, Self.ht + "absolutePath")) ?? "/"
                if let location { path = path.replacingOccurrences(of: "$LOCATION$", with: location) }
                if path.hasPrefix("/gsp") { path = "/rdf-graph-store" + path.dropFirst(4) }
                var headers: HTTPFields = [:]
                for hd in m.object(r, Self.ht + "headers").map(m.list) ?? [] {
                    if let n = m.string(m.object(hd, Self.ht + "fieldName")), let v = m.string(m.object(hd, Self.ht + "fieldValue")),
                       let field = HTTPField.Name(n) {
                        headers[field] = v
                    }
                }
                if method != .get && method != .head { headers[.authorization] = "Bearer \(h.writeToken)" }
                let body = m.object(r, Self.ht + "body").flatMap { m.string(m.object($0, Self.cnt + "chars")) }
                let response = try await client.execute(uri: path, method: method, headers: headers,
                                                        body: body.map { ByteBuffer(string: $0) })
                guard let resp = m.object(r, Self.ht + "resp") else { continue }
                let expected = m.objects(resp, mf + "expectedStatus").compactMap(m.iri).compactMap {
                    Self.statusCodes[String($0.dropFirst(Self.hts.count))]
                }
                if !expected.isEmpty, !expected.contains(Int(response.status.code)) {
                    return "request \(i + 1) (\(method) \(path)): status \(response.status.code), expected \(expected)"
                }
                if m.object(resp, mf + "expectedLocation") != nil {
                    guard let l = response.headers[.location] else { return "request \(i + 1): no Location header" }
                    location = l
                }
                for hd in m.object(resp, Self.ht + "headers").map(m.list) ?? [] {
                    guard let n = m.string(m.object(hd, Self.ht + "fieldName")), let v = m.string(m.object(hd, Self.ht + "fieldValue")),
                          let field = HTTPField.Name(n) else { continue }
                    if response.headers[field]?.lowercased().replacingOccurrences(of: " ", with: "") != v.lowercased().replacingOccurrences(of: " ", with: "") {
                        return "request \(i + 1): \(n) is \(response.headers[field] ?? "absent"), expected \(v)"
                    }
                }
                if let chars = m.object(resp, Self.ht + "body").flatMap({ m.string(m.object($0, Self.cnt + "chars")) }) {
                    let got = try Self.triples(String(buffer: response.body))
                    let want = try Self.triples(chars)
                    if !Isomorphism.isIsomorphic(got, want) {
                        return "request \(i + 1): the graph differs; got \(got.count) triples, expected \(want.count)"
                    }
                }
            }
            return nil
        }
    }

    static func triples(_ turtle: String) throws -> [Quad] {
        var out: [Quad] = []
        try RaptorParser(format: .turtle).parse(string: turtle) { st in
            let q = st.quad
            out.append(Quad(q.subject, q.predicate, q.object))
        }
        return out
    }
}
