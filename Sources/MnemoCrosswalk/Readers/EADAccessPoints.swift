import Foundation
import MnemoXML

/// EAD names and access points: `persname`, `corpname`, `famname`, `name`,
/// `geogname`, `subject`, `genreform`…, with `authfilenumber` and `source`/`rules`.
enum EADAccessPoints {
    /// The agent kind of an EAD name element.
    static func agentKind(_ elementName: String) -> AgentKind? {
        switch elementName {
        case "persname": return .person
        case "corpname": return .group
        case "famname": return .family
        case "name": return .unknown
        default: return nil
        }
    }

    /// The authority URI of an access point, from `authfilenumber` with `source` (or `rules`).
    static func authorityURIs(_ n: XMLElementNode) -> [String] {
        guard let number = n.trimmedAttribute("authfilenumber") else { return [] }
        let source = n.trimmedAttribute("source") ?? n.trimmedAttribute("rules")
        return AuthorityURIs.expand(source: source, value: number).map { [$0] } ?? []
    }

    /// The name as written and, when different, its `normal` form.
    static func names(_ n: XMLElementNode, lang: String?) -> [LangText] {
        var out: [LangText] = []
        if let t = n.trimmedText { out.append(LangText(t, language: lang)) }
        if let normal = n.trimmedAttribute("normal") { out.appendIfAbsent(LangText(normal, language: lang)) }
        return out
    }

    /// An agent from a name element; life dates written after the name
    /// (`Марджани, Шигабутдин, 1818-1889` or `… (1758 или 1763-1848)`) move to `lifeDates`.
    static func agent(_ n: XMLElementNode, lang: String?) -> AgentRef? {
        guard let kind = agentKind(n.name) else { return nil }
        var lifeDates: String?
        let names = self.names(n, lang: lang).map { text -> LangText in
            let (name, dates) = splitLifeDates(text.value)
            lifeDates = lifeDates ?? dates
            return LangText(name, language: text.language)
        }
        var unique: [LangText] = []
        unique.appendIfAbsent(contentsOf: names)
        guard !unique.isEmpty else { return nil }
        return AgentRef(names: unique, kind: kind, lifeDates: kind == .person ? lifeDates : nil,
                        authorityURIs: authorityURIs(n))
    }

    /// A place from `geogname`.
    static func place(_ n: XMLElementNode, lang: String?) -> PlaceRef? {
        let names = self.names(n, lang: lang)
        guard !names.isEmpty else { return nil }
        return PlaceRef(names: names, authorityURIs: authorityURIs(n))
    }

    /// A concept from `subject`, `genreform`, `occupation` or `function`.
    static func concept(_ n: XMLElementNode, lang: String?) -> Concept? {
        let names = self.names(n, lang: lang)
        guard !names.isEmpty else { return nil }
        return Concept(labels: names, authorityURIs: authorityURIs(n))
    }

    /// Splits trailing life dates off a personal name: the last comma-separated
    /// or parenthesised part when it has a digit and no word longer than four letters.
    static func splitLifeDates(_ s: String) -> (name: String, dates: String?) {
        var t = s.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix(")"), let open = t.lastIndex(of: "(") {
            let inner = String(t[t.index(after: open)..<t.index(before: t.endIndex)])
            if looksLikeDates(inner) {
                return (t[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " ,")), inner.trimmingCharacters(in: .whitespaces))
            }
        }
        if t.hasSuffix(".") { t.removeLast() }
        if let comma = t.lastIndex(of: ",") {
            let tail = t[t.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            if looksLikeDates(tail) {
                return (t[..<comma].trimmingCharacters(in: .whitespaces), tail)
            }
        }
        return (s, nil)
    }

    private static func looksLikeDates(_ s: String) -> Bool {
        guard s.contains(where: \.isNumber) else { return false }
        let words = s.split(whereSeparator: { !$0.isLetter })
        return words.allSatisfy { $0.count <= 4 }
    }
}
