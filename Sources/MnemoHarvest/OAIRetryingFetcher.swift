import Foundation

/// Fetches one URL through the transport, retrying what is worth retrying:
/// 503 (after the server's `Retry-After`, capped by `maxBackoff`), 500, 502,
/// 504 and network errors (after an exponential back-off, capped), up to
/// `maxRetries` retries. Any other non-2xx status fails at once.
struct OAIRetryingFetcher: Sendable {
    var transport: any OAITransport
    var sleeper: any OAISleeper
    var maxRetries: Int
    var initialBackoff: Duration
    var maxBackoff: Duration
    var headers: [String: String]

    /// The body of a successful response.
    func fetch(_ url: URL) async throws -> Data {
        var retries = 0
        while true {
            try Task.checkCancellation()
            var lastStatus: Int?
            var lastError: String?
            var delay = backoff(retries)
            do {
                let response = try await transport.get(url, headers: headers)
                switch response.status {
                case 200..<300:
                    return response.body
                case 503:
                    lastStatus = 503
                    if let retryAfter = header("Retry-After", in: response.headers).flatMap({ OAIRetryAfter.delay($0) }) {
                        delay = min(retryAfter, maxBackoff)
                    }
                case 500, 502, 504:
                    lastStatus = response.status
                default:
                    throw OAIError.httpStatus(url: url, status: response.status, bodySnippet: Self.snippet(response.body))
                }
            } catch let error as OAIError {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                lastError = Self.describe(error)
            }
            guard retries < maxRetries else {
                throw OAIError.retriesExhausted(url: url, attempts: retries + 1, lastStatus: lastStatus, lastError: lastError)
            }
            retries += 1
            try await sleeper.sleep(for: delay)
        }
    }

    /// `initialBackoff × 2^retries`, capped by `maxBackoff`.
    func backoff(_ retries: Int) -> Duration {
        let factor = Double(1 << min(retries, 30))
        let seconds = min(initialBackoff.timeInterval * factor, maxBackoff.timeInterval)
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    private func header(_ name: String, in headers: [String: String]) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// A network failure in a few words: the system's message and URLError code.
    static func describe(_ error: Error) -> String {
        guard let urlError = error as? URLError else { return String(describing: error) }
        let text = (urlError as NSError).userInfo[NSLocalizedDescriptionKey] as? String
        let name: String
        switch urlError.code {
        case .timedOut: name = "timed out"
        case .cannotConnectToHost: name = "cannot connect to host"
        case .cannotFindHost: name = "cannot find host"
        case .networkConnectionLost: name = "connection lost"
        case .notConnectedToInternet: name = "not connected to the network"
        case .badServerResponse: name = "bad server response"
        case .secureConnectionFailed: name = "TLS connection failed"
        default: name = "network error"
        }
        return "\(text.map { "\($0), " } ?? "")\(name) (URLError \(urlError.code.rawValue))"
    }

    /// The start of a body, whitespace collapsed, for error messages.
    static func snippet(_ body: Data, limit: Int = 200) -> String {
        let text = String(decoding: body.prefix(limit * 4), as: UTF8.self)
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.count > limit ? String(collapsed.prefix(limit)) + "…" : collapsed
    }
}
