import Foundation

/// The eight error codes of OAI-PMH 2.0 (section 3.6).
public enum OAIErrorCode: String, Sendable, CaseIterable {
    case badArgument
    case badResumptionToken
    case badVerb
    case cannotDisseminateFormat
    case idDoesNotExist
    case noRecordsMatch
    case noMetadataFormats
    case noSetHierarchy

    /// What the code means, in the protocol's terms.
    public var meaning: String {
        switch self {
        case .badArgument: "the request has an illegal, missing or repeated argument"
        case .badResumptionToken: "the resumptionToken is invalid or has expired"
        case .badVerb: "the verb is illegal, missing or repeated"
        case .cannotDisseminateFormat: "the metadata format is not supported by the item or the repository"
        case .idDoesNotExist: "the identifier is unknown or illegal in this repository"
        case .noRecordsMatch: "no records match the from/until/set/metadataPrefix arguments"
        case .noMetadataFormats: "no metadata formats are available for the item"
        case .noSetHierarchy: "the repository does not support sets"
        }
    }
}

/// Why a harvest failed.
public enum OAIError: Error, Sendable, CustomStringConvertible {
    /// The repository answered with an OAI-PMH `<error code="…">`.
    case protocolError(code: OAIErrorCode, message: String)
    /// An HTTP status that is neither success nor retryable.
    case httpStatus(url: URL, status: Int, bodySnippet: String)
    /// Retryable failures (503, 500, 502, 504, network errors) went on past `maxRetries`.
    case retriesExhausted(url: URL, attempts: Int, lastStatus: Int?, lastError: String?)
    /// The response is not well-formed XML.
    case malformedXML(url: URL, line: Int, column: Int, message: String)
    /// Well-formed XML that is not a usable OAI-PMH response.
    case invalidResponse(url: URL, reason: String)
    /// The repository handed out a resumptionToken it had already given (a server bug).
    case repeatedResumptionToken(url: URL, token: String)
    /// An argument the client was given cannot be sent (e.g. a malformed `from`).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .protocolError(let code, let message):
            let detail = message.isEmpty ? "" : ": \(message)"
            return "OAI-PMH error \(code.rawValue) (\(code.meaning))\(detail)"
        case .httpStatus(let url, let status, let snippet):
            return "HTTP \(status) from \(url.absoluteString)" + (snippet.isEmpty ? "" : ": \(snippet)")
        case .retriesExhausted(let url, let attempts, let status, let error):
            let last = status.map { "HTTP \($0)" } ?? error ?? "unknown failure"
            return "gave up on \(url.absoluteString) after \(attempts) attempts; last failure: \(last)"
        case .malformedXML(let url, let line, let column, let message):
            return "\(url.absoluteString):\(line):\(column): malformed XML: \(message)"
        case .invalidResponse(let url, let reason):
            return "not an OAI-PMH response from \(url.absoluteString): \(reason)"
        case .repeatedResumptionToken(let url, let token):
            return "the repository repeated the resumptionToken \"\(token)\" (at \(url.absoluteString)); stopping instead of looping"
        case .invalidArgument(let message):
            return message
        }
    }
}
