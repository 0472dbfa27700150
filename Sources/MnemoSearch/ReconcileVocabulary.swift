import Foundation

/// A type offered to reconciliation clients: the CIDOC-CRM class that
/// stands for one ``Kind``, identified by its full IRI.
public struct ReconcileType: Sendable, Hashable {
    public let kind: Kind
    /// The class IRI, e.g. `http://www.cidoc-crm.org/cidoc-crm/E21_Person`.
    public let id: String
    public let name: String
    public let description: String

    public static let crm = "http://www.cidoc-crm.org/cidoc-crm/"

    /// Every type on offer, in the order the manifest lists them.
    public static let all: [ReconcileType] = [
        ReconcileType(kind: .person, id: crm + "E21_Person", name: "Person", description: "A person (E21 Person)"),
        ReconcileType(kind: .group, id: crm + "E74_Group", name: "Group", description: "An institution, family or other group (E74 Group)"),
        ReconcileType(kind: .place, id: crm + "E53_Place", name: "Place", description: "A place (E53 Place)"),
        ReconcileType(kind: .event, id: crm + "E5_Event", name: "Event", description: "An event: birth, death, production, acquisition (E5 Event)"),
        ReconcileType(kind: .object, id: crm + "E22_Human-Made_Object", name: "Object",
                      description: "A museum object, book copy or archival file (E22 Human-Made Object)"),
        ReconcileType(kind: .concept, id: crm + "E55_Type", name: "Concept", description: "A type or concept of a vocabulary (E55 Type)"),
    ]

    /// The type for a kind.
    public static func of(_ kind: Kind) -> ReconcileType { all.first { $0.kind == kind }! }

    /// The type named by `s`: its IRI, `crm:E21_Person`, `E21_Person`, `person` or `Person`; nil when none is.
    public static func resolve(_ s: String) -> ReconcileType? {
        let t = s.trimmingCharacters(in: .whitespaces)
        let local = t.hasPrefix("crm:") ? String(t.dropFirst(4)) : t
        return all.first { $0.id == t || $0.id == crm + local || $0.kind.rawValue == t.lowercased() || $0.name == t }
    }
}

/// The authority files whose IRIs count as identifiers, by the start of their IRIs.
public enum AuthorityScheme: String, CaseIterable, Sendable {
    case viaf, gnd, isni, lc, ulan, tgn, aat, wikidata, geonames

    /// IRI prefixes without the scheme (`http://`, `https://`) or `www.`.
    var prefixes: [String] {
        switch self {
        case .viaf: ["viaf.org/viaf/"]
        case .gnd: ["d-nb.info/gnd/"]
        case .isni: ["isni.org/isni/"]
        case .lc: ["id.loc.gov/"]
        case .ulan: ["vocab.getty.edu/ulan/", "vocab.getty.edu/page/ulan/"]
        case .tgn: ["vocab.getty.edu/tgn/", "vocab.getty.edu/page/tgn/"]
        case .aat: ["vocab.getty.edu/aat/", "vocab.getty.edu/page/aat/"]
        case .wikidata: ["wikidata.org/entity/", "wikidata.org/wiki/"]
        case .geonames: ["sws.geonames.org/", "geonames.org/"]
        }
    }

    /// The scheme and local identifier of an authority IRI (`viaf`, `999000002`); nil for other IRIs.
    public static func parse(_ iri: String) -> (scheme: AuthorityScheme, local: String)? {
        var s = Substring(iri)
        for p in ["https://", "http://"] where s.hasPrefix(p) { s = s.dropFirst(p.count) }
        if s.hasPrefix("www.") { s = s.dropFirst(4) }
        for scheme in allCases {
            for p in scheme.prefixes where s.hasPrefix(p) {
                let rest = s.dropFirst(p.count)
                let parts = rest.split(whereSeparator: { $0 == "/" || $0 == "#" || $0 == "?" })
                guard var local = parts.last.map(String.init), !local.isEmpty else { return nil }
                if local.hasSuffix(".html") { local = String(local.dropLast(5)) }
                return (scheme, scheme == .wikidata ? local.uppercased() : local)
            }
        }
        return nil
    }

    /// The key an identifier is compared by: `viaf:999000002`.
    static func key(_ scheme: AuthorityScheme, _ local: String) -> String { scheme.rawValue + ":" + local }
}

/// A property clients may reconcile against and fetch in data extension.
public enum ReconcileProperty: String, CaseIterable, Sendable {
    case label, birthYear, deathYear, birthPlace, deathPlace, institution, identifier
    case viaf, gnd, isni, lc, ulan, tgn, wikidata, geonames

    public var id: String { rawValue }

    public var name: String {
        switch self {
        case .label: "Label"
        case .birthYear: "Birth year"
        case .deathYear: "Death year"
        case .birthPlace: "Birth place"
        case .deathPlace: "Death place"
        case .institution: "Institution"
        case .identifier: "Authority identifier"
        case .viaf: "VIAF ID"
        case .gnd: "GND ID"
        case .isni: "ISNI"
        case .lc: "Library of Congress ID"
        case .ulan: "Getty ULAN ID"
        case .tgn: "Getty TGN ID"
        case .wikidata: "Wikidata ID"
        case .geonames: "GeoNames ID"
        }
    }

    public var description: String {
        switch self {
        case .label: "A name or title (rdfs:label, skos:prefLabel, CRM appellations), in any script"
        case .birthYear: "The year of the E67 Birth that brought the person into life"
        case .deathYear: "The year of the E69 Death of the person"
        case .birthPlace: "Where the birth took place (P7), by name or IRI"
        case .deathPlace: "Where the death took place (P7), by name or IRI"
        case .institution: "The institution (named graph) that describes the entity"
        case .identifier: "Any authority IRI linked by owl:sameAs or skos:exactMatch"
        default: "The \(name) linked by owl:sameAs or skos:exactMatch, as an IRI or the bare identifier"
        }
    }

    /// The authority scheme of an identifier property.
    public var scheme: AuthorityScheme? { AuthorityScheme(rawValue: rawValue) }

    /// The kinds of entity it says something about.
    public var kinds: Set<Kind> {
        switch self {
        case .birthYear, .deathYear, .birthPlace, .deathPlace, .isni, .ulan: [.person]
        case .viaf, .gnd, .lc: [.person, .group, .place, .object, .concept]
        case .tgn, .geonames: [.place]
        case .label, .institution, .identifier, .wikidata: Set(Kind.allCases)
        }
    }

    /// The properties for a type (all of them for nil), in manifest order.
    public static func properties(for kind: Kind?) -> [ReconcileProperty] {
        guard let kind else { return allCases }
        return allCases.filter { $0.kinds.contains(kind) }
    }
}
