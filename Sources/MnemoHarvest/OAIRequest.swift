import Foundation

/// One OAI-PMH request: a verb and its arguments, in the order they are sent.
///
/// Values are percent-encoded byte by byte from UTF-8, leaving only the URI
/// "unreserved" characters (`A–Z a–z 0–9 - . _ ~`) as they are, so the
/// characters the protocol reserves (`/ ? # = & : ; + %` and space) always
/// reach the repository intact.
struct OAIRequest: Sendable, Equatable {
    var verb: String
    var arguments: [Argument]

    struct Argument: Sendable, Equatable {
        var name: String
        var value: String
    }

    init(verb: String, _ arguments: [(String, String?)] = []) {
        self.verb = verb
        self.arguments = arguments.compactMap { name, value in value.map { Argument(name: name, value: $0) } }
    }

    /// A continuation request: the verb and the resumptionToken, nothing else
    /// (the token is an exclusive argument).
    static func resume(verb: String, token: String) -> OAIRequest {
        OAIRequest(verb: verb, [("resumptionToken", token)])
    }

    /// The encoded query string, `verb=…&name=value…`.
    var query: String {
        ([Argument(name: "verb", value: verb)] + arguments)
            .map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }
            .joined(separator: "&")
    }

    /// The request URL: the base URL with the query appended (after `&` when the
    /// base URL already carries a query of its own).
    func url(baseURL: URL) throws -> URL {
        var base = baseURL.absoluteString
        if let hash = base.firstIndex(of: "#") { base = String(base[..<hash]) }
        let separator: String
        if base.hasSuffix("?") || base.hasSuffix("&") {
            separator = ""
        } else {
            separator = base.contains("?") ? "&" : "?"
        }
        guard let url = URL(string: base + separator + query) else {
            throw OAIError.invalidArgument("cannot form a request URL from the base URL \(baseURL.absoluteString)")
        }
        return url
    }

    /// Percent-encodes everything but the unreserved characters.
    static func encode(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
