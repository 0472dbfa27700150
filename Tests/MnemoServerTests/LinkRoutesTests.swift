import Foundation
import HTTPTypes
import HummingbirdTesting
import MnemoDataGen
import MnemoLinking
import MnemoRDF
import MnemoServer
import MnemoStore
import MnemoWeb
import NIOCore
import Testing

/// The links over HTTP: the review loop (authorized decisions that later
/// `Linker` runs honour), the SSSOM export, the merged view of a cluster and
/// the section of an entity's page that lists the same entity elsewhere,
/// against a live server over generated records of three institutions.
@Suite struct LinkRoutesTests {
    /// The service's default base; a wider review band than the CLI's, so every run has pairs to review.
    static var options: LinkOptions {
        var o = LinkOptions(base: "https://data.mnemo.example/")
        o.accept = 0.95
        o.review = 0.6
        return o
    }

    /// A store of `persons` generated persons and their places, linked once.
    static func linkedStore(_ persons: Int = 150, seed: UInt64 = 3) throws -> Store {
        var text = ""
        _ = LinkingGoldGenerator.generate(LinkingGoldOptions(persons: persons, seed: seed), quads: { text += $0 }, gold: { _ in })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-linkhttp-\(UUID().uuidString).nq")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let store = try Store.open("memory:")
        _ = try store.importFile(file.path, options: ImportOptions(format: .nquads))
        _ = try Linker(store: store, options: options).run()
        return store
    }

    static func mappings(_ store: Store) -> [Mapping] { Mapping.read(from: store, graph: options.linksGraph) }

    static func object(_ r: TestResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(r.text.utf8)) as? [String: Any], "not a JSON object: \(r.text.prefix(200))")
    }

    static func json(_ pairs: [String: String]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: pairs))
    }

    static func has(_ store: Store, _ s: String, _ p: String, _ o: String) -> Bool {
        !store.quads(subject: .iri(s), predicate: .iri(p), object: .iri(o), graph: .iri(options.linksGraph)).isEmpty
    }

    static let jsonType: HTTPFields = [.contentType: "application/json"]

    @Test func reviewListsTheBandWithEvidenceSideBySide() async throws {
        let store = try Self.linkedStore()
        let band = Self.mappings(store).filter { $0.status == .review }
        try #require(!band.isEmpty, "the generated data has pairs in the review band")
        let h = try ServerHarness(store: store)
        try await h.run { client in
            let r = try await client.execute(uri: "/links/review", method: .get)
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "application/json")
            let body = try Self.object(r)
            #expect(body["count"] as? Int == band.count)
            let listed = try #require(body["mappings"] as? [[String: Any]])
            #expect(listed.count == min(50, band.count))
            let confidences = listed.compactMap { $0["confidence"] as? Double }
            #expect(confidences == confidences.sorted(by: >), "best first")
            for m in listed {
                #expect(m["status"] as? String == "review")
                let s = try #require(m["subject"] as? [String: Any]), o = try #require(m["object"] as? [String: Any])
                #expect(s["label"] is String && o["label"] is String)
                #expect((s["graph"] as? String)?.hasPrefix("https://data.mnemo.example/graph/inst") == true)
                #expect(s["graph"] as? String != o["graph"] as? String, "the two records come from two institutions")
                #expect((m["explanation"] as? String)?.isEmpty == false)
                #expect((m["evidence"] as? [String])?.isEmpty == false)
                #expect(band.contains { $0.subject == s["iri"] as? String && $0.object == o["iri"] as? String })
            }
            let one = try Self.object(try await client.execute(uri: "/links/review?limit=1&kind=person", method: .get))
            let first = try #require(one["mappings"] as? [[String: Any]])
            #expect(first.count == 1)
            #expect(first.allSatisfy { $0["kind"] as? String == "person" })
            #expect(one["count"] as? Int == band.filter { $0.kind == "person" }.count)
            #expect(try await client.execute(uri: "/links/review?limit=0", method: .get).status == .badRequest)
            let kind = try await client.execute(uri: "/links/review?kind=planet", method: .get)
            #expect(kind.status == .badRequest)
            #expect(kind.text.contains("person"))
        }
        let closed = try ServerHarness(store: store) { $0.protectReads = true }
        try await closed.run { client in
            let anonymous = try await client.execute(uri: "/links/review", method: .get)
            #expect(anonymous.status == .unauthorized)
            let reader = try await client.execute(uri: "/links/review", method: .get, headers: .bearer(closed.readToken))
            #expect(reader.status == .ok)
        }
    }

    @Test func confirmingNeedsAWriteTokenAndSurvivesReRuns() async throws {
        let store = try Self.linkedStore()
        let m = try #require(Self.mappings(store).first { $0.status == .review })
        let h = try ServerHarness(store: store)
        let body = Self.json(["subject": m.object, "object": m.subject, "note": "same <person> & dates in print"])
        try await h.run { client in
            let none = try await client.execute(uri: "/links/confirm", method: .post, headers: Self.jsonType, body: body)
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let reader = try await client.execute(uri: "/links/confirm", method: .post, headers: .bearer(h.readToken, Self.jsonType), body: body)
            #expect(reader.status == .forbidden)
            #expect(!Self.has(store, m.subject, LinkVocabulary.sameAs, m.object))
            #expect(Decision.read(from: store, graph: Self.options.decisionsGraph).isEmpty)

            let ok = try await client.execute(uri: "/links/confirm", method: .post, headers: .bearer(h.writeToken, Self.jsonType), body: body)
            #expect(ok.status == .ok)
            let d = try Self.object(ok)
            #expect(d["subject"] as? String == m.subject, "stored in code-point order")
            #expect(d["object"] as? String == m.object)
            #expect(d["verdict"] as? String == "confirmed")
            #expect(d["curator"] as? String == "curator", "the token's label")
            #expect(d["note"] as? String == "same <person> & dates in print")
            let date = try #require(d["date"] as? String)
            #expect(ISO8601DateFormatter().date(from: date) != nil, "an ISO 8601 date-time: \(date)")
            let mapping = try #require(d["mapping"] as? [String: Any])
            #expect(mapping["status"] as? String == "confirmed")
            #expect(mapping["predicate"] as? String == LinkVocabulary.sameAs)

            // The links graph says owl:sameAs, with the curator; the review list no longer has the pair.
            #expect(Self.has(store, m.subject, LinkVocabulary.sameAs, m.object))
            let stored = try #require(Self.mappings(store).first { $0.subject == m.subject && $0.object == m.object })
            #expect(stored.status == .confirmed && stored.curator == "curator")
            let review = try Self.object(try await client.execute(uri: "/links/review?limit=1000", method: .get))
            let listed = try #require(review["mappings"] as? [[String: Any]])
            #expect(!listed.contains { ($0["subject"] as? [String: Any])?["iri"] as? String == m.subject
                                       && ($0["object"] as? [String: Any])?["iri"] as? String == m.object })
        }
        let readOnly = try ServerHarness(store: store) { $0.readOnly = true }
        try await readOnly.run { client in
            let r = try await client.execute(uri: "/links/reject", method: .post, headers: .bearer(readOnly.writeToken, Self.jsonType), body: body)
            #expect(r.status == .forbidden)
            #expect(r.text.contains("read-only"))
        }
        // A later run of the linker keeps the curator's decision.
        _ = try Linker(store: store, options: Self.options).run()
        let after = try #require(Self.mappings(store).first { $0.subject == m.subject && $0.object == m.object })
        #expect(after.status == .confirmed)
        #expect(after.curator == "curator")
        #expect(Self.has(store, m.subject, LinkVocabulary.sameAs, m.object))
        let decisions = Decision.read(from: store, graph: Self.options.decisionsGraph)
        #expect(decisions.count == 1)
        #expect(decisions.first?.curator == "curator")
    }

    @Test func rejectingRemovesALinkForGood() async throws {
        let store = try Self.linkedStore()
        let m = try #require(Self.mappings(store).first { $0.status == .accepted })
        #expect(Self.has(store, m.subject, LinkVocabulary.exactMatch, m.object))
        let h = try ServerHarness(store: store)
        try await h.run { client in
            // A form works as well as JSON.
            let r = try await client.execute(uri: "/links/reject", method: .post,
                headers: .bearer(h.writeToken, [.contentType: "application/x-www-form-urlencoded"]),
                body: form([("subject", m.subject), ("object", m.object), ("note", "two people")]))
            #expect(r.status == .ok)
            let d = try Self.object(r)
            #expect(d["verdict"] as? String == "rejected")
            #expect(d["mapping"] is NSNull)
        }
        #expect(!Self.has(store, m.subject, LinkVocabulary.exactMatch, m.object))
        _ = try Linker(store: store, options: Self.options).run()
        #expect(!Self.has(store, m.subject, LinkVocabulary.exactMatch, m.object), "a re-run does not make it again")
        #expect(!Self.mappings(store).contains { $0.subject == m.subject && $0.object == m.object })
        #expect(Decision.read(from: store, graph: Self.options.decisionsGraph).first?.verdict == .rejected)
    }

    @Test func decisionsArriveTogetherAndAllLand() async throws {
        let store = try Self.linkedStore()
        let band = Array(Self.mappings(store).filter { $0.status == .review }.prefix(12))
        try #require(band.count >= 2)
        // Room in line for all of them, however busy the machine: this is about lost updates, not the gate's 503.
        let h = try ServerHarness(store: store) { $0.queueTimeout = 120 }
        let token = h.writeToken
        try await h.run { client in
            // One connection per decision, so that they reach the service at once.
            let port = try #require(client.port)
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for m in band {
                    group.addTask {
                        let own = TestClient(host: "127.0.0.1", port: port)
                        own.connect()
                        let r = try await own.execute(.init("/links/confirm", method: .post, headers: .bearer(token, Self.jsonType),
                                                            body: Self.json(["subject": m.subject, "object": m.object])))
                        try await own.shutdown()
                        return r.status
                    }
                }
                for try await status in group { #expect(status == .ok) }
            }
        }
        #expect(Decision.read(from: store, graph: Self.options.decisionsGraph).count == band.count, "no decision lost to another")
        for m in band { #expect(Self.has(store, m.subject, LinkVocabulary.sameAs, m.object)) }
    }

    @Test func badDecisionBodiesAreRefusedWithAReason() async throws {
        let store = try Self.linkedStore(60)
        let m = try #require(Self.mappings(store).first)
        let h = try ServerHarness(store: store)
        let before = store.graphTriples(Self.options.linksGraph).count
        try await h.run { client in
            func post(_ body: String, _ type: String = "application/json") async throws -> TestResponse {
                try await client.execute(uri: "/links/confirm", method: .post, headers: .bearer(h.writeToken, [.contentType: type]),
                                         body: ByteBuffer(string: body))
            }
            let missing = try await post(#"{"subject": "\#(m.subject)"}"#)
            #expect(missing.status == .badRequest)
            #expect(missing.text.contains("'object' is missing"))
            let invalid = try await post(#"{"subject": "\#(m.subject)", "object": "not an IRI"}"#)
            #expect(invalid.status == .badRequest)
            #expect(invalid.text.contains("absolute IRI"))
            let same = try await post(#"{"subject": "\#(m.subject)", "object": "\#(m.subject)"}"#)
            #expect(same.status == .badRequest)
            #expect(same.text.contains("same IRI"))
            let broken = try await post(#"{"subject": "#)
            #expect(broken.status == .badRequest)
            #expect(broken.text.contains("not valid JSON"))
            let notObject = try await post(#"["a", "b"]"#)
            #expect(notObject.status == .badRequest)
            let number = try await post(#"{"subject": 1, "object": "\#(m.object)"}"#)
            #expect(number.status == .badRequest)
            #expect(number.text.contains("subject"))
            let empty = try await post("")
            #expect(empty.status == .badRequest)
            let unknown = try await post(#"{"subject": "\#(m.subject)", "object": "https://data.mnemo.example/id/nobody"}"#)
            #expect(unknown.status == .notFound)
            let media = try await post("subject=a", "text/plain")
            #expect(media.status == .unsupportedMediaType)
            let formMissing = try await post("subject=" + encoded(m.subject), "application/x-www-form-urlencoded")
            #expect(formMissing.status == .badRequest)
        }
        #expect(store.graphTriples(Self.options.linksGraph).count == before, "nothing was written")
        #expect(Decision.read(from: store, graph: Self.options.decisionsGraph).isEmpty)
    }

    @Test func exportIsSSSOM() async throws {
        let store = try Self.linkedStore(80)
        let all = Self.mappings(store)
        let h = try ServerHarness(store: store)
        try await h.run { client in
            let r = try await client.execute(uri: "/links/export?format=sssom", method: .get)
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "text/tab-separated-values; charset=utf-8")
            let lines = r.text.split(separator: "\n").map(String.init)
            #expect(lines.first == "# curie_map:")
            #expect(lines.contains("# mapping_set_id: \(Self.options.linksGraph)"))
            let header = try #require(lines.first { !$0.hasPrefix("#") })
            #expect(header.split(separator: "\t").map(String.init) == SSSOMWriter.columns)
            let rows = lines.drop { $0.hasPrefix("#") }.dropFirst()
            #expect(rows.count == all.filter { $0.predicate != nil }.count)
            let withReview = try await client.execute(uri: "/links/export?format=sssom&include_review=true", method: .get)
            #expect(withReview.text.split(separator: "\n").drop { $0.hasPrefix("#") }.dropFirst().count == all.count)
            #expect(try await client.execute(uri: "/links/export?format=rdfxml", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/links/export?include_review=maybe", method: .get).status == .badRequest)
        }
    }

    @Test func clusterAsJSONAndAsAPage() async throws {
        let store = try Self.linkedStore()
        let m = try #require(Self.mappings(store).first { $0.status == .accepted && $0.kind == "person" })
        // A name that would be markup if it were not escaped.
        let hostile = #"<script>alert("x")</script> & Co"#
        try store.transaction { tx in
            _ = tx.insert([Quad(.iri(m.object), .iri(LinkVocabulary.rdfs + "label"), .string(hostile), .iri(m.objectGraph))])
        }
        let h = try ServerHarness(store: store)
        let uri = "/links/cluster?iri=" + encoded(m.subject)
        try await h.run { client in
            let r = try await client.execute(uri: uri, method: .get)
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "application/json")
            let body = try Self.object(r)
            let members = try #require(body["members"] as? [[String: Any]]).compactMap { $0["iri"] as? String }
            #expect(members.contains(m.subject) && members.contains(m.object))
            let mappings = try #require(body["mappings"] as? [[String: Any]])
            #expect(mappings.contains { $0["status"] as? String == "accepted" && $0["confidence"] is Double && $0["explanation"] is String })
            let statements = try #require(body["statements"] as? [[String: Any]])
            let graphs = Set(statements.compactMap { $0["graph"] as? String })
            #expect(graphs.contains(m.subjectGraph) && graphs.contains(m.objectGraph), "each statement says where it comes from")
            #expect(statements.contains { ($0["object"] as? [String: Any])?["type"] as? String == "literal" })

            let page = try await client.execute(uri: uri, method: .get, headers: [.accept: "text/html"])
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let html = page.text
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(!html.contains("<script"))
            #expect(html.contains("Merged view"))
            // One section per institution's graph, each graph linked to its page; the records linked to theirs.
            for g in [m.subjectGraph, m.objectGraph] {
                #expect(html.contains("href=\"/" + g.dropFirst("https://data.mnemo.example/".count) + "\""))
            }
            #expect(html.contains("href=\"/" + m.object.dropFirst("https://data.mnemo.example/".count) + "\""))
            #expect(html.components(separatedBy: "<h2 class=\"source\">").count - 1 >= 2)
            #expect(html.contains(Self.escaped(m.objectLabel)))
            #expect(html.contains(Self.escaped(hostile)))
            // The institutions' statements include each record's own nodes: its name and its birth with the date.
            #expect(html.contains("crm:P190_has_symbolic_content"))
            #expect(html.contains("crm:P82a_begin_of_the_begin"))
            #expect(!html.contains("href=\"/graph/links\""), "the links have their own table, not a section")
            let asHTML = try await client.execute(uri: uri + "&format=html", method: .get)
            #expect(asHTML.headers[.contentType] == "text/html; charset=utf-8")
            let asJSON = try await client.execute(uri: uri + "&format=json", method: .get, headers: [.accept: "text/html"])
            #expect(asJSON.headers[.contentType] == "application/json")

            let unknown = try await client.execute(uri: "/links/cluster?iri=" + encoded("https://data.mnemo.example/id/nobody"), method: .get)
            #expect(unknown.status == .notFound)
            #expect(try await client.execute(uri: "/links/cluster", method: .get).status == .badRequest)
            let notAcceptable = try await client.execute(uri: uri, method: .get, headers: [.accept: "image/png"])
            #expect(notAcceptable.status == .notAcceptable)
        }
    }

    @Test func anEntityPageShowsTheSameEntityElsewhere() async throws {
        let store = try Self.linkedStore()
        let m = try #require(Self.mappings(store).first { $0.status == .accepted && $0.kind == "person" })
        let h = try ServerHarness(store: store)
        let base = "https://data.mnemo.example/"
        try await h.run { client in
            let path = "/" + m.subject.dropFirst(base.count)
            let page = try await client.execute(uri: path, method: .get, headers: [.accept: "text/html"])
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("The same entity elsewhere"))
            let section = try #require(html.components(separatedBy: "The same entity elsewhere").last)
            #expect(section.contains("href=\"/" + m.object.dropFirst(base.count) + "\""), "the other record, linked")
            #expect(section.contains("href=\"/" + m.objectGraph.dropFirst(base.count) + "\""), "its institution's graph")
            #expect(section.contains("accepted"))
            #expect(section.contains(String((m.confidence * 1000).rounded() / 1000)))
            #expect(section.contains("href=\"/links/cluster?iri=" + HTMLPage.percentEncode(m.subject) + "\""), "the merged view")

            // The other record's description carries the link pointing at it.
            let nt = try await client.execute(uri: "/" + m.object.dropFirst(base.count), method: .get, headers: [.accept: "application/n-triples"])
            #expect(nt.text.contains("<\(m.subject)> <\(LinkVocabulary.exactMatch)> <\(m.object)> ."))

            // A record nothing links has no such section.
            let linked = Set(Self.mappings(store).filter { $0.predicate != nil }.flatMap { [$0.subject, $0.object] })
            let lonely = try #require(store.quads(predicate: .iri(LinkVocabulary.type), object: .iri(LinkVocabulary.crm + "E21_Person"))
                .compactMap { q -> String? in if case .iri(let s) = q.subject, !linked.contains(s) { return s } else { return nil } }.first)
            let plain = try await client.execute(uri: "/" + lonely.dropFirst(base.count), method: .get, headers: [.accept: "text/html"])
            #expect(plain.status == .ok)
            #expect(!plain.text.contains("The same entity elsewhere"))
        }
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
