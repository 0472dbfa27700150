import Foundation
import HTTPTypes
import Hummingbird
import MnemoLinking
import MnemoRDF
import MnemoSearch
import MnemoStore
import MnemoWeb
import NIOCore

/// The links between institutions' records over HTTP (`mnemo link` made
/// them; see MnemoLinking): the curators' review loop and the merged view.
///
/// - `GET /links/review?limit=&kind=`: the review band as JSON, best first,
///   both records side by side (IRI, label, graph) with the confidence and
///   the features that explain it.
/// - `POST /links/confirm`, `POST /links/reject` with
///   `{"subject": IRI, "object": IRI, "note": "…"}` (JSON or a form): a
///   curator's decision, recorded with the write token's label as curator
///   and the time as an xsd:dateTime; every later `mnemo link` run honours
///   it. Needs a write token (401 without one, 403 for a read token).
/// - `GET /links/export?format=sssom[&include_review=true]`: SSSOM TSV.
/// - `GET /links/cluster?iri=IRI`: the entity `iri` belongs to: its records,
///   the mappings joining them and every statement with its source graph;
///   JSON, or with `Accept: text/html` (or `format=html`) a page, grouped by graph.
///
/// Reads run on a worker thread like the other reads (and need a token with
/// `protectReads`); a decision runs there too, as one store transaction, so
/// decisions arriving together are applied one after another.
extension MnemoService {
    /// The links graph, decisions graph and mapping IRIs of this service's base.
    var linkOptions: LinkOptions { LinkOptions(base: configuration.baseURI) }

    func addLinkRoutes(_ router: Router<MnemoContext>) {
        router.get("/links/review") { request, _ in try await self.linkReview(request) }
        router.post("/links/confirm") { request, context in try await self.linkDecision(request, context, .confirmed) }
        router.post("/links/reject") { request, context in try await self.linkDecision(request, context, .rejected) }
        router.get("/links/export") { request, _ in try await self.linkExport(request) }
        router.get("/links/cluster") { request, _ in try await self.linkCluster(request) }
        router.head("/links/cluster") { request, _ in try await self.linkCluster(request) }
    }

    // MARK: Review

    func linkReview(_ request: Request) async throws -> Response {
        let params = try FormParameters(request.uri.query ?? "")
        var limit = 50
        if let l = try params.single("limit") {
            guard let n = Int(l), (1...1000).contains(n) else {
                throw ServiceError.badRequest("limit must be a whole number from 1 to 1000, not '\(l)'")
            }
            limit = n
        }
        var kind: String?
        if let k = try params.single("kind"), !k.isEmpty {
            guard Kind(rawValue: k) != nil else {
                throw ServiceError.badRequest("kind must be one of \(Kind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(k)'")
            }
            kind = k
        }
        let options = linkOptions, base = publicBase
        let body: String = try await blocking { [kind, limit] in
            let band = self.mappings(options)
                .filter { $0.status == .review && (kind == nil || $0.kind == kind) }
                .sorted { ($0.confidence, $1.subject, $1.object) > ($1.confidence, $0.subject, $0.object) }
            return JSONOut.object([
                ("count", .int(band.count)), ("limit", .int(limit)), ("kind", kind.map(JSONOut.string) ?? .null),
                ("mappings", .array(band.prefix(limit).map { Self.json($0, base: base) })),
            ]).text + "\n"
        }
        return Self.jsonResponse(body, request)
    }

    /// Every mapping record of the links graph, read once per snapshot.
    func mappings(_ options: LinkOptions) -> [Mapping] {
        linkMappings.value(for: store.snapshot) { Mapping.read(from: store, graph: options.linksGraph) }
    }

    // MARK: Decisions

    func linkDecision(_ request: Request, _ context: MnemoContext, _ verdict: Decision.Verdict) async throws -> Response {
        try requireWriter(context)
        guard let curator = context.principal?.label else { throw ServiceError(.unauthorized, "writing needs a write token") }
        var request = request
        let text = try await ProtocolRequest.bodyText(&request, maxBody: configuration.maxBodyBytes)
        let pair = try Self.decisionBody(text, contentType: request.headers[.contentType])
        for iri in [pair.subject, pair.object] where !isMentioned(iri) {
            throw ServiceError(.notFound, "nothing is known here about <\(iri)>")
        }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        let decision = Decision(pair.subject, pair.object, verdict: verdict, curator: curator,
                                date: f.string(from: Date()), note: pair.note)
        let options = linkOptions, base = publicBase
        let body: String = try await blocking { [store] in
            // One store transaction, under the store's write lock: decisions arriving together apply one after another.
            do { try Decision.record(decision, in: store, options: options) } catch { throw Self.serviceError(error) }
            let stored = Decision.read(decision.subject, decision.object, from: store, graph: options.decisionsGraph,
                                       base: options.base) ?? decision
            let mapping = Mapping.read(involving: decision.subject, from: store, graph: options.linksGraph)
                .first { $0.object == decision.object }
            var members = Self.json(stored)
            members.append(("mapping", mapping.map { Self.json($0, base: base) } ?? .null))
            return JSONOut.object(members).text + "\n"
        }
        return Self.jsonResponse(body, request)
    }

    /// The pair and note of a decision's body: JSON, or `subject=…&object=…&note=…` as a form.
    static func decisionBody(_ text: String, contentType: String?) throws -> (subject: String, object: String, note: String?) {
        let media = ProtocolRequest.mediaType(contentType)
        let subject: String?, object: String?, note: String?
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if media == "application/json" || media?.hasSuffix("+json") == true || (media == nil && trimmed.hasPrefix("{")) {
            guard !trimmed.isEmpty else {
                throw ServiceError.badRequest(#"the body is empty; send {"subject": IRI, "object": IRI, "note": "…"}"#)
            }
            let json = try JSONIn.parse(text, what: "the request body")
            _ = try json.object()
            subject = try json.member("subject")?.string()
            object = try json.member("object")?.string()
            note = try json.member("note")?.string()
        } else if media == "application/x-www-form-urlencoded" || media == nil {
            let form = try FormParameters(text)
            subject = try form.single("subject")
            object = try form.single("object")
            note = try form.single("note")
        } else {
            throw ServiceError.unsupportedMediaType(contentType, expected: ["application/json", "application/x-www-form-urlencoded"])
        }
        func iri(_ value: String?, _ name: String) throws -> String {
            guard let v = value?.trimmingCharacters(in: .whitespaces), !v.isEmpty else {
                throw ServiceError.badRequest(#"'\#(name)' is missing; send {"subject": IRI, "object": IRI, "note": "…"}"#)
            }
            guard Self.isAbsoluteIRI(v) else { throw ServiceError.badRequest("'\(name)' must be an absolute IRI, not '\(v)'") }
            return v
        }
        let s = try iri(subject, "subject"), o = try iri(object, "object")
        guard s != o else { throw ServiceError.badRequest("'subject' and 'object' are the same IRI <\(s)>; a decision is about two records") }
        return (s, o, note.flatMap { $0.isEmpty ? nil : $0 })
    }

    // MARK: Export

    func linkExport(_ request: Request) async throws -> Response {
        let params = try FormParameters(request.uri.query ?? "")
        let format = try params.single("format") ?? "sssom"
        guard format == "sssom" else { throw ServiceError.badRequest("format must be sssom, not '\(format)'") }
        var includeReview = false
        if let v = try params.single("include_review") {
            switch v.lowercased() {
            case "true", "1", "yes", "": includeReview = true
            case "false", "0", "no": includeReview = false
            default: throw ServiceError.badRequest("include_review must be true or false, not '\(v)'")
            }
        }
        let options = linkOptions
        let tsv: String = try await blocking { [includeReview] in
            SSSOMWriter.tsv(self.mappings(options), setID: options.linksGraph, includeReview: includeReview)
        }
        return Response(status: .ok, headers: [.contentType: "text/tab-separated-values; charset=utf-8",
                                               .contentDisposition: "inline; filename=\"links.sssom.tsv\""],
                        body: .init(byteBuffer: ByteBuffer(string: tsv)))
    }

    // MARK: The merged view

    func linkCluster(_ request: Request) async throws -> Response {
        let params = try FormParameters(request.uri.query ?? "")
        guard let iri = try params.single("iri"), !iri.isEmpty else {
            throw ServiceError.badRequest("give a record of the entity as ?iri=IRI")
        }
        let html: Bool
        switch try params.single("format") {
        case "html"?: html = true
        case "json"?: html = false
        case let other?: throw ServiceError.badRequest("format must be json or html, not '\(other)'")
        case nil:
            let offers = ["application/json", "text/html"]
            guard let chosen = ContentNegotiation.choose(request.headers[.accept], offers: offers) else {
                throw ServiceError(.notAcceptable, "available: " + offers.joined(separator: ", "))
            }
            html = chosen == "text/html"
        }
        guard isMentioned(iri) else { throw ServiceError(.notFound, "nothing is known here about <\(iri)>") }
        let options = linkOptions, base = publicBase
        let body: String = try await blocking { [store] in
            let view = ClusterView(of: iri, in: store, options: options)
            if html {
                // The links themselves have their own table: the sections are what the institutions say.
                let said = view.statements.filter { $0.graph != options.linksGraph && $0.graph != options.decisionsGraph }
                let page = ClusterPageView.load(iri: iri, members: view.members, links: view.mappings.map(Self.clusterLink),
                                                pending: view.pending.map(Self.clusterLink), statements: said, store: store)
                return HTMLPage.render(cluster: page, baseURL: base)
            }
            return Self.json(view, iri: iri, base: base).text + "\n"
        }
        let type = html ? "text/html; charset=utf-8" : "application/json"
        return Response(status: .ok, headers: [.contentType: type, .vary: "Accept"],
                        body: request.method == .head ? .init() : .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// The other records of `iri`'s entity, for its page: each with its graph,
    /// and the status and confidence of its link (through which member, when not direct).
    func sameEntityLinks(of iri: String) -> [SameEntityLink] {
        let view = ClusterView(of: iri, in: store, options: linkOptions, statements: false)
        return view.members.filter { $0 != iri }.map { member in
            let direct = view.mappings.first { ($0.subject, $0.object) == (iri, member) || ($0.subject, $0.object) == (member, iri) }
            let m = direct ?? view.mappings.first { $0.subject == member || $0.object == member }
            let via = direct == nil ? m.map { $0.subject == member ? $0.object : $0.subject } : nil
            return SameEntityLink(iri: member, graph: view.graph(of: member), status: m?.status.rawValue ?? "accepted",
                                  confidence: m?.confidence ?? 0, via: via)
        }
    }

    /// The links graph's `skos:exactMatch` and `owl:sameAs` triples with `iri`
    /// as object (those with it as subject are in its description already).
    func incomingLinks(of iri: String) -> [Quad] {
        let g = Term.iri(linkOptions.linksGraph)
        return [LinkVocabulary.exactMatch, LinkVocabulary.sameAs].flatMap { p in
            store.quads(predicate: .iri(p), object: .iri(iri), graph: g)
        }
    }

    // MARK: JSON

    static func jsonResponse(_ body: String, _ request: Request) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func clusterLink(_ m: Mapping) -> ClusterLink {
        ClusterLink(subject: m.subject, object: m.object, status: m.status.rawValue, confidence: m.confidence,
                    explanation: m.explanation, curator: m.curator)
    }

    /// Where a record's page is served: its local path under the base, or `/page?iri=…`.
    static func pagePath(_ iri: String, base: String) -> String {
        IRILinker(base: base).localPath(iri) ?? "/page?iri=" + queryEscaped(iri)
    }

    static func json(_ m: Mapping, base: String) -> JSONOut {
        func side(_ iri: String, _ label: String, _ graph: String) -> JSONOut {
            .members([("iri", .string(iri)), ("label", label.isEmpty ? nil : .string(label)),
                      ("graph", graph.isEmpty ? nil : .string(graph)), ("page", .string(pagePath(iri, base: base)))])
        }
        return .members([
            ("subject", side(m.subject, m.subjectLabel, m.subjectGraph)),
            ("object", side(m.object, m.objectLabel, m.objectGraph)),
            ("kind", m.kind.isEmpty ? nil : .string(m.kind)),
            ("status", .string(m.status.rawValue)),
            ("predicate", m.predicate.map(JSONOut.string) ?? .null),
            ("confidence", .number(m.confidence)),
            ("explanation", .string(m.explanation)),
            ("evidence", .array(m.explanation.components(separatedBy: "; ").filter { !$0.isEmpty }.map(JSONOut.string))),
            ("date", m.date.isEmpty ? nil : .string(m.date)),
            ("curator", m.curator.map(JSONOut.string)),
        ])
    }

    static func json(_ d: Decision) -> [(String, JSONOut)] {
        [("subject", .string(d.subject)), ("object", .string(d.object)), ("verdict", .string(d.verdict.rawValue)),
         ("curator", .string(d.curator)), ("date", .string(d.date)), ("note", d.note.map(JSONOut.string) ?? .null)]
    }

    static func json(_ t: Term) -> JSONOut {
        switch t {
        case .iri(let v): return .object([("type", .string("uri")), ("value", .string(v))])
        case .blank(let b): return .object([("type", .string("bnode")), ("value", .string(b))])
        case .literal(let l):
            var m: [(String, JSONOut)] = [("type", .string("literal")), ("value", .string(l.lexical))]
            if let lang = l.language { m.append(("xml:lang", .string(lang))) }
            else if l.datatype != Vocabulary.xsdString { m.append(("datatype", .string(l.datatype))) }
            return .object(m)
        }
    }

    static func json(_ v: ClusterView, iri: String, base: String) -> JSONOut {
        var labels: [String: String] = [:]
        for m in v.mappings + v.pending {
            if !m.subjectLabel.isEmpty { labels[m.subject] = labels[m.subject] ?? m.subjectLabel }
            if !m.objectLabel.isEmpty { labels[m.object] = labels[m.object] ?? m.objectLabel }
        }
        return .object([
            ("iri", .string(iri)),
            ("members", .array(v.members.map { m in
                .members([("iri", .string(m)), ("label", labels[m].map(JSONOut.string)),
                          ("graph", v.graph(of: m).map(JSONOut.string)), ("page", .string(pagePath(m, base: base)))])
            })),
            ("mappings", .array(v.mappings.map { json($0, base: base) })),
            ("pending", .array(v.pending.map { json($0, base: base) })),
            ("statements", .array(v.statements.map { s in
                .object([("subject", .string(s.subject)), ("predicate", .string(s.predicate)), ("object", json(s.object)),
                         ("graph", s.graph.isEmpty ? .null : .string(s.graph))])
            })),
        ])
    }
}
