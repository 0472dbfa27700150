import Foundation

/// The declarative part of reading LIDO 1.0 and 1.1: which event types,
/// roles, object types and resource representations mean what.
///
/// Loaded from JSON (the built-in one is `Profiles/lido.json`):
///
/// ```json
/// {
///   "defaults": { "kind": "physicalObject", "edmType": "IMAGE",
///                 "roles": { "calligrapher": { "label": "calligrapher", "uri": "…/cll" } } },
///   "eventTypes": { "http://terminology.lido-schema.org/lido00007": "production", "production": "production" },
///   "edmTypes": { "manuscript": "TEXT" },
///   "resourceRepresentationTypes": { "image_thumb": "preview", "image_master": "shownBy" },
///   "defaultResourceLink": "shownBy",
///   "workIDType": "inventory number",
///   "techniqueTypes": ["technique"]
/// }
/// ```
///
/// Table keys are matched case-insensitively against a term in any language
/// or a concept URI (`conceptID`, `skos:Concept/@rdf:about`).
public struct LIDOProfile: Codable, Sendable, Equatable {
    /// Settings shared by all formats: kind, edm:type, rights, roles.
    public var defaults: ProfileDefaults
    /// Event kinds by event type term or concept URI.
    public var eventTypes: [String: EventKind]
    /// edm:type by object/work type or classification term or URI, used when
    /// the record has no `classification` of type `europeana:type`.
    public var edmTypes: [String: EDMType]
    /// Link kinds by `resourceRepresentation/@type` (a term such as `image_thumb` or a LIDO Terminology URI).
    public var resourceRepresentationTypes: [String: RecordLink.Kind]
    /// The link kind of a representation whose type is missing or not in the table.
    public var defaultResourceLink: RecordLink.Kind
    /// The identifier type given to `repositorySet/workID` without a `type` attribute.
    public var workIDType: String
    /// `termMaterialsTech/@type` values naming a technique rather than a material.
    public var techniqueTypes: [String]

    public init(defaults: ProfileDefaults = ProfileDefaults(edmType: .image, kind: .physicalObject),
                eventTypes: [String: EventKind] = [:], edmTypes: [String: EDMType] = [:],
                resourceRepresentationTypes: [String: RecordLink.Kind] = [:],
                defaultResourceLink: RecordLink.Kind = .shownBy, workIDType: String = "inventory number",
                techniqueTypes: [String] = ["technique"]) {
        self.defaults = defaults
        self.eventTypes = LIDOProfile.normalised(eventTypes)
        self.edmTypes = LIDOProfile.normalised(edmTypes)
        self.resourceRepresentationTypes = LIDOProfile.normalised(resourceRepresentationTypes)
        self.defaultResourceLink = defaultResourceLink
        self.workIDType = workIDType
        self.techniqueTypes = techniqueTypes.map(ProfileDefaults.roleKey)
    }

    /// Reads a profile from a JSON file; missing keys take the defaults of ``init(defaults:eventTypes:edmTypes:resourceRepresentationTypes:defaultResourceLink:workIDType:techniqueTypes:)``.
    public static func load(from url: URL) throws -> LIDOProfile {
        try ReaderProfileLoader.load(LIDOProfile.self, from: url)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            defaults: try c.decodeIfPresent(ProfileDefaults.self, forKey: .defaults)
                ?? ProfileDefaults(edmType: .image, kind: .physicalObject),
            eventTypes: try c.decodeIfPresent([String: EventKind].self, forKey: .eventTypes) ?? [:],
            edmTypes: try c.decodeIfPresent([String: EDMType].self, forKey: .edmTypes) ?? [:],
            resourceRepresentationTypes: try c.decodeIfPresent([String: RecordLink.Kind].self,
                                                               forKey: .resourceRepresentationTypes) ?? [:],
            defaultResourceLink: try c.decodeIfPresent(RecordLink.Kind.self, forKey: .defaultResourceLink) ?? .shownBy,
            workIDType: try c.decodeIfPresent(String.self, forKey: .workIDType) ?? "inventory number",
            techniqueTypes: try c.decodeIfPresent([String].self, forKey: .techniqueTypes) ?? ["technique"])
    }

    /// The event kind for the first of `keys` (terms or URIs) the table knows.
    public func eventKind(for keys: [String]) -> EventKind? {
        keys.lazy.compactMap { self.eventTypes[ProfileDefaults.roleKey($0)] }.first
    }

    /// The edm:type for the first of `keys` the table knows.
    public func edmType(for keys: [String]) -> EDMType? {
        keys.lazy.compactMap { self.edmTypes[ProfileDefaults.roleKey($0)] }.first
    }

    /// The link kind of a representation type, or nil when the table does not know it.
    public func linkKind(forRepresentationType type: String) -> RecordLink.Kind? {
        resourceRepresentationTypes[ProfileDefaults.roleKey(type)]
    }

    static func normalised<V>(_ table: [String: V]) -> [String: V] {
        Dictionary(table.map { (ProfileDefaults.roleKey($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}
