import Foundation

/// The declarative part of reading simple (`oai_dc`) and qualified Dublin Core.
///
/// Loaded from JSON (the built-in one is `Profiles/dublin-core.json`):
///
/// ```json
/// {
///   "defaults": { "kind": "document", "edmType": "TEXT",
///                 "roles": { "creator": { "label": "creator", "uri": "…/relators/cre", "event": "creation" } } },
///   "recordElements": ["dc", "qualifieddc"],
///   "creatorRole": "creator", "contributorRole": "contributor", "publisherRole": "publisher",
///   "types": { "text": { "edmType": "TEXT", "kind": "document" },
///              "physical object": { "edmType": "IMAGE", "kind": "physicalObject" } }
/// }
/// ```
public struct DublinCoreProfile: Codable, Sendable, Equatable {
    /// Settings shared by all formats: kind, edm:type, rights, roles.
    public var defaults: ProfileDefaults
    /// Local names of the record elements (`dc`, `qualifieddc`; add `record` for
    /// files whose qualified DC records are `record` elements outside OAI-PMH).
    public var recordElements: [String]
    /// The event that `dc:creator` and `dc:contributor` take part in.
    public var creatorEvent: EventKind
    /// The event a plain `dc:date` dates (`creation` or `publication`) when that
    /// event has no `dcterms:created`/`dcterms:issued` of its own. When unset,
    /// a record with a publisher dates its publication, any other its creation.
    public var dateEvent: EventKind?
    /// Role keys (looked up in `defaults.roles`) for creators, contributors and publishers.
    public var creatorRole: String
    public var contributorRole: String
    public var publisherRole: String
    /// edm:type and kind by `dc:type` value (lower-cased term or DCMI Type URI).
    public var types: [String: DublinCoreTypeEntry]

    public init(defaults: ProfileDefaults = ProfileDefaults(edmType: .text, kind: .document),
                recordElements: [String] = ["dc", "qualifieddc"], creatorEvent: EventKind = .creation,
                dateEvent: EventKind? = nil, creatorRole: String = "creator",
                contributorRole: String = "contributor", publisherRole: String = "publisher",
                types: [String: DublinCoreTypeEntry] = [:]) {
        self.defaults = defaults
        self.recordElements = recordElements
        self.creatorEvent = creatorEvent
        self.dateEvent = dateEvent
        self.creatorRole = creatorRole
        self.contributorRole = contributorRole
        self.publisherRole = publisherRole
        self.types = LIDOProfile.normalised(types)
    }

    /// Reads a profile from a JSON file; missing keys take the defaults of the memberwise initializer.
    public static func load(from url: URL) throws -> DublinCoreProfile {
        try ReaderProfileLoader.load(DublinCoreProfile.self, from: url)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            defaults: try c.decodeIfPresent(ProfileDefaults.self, forKey: .defaults) ?? ProfileDefaults(edmType: .text, kind: .document),
            recordElements: try c.decodeIfPresent([String].self, forKey: .recordElements) ?? ["dc", "qualifieddc"],
            creatorEvent: try c.decodeIfPresent(EventKind.self, forKey: .creatorEvent) ?? .creation,
            dateEvent: try c.decodeIfPresent(EventKind.self, forKey: .dateEvent),
            creatorRole: try c.decodeIfPresent(String.self, forKey: .creatorRole) ?? "creator",
            contributorRole: try c.decodeIfPresent(String.self, forKey: .contributorRole) ?? "contributor",
            publisherRole: try c.decodeIfPresent(String.self, forKey: .publisherRole) ?? "publisher",
            types: try c.decodeIfPresent([String: DublinCoreTypeEntry].self, forKey: .types) ?? [:])
    }

    /// The entry for the first of `values` the type table knows.
    public func typeEntry(for values: [String]) -> DublinCoreTypeEntry? {
        values.lazy.compactMap { self.types[ProfileDefaults.roleKey($0)] }.first
    }
}

/// What a `dc:type` value says about the record: its edm:type and kind.
public struct DublinCoreTypeEntry: Codable, Sendable, Equatable {
    public var edmType: EDMType?
    public var kind: ObjectKind?

    public init(edmType: EDMType? = nil, kind: ObjectKind? = nil) {
        self.edmType = edmType
        self.kind = kind
    }
}
