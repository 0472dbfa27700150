import Foundation
import HTTPTypes
import Hummingbird
import MnemoRDF
import MnemoStore
import MnemoWeb
import NIOCore
import Synchronization

/// What Mnemo publishes besides the endpoint: the query page at `/`, the
/// dumps at `/dumps/` (an index in HTML or JSON; each dump gzip-streamed
/// with `ETag` and `Last-Modified`, answering `If-None-Match` with 304) and
/// the VoID + DCAT description at `/.well-known/void`.
extension MnemoService {
    func addPublishingRoutes(_ router: Router<MnemoContext>) {
        router.get("/") { request, _ in try self.linkedQueryPage(request) }
        router.head("/") { request, _ in try self.linkedQueryPage(request) }
        router.get("/dumps") { request, _ in try self.dumpIndex(request) }
        router.get("/dumps/:name") { request, context in try await self.dump(request, context) }
        router.head("/dumps/:name") { request, context in try await self.dump(request, context) }
        router.get("/.well-known/void") { request, _ in try await self.void(request) }
        router.head("/.well-known/void") { request, _ in try await self.void(request) }
    }

    var endpointURL: String { publicBase + "sparql" }

    /// The query page at `/`, shareable as a link: `/?query=TEXT` fills the
    /// editor with TEXT, and `&run=1` also runs it as the page loads.
    func linkedQueryPage(_ request: Request) throws -> Response {
        let params = try FormParameters(request.uri.query ?? "")
        let run = try params.single("run").map { ["1", "true", "yes", ""].contains($0) } ?? false
        return queryPage(request, initialQuery: try params.single("query"), runOnLoad: run)
    }

    func queryPage(_ request: Request, initialQuery: String? = nil, runOnLoad: Bool = false) -> Response {
        let html = QueryPage.html(endpointPath: "/sparql", baseURL: publicBase, initialQuery: initialQuery, runOnLoad: runOnLoad)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                        body: request.method == .head ? .init() : .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The dump index: HTML or JSON by `Accept`, or `?format=html|json`.
    func dumpIndex(_ request: Request) throws -> Response {
        let offers = ["text/html", "application/json"]
        let type: String
        if let f = try FormParameters(request.uri.query ?? "").single("format") {
            guard let t = ["html": "text/html", "json": "application/json"][f] else {
                throw ServiceError.badRequest("format must be html or json, not '\(f)'")
            }
            type = t
        } else {
            guard let t = ContentNegotiation.choose(request.headers[.accept], offers: offers) else {
                throw ServiceError(.notAcceptable, "available: text/html, application/json")
            }
            type = t
        }
        let body = type == "text/html" ? dumps.indexHTML() : dumps.indexJSON()
        return Response(status: .ok, headers: [.contentType: type == "text/html" ? "text/html; charset=utf-8" : "application/json",
                                               .vary: "Accept"],
                        body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    func dump(_ request: Request, _ context: MnemoContext) async throws -> Response {
        let name = context.parameters.get("name") ?? ""
        guard let entry = dumps.entry(named: name) else { throw ServiceError(.notFound, "there is no dump named '\(name)'") }
        var headers: HTTPFields = [.contentType: entry.contentType, .eTag: entry.etag,
                                   .lastModified: entry.lastModifiedHTTP, .cacheControl: "no-cache"]
        headers[.contentDisposition] = "attachment; filename=\"\(entry.name)\""
        if let inm = request.headers[.ifNoneMatch], Self.etagMatches(inm, entry.etag) {
            return Response(status: .notModified, headers: headers)
        }
        if request.method == .head { return Response(status: .ok, headers: headers) }
        let pipe = ChunkPipe()
        try await startWork { [dumps] in
            do {
                try dumps.write(entry, to: { try pipe.send($0) })
                pipe.finish()
            } catch { pipe.finish(error) }
        }
        return Response(status: .ok, headers: headers, body: pipe.responseBody())
    }

    /// `If-None-Match`: `*` or a list of entity tags (weak ones compare by their opaque part).
    static func etagMatches(_ header: String, _ etag: String) -> Bool {
        func opaque(_ t: Substring) -> Substring {
            let t = t.trimmingCharacters(in: .whitespaces)
            return Substring(t.hasPrefix("W/") ? String(t.dropFirst(2)) : t)
        }
        if header.trimmingCharacters(in: .whitespaces) == "*" { return true }
        return header.split(separator: ",").contains { opaque($0) == opaque(Substring(etag)) }
    }

    func void(_ request: Request) async throws -> Response {
        let snapshot = store.snapshot
        let base = publicBase, endpoint = endpointURL
        let quads: [Quad] = try await blocking { [store, dumps, voidCache] in
            voidCache.value(for: snapshot) {
                VoIDDescription.quads(store: store, baseURL: base, endpointURL: endpoint, dumps: dumps)
            }
        }
        return try rdfResponse(quads, request, prefixes: [("void", "http://rdfs.org/ns/void#"), ("dcat", "http://www.w3.org/ns/dcat#")])
    }
}
