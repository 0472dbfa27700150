import Foundation
import MnemoXML

/// The namespace of OAI-PMH 2.0 responses.
let oaiNamespace = "http://www.openarchives.org/OAI/2.0/"

/// One parsed OAI-PMH response: the envelope checked, errors turned into
/// ``OAIError/protocolError(code:message:)`` (except `noRecordsMatch`, which
/// lists may treat as an empty answer), and the verb's element ready to read.
struct OAIResponsePage {
    /// The `<responseDate>` value.
    var responseDate: String?
    /// The element named after the verb (`<ListRecords>`…); nil for `noRecordsMatch`.
    var content: XMLElementNode?
    /// True when the repository answered `noRecordsMatch`.
    var noRecordsMatch: Bool
    /// The flow-control token closing a list page, if any.
    var resumptionToken: OAIResumptionToken?

    /// Parses a response body received from `url` for a request with `verb`.
    init(data: Data, url: URL, verb: String, emptyListAllowed: Bool) throws {
        let root: XMLElementNode
        do {
            root = try XMLTree.parse(data: data, source: url.absoluteString)
        } catch let e as XMLReadError {
            throw OAIError.malformedXML(url: url, line: e.line, column: e.column, message: e.message)
        }
        guard root.name == "OAI-PMH", root.namespace == oaiNamespace else {
            let ns = root.namespace.map { " in namespace \($0)" } ?? " in no namespace"
            throw OAIError.invalidResponse(url: url, reason:
                "the root element is <\(root.name)>\(ns), not <OAI-PMH> in \(oaiNamespace)")
        }
        responseDate = root.first("responseDate")?.text
        let errors = root.children("error")
        if !errors.isEmpty {
            var decoded: [(OAIErrorCode, String)] = []
            for e in errors {
                let raw = e.attribute("code") ?? ""
                guard let code = OAIErrorCode(rawValue: raw) else {
                    throw OAIError.invalidResponse(url: url, reason: "unknown error code \"\(raw)\": \(e.text)")
                }
                decoded.append((code, e.text))
            }
            if let (code, message) = decoded.first(where: { $0.0 != .noRecordsMatch }) ?? decoded.first,
               !(code == .noRecordsMatch && emptyListAllowed) {
                let others = decoded.filter { $0.0 != code }.map { "\($0.0.rawValue): \($0.1)" }
                throw OAIError.protocolError(code: code, message: ([message] + others).joined(separator: "; "))
            }
            content = nil
            noRecordsMatch = true
            resumptionToken = nil
            return
        }
        guard let content = root.first(verb) else {
            throw OAIError.invalidResponse(url: url, reason: "no <\(verb)> element and no <error>")
        }
        self.content = content
        noRecordsMatch = false
        resumptionToken = content.first("resumptionToken").map(OAIResumptionToken.init)
    }
}

/// A `<resumptionToken>`: the value to send for the next page, and the
/// optional progress attributes. An empty value marks the last page.
struct OAIResumptionToken: Equatable {
    var value: String
    var completeListSize: Int?
    var cursor: Int?
    var expirationDate: String?

    init(_ element: XMLElementNode) {
        // The token is opaque: only the surrounding whitespace is dropped.
        value = element.rawText.trimmingCharacters(in: .whitespacesAndNewlines)
        completeListSize = element.attribute("completeListSize").flatMap { Int($0) }
        cursor = element.attribute("cursor").flatMap { Int($0) }
        expirationDate = element.attribute("expirationDate")
    }
}
