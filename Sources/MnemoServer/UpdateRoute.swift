import Foundation
import Hummingbird
import MnemoSPARQL
import MnemoSPARQLSyntax
import NIOCore

extension MnemoService {
    /// Runs a SPARQL 1.1 Update request as one atomic change and answers
    /// 200 with a JSON summary; a syntax error or a failing operation
    /// answers 400 and changes nothing.
    func runUpdate(_ text: String, _ req: ProtocolRequest) async throws -> Response {
        if !req.usingGraphs.isEmpty || !req.usingNamedGraphs.isEmpty {
            throw ServiceError.badRequest("using-graph-uri and using-named-graph-uri are not supported; write USING in the update")
        }
        let options = UpdateOptions(loadDirectory: configuration.loadDirectory)
        let limits = try queryLimits(req)
        let base = configuration.baseURI
        let summary: UpdateSummary = try await blocking { [engine] in
            do {
                return try engine.update(text, baseIRI: base, options: options, limits: limits)
            } catch let e as SPARQLSyntaxError {
                throw ServiceError.badRequest("update syntax error at \(e.description)")
            } catch let e as UpdateError {
                throw ServiceError.badRequest(e.description)
            } catch {
                throw Self.serviceError(error)
            }
        }
        let body = "{\"operations\":\(summary.operations),\"inserted\":\(summary.inserted),\"deleted\":\(summary.deleted)}\n"
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
