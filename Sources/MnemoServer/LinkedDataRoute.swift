import Foundation
import HTTPTypes
import Hummingbird
import MnemoRDF
import MnemoSPARQL
import MnemoSPARQLSyntax
import MnemoStore

/// Linked Data: an IRI Mnemo minted under the base URI dereferences at its
/// own path on this service (`BASE/id/person/x` at `/id/person/x`). The
/// answer is direct (200, `Vary: Accept`, no 303 hop): `text/html` gets
/// the resource's page, an RDF media type its concise bounded description.
/// An IRI the store does not mention answers 404.
extension MnemoService {
    func addLinkedDataRoutes(_ router: Router<MnemoContext>) {
        router.get("**") { request, _ in try await self.dereference(request) }
        router.head("**") { request, _ in try await self.dereference(request) }
    }

    /// The IRI a request path stands for, as stored: the path as sent, or percent-decoded.
    func resourceIRI(for path: String) -> String? {
        let base = configuration.baseURI.hasSuffix("/") ? configuration.baseURI : configuration.baseURI + "/"
        let relative = path.hasPrefix("/") ? String(path.dropFirst()) : path
        var candidates = [base + relative]
        if let decoded = relative.removingPercentEncoding, decoded != relative { candidates.append(base + decoded) }
        return candidates.first { store.dictionary.lookup(.iri($0)).map(isMentioned) ?? false }
    }

    private func isMentioned(_ id: TermID) -> Bool {
        let snap = store.snapshot
        return snap.estimateCount(QuadPattern(s: id)) > 0 || snap.estimateCount(QuadPattern(o: id)) > 0
            || snap.estimateCount(QuadPattern(g: id)) > 0
    }

    func dereference(_ request: Request) async throws -> Response {
        guard let iri = resourceIRI(for: request.uri.path) else {
            throw ServiceError(.notFound, "nothing is known here about \(request.uri.path)")
        }
        let quads: [Quad] = try await blocking { [engine] in
            guard case .graph(let q) = try engine.query("DESCRIBE <\(iri)>") else { return [] }
            return q
        }
        return try rdfResponse(quads, request, extraHeaders: [.contentLocation: request.uri.path])
    }
}
