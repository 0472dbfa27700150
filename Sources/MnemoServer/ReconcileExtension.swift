import Foundation
import MnemoSearch
import MnemoWeb

/// Data extension (property values of reconciled entities) and the HTML
/// preview of one entity.
enum ReconcileExtension {
    /// The values of `property` for `record`, at most `limit` (0: all).
    static func values(_ record: EntityRecord?, _ property: ReconcileProperty, limit: Int, _ version: ReconcileVersion) -> [JSONOut] {
        guard let r = record else { return [] }
        func str(_ s: String, _ lang: String? = nil) -> JSONOut {
            .members([("str", .string(s)), ("lang", version == .v1 ? lang.map { .string($0) } : nil)])
        }
        func entity(_ id: String, _ name: String) -> JSONOut { .object([("id", .string(id)), ("name", .string(name))]) }
        var out: [JSONOut]
        switch property {
        case .label: out = r.labels.map { str($0.value, $0.language) }
        case .birthYear: out = r.birthYear.map { [.object([("int", .int($0))])] } ?? []
        case .deathYear: out = r.deathYear.map { [.object([("int", .int($0))])] } ?? []
        case .birthPlace: out = r.birthPlaces.map { entity($0.id, $0.name) }
        case .deathPlace: out = r.deathPlaces.map { entity($0.id, $0.name) }
        case .institution: out = r.institutions.map { entity($0, Reconciler.shortName($0)) }
        case .identifier: out = r.identifiers.map { str($0) }
        default:
            out = r.identifiers.compactMap { iri in
                guard let (scheme, local) = AuthorityScheme.parse(iri), scheme == property.scheme else { return nil }
                return str(local)
            }
        }
        return limit > 0 ? Array(out.prefix(limit)) : out
    }

    /// The `meta` entry of a property: its id, name, and the type of entity values.
    static func meta(_ p: ReconcileProperty, _ version: ReconcileVersion) -> JSONOut {
        let valueType: ReconcileType? = switch p {
        case .birthPlace, .deathPlace: ReconcileType.of(.place)
        case .institution: ReconcileType.of(.group)
        default: nil
        }
        return .members([("id", .string(p.id)), ("name", .string(p.name)),
                         ("type", valueType.map { ReconcileDocuments.type($0, version) })])
    }

    /// A small HTML page about the entity, for an iframe beside a reconciliation candidate.
    static func preview(_ r: EntityRecord) -> String {
        let e = HTML.escape
        /// A link for http(s) IRIs only: a `javascript:` IRI in the store must not become one.
        func link(_ iri: String, _ text: String) -> String {
            iri.hasPrefix("http://") || iri.hasPrefix("https://") ? "<a href=\"\(e(iri))\" target=\"_blank\">\(text)</a>" : text
        }
        let name = r.labels.first(where: { $0.language == "en" })?.value ?? r.labels.first?.value ?? r.id
        var rows: [(String, String)] = []
        if let t = r.type { rows.append(("Type", e(t.name))) }
        switch (r.birthYear, r.deathYear) {
        case (nil, nil): break
        case let (b, d): rows.append(("Life", "\(b.map(String.init) ?? "?")–\(d.map(String.init) ?? "")"))
        }
        if !r.birthPlaces.isEmpty { rows.append(("Born in", r.birthPlaces.map { e($0.name) }.joined(separator: ", "))) }
        if !r.deathPlaces.isEmpty { rows.append(("Died in", r.deathPlaces.map { e($0.name) }.joined(separator: ", "))) }
        let others = r.labels.filter { $0.value != name }.prefix(6)
        if !others.isEmpty {
            rows.append(("Also", others.map { l in
                let lang = HTML.languageTag(l.language).map { " lang=\"\(e($0))\"" } ?? ""
                return "<span\(lang)>\(e(l.value))</span>"
            }.joined(separator: "; ")))
        }
        if !r.identifiers.isEmpty {
            rows.append(("Same as", r.identifiers.prefix(4).map { link($0, e(Reconciler.shortName($0))) }.joined(separator: ", ")))
        }
        if !r.institutions.isEmpty { rows.append(("Held by", r.institutions.map { e(Reconciler.shortName($0)) }.joined(separator: ", "))) }
        let table = rows.map { "<tr><th>\($0.0)</th><td>\($0.1)</td></tr>" }.joined()
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(e(name))</title>
            <style>body{font:13px/1.4 system-ui,sans-serif;margin:6px}th{text-align:left;color:#555;padding-right:8px;vertical-align:top}h1{font-size:15px;margin:0 0 4px}</style>
            </head><body>
            <h1>\(link(r.id, e(name)))</h1>
            <table>\(table)</table>
            </body></html>

            """
    }
}
