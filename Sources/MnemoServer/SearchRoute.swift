import Foundation
import Hummingbird
import MnemoSearch
import MnemoStore
import NIOCore

/// `GET /search?q=&type=&lang=&limit=`: cross-script name search over the
/// labels of persons, groups, places, events, objects and concepts, as JSON.
/// The name index is built on a worker thread the first time a snapshot is
/// searched and kept until a write replaces that snapshot.
extension MnemoService {
    func addSearchRoutes(_ router: Router<MnemoContext>) {
        router.get("/search") { request, _ in try await self.search(request) }
    }

    func search(_ request: Request) async throws -> Response {
        let params = try FormParameters(request.uri.query ?? "")
        guard let q = try params.single("q"), !q.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ServiceError.badRequest("give the name to search for as q, e.g. /search?q=Valikhanov")
        }
        var kind: Kind?
        if let t = try params.single("type"), !t.isEmpty {
            guard let k = Kind(rawValue: t) else {
                throw ServiceError.badRequest("type must be one of \(Kind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(t)'")
            }
            kind = k
        }
        var limit = 20
        if let l = try params.single("limit") {
            guard let n = Int(l), (1...1000).contains(n) else {
                throw ServiceError.badRequest("limit must be a whole number from 1 to 1000, not '\(l)'")
            }
            limit = n
        }
        let lang = try params.single("lang").flatMap { $0.isEmpty ? nil : $0 }
        let snapshot = store.snapshot
        let memo = searchIndex
        let body: Data = try await blocking { [store, kind, limit] in
            let index = memo.value(for: snapshot) { NameIndex(store: store, snapshot: snapshot) }
            let hits = index.search(q, type: kind, language: lang, limit: limit)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(SearchResponse(query: q, type: kind, lang: lang, limit: limit, count: hits.count, hits: hits))
        }
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

struct SearchResponse: Encodable {
    let query: String
    let type: Kind?
    let lang: String?
    let limit: Int
    let count: Int
    let hits: [SearchHit]
}
