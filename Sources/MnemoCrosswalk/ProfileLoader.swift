import Foundation

/// Loads mapping profiles: the built-in ones shipped in this module's
/// `Profiles/` folder, and institution variants given as files.
///
/// A variant names the profile it builds on in `"extends"` (a built-in
/// name such as `marc21`, or a path relative to the variant) and gives only
/// what differs. Objects merge key by key; a key given again replaces the
/// base's value, and a key written with a trailing `+` appends to the
/// base's list instead:
///
/// ```json
/// { "extends": "marc21",
///   "notes+": [ { "tag": "590", "subfields": "a" } ],
///   "defaults": { "rights": "http://rightsstatements.org/vocab/InC/1.0/" } }
/// ```
public enum ProfileLoader {
    /// A profile that could not be read: which file and why.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var message: String
        public var description: String { "profile \(file): \(message)" }
    }

    /// The folder of built-in profiles.
    public static var builtinDirectory: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("Profiles")
    }

    /// Names of the built-in profiles.
    public static var builtinNames: [String] {
        guard let dir = builtinDirectory,
              let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Loads `variant` (a file) when given, else the built-in profile `builtin`, as `P`.
    public static func load<P: Decodable>(_ type: P.Type, builtin: String, variant: URL? = nil) throws -> P {
        let json: [String: Any]
        let name: String
        if let variant {
            name = variant.path
            json = try resolve(file: variant, depth: 0)
        } else {
            name = builtin
            json = try resolveBuiltin(builtin, depth: 0)
        }
        do {
            let data = try JSONSerialization.data(withJSONObject: json)
            return try JSONDecoder().decode(P.self, from: data)
        } catch let e as DecodingError {
            throw Failure(file: name, message: describe(e))
        }
    }

    static func resolveBuiltin(_ name: String, depth: Int) throws -> [String: Any] {
        guard let dir = builtinDirectory else { throw Failure(file: name, message: "built-in profiles are not installed") }
        let url = dir.appendingPathComponent(name + ".json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Failure(file: name, message: "no built-in profile of that name (known: \(builtinNames.joined(separator: ", ")))")
        }
        return try resolve(file: url, depth: depth)
    }

    static func resolve(file: URL, depth: Int) throws -> [String: Any] {
        guard depth < 8 else { throw Failure(file: file.path, message: "`extends` chain is too long (a cycle?)") }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw Failure(file: file.path, message: "cannot read the file")
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw Failure(file: file.path, message: "not valid JSON: \(error.localizedDescription)")
        }
        guard var json = object as? [String: Any] else { throw Failure(file: file.path, message: "the top level must be an object") }
        guard let ext = json.removeValue(forKey: "extends") as? String else { return json }
        let base: [String: Any]
        if ext.hasSuffix(".json") {
            base = try resolve(file: URL(fileURLWithPath: ext, relativeTo: file.deletingLastPathComponent()), depth: depth + 1)
        } else {
            base = try resolveBuiltin(ext, depth: depth + 1)
        }
        return merge(base, json)
    }

    /// Deep merge: objects key by key, `key+` appends to a list, anything else replaces.
    static func merge(_ base: [String: Any], _ over: [String: Any]) -> [String: Any] {
        var out = base
        for (k, v) in over {
            if k.hasSuffix("+") {
                let key = String(k.dropLast())
                let extra = v as? [Any] ?? [v]
                out[key] = (out[key] as? [Any] ?? []) + extra
            } else if let b = out[k] as? [String: Any], let o = v as? [String: Any] {
                out[k] = merge(b, o)
            } else {
                out[k] = v
            }
        }
        return out
    }

    static func describe(_ e: DecodingError) -> String {
        func path(_ c: DecodingError.Context) -> String {
            let p = c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            return p.isEmpty ? "top level" : String(p.drop { $0 == "." })
        }
        switch e {
        case .keyNotFound(let k, let c): return "\(path(c)): missing key \"\(k.stringValue)\""
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "\(path(c)): \(c.debugDescription)"
        case .dataCorrupted(let c): return "\(path(c)): \(c.debugDescription)"
        @unknown default: return "\(e)"
        }
    }
}
