import Foundation
import MnemoXML

// Small helpers shared by the XML readers (LIDO, EAD, Dublin Core).

extension XMLElementNode {
    /// The element's own language: `xml:lang`, or any other `lang` attribute.
    var xmlLang: String? {
        (attribute("lang", namespace: ReaderText.xmlNamespace) ?? attribute("lang")).flatMap(ReaderText.nonEmpty)
    }

    /// The element's collapsed text, or nil when it is empty.
    var trimmedText: String? { ReaderText.nonEmpty(text) }

    /// A non-empty, trimmed attribute value.
    func trimmedAttribute(_ attributeName: String) -> String? {
        attribute(attributeName).flatMap(ReaderText.nonEmpty)
    }

    /// Elements reached by `path` (as ``all(_:)``), each with the language in
    /// scope there: the nearest `xml:lang` on the way down, else `inherited`.
    func elements(at path: String, lang inherited: String?) -> [(node: XMLElementNode, lang: String?)] {
        var current: [(node: XMLElementNode, lang: String?)] = [(self, xmlLang ?? inherited)]
        for step in path.split(separator: "/") {
            let s = String(step)
            current = current.flatMap { pair in
                pair.node.elements.filter { s == "*" || $0.name == s }.map { ($0, $0.xmlLang ?? pair.lang) }
            }
            if current.isEmpty { break }
        }
        return current
    }

    /// `file:line:column` of this element in `source`.
    func sourceLocation(in source: String) -> String { "\(source):\(line):\(column)" }
}

/// Text helpers for readers.
enum ReaderText {
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// `s` trimmed, or nil when nothing is left.
    static func nonEmpty(_ s: String) -> String? {
        let t = s.trimmed
        return t.isEmpty ? nil : t
    }

    /// Whether `s` has the shape of an ISO 8601 date as LIDO's index dates
    /// require: `[-]YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally with a time.
    static func isISODate(_ s: String) -> Bool {
        var rest = Substring(s)
        if rest.first == "-" { rest = rest.dropFirst() }
        let datePart = rest.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let fields = datePart[0].split(separator: "-", omittingEmptySubsequences: false)
        guard let year = fields.first, (1...4).contains(year.count), year.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        guard fields.count <= 3 else { return false }
        if fields.count >= 2 {
            guard fields[1].count == 2, let m = Int(fields[1]), (1...12).contains(m) else { return false }
        }
        if fields.count == 3 {
            guard fields[2].count == 2, let d = Int(fields[2]), (1...31).contains(d) else { return false }
        }
        if datePart.count == 2 {
            guard fields.count == 3, let time = datePart.last, !time.isEmpty,
                  time.allSatisfy({ ($0.isASCII && $0.isNumber) || ":.+-Z".contains($0) }) else { return false }
        }
        return true
    }
}

extension Array where Element: Equatable {
    /// Appends `element` unless an equal one is already there.
    mutating func appendIfAbsent(_ element: Element) {
        if !contains(element) { append(element) }
    }

    /// Appends each element of `elements` not already there.
    mutating func appendIfAbsent(contentsOf elements: [Element]) {
        for e in elements { appendIfAbsent(e) }
    }
}

extension ProfileDefaults {
    /// A ``Role`` for a role term as the record writes it: the profile's label
    /// and URI when the table knows the term or code, else the term as written.
    /// `known` tells whether the table knew it.
    func readerRole(terms: [String], codes: [String] = []) -> (role: Role, known: Bool)? {
        let uris = codes.filter(AuthorityURIs.isHTTPURI)
        let localCodes = codes.filter { !AuthorityURIs.isHTTPURI($0) }
        for key in codes + terms {
            if let entry = role(for: key) {
                return (Role(label: entry.label, code: localCodes.first, uri: entry.uri ?? uris.first), true)
            }
        }
        guard !terms.isEmpty || !codes.isEmpty else { return nil }
        return (Role(label: terms.first, code: localCodes.first, uri: uris.first), false)
    }
}

/// Loads a Codable profile from a JSON file.
enum ReaderProfileLoader {
    static func load<P: Decodable>(_ type: P.Type, from url: URL) throws -> P {
        try JSONDecoder().decode(P.self, from: Data(contentsOf: url))
    }
}
