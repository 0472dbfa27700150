import Foundation
import HTTPTypes
import Hummingbird
import MnemoSearch
import NIOCore

/// The reconciliation side services: suggest (entities, types,
/// properties), the HTML preview, and property proposals for extension.
extension MnemoService {
    /// `suggest/entity|type|property?prefix=&type=&cursor=&limit=&lang=` (JSONP with `callback`).
    func reconcileSuggest(_ request: Request, _ what: String, _ version: ReconcileVersion) async throws -> Response {
        let params = try FormParameters(request.uri.query ?? "")
        let callback = try jsonpCallback(params)
        guard let prefix = try params.single("prefix") else {
            throw ServiceError.badRequest("give the text to complete as prefix, e.g. \(version.path)/suggest/\(what)?prefix=Vali")
        }
        let type = try reconcileType(params)
        let limit = try intParameter(params, "limit", default: 10, in: 1...100)
        let cursor = try intParameter(params, "cursor", default: 0, in: 0...10_000)
        let lang = try params.single("lang").flatMap { $0.isEmpty ? nil : $0 }
        let needle = prefix.trimmingCharacters(in: .whitespaces).lowercased()
        func starts(_ texts: [String]) -> Bool {
            needle.isEmpty || texts.contains { t in
                t.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { $0.hasPrefix(needle) }
                    || t.lowercased().hasPrefix(needle)
            }
        }
        switch what {
        case "type":
            let found = ReconcileType.all.filter { starts([$0.name, $0.id, Reconciler.shortName($0.id)]) }
            let page = found.dropFirst(cursor).prefix(limit).map { ReconcileDocuments.type($0, version, description: true) }
            return jsonText(JSONOut.object([("result", .array(Array(page)))]).text, callback)
        case "property":
            let found = ReconcileProperty.properties(for: type?.kind).filter { starts([$0.id, $0.name]) }
            let page = found.dropFirst(cursor).prefix(limit).map(ReconcileDocuments.property)
            return jsonText(JSONOut.object([("result", .array(Array(page)))]).text, callback)
        default:
            guard !needle.isEmpty else { return jsonText(JSONOut.object([("result", .array([]))]).text, callback) }
            return try await jsonResponse(callback) { r in
                let hits = r.suggest(prefix, type: type, limit: cursor + limit, language: lang).dropFirst(cursor)
                return .object([("result", .array(hits.map { ReconcileDocuments.suggestion($0, version) }))])
            }
        }
    }

    /// `preview?id=`: a small HTML page about one entity.
    func reconcilePreview(_ request: Request) async throws -> Response {
        let params = try FormParameters(request.uri.query ?? "")
        guard let id = try params.single("id"), !id.isEmpty else {
            throw ServiceError.badRequest("give the entity's IRI as id, e.g. /reconcile/preview?id=https%3A%2F%2F...")
        }
        let html = try await withReconciler { r in r.record(id).map(ReconcileExtension.preview) }
        guard let html else { throw ServiceError(.notFound, "no entity with the id <\(id)> is known to the reconciliation service") }
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// `propose_properties?type=&limit=` (0.2) and `extend/propose?type=&limit=` (1.0).
    func reconcilePropose(_ request: Request, _ version: ReconcileVersion) async throws -> Response {
        let params = try FormParameters(request.uri.query ?? "")
        let callback = try jsonpCallback(params)
        let type = try reconcileType(params)
        let limit = try params.has("limit") ? intParameter(params, "limit", default: 0, in: 1...100) : nil
        var props = ReconcileProperty.properties(for: type?.kind)
        if let limit { props = Array(props.prefix(limit)) }
        let doc = JSONOut.members([
            ("type", type.map { .string($0.id) }),
            ("properties", .array(props.map(ReconcileDocuments.property))),
            ("limit", limit.map { .int($0) }),
        ])
        return jsonText(doc.text, callback)
    }

    /// The `type` parameter, a known type or absent.
    func reconcileType(_ params: FormParameters) throws -> ReconcileType? {
        guard let t = try params.single("type"), !t.isEmpty else { return nil }
        guard let type = ReconcileType.resolve(t) else {
            throw ServiceError.badRequest("unknown type '\(t)'; the types are \(ReconcileType.all.map(\.id).joined(separator: ", "))")
        }
        return type
    }

    func intParameter(_ params: FormParameters, _ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let s = try params.single(name) else { return value }
        guard let n = Int(s), range.contains(n) else {
            throw ServiceError.badRequest("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(s)'")
        }
        return n
    }
}
