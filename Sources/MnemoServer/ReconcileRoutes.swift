import Foundation
import HTTPTypes
import Hummingbird
import MnemoSearch
import MnemoStore
import NIOCore

/// The W3C Reconciliation Service API, for OpenRefine and other clients,
/// over the name index of the current snapshot.
///
/// Version 0.2 at `/reconcile`: the manifest (GET, JSONP with `callback`),
/// `queries=` and `extend=` (GET or form POST), `/reconcile/suggest/{entity,type,property}`,
/// `/reconcile/preview?id=`, `/reconcile/propose_properties?type=`.
///
/// Version 1.0-draft at `/reconcile/v1`: the manifest (GET; it also answers
/// 0.2 `queries=`), `POST /match`, `/suggest/{entity,type,property}`,
/// `/preview?id=`, `POST /extend`, `/extend/propose?type=`.
extension MnemoService {
    func addReconcileRoutes(_ router: Router<MnemoContext>) {
        for version in [ReconcileVersion.v02, .v1] {
            let base = version.path
            router.get(RouterPath(base)) { request, _ in try await self.reconcileRoot(request, version) }
            router.post(RouterPath(base)) { request, _ in try await self.reconcileRoot(request, version) }
            router.head(RouterPath(base)) { request, _ -> Response in
                var r = try await self.reconcileRoot(request, version)
                r.body = .init()
                return r
            }
            for what in ["entity", "type", "property"] {
                router.get(RouterPath(base + "/suggest/" + what)) { request, _ in try await self.reconcileSuggest(request, what, version) }
            }
            router.get(RouterPath(base + "/preview")) { request, _ in try await self.reconcilePreview(request) }
            let propose = version == .v02 ? "/propose_properties" : "/extend/propose"
            router.get(RouterPath(base + propose)) { request, _ in try await self.reconcilePropose(request, version) }
        }
        router.post("/reconcile/v1/match") { request, _ in try await self.reconcileMatch(request) }
        router.post("/reconcile/v1/extend") { request, _ in try await self.reconcileExtend1(request) }
        for path in ["/reconcile/v1/match", "/reconcile/v1/extend"] {
            router.get(RouterPath(path)) { _, _ -> Response in
                throw ServiceError(.methodNotAllowed, "send the batch as JSON with POST to \(path)", headers: [.allow: "POST, OPTIONS"])
            }
        }
    }

    /// The manifest, or the answer to a 0.2 `queries=` or `extend=` request.
    func reconcileRoot(_ request: Request, _ version: ReconcileVersion) async throws -> Response {
        var request = request
        let params = try await reconcileParameters(&request)
        let callback = try jsonpCallback(params)
        if let q = try params.single("queries") {
            let batch = try ReconcileRequest.batch02(q)
            return try await jsonResponse(callback) { r in
                let results = r.reconcile(batch: batch.map(\.query))
                return JSONOut.object(zip(batch, results).map { q, candidates in
                    (q.key, .object([("result", .array(candidates.map { ReconcileDocuments.candidate($0, .v02) }))]))
                })
            }
        }
        if let x = try params.single("extend") {
            let ext = try ReconcileRequest.extension_(x, what: "extend")
            return try await jsonResponse(callback) { r in
                let rows = ext.ids.map { id in
                    let record = r.record(id)
                    return (id, JSONOut.object(ext.properties.map { p, limit in
                        (p.id, .array(ReconcileExtension.values(record, p, limit: limit, .v02)))
                    }))
                }
                return .object([("meta", .array(ext.properties.map { ReconcileExtension.meta($0.0, .v02) })), ("rows", .object(rows))])
            }
        }
        let manifest = ReconcileDocuments.manifest(version, service: serviceURL(request, version), identifierSpace: publicBase)
        return jsonText(manifest.text, callback)
    }

    /// `POST /reconcile/v1/match`: a 1.0 batch as JSON (or as the form parameter `queries`).
    func reconcileMatch(_ request: Request) async throws -> Response {
        var request = request
        let text = try await reconcileBody(&request, formParameter: "queries")
        let queries = try ReconcileRequest.batch1(text)
        return try await jsonResponse(nil) { r in
            .object([("results", .array(r.reconcile(batch: queries).map { candidates in
                .object([("candidates", .array(candidates.map { ReconcileDocuments.candidate($0, .v1) }))])
            }))])
        }
    }

    /// `POST /reconcile/v1/extend`: a data extension query as JSON (or as the form parameter `extend`).
    func reconcileExtend1(_ request: Request) async throws -> Response {
        var request = request
        let text = try await reconcileBody(&request, formParameter: "extend")
        let ext = try ReconcileRequest.extension_(text, what: "the request body")
        return try await jsonResponse(nil) { r in
            let rows = ext.ids.map { id in
                let record = r.record(id)
                return JSONOut.object([("id", .string(id)), ("properties", .array(ext.properties.map { p, limit in
                    .object([("id", .string(p.id)), ("values", .array(ReconcileExtension.values(record, p, limit: limit, .v1)))])
                }))])
            }
            return .object([("meta", .array(ext.properties.map { ReconcileExtension.meta($0.0, .v1) })), ("rows", .array(rows))])
        }
    }

    /// Runs `body` on a worker thread with the reconciler of the current snapshot, made once per snapshot.
    func withReconciler<T: Sendable>(_ body: @escaping @Sendable (Reconciler) throws -> T) async throws -> T {
        let snapshot = store.snapshot
        let names = searchIndex, memo = reconcileIndex
        return try await blocking { [store] in
            let r = memo.value(for: snapshot) {
                let index = names.value(for: snapshot) { NameIndex(store: store, snapshot: snapshot) }
                return Reconciler(index: index, store: store, snapshot: snapshot)
            }
            return try body(r)
        }
    }

    func jsonResponse(_ callback: String?, _ make: @escaping @Sendable (Reconciler) throws -> JSONOut) async throws -> Response {
        let text = try await withReconciler { try make($0).text }
        return jsonText(text, callback)
    }

    /// JSON, or JSONP (`callback(...)`) when a callback is named.
    func jsonText(_ text: String, _ callback: String?) -> Response {
        if let callback {
            return Response(status: .ok, headers: [.contentType: "application/javascript; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "\(callback)(\(text));\n")))
        }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The query string's parameters, and a form body's for POST.
    func reconcileParameters(_ request: inout Request) async throws -> FormParameters {
        var params = try FormParameters(request.uri.query ?? "")
        if request.method == .post {
            let type = ProtocolRequest.mediaType(request.headers[.contentType])
            guard type == nil || type == "application/x-www-form-urlencoded" else {
                throw ServiceError.unsupportedMediaType(request.headers[.contentType], expected: ["application/x-www-form-urlencoded"])
            }
            params.append(try FormParameters(try await ProtocolRequest.bodyText(&request, maxBody: configuration.maxBodyBytes)))
        }
        return params
    }

    /// A JSON body, or the JSON in form parameter `formParameter` of a form body.
    func reconcileBody(_ request: inout Request, formParameter: String) async throws -> String {
        let type = ProtocolRequest.mediaType(request.headers[.contentType])
        let body = try await ProtocolRequest.bodyText(&request, maxBody: configuration.maxBodyBytes)
        switch type {
        case "application/json", nil: return body
        case "application/x-www-form-urlencoded":
            guard let v = try FormParameters(body).single(formParameter) else {
                throw ServiceError.badRequest("the form body needs the JSON as its '\(formParameter)' parameter")
            }
            return v
        default:
            throw ServiceError.unsupportedMediaType(request.headers[.contentType], expected: ["application/json", "application/x-www-form-urlencoded"])
        }
    }

    func jsonpCallback(_ params: FormParameters) throws -> String? {
        guard let cb = try params.single("callback"), !cb.isEmpty else { return nil }
        let ok = cb.utf8.count <= 128 && cb.unicodeScalars.enumerated().allSatisfy { i, c in
            c == "_" || c == "$" || (c.isASCII && (c.properties.isAlphabetic || (i > 0 && (c == "." || ("0"..."9").contains(c)))))
        }
        guard ok else { throw ServiceError.badRequest("callback must be a JavaScript name (letters, digits, _, $ and .), not '\(cb)'") }
        return cb
    }

    /// The service's own URL as the client reached it: `http://host:port/reconcile`.
    func serviceURL(_ request: Request, _ version: ReconcileVersion) -> String {
        let host = request.head.authority
        guard let host, !host.isEmpty else { return String(publicBase.dropLast()) + version.path }
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https" ? "https" : "http"
        return "\(scheme)://\(host)\(version.path)"
    }
}
