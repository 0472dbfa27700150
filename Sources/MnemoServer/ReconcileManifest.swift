import Foundation
import MnemoSearch

/// The two published versions of the W3C Reconciliation Service API that
/// Mnemo answers: 0.2 at `/reconcile`, 1.0-draft at `/reconcile/v1`.
enum ReconcileVersion: Sendable {
    case v02, v1

    var path: String { self == .v02 ? "/reconcile" : "/reconcile/v1" }
}

/// Service manifests and the JSON of types, properties and candidates, per version.
enum ReconcileDocuments {
    static let name = "Mnemo: CIDOC-CRM persons, groups, places, events and objects"
    static let documentation = "https://reconciliation-api.github.io/specs/"
    static let previewSize = (width: 420, height: 220)

    /// The manifest; `service` is the service's own URL (`http://host:port/reconcile`).
    static func manifest(_ version: ReconcileVersion, service: String, identifierSpace: String) -> JSONOut {
        let types = JSONOut.array(ReconcileType.all.map { type($0, version) })
        switch version {
        case .v02:
            func svc(_ path: String) -> JSONOut { .object([("service_url", .string(service)), ("service_path", .string(path))]) }
            return .object([
                ("versions", .array([.string("0.2")])),
                ("name", .string(name)),
                ("identifierSpace", .string(identifierSpace)),
                ("schemaSpace", .string(ReconcileType.crm)),
                ("documentation", .string(documentation)),
                ("defaultTypes", types),
                ("view", .object([("url", .string("{{id}}"))])),
                ("preview", .object([("url", .string(service + "/preview?id={{id}}")),
                                     ("width", .int(previewSize.width)), ("height", .int(previewSize.height))])),
                ("suggest", .object([("entity", svc("/suggest/entity")), ("type", svc("/suggest/type")), ("property", svc("/suggest/property"))])),
                ("extend", .object([("propose_properties", svc("/propose_properties")),
                                    ("property_settings", .array([.object([
                                        ("type", .string("number")), ("default", .int(0)), ("label", .string("Limit")),
                                        ("name", .string("limit")), ("help_text", .string("The most values to return per entity; 0 for all")),
                                    ])]))])),
            ])
        case .v1:
            return .object([
                ("versions", .array([.string("0.2"), .string("1.0-draft")])),
                ("name", .string(name)),
                ("lang", .string("en")),
                ("identifierSpace", .string(identifierSpace)),
                ("schemaSpace", .string(ReconcileType.crm)),
                ("documentation", .string(documentation)),
                ("defaultTypes", types),
                ("view", .object([("url", .string("{{id}}"))])),
                ("preview", .object([("width", .int(previewSize.width)), ("height", .int(previewSize.height))])),
                ("suggest", .object([("entity", .bool(true)), ("property", .bool(true)), ("type", .bool(true))])),
                ("extend", .object([("proposeProperties", .bool(true)),
                                    ("propertySettings", .array([.object([
                                        ("type", .string("number")), ("default", .int(0)), ("id", .string("limit")),
                                        ("name", .string("Limit")), ("helpText", .string("The most values to return per entity; 0 for all")),
                                    ])]))])),
                ("standardizedScore", .bool(true)),
            ])
        }
    }

    static func type(_ t: ReconcileType, _ version: ReconcileVersion, description: Bool = false) -> JSONOut {
        .members([("id", .string(t.id)), ("name", .string(t.name)), ("description", description ? .string(t.description) : nil)])
    }

    static func property(_ p: ReconcileProperty) -> JSONOut {
        .object([("id", .string(p.id)), ("name", .string(p.name)), ("description", .string(p.description))])
    }

    /// One candidate; 1.0 gives features a name and candidates their name's language.
    static func candidate(_ c: ReconcileCandidate, _ version: ReconcileVersion) -> JSONOut {
        let features = JSONOut.array(c.features.map { f in
            .members([("id", .string(f.id)), ("name", version == .v1 ? .string(f.name) : nil), ("value", .number(f.value))])
        })
        return .members([
            ("id", .string(c.id)),
            ("name", .string(c.name)),
            ("lang", version == .v1 ? c.language.map { .string($0) } : nil),
            ("description", c.description.isEmpty ? nil : .string(c.description)),
            ("score", .number(c.score)),
            ("features", features),
            ("match", .bool(c.match)),
            ("type", .array(c.type.map { [type($0, version)] } ?? [])),
        ])
    }

    /// A suggested entity: `notable` holds its type.
    static func suggestion(_ c: ReconcileCandidate, _ version: ReconcileVersion) -> JSONOut {
        .members([
            ("id", .string(c.id)),
            ("name", .string(c.name)),
            ("lang", version == .v1 ? c.language.map { .string($0) } : nil),
            ("description", c.description.isEmpty ? nil : .string(c.description)),
            ("notable", .array(c.type.map { [type($0, version)] } ?? [])),
        ])
    }
}
