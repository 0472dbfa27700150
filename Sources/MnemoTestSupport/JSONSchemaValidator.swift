import Foundation
import MnemoSPARQLResults

/// A JSON value for schema validation: numbers keep their lexical form so
/// `integer` can be told from `number`.
public indirect enum JSONValue: Sendable {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// Parses JSON text (strictly, RFC 8259).
    public static func parse(_ text: String) throws -> JSONValue { JSONValue(try JSONParser.parse(Array(text.utf8))) }

    init(_ n: JSONNode) {
        switch n.kind {
        case .object(let m): self = .object(m.map { ($0.key, JSONValue($0.value)) })
        case .array(let a): self = .array(a.map(JSONValue.init))
        case .string(let s): self = .string(s)
        case .number(let s): self = .number(s)
        case .bool(let b): self = .bool(b)
        case .null: self = .null
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let m) = self { return m.last { $0.key == key }?.value }
        return nil
    }

    var double: Double? { if case .number(let s) = self { return Double(s) }; return nil }

    /// JSON equality: numbers by value, objects regardless of member order.
    func equals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.number(a), .number(b)): return Double(a) == Double(b)
        case let (.array(a), .array(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.equals($1) }
        case let (.object(a), .object(b)):
            return a.count == b.count && a.allSatisfy { m in b.contains { $0.key == m.key && $0.value.equals(m.value) } }
        default: return false
        }
    }

    var typeName: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number(let s): Self.isInteger(s) ? "integer" : "number"
        case .bool: "boolean"
        case .null: "null"
        }
    }

    static func isInteger(_ lexical: String) -> Bool {
        guard let d = Double(lexical) else { return false }
        return d.isFinite && d == d.rounded()
    }
}

/// Validates JSON documents against the JSON Schemas (draft 4 to 7) of one
/// directory: the keywords the W3C reconciliation schemas use — `type`,
/// `properties`, `required`, `additionalProperties`, `patternProperties`,
/// `items`, `contains`, `enum`, `const`, `oneOf`/`anyOf`/`allOf`/`not`,
/// `$ref` (local pointers, sibling files, `$id`s of the directory's
/// schemas), length, size and range limits, `pattern`, `uniqueItems`.
/// `format` is ignored.
public final class JSONSchemaValidator: Sendable {
    struct Document: Sendable { let base: URL; let root: JSONValue }
    private let documents: [String: Document]
    private let directory: URL

    /// Loads every `*.json` file of `directory`, known by its file name and by its `$id`.
    public init(directory: URL) throws {
        self.directory = directory
        var documents: [String: Document] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".json") {
            let file = directory.appendingPathComponent(name)
            let root = try JSONValue.parse(try String(contentsOf: file, encoding: .utf8))
            var base = file
            if case .string(let id)? = root["$id"] ?? root["id"], let u = URL(string: id.hasSuffix("#") ? String(id.dropLast()) : id) { base = u }
            let doc = Document(base: base, root: root)
            documents[name] = doc
            documents[Self.key(base)] = doc
            documents[Self.key(file)] = doc
        }
        self.documents = documents
    }

    static func key(_ u: URL) -> String { u.absoluteString.split(separator: "#", maxSplits: 1).first.map(String.init) ?? u.absoluteString }

    /// The problems of `json` against schema file `schema` (e.g. `manifest.json`); empty when it is valid.
    public func errors(_ json: String, schema: String) throws -> [String] {
        guard let doc = documents[schema] else { throw SchemaError("no schema \(schema) in \(directory.path)") }
        let value = try JSONValue.parse(json)
        var out: [String] = []
        try check(value, doc.root, doc, "$", &out)
        return out
    }

    public struct SchemaError: Error, CustomStringConvertible {
        public let description: String
        init(_ d: String) { description = d }
    }

    private func check(_ v: JSONValue, _ s: JSONValue, _ doc: Document, _ path: String, _ out: inout [String]) throws {
        if case .bool(let b) = s { if !b { out.append("\(path): no value is allowed here") }; return }
        guard case .object = s else { throw SchemaError("a schema at \(path) is not an object") }
        if case .string(let ref)? = s["$ref"] {
            let (target, tdoc) = try resolve(ref, in: doc)
            try check(v, target, tdoc, path, &out)
            return   // draft 4–7: $ref overrides its siblings
        }
        if let t = s["type"] {
            let allowed: [String]
            switch t {
            case .string(let one): allowed = [one]
            case .array(let many): allowed = many.compactMap { if case .string(let x) = $0 { x } else { nil } }
            default: throw SchemaError("bad type keyword at \(path)")
            }
            let actual = v.typeName
            if !allowed.contains(where: { $0 == actual || ($0 == "number" && actual == "integer") }) {
                out.append("\(path): expected \(allowed.joined(separator: " or ")), found \(actual)")
                return
            }
        }
        if case .array(let options)? = s["enum"], !options.contains(where: { $0.equals(v) }) {
            out.append("\(path): not one of the enumerated values")
        }
        if let c = s["const"], !c.equals(v) { out.append("\(path): not the constant value") }
        try combinators(v, s, doc, path, &out)
        switch v {
        case .object(let members): try object(members, s, doc, path, &out)
        case .array(let items): try array(items, s, doc, path, &out)
        case .string(let str): try string(str, s, path, &out)
        case .number: numeric(v.double ?? .nan, s, path, &out)
        default: break
        }
    }

    private func combinators(_ v: JSONValue, _ s: JSONValue, _ doc: Document, _ path: String, _ out: inout [String]) throws {
        func passes(_ sub: JSONValue) throws -> Bool {
            var errs: [String] = []
            try check(v, sub, doc, path, &errs)
            return errs.isEmpty
        }
        if case .array(let subs)? = s["allOf"] { for sub in subs { try check(v, sub, doc, path, &out) } }
        if case .array(let subs)? = s["anyOf"], try !subs.contains(where: passes) {
            out.append("\(path): matches none of anyOf's \(subs.count) schemas")
        }
        if case .array(let subs)? = s["oneOf"] {
            let n = try subs.filter(passes).count
            if n != 1 { out.append("\(path): matches \(n) of oneOf's \(subs.count) schemas, not exactly one") }
        }
        if let not = s["not"], try passes(not) { out.append("\(path): matches the schema under not") }
    }

    private func object(_ members: [(key: String, value: JSONValue)], _ s: JSONValue, _ doc: Document, _ path: String,
                        _ out: inout [String]) throws {
        if case .array(let req)? = s["required"] {
            for case .string(let k) in req where !members.contains(where: { $0.key == k }) { out.append("\(path): missing required member '\(k)'") }
        }
        if let n = s["minProperties"]?.double, Double(members.count) < n { out.append("\(path): fewer than \(Int(n)) members") }
        if let n = s["maxProperties"]?.double, Double(members.count) > n { out.append("\(path): more than \(Int(n)) members") }
        var properties: [(key: String, value: JSONValue)] = []
        if case .object(let p)? = s["properties"] { properties = p }
        var patterns: [(NSRegularExpression, JSONValue)] = []
        if case .object(let pp)? = s["patternProperties"] {
            for (pattern, sub) in pp { patterns.append((try regex(pattern), sub)) }
        }
        for (k, value) in members {
            let sub = "\(path).\(k)"
            var covered = false
            if let ps = properties.first(where: { $0.key == k }) { covered = true; try check(value, ps.value, doc, sub, &out) }
            for (re, ps) in patterns where Self.search(re, k) { covered = true; try check(value, ps, doc, sub, &out) }
            if !covered, let ap = s["additionalProperties"] {
                if case .bool(false) = ap { out.append("\(path): member '\(k)' is not allowed") } else { try check(value, ap, doc, sub, &out) }
            }
        }
    }

    private func array(_ items: [JSONValue], _ s: JSONValue, _ doc: Document, _ path: String, _ out: inout [String]) throws {
        if let n = s["minItems"]?.double, Double(items.count) < n { out.append("\(path): fewer than \(Int(n)) items") }
        if let n = s["maxItems"]?.double, Double(items.count) > n { out.append("\(path): more than \(Int(n)) items") }
        switch s["items"] {
        case .array(let tuple)?:
            for (i, item) in items.enumerated() {
                if i < tuple.count { try check(item, tuple[i], doc, "\(path)[\(i)]", &out) }
                else if let extra = s["additionalItems"] { try check(item, extra, doc, "\(path)[\(i)]", &out) }
            }
        case let sub?: for (i, item) in items.enumerated() { try check(item, sub, doc, "\(path)[\(i)]", &out) }
        case nil: break
        }
        if let c = s["contains"] {
            var any = false
            for item in items {
                var errs: [String] = []
                try check(item, c, doc, path, &errs)
                if errs.isEmpty { any = true; break }
            }
            if !any { out.append("\(path): no item matches the contains schema") }
        }
        if case .bool(true)? = s["uniqueItems"] {
            for i in items.indices { for j in items.indices where j > i && items[i].equals(items[j]) { out.append("\(path): items \(i) and \(j) are equal") } }
        }
    }

    private func string(_ str: String, _ s: JSONValue, _ path: String, _ out: inout [String]) throws {
        let n = Double(str.unicodeScalars.count)
        if let m = s["minLength"]?.double, n < m { out.append("\(path): shorter than \(Int(m)) characters") }
        if let m = s["maxLength"]?.double, n > m { out.append("\(path): longer than \(Int(m)) characters") }
        if case .string(let p)? = s["pattern"], !Self.search(try regex(p), str) { out.append("\(path): '\(str)' does not match /\(p)/") }
    }

    private func numeric(_ d: Double, _ s: JSONValue, _ path: String, _ out: inout [String]) {
        // Draft 4 has boolean exclusiveMinimum/Maximum modifying minimum/maximum; draft 6+ has numbers.
        if let m = s["minimum"]?.double {
            if case .bool(true)? = s["exclusiveMinimum"] { if d <= m { out.append("\(path): \(d) is not above \(m)") } }
            else if d < m { out.append("\(path): \(d) is below \(m)") }
        }
        if let m = s["maximum"]?.double {
            if case .bool(true)? = s["exclusiveMaximum"] { if d >= m { out.append("\(path): \(d) is not below \(m)") } }
            else if d > m { out.append("\(path): \(d) is above \(m)") }
        }
        if let m = s["exclusiveMinimum"]?.double, d <= m { out.append("\(path): \(d) is not above \(m)") }
        if let m = s["exclusiveMaximum"]?.double, d >= m { out.append("\(path): \(d) is not below \(m)") }
        if let m = s["multipleOf"]?.double, m > 0, (d / m).rounded() != d / m { out.append("\(path): \(d) is not a multiple of \(m)") }
    }

    /// The schema a `$ref` points to, and the document it is in.
    private func resolve(_ ref: String, in doc: Document) throws -> (JSONValue, Document) {
        let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let docPart = String(parts[0])
        var target = doc
        if !docPart.isEmpty {
            let absolute = URL(string: docPart, relativeTo: doc.base)?.absoluteURL
            guard let found = absolute.flatMap({ documents[Self.key($0)] }) ?? documents[(docPart as NSString).lastPathComponent] else {
                throw SchemaError("cannot resolve $ref \(ref) from \(doc.base)")
            }
            target = found
        }
        var node = target.root
        let pointer = parts.count > 1 ? String(parts[1]) : ""
        for raw in pointer.split(separator: "/", omittingEmptySubsequences: true) {
            let token = (String(raw).removingPercentEncoding ?? String(raw)).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch node {
            case .object: guard let next = node[token] else { throw SchemaError("$ref \(ref): no member \(token)") }; node = next
            case .array(let a): guard let i = Int(token), a.indices.contains(i) else { throw SchemaError("$ref \(ref): no item \(token)") }; node = a[i]
            default: throw SchemaError("$ref \(ref) goes through a scalar")
            }
        }
        return (node, target)
    }

    private func regex(_ p: String) throws -> NSRegularExpression { try NSRegularExpression(pattern: p) }

    static func search(_ re: NSRegularExpression, _ s: String) -> Bool {
        re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
}

/// Where the W3C reconciliation API schemas are: `$RECONCILIATION_SCHEMAS`,
/// else `shared/reconciliation-api` beside the repository root.
public enum ReconciliationSchemas {
    public static var root: URL? {
        if let env = ProcessInfo.processInfo.environment["RECONCILIATION_SCHEMAS"], !env.isEmpty { return URL(fileURLWithPath: env) }
        let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/reconciliation-api")
        return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
    }

    /// The schema directory of a version (`0.2`, `1.0-draft`).
    public static func directory(_ version: String) -> URL? {
        guard let root else { return nil }
        let dir = root.appendingPathComponent(version).appendingPathComponent("schemas")
        return FileManager.default.fileExists(atPath: dir.path) ? dir : nil
    }

    public static let missingMessage =
        "reconciliation API schemas not found: set RECONCILIATION_SCHEMAS to the reconciliation-api directory (holding 0.2/schemas and 1.0-draft/schemas) or put it at ../shared/reconciliation-api beside the repository"
}
