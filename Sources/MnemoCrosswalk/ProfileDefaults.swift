import Foundation

/// Settings every mapping profile may carry, whatever its source format.
///
/// A profile is a JSON file. Built-in profiles live in this module's
/// `Profiles/` folder; an institution's variant is a file of its own passed
/// with `--profile`, which may name a built-in profile in `extends` and
/// override only what differs.
public struct ProfileDefaults: Codable, Sendable, Equatable {
    /// edm:rights when a record gives none (a rightsstatements.org or Creative Commons URI).
    public var rights: String?
    /// edm:type when a record gives none.
    public var edmType: EDMType?
    /// The CIDOC-CRM class family of the records.
    public var kind: ObjectKind?
    /// Language tag for titles and names when the record does not say.
    public var language: String?
    /// Roles by lower-cased code or label (`aut`, `070`, `author`, `гравёр`).
    public var roles: [String: RoleEntry]?

    public init(rights: String? = nil, edmType: EDMType? = nil, kind: ObjectKind? = nil,
                language: String? = nil, roles: [String: RoleEntry]? = nil) {
        self.rights = rights
        self.edmType = edmType
        self.kind = kind
        self.language = language
        self.roles = roles
    }

    /// Looks a role up by code or label (case-insensitive, trailing punctuation ignored).
    public func role(for key: String) -> RoleEntry? {
        guard let roles else { return nil }
        return roles[ProfileDefaults.roleKey(key)]
    }

    /// The normalised lookup key of a role code or label.
    public static func roleKey(_ s: String) -> String {
        s.trimmed(orAnyOf: " .,;:").lowercased()
    }

    /// `self` with every unset field taken from `base`; role tables are merged, `self` winning.
    public func merged(over base: ProfileDefaults?) -> ProfileDefaults {
        guard let base else { return self }
        var out = self
        out.rights = rights ?? base.rights
        out.edmType = edmType ?? base.edmType
        out.kind = kind ?? base.kind
        out.language = language ?? base.language
        if let b = base.roles { out.roles = b.merging(roles ?? [:]) { _, mine in mine } }
        return out
    }
}

/// A role a profile knows: its label, its URI in a role vocabulary, and
/// the event it implies when the source does not name one.
public struct RoleEntry: Codable, Sendable, Equatable {
    public var label: String
    public var uri: String?
    public var event: EventKind?

    public init(label: String, uri: String? = nil, event: EventKind? = nil) {
        self.label = label
        self.uri = uri
        self.event = event
    }
}
