import HTTPTypes
import Hummingbird
import HummingbirdAuth

/// Reads `Authorization: Bearer TOKEN` and sets the context's principal.
///
/// A token that matches no entry is refused at once (401), whatever the
/// route; with `protectReads` a request without a token is refused too.
/// Whether a principal may *write* is checked by the writing routes
/// (``MnemoService/requireWriter(_:)``). The token itself is never logged
/// or kept: only the entry's label travels on.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = MnemoContext
    let tokens: TokenStore
    let protectReads: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let bearer = request.headers.bearer {
            guard let entry = tokens.verify(bearer.token) else {
                throw ServiceError(.unauthorized, "the bearer token is not valid here",
                                   headers: [.wwwAuthenticate: #"Bearer realm="mnemo", error="invalid_token""#])
            }
            context.principal = entry
        } else if request.headers[.authorization] != nil {
            throw ServiceError(.unauthorized, "only 'Authorization: Bearer TOKEN' is accepted",
                               headers: [.wwwAuthenticate: #"Bearer realm="mnemo""#])
        } else if protectReads, request.method != .options, !Self.isOpenPath(request.uri.path) {
            throw ServiceError(.unauthorized, "this service needs a bearer token for every request",
                               headers: [.wwwAuthenticate: #"Bearer realm="mnemo""#])
        }
        return try await next(request, context)
    }

    /// Health and metrics stay reachable for monitoring.
    static func isOpenPath(_ path: String) -> Bool { path == "/health" || path == "/metrics" }
}

extension MnemoService {
    /// Throws 403 on a read-only service, 401 without a token and 403 for a read-only token.
    func requireWriter(_ context: MnemoContext) throws {
        if configuration.readOnly {
            throw ServiceError(.forbidden, "this service is read-only (--read-only): no writes are accepted")
        }
        guard let who = context.principal else {
            throw ServiceError(.unauthorized, "writing needs 'Authorization: Bearer TOKEN' with a write token",
                               headers: [.wwwAuthenticate: #"Bearer realm="mnemo""#])
        }
        guard who.role == .write else {
            throw ServiceError(.forbidden, "the token '\(who.label)' may read but not write")
        }
    }
}
