import Foundation

/// An identifier in a known authority file: scheme and the identifier proper.
public struct AuthorityIdentifier: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The authority, e.g. `viaf`, `gnd`, `isni`, `lc`, `ulan`, `wikidata`, `geonames`, `tgn`.
    public let scheme: String
    /// The identifier in the scheme's canonical form (ISNI without spaces, LC lower case...).
    public let value: String

    public init(scheme: String, value: String) {
        self.scheme = scheme
        self.value = value
    }

    public var description: String { "\(scheme):\(value)" }

    public static func < (a: Self, b: Self) -> Bool { (a.scheme, a.value) < (b.scheme, b.value) }

    /// The identifier an authority IRI names, nil for IRIs of no known authority.
    /// VIAF `viaf.org/viaf/123`, GND `d-nb.info/gnd/118540238`, ISNI `isni.org/isni/0000…`,
    /// LC `id.loc.gov/authorities/names/n79021164`, ULAN / TGN `vocab.getty.edu/ulan|tgn/500…`,
    /// Wikidata `wikidata.org/entity|wiki/Q42`, GeoNames `sws.geonames.org/1526384`.
    public static func parse(iri: String) -> AuthorityIdentifier? {
        guard let comps = URLComponents(string: iri), let host = comps.host?.lowercased() else { return nil }
        var parts = comps.path.split(separator: "/").map(String.init)
        if let last = parts.last, last.hasSuffix(".html") || last.hasSuffix(".rdf") || last.hasSuffix(".json") {
            parts[parts.count - 1] = String(last[..<last.lastIndex(of: ".")!])
        }
        if parts.last == "about.rdf" || parts.last == "" { parts.removeLast() }
        func after(_ key: String) -> String? {
            guard let i = parts.firstIndex(of: key), i + 1 < parts.count else { return nil }
            return parts[i + 1]
        }
        let h = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        switch h {
        case "viaf.org":
            if let v = after("viaf"), v.allSatisfy(\.isNumber) { return .init(scheme: "viaf", value: v) }
        case "d-nb.info":
            if let v = after("gnd"), !v.isEmpty { return .init(scheme: "gnd", value: v.uppercased()) }
        case "isni.org":
            if let v = after("isni") { return isni(v) }
        case "id.loc.gov":
            if let v = parts.last, parts.contains("authorities") { return .init(scheme: "lc", value: v.lowercased()) }
        case "vocab.getty.edu":
            if let v = after("ulan"), v.allSatisfy(\.isNumber) { return .init(scheme: "ulan", value: v) }
            if let v = after("tgn"), v.allSatisfy(\.isNumber) { return .init(scheme: "tgn", value: v) }
        case "wikidata.org":
            if let v = parts.last, v.first == "Q", v.dropFirst().allSatisfy(\.isNumber), v.count > 1 {
                return .init(scheme: "wikidata", value: v)
            }
        case "sws.geonames.org", "geonames.org":
            if let v = parts.first, v.allSatisfy(\.isNumber) { return .init(scheme: "geonames", value: v) }
        default: break
        }
        return nil
    }

    /// An identifier written as a literal: an authority IRI, `(DE-588)118540238`,
    /// `VIAF 123`, `viaf:123`, `ISNI 0000 0001 2103 2683`, `Q42`.
    public static func parse(literal raw: String) -> AuthorityIdentifier? {
        let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.hasPrefix("http://") || s.hasPrefix("https://") { return parse(iri: s) }
        if s.hasPrefix("(DE-588)") { let v = s.dropFirst(8).trimmingCharacters(in: .whitespaces); return v.isEmpty ? nil : .init(scheme: "gnd", value: v.uppercased()) }
        if s.first == "Q", s.count > 1, s.dropFirst().allSatisfy(\.isNumber) { return .init(scheme: "wikidata", value: s) }
        let lower = s.lowercased()
        for (prefix, scheme) in [("viaf", "viaf"), ("gnd", "gnd"), ("isni", "isni"), ("ulan", "ulan"), ("tgn", "tgn"),
                                 ("geonames", "geonames"), ("lccn", "lc"), ("wikidata", "wikidata")] {
            guard lower.hasPrefix(prefix) else { continue }
            let rest = s.dropFirst(prefix.count).drop { $0 == ":" || $0 == " " || $0 == "-" }
            guard !rest.isEmpty else { return nil }
            let v = String(rest)
            switch scheme {
            case "isni": return isni(v)
            case "viaf", "ulan", "tgn", "geonames": return v.allSatisfy(\.isNumber) ? .init(scheme: scheme, value: v) : nil
            case "gnd": return .init(scheme: scheme, value: v.uppercased())
            case "wikidata": return v.first == "Q" ? .init(scheme: scheme, value: v) : nil
            default: return .init(scheme: scheme, value: v.lowercased().replacingOccurrences(of: " ", with: ""))
            }
        }
        return nil
    }

    static func isni(_ v: String) -> AuthorityIdentifier? {
        let digits = v.filter { $0.isNumber || $0 == "X" || $0 == "x" }.uppercased()
        return digits.count == 16 ? .init(scheme: "isni", value: digits) : nil
    }
}
