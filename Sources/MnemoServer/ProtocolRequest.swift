import Foundation
import Hummingbird
import NIOCore
import NIOHTTP1

/// A SPARQL 1.1 Protocol request, read from the URL and body as §2.1 (query)
/// and §2.2 (update) define: GET with `query=`, POST of a form with `query=`
/// or `update=`, POST of `application/sparql-query` or
/// `application/sparql-update` with the graphs in the URL.
struct ProtocolRequest {
    enum Operation {
        case query(String)
        case update(String)
        /// GET without a query: the service description.
        case describeService
    }

    var operation: Operation
    /// All parameters, from the URL and a form body.
    var parameters: FormParameters

    var defaultGraphs: [String] { parameters.all("default-graph-uri") }
    var namedGraphs: [String] { parameters.all("named-graph-uri") }
    var usingGraphs: [String] { parameters.all("using-graph-uri") }
    var usingNamedGraphs: [String] { parameters.all("using-named-graph-uri") }

    static let formType = "application/x-www-form-urlencoded"
    static let queryType = "application/sparql-query"
    static let updateType = "application/sparql-update"

    /// Reads the request; bodies over `maxBody` bytes are refused with 413.
    static func read(_ request: inout Request, maxBody: Int) async throws -> ProtocolRequest {
        var params = try FormParameters(request.uri.query ?? "")
        switch request.method {
        case .get, .head:
            if params.has("update") {
                throw ServiceError(.badRequest, "an update must be sent with POST, not GET")
            }
            guard let q = try params.single("query") else { return ProtocolRequest(operation: .describeService, parameters: params) }
            return ProtocolRequest(operation: .query(q), parameters: params)
        case .post:
            let type = mediaType(request.headers[.contentType])
            let body = try await bodyText(&request, maxBody: maxBody)
            switch type {
            case formType:
                params.append(try FormParameters(body))
                let q = try params.single("query"), u = try params.single("update")
                switch (q, u) {
                case (let q?, nil): return ProtocolRequest(operation: .query(q), parameters: params)
                case (nil, let u?): return ProtocolRequest(operation: .update(u), parameters: params)
                case (nil, nil): throw ServiceError.badRequest("the form has neither a 'query' nor an 'update' parameter")
                default: throw ServiceError.badRequest("give 'query' or 'update', not both")
                }
            case queryType:
                if params.has("query") { throw ServiceError.badRequest("the query is in the body; do not also give 'query' in the URL") }
                return ProtocolRequest(operation: .query(body), parameters: params)
            case updateType:
                return ProtocolRequest(operation: .update(body), parameters: params)
            default:
                throw ServiceError.unsupportedMediaType(request.headers[.contentType], expected: [formType, queryType, updateType])
            }
        default:
            throw ServiceError(.methodNotAllowed, "use GET or POST", headers: [.allow: "GET, POST, HEAD, OPTIONS"])
        }
    }

    /// The media type of a `Content-Type` value, lower-cased, without parameters.
    static func mediaType(_ header: String?) -> String? {
        header.map { $0.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? "" }
    }

    /// The body as UTF-8 text (413 past `maxBody`, 400 when not UTF-8).
    static func bodyText(_ request: inout Request, maxBody: Int) async throws -> String {
        let buffer = try await bodyBytes(&request, maxBody: maxBody)
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw ServiceError.badRequest("the request body is not valid UTF-8")
        }
        return text
    }

    /// The body's bytes (413 past `maxBody`).
    static func bodyBytes(_ request: inout Request, maxBody: Int) async throws -> ByteBuffer {
        do {
            return try await request.collectBody(upTo: maxBody)
        } catch is NIOTooManyBytesError {
            throw ServiceError(.contentTooLarge, "the request body is larger than the \(maxBody)-byte limit")
        } catch let e as HTTPParserError {
            // Broken framing inside the body (a bad chunk size, fewer bytes than Content-Length
            // before the end of the stream, an unknown Transfer-Encoding): nothing is evaluated.
            throw ServiceError.badRequest("the request body is not valid HTTP/1.1 framing (\(e)); nothing was done")
        }
    }
}
