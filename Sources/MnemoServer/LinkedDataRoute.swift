import Foundation
import HTTPTypes
import Hummingbird
import MnemoRDF
import MnemoStore
import MnemoWeb
import NIOCore

/// Linked Data: an IRI Mnemo minted under the base URI dereferences at its
/// own path on this service (`BASE/id/person/x` at `/id/person/x`); any
/// other IRI the store mentions has its page at `/page?iri=IRI`. The answer
/// is direct (200 with `Vary: Accept`, no 303 hop): `text/html` gets the
/// resource's page (labels in every language, events with dates and
/// places, the institutions that describe it, its links), an RDF media
/// type (or `?format=turtle|ntriples|nquads|trig|rdfxml|jsonld`) its concise
/// bounded description, with the links graph's `skos:exactMatch` and
/// `owl:sameAs` triples pointing at it; N-Quads and TriG keep each
/// statement's graph. A page shows the records of other institutions linked
/// to it ("The same entity elsewhere", from the links graph). An
/// IRI the store does not mention answers 404.
extension MnemoService {
    func addLinkedDataRoutes(_ router: Router<MnemoContext>) {
        router.get("/page") { request, _ in try await self.page(request) }
        router.head("/page") { request, _ in try await self.page(request) }
        router.get("**") { request, _ in try await self.dereference(request) }
        router.head("**") { request, _ in try await self.dereference(request) }
    }

    /// The IRI a request path stands for, as stored: the path as sent, or percent-decoded.
    func resourceIRI(for path: String) -> String? {
        let relative = path.hasPrefix("/") ? String(path.dropFirst()) : path
        var candidates = [publicBase + relative]
        if let decoded = relative.removingPercentEncoding, decoded != relative { candidates.append(publicBase + decoded) }
        return candidates.first(where: isMentioned)
    }

    /// True when some quad has `iri` as subject, object or graph.
    func isMentioned(_ iri: String) -> Bool {
        guard let id = store.dictionary.lookup(.iri(iri)) else { return false }
        let snap = store.snapshot
        return snap.estimateCount(QuadPattern(s: id)) > 0 || snap.estimateCount(QuadPattern(o: id)) > 0
            || snap.estimateCount(QuadPattern(g: id)) > 0
    }

    /// The base URI, ending in `/`.
    var publicBase: String { configuration.baseURI.hasSuffix("/") ? configuration.baseURI : configuration.baseURI + "/" }

    func dereference(_ request: Request) async throws -> Response {
        guard let iri = resourceIRI(for: request.uri.path) else {
            throw ServiceError(.notFound, "nothing is known here about \(request.uri.path)")
        }
        return try await describe(iri, request, pagePath: request.uri.path)
    }

    func page(_ request: Request) async throws -> Response {
        let params = try FormParameters(request.uri.query ?? "")
        guard let iri = try params.single("iri") else { throw ServiceError.badRequest("give the resource as ?iri=IRI") }
        guard isMentioned(iri) else { throw ServiceError(.notFound, "nothing is known here about <\(iri)>") }
        return try await describe(iri, request, pagePath: "/page?iri=" + Self.queryEscaped(iri))
    }

    private func describe(_ iri: String, _ request: Request, pagePath: String) async throws -> Response {
        let params = try FormParameters(request.uri.query ?? "")
        let format: WireFormat?
        if let name = try params.single("format"), name != "html" {
            guard let f = WireFormat(parameter: name, among: WireFormat.graphFormats) else {
                throw ServiceError.badRequest("format '\(name)' is not one of html, "
                                              + WireFormat.graphFormats.map(\.rawValue).joined(separator: ", "))
            }
            format = f
        } else if try params.single("format") == "html" {
            format = nil
        } else {
            let offers = ["text/html"] + WireFormat.graphFormats.map { $0.acceptedTypes[0] }
            guard let chosen = ContentNegotiation.choose(request.headers[.accept], offers: offers) else {
                throw ServiceError(.notAcceptable, "available: " + offers.joined(separator: ", "))
            }
            format = chosen == "text/html" ? nil : WireFormat.negotiate(chosen, among: WireFormat.graphFormats)
        }
        let base = publicBase
        guard let format else {
            let html: String? = try await blocking { [store] () -> String? in
                guard let view = ResourceView.load(iri: iri, store: store) else { return nil }
                let same = self.sameEntityLinks(of: iri)
                let full = view.withSameEntity(same, clusterPath: "/links/cluster?iri=" + Self.queryEscaped(iri), store: store)
                return HTMLPage.render(full, baseURL: base, pagePath: pagePath)
            }
            guard let html else { throw ServiceError(.notFound, "nothing is known here about <\(iri)>") }
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .vary: "Accept"],
                            body: request.method == .head ? .init() : .init(byteBuffer: ByteBuffer(string: html)))
        }
        let keepGraphs = format == .nquads || format == .trig
        let quads: [Quad] = try await blocking { [store] in
            // The description, and the links that point at the resource from the links graph.
            let own = ConciseBoundedDescription.quads(of: iri, store: store)
            var seen = Set(own)
            var all = own
            for q in self.incomingLinks(of: iri) where seen.insert(q).inserted { all.append(q) }
            guard !keepGraphs else { return all }
            var triples = Set<Quad>()
            return all.compactMap { q in
                let t = Quad(q.subject, q.predicate, q.object)
                return triples.insert(t).inserted ? t : nil
            }
        }
        return try rdfResponse(quads, request, format: format)
    }

    static func queryEscaped(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
