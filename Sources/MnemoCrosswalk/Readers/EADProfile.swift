import Foundation

/// The declarative part of reading EAD 2002 finding aids.
///
/// Loaded from JSON (the built-in one is `Profiles/ead.json`):
///
/// ```json
/// {
///   "defaults": { "kind": "archivalUnit", "edmType": "TEXT",
///                 "roles": { "creator": { "label": "creator", "uri": "http://id.loc.gov/vocabulary/relators/cre" } } },
///   "dateEvent": "creation",
///   "originationRole": "creator"
/// }
/// ```
public struct EADProfile: Codable, Sendable, Equatable {
    /// Settings shared by all formats: kind, edm:type, rights, and the role table
    /// for `origination` names (`@role`, else `origination/@label`, else ``originationRole``).
    public var defaults: ProfileDefaults
    /// The kind of the event that `unitdate` dates and `origination` names take part in.
    public var dateEvent: EventKind
    /// The role of an `origination` name that has no `role` and whose `origination` has no `label`.
    public var originationRole: String

    public init(defaults: ProfileDefaults = ProfileDefaults(edmType: .text, kind: .archivalUnit),
                dateEvent: EventKind = .creation, originationRole: String = "creator") {
        self.defaults = defaults
        self.dateEvent = dateEvent
        self.originationRole = originationRole
    }

    /// Reads a profile from a JSON file; missing keys take the defaults of ``init(defaults:dateEvent:originationRole:)``.
    public static func load(from url: URL) throws -> EADProfile {
        try ReaderProfileLoader.load(EADProfile.self, from: url)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(defaults: try c.decodeIfPresent(ProfileDefaults.self, forKey: .defaults)
                    ?? ProfileDefaults(edmType: .text, kind: .archivalUnit),
                  dateEvent: try c.decodeIfPresent(EventKind.self, forKey: .dateEvent) ?? .creation,
                  originationRole: try c.decodeIfPresent(String.self, forKey: .originationRole) ?? "creator")
    }
}
