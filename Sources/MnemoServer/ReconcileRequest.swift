import Foundation
import MnemoSPARQLResults
import MnemoSearch

/// Reconciliation requests of both API versions read into
/// ``ReconcileQuery`` values; every refusal names the member at fault.
enum ReconcileRequest {
    static let maxQueries = 10_000
    static let defaultLimit = 10
    static let limits = 1...1000
    /// The most candidates one batch may ask for (queries × limit).
    static let maxCandidates = 1_000_000

    static func checkBudget(_ queries: [ReconcileQuery], _ at: JSONIn) throws {
        let asked = queries.reduce(0) { $0 + $1.limit }
        guard asked <= maxCandidates else {
            throw at.fail("the batch asks for up to \(asked) candidates (queries × limit); at most \(maxCandidates) per request: send smaller batches or lower limits")
        }
    }

    /// A 0.2 batch: `{"q0": {"query": ..., "type": ..., "limit": ..., "properties": [{"pid": ..., "v": ...}], "type_strict": ...}}`.
    static func batch02(_ text: String) throws -> [(key: String, query: ReconcileQuery)] {
        let root = try JSONIn.parse(text, what: "queries")
        let members = try root.object()
        guard members.count <= maxQueries else { throw root.fail("at most \(maxQueries) queries per batch, not \(members.count)") }
        var keys = Set<String>()
        for m in members where !keys.insert(m.key).inserted { throw root.fail("the key '\(m.key)' is given twice; each query needs its own") }
        let batch = try members.map { key, q in
            _ = try q.object()
            var query = ReconcileQuery(name: try q.member("query")?.string(), limit: defaultLimit)
            if let t = try q.member("type") { query.types = try types(t) }
            if let l = try q.member("limit") { query.limit = try l.integer(in: limits) }
            if let s = try q.member("type_strict") {
                let v = try s.string()
                guard let ts = ReconcileQuery.TypeStrictness(rawValue: v) else { throw s.fail("expected any, should or all, not '\(v)'") }
                query.typeStrict = ts
            }
            if let ps = try q.member("properties") {
                query.conditions = try ps.array().map { p in
                    guard let pid = try p.member("pid") else { throw p.fail("a property needs its pid") }
                    guard let v = try p.member("v") else { throw p.fail("a property needs its value v") }
                    return ReconcileCondition(property: try property(pid), values: try values(v))
                }
            }
            guard query.name?.isEmpty == false || !query.conditions.isEmpty else {
                throw q.fail("a query needs a non-empty query string or at least one property")
            }
            return (key, query)
        }
        try checkBudget(batch.map { $0.1 }, root)
        return batch
    }

    /// A 1.0 batch: `{"queries": [{"type": ..., "limit": ..., "lang": ..., "conditions": [...]}]}`.
    static func batch1(_ text: String) throws -> [ReconcileQuery] {
        let root = try JSONIn.parse(text, what: "the request body")
        guard let qs = try root.member("queries") else { throw root.fail("the batch needs a queries array") }
        let items = try qs.array()
        guard items.count <= maxQueries else { throw qs.fail("at most \(maxQueries) queries per batch, not \(items.count)") }
        let batch = try items.map { q in
            _ = try q.object()
            var query = ReconcileQuery(name: nil, limit: defaultLimit)
            if let t = try q.member("type") { query.types = try types(t) }
            if let l = try q.member("limit") { query.limit = try l.integer(in: limits) }
            if let l = try q.member("lang") { query.language = try l.string() }
            guard let cs = try q.member("conditions") else { throw q.fail("a query needs a non-empty conditions array") }
            let conditions = try cs.array()
            guard !conditions.isEmpty else { throw cs.fail("a query needs at least one condition") }
            for c in conditions {
                guard let mt = try c.member("matchType") else { throw c.fail("a condition needs its matchType (name, id or property)") }
                guard let pv = try c.member("propertyValue") else { throw c.fail("a condition needs its propertyValue") }
                let required = try c.member("required")?.bool() ?? false
                var quantifier = ReconcileCondition.Quantifier.any
                if let mq = try c.member("matchQuantifier") {
                    let s = try mq.string()
                    guard let v = ReconcileCondition.Quantifier(rawValue: s) else { throw mq.fail("expected any, all or none, not '\(s)'") }
                    quantifier = v
                }
                switch try mt.string() {
                case "name":
                    let names = try values(pv).map(\.textValue)
                    if query.name == nil { query.name = names.first }
                    let rest = query.name == names.first ? Array(names.dropFirst()) : names
                    if !rest.isEmpty || required {
                        query.conditions.append(ReconcileCondition(property: .label, values: (required ? names : rest).map { .text($0) },
                                                                   required: required, quantifier: quantifier))
                    }
                case "id":
                    query.ids += try values(pv).map(\.textValue)
                case "property":
                    guard let pid = try c.member("propertyId") else { throw c.fail("a property condition needs its propertyId") }
                    query.conditions.append(ReconcileCondition(property: try property(pid), values: try values(pv),
                                                               required: required, quantifier: quantifier))
                case let other:
                    throw mt.fail("expected name, id or property, not '\(other)'")
                }
            }
            return query
        }
        try checkBudget(batch, qs)
        return batch
    }

    /// A data extension query: `{"ids": [...], "properties": [{"id": ..., "settings": {...}}]}`.
    static func extension_(_ text: String, what: String) throws -> (ids: [String], properties: [(ReconcileProperty, limit: Int)]) {
        let root = try JSONIn.parse(text, what: what)
        guard let ids = try root.member("ids") else { throw root.fail("the extension query needs an ids array") }
        guard let ps = try root.member("properties") else { throw root.fail("the extension query needs a properties array") }
        let idList = try ids.array().map { try $0.string() }
        guard idList.count <= maxQueries else { throw ids.fail("at most \(maxQueries) ids, not \(idList.count)") }
        let props = try ps.array().map { p -> (ReconcileProperty, limit: Int) in
            guard let id = try p.member("id") else { throw p.fail("a property needs its id") }
            var limit = 0
            if let s = try p.member("settings"), let l = try s.member("limit") { limit = try l.integer(in: 0...10_000) }
            return (try property(id), limit)
        }
        return (idList, props)
    }

    static func types(_ t: JSONIn) throws -> [ReconcileType] {
        try t.strings().map { s in
            guard let type = ReconcileType.resolve(s) else {
                throw t.fail("unknown type '\(s)'; the types are \(ReconcileType.all.map(\.id).joined(separator: ", "))")
            }
            return type
        }
    }

    static func property(_ p: JSONIn) throws -> ReconcileProperty {
        let s = try p.string()
        guard let prop = resolveProperty(s) else {
            throw p.fail("unknown property '\(s)'; the properties are \(ReconcileProperty.allCases.map(\.id).joined(separator: ", "))")
        }
        return prop
    }

    /// A property by its id, case aside, or by its name.
    static func resolveProperty(_ s: String) -> ReconcileProperty? {
        let t = s.trimmingCharacters(in: .whitespaces).lowercased()
        return ReconcileProperty.allCases.first { $0.id.lowercased() == t || $0.name.lowercased() == t }
    }

    /// A property value, or an array of them.
    static func values(_ v: JSONIn) throws -> [ReconcileValue] {
        if case .array = v.node.kind { return try v.array().map(value) }
        return [try value(v)]
    }

    static func value(_ v: JSONIn) throws -> ReconcileValue {
        switch v.node.kind {
        case .string(let s): return .text(s)
        case .number(let n):
            guard let d = Double(n) else { throw v.fail("the number \(n) is out of range") }
            return .number(d)
        case .bool(let b): return .bool(b)
        case .object:
            guard let id = try v.member("id") else { throw v.fail("an entity value needs its id") }
            return .entity(id: try id.string(), name: try v.member("name")?.string())
        default: throw v.fail("expected a string, number, boolean or {\"id\": ...}, not \(v.node.typeName)")
        }
    }
}

extension ReconcileValue {
    var textValue: String {
        switch self {
        case .text(let s): s
        case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .bool(let b): String(b)
        case .entity(let id, _): id
        }
    }
}
