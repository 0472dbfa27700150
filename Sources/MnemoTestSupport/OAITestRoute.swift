import Foundation

/// One request as the test server saw it.
public struct OAIReceivedRequest: Sendable, Equatable {
    /// The request target exactly as sent: path and raw (still encoded) query.
    public var target: String
    /// Header names lowercased.
    public var headers: [String: String]

    public var path: String { String(target.prefix { $0 != "?" }) }

    /// The raw query string, still percent-encoded.
    public var rawQuery: String {
        guard let q = target.firstIndex(of: "?") else { return "" }
        return String(target[target.index(after: q)...])
    }

    /// Query arguments decoded the way form-handling servers do (`+` is a space).
    public var arguments: [String: String] {
        var out: [String: String] = [:]
        for pair in rawQuery.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            out[decode(kv[0])] = kv.count > 1 ? decode(kv[1]) : ""
        }
        return out
    }
}

/// A request pattern and what to answer: `responses` are served in turn and the
/// last one repeats (so `[503, page]` fails once, then succeeds).
public struct OAITestRoute: Sendable {
    /// The decoded query arguments that must match exactly.
    public var arguments: [String: String]
    public var responses: [OAITestResponse]

    public init(_ arguments: [String: String], _ responses: OAITestResponse...) {
        self.arguments = arguments
        self.responses = responses
    }
}

/// One canned HTTP response: a status, extra headers, and a fixture file or literal body.
public struct OAITestResponse: Sendable {
    public enum Body: Sendable {
        case file(String), data(Data)
        /// No reply at all: the connection is closed after the request is read.
        case hangUp
    }
    public var status: Int
    public var headers: [String: String]
    public var body: Body

    /// A 200 response with a fixture file from the server's root.
    public static func file(_ name: String) -> OAITestResponse {
        OAITestResponse(status: 200, headers: [:], body: .file(name))
    }

    /// Closes the connection without answering (a network failure, seen from the client).
    public static let hangUp = OAITestResponse(status: 0, headers: [:], body: .hangUp)

    /// Any status with a literal plain-text body.
    public static func status(_ status: Int, headers: [String: String] = [:], body: String = "") -> OAITestResponse {
        var h = headers
        h["Content-Type"] = h["Content-Type"] ?? "text/plain; charset=utf-8"
        return OAITestResponse(status: status, headers: h, body: .data(Data(body.utf8)))
    }
}
