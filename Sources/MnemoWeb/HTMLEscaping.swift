/// Escaping for HTML5 text and attribute values.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'`: safe in text and in quoted attributes.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A BCP 47 tag as an HTML `lang` value (`kk-latn` → `kk-Latn`), or nil when it is not one.
    public static func languageTag(_ tag: String?) -> String? {
        guard let tag, !tag.isEmpty, tag.utf8.allSatisfy({ $0 == 0x2D || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
        else { return nil }
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        return parts.enumerated().map { i, p in
            if i == 0 { return p.lowercased() }
            if p.count == 4 { return p.prefix(1).uppercased() + p.dropFirst().lowercased() }  // script
            if p.count == 2 { return p.uppercased() }  // region
            return p.lowercased()
        }.joined(separator: "-")
    }
}

/// Maps IRIs to link targets: IRIs under the base become local paths (the
/// server dereferences `BASE + path`), all others link to themselves.
public struct IRILinker: Sendable {
    public let base: String

    public init(base: String) { self.base = base.hasSuffix("/") ? base : base + "/" }

    /// The local path of an IRI under the base (`/id/…`), or nil.
    public func localPath(_ iri: String) -> String? {
        guard iri.hasPrefix(base), iri.count > base.count else { return nil }
        return "/" + iri.dropFirst(base.count)
    }

    /// Where a link to `iri` points.
    public func href(_ iri: String) -> String { localPath(iri) ?? iri }

    /// A short form: `crm:E21_Person`, `skos:prefLabel`, a local path, or the IRI.
    public func short(_ iri: String) -> String {
        if let path = localPath(iri) { return path }
        for (prefix, ns) in Self.prefixes where iri.hasPrefix(ns) && iri.count > ns.count {
            return prefix + ":" + iri.dropFirst(ns.count)
        }
        return iri
    }

    /// Prefixes for display and for Turtle dumps.
    public static let prefixes: [(String, String)] = [
        ("rdf", WebVocabulary.rdf), ("rdfs", WebVocabulary.rdfs), ("xsd", WebVocabulary.xsd),
        ("owl", WebVocabulary.owl), ("skos", WebVocabulary.skos), ("crm", WebVocabulary.crm),
        ("edm", WebVocabulary.edm), ("ore", WebVocabulary.ore), ("dc", WebVocabulary.dc),
        ("dcterms", WebVocabulary.dcterms), ("foaf", WebVocabulary.foaf), ("void", WebVocabulary.void),
        ("dcat", WebVocabulary.dcat), ("wgs", "http://www.w3.org/2003/01/geo/wgs84_pos#"),
    ]
}
