import Foundation

/// Turns an authority reference as records write it into the authority's URI.
///
/// Readers meet authority numbers in many shapes: EAD `authfilenumber` with a
/// `source` attribute, LIDO `actorID` with `lido:source`, MARC `$0` with the
/// source in parentheses (`(viaf)12345`, `(DE-588)118540238`,
/// `(DLC)n  79021164`). This one table turns them all into URIs:
///
/// | source | URI |
/// | --- | --- |
/// | `viaf` | `http://viaf.org/viaf/N` |
/// | `gnd`, `DE-588`, `dnb` | `https://d-nb.info/gnd/N` |
/// | `lcnaf`, `lc`, `DLC`, `naf` | `http://id.loc.gov/authorities/names/N` (`sh…` numbers: `…/subjects/`) |
/// | `lcsh` | `http://id.loc.gov/authorities/subjects/N` |
/// | `ulan`, `tgn`, `aat` | `http://vocab.getty.edu/ulan/N` (and `tgn/`, `aat/`) |
/// | `geonames` | `https://sws.geonames.org/N/` |
/// | `wikidata`, `wd` | `http://www.wikidata.org/entity/QN` |
/// | `isni` | `https://isni.org/isni/N`, spaces removed |
///
/// A value that is already an `http(s)` URI is kept as it is. Anything else,
/// such as an OCLC number `(OCoLC)…` or a local code, is not an authority
/// and gives nil.
public enum AuthorityURIs {
    /// The URI for `value` from the authority `source`, or nil when the
    /// source is unknown or the value is not an authority reference.
    ///
    /// A `(source)` prefix in `value` (MARC `$0`) takes precedence over `source`.
    /// `source` may also be the authority's own base URI (`http://vocab.getty.edu/ulan/`).
    public static func expand(source: String?, value: String) -> String? {
        var number = value.trimmed
        var source = source
        if number.hasPrefix("("), let close = number.firstIndex(of: ")") {
            source = String(number[number.index(after: number.startIndex)..<close])
            number = String(number[number.index(after: close)...]).trimmed
        }
        guard !number.isEmpty else { return nil }
        if isHTTPURI(number) { return number }
        guard let source, let authority = Authority(source) else { return nil }
        let compact = number.filter { !$0.isWhitespace }
        guard !compact.isEmpty else { return nil }
        switch authority {
        case .viaf: return "http://viaf.org/viaf/\(compact)"
        case .gnd: return "https://d-nb.info/gnd/\(compact)"
        case .lcNames:
            let folder = compact.lowercased().hasPrefix("sh") ? "subjects" : "names"
            return "http://id.loc.gov/authorities/\(folder)/\(compact)"
        case .lcSubjects: return "http://id.loc.gov/authorities/subjects/\(compact)"
        case .ulan: return "http://vocab.getty.edu/ulan/\(compact)"
        case .tgn: return "http://vocab.getty.edu/tgn/\(compact)"
        case .aat: return "http://vocab.getty.edu/aat/\(compact)"
        case .geonames: return "https://sws.geonames.org/\(compact)/"
        case .wikidata:
            let q = compact.uppercased().hasPrefix("Q") ? "Q" + compact.dropFirst() : "Q" + compact
            return "http://www.wikidata.org/entity/\(q)"
        case .isni: return "https://isni.org/isni/\(compact)"
        }
    }

    /// Whether `s` is an absolute `http` or `https` URI.
    public static func isHTTPURI(_ s: String) -> Bool {
        let head = s.utf8.prefix(8).map { $0 | 0x20 }
        guard head.starts(with: "http://".utf8) || head.starts(with: "https://".utf8) else { return false }
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            return !s.utf8.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
        }
        return !s.unicodeScalars.contains { $0.properties.isWhitespace }
    }

    private enum Authority {
        case viaf, gnd, lcNames, lcSubjects, ulan, tgn, aat, geonames, wikidata, isni

        init?(_ raw: String) {
            let s = raw.trimmed.lowercased()
            if let known = Authority.codes[s] { self = known; return }
            // A source given as the authority's base URI or domain.
            for (fragment, authority) in Authority.uriFragments where s.contains(fragment) {
                self = authority
                return
            }
            return nil
        }

        static let codes: [String: Authority] = [
            "viaf": .viaf,
            "gnd": .gnd, "de-588": .gnd, "dnb": .gnd, "pnd": .gnd,
            "lcnaf": .lcNames, "lc": .lcNames, "dlc": .lcNames, "naf": .lcNames, "lcnamf": .lcNames,
            "lcsh": .lcSubjects,
            "ulan": .ulan, "tgn": .tgn, "aat": .aat,
            "geonames": .geonames,
            "wikidata": .wikidata, "wd": .wikidata,
            "isni": .isni,
        ]

        static let uriFragments: [(String, Authority)] = [
            ("viaf.org", .viaf), ("d-nb.info", .gnd), ("id.loc.gov/authorities/subjects", .lcSubjects),
            ("id.loc.gov", .lcNames), ("getty.edu/ulan", .ulan), ("getty.edu/tgn", .tgn),
            ("getty.edu/aat", .aat), ("geonames.org", .geonames), ("wikidata.org", .wikidata),
            ("isni.org", .isni),
        ]
    }
}
