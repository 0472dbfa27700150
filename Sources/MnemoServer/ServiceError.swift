import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An error answered as plain text with its status: the message says what
/// was wrong and where (a query's `line:column`, a body's syntax error), so
/// a person at a SPARQL client can act on it.
public struct ServiceError: Error, HTTPResponseError, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var message: String
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var h = headers
        h[.contentType] = "text/plain; charset=utf-8"
        let text = message.hasSuffix("\n") ? message : message + "\n"
        return Response(status: status, headers: h, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func badRequest(_ m: String) -> ServiceError { ServiceError(.badRequest, m) }
    static func notAcceptable(_ offered: [WireFormat]) -> ServiceError {
        ServiceError(.notAcceptable, "none of the Accept header's media types can be produced here; available: "
                     + offered.map { $0.acceptedTypes[0] }.joined(separator: ", "))
    }
    static func unsupportedMediaType(_ got: String?, expected: [String]) -> ServiceError {
        ServiceError(.unsupportedMediaType, "Content-Type \(got.map { "'\($0)'" } ?? "missing"); expected one of "
                     + expected.joined(separator: ", "))
    }
}
