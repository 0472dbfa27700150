/// Where a store lives, written as a URL-like string on the command line.
///
/// | spelling       | storage                                                        |
/// |----------------|----------------------------------------------------------------|
/// | `sqlite:PATH`  | Redland's `sqlite` storage with contexts, one file (the default) |
/// | `bdb:DIR`      | Redland's `hashes` storage over Berkeley DB files in DIR        |
/// | `memory:`      | Redland's in-memory `hashes` storage, gone when the process ends |
///
/// Redland's server storages (`postgresql:`, `virtuoso:`) are recognised
/// and refused with a clear message until they are wired in.
public enum StoreLocation: Equatable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case bdb(directory: String)
    case memory

    /// Parses a store URL.
    public init(parsing text: String) throws {
        guard let colon = text.firstIndex(of: ":") else {
            throw StoreError.badLocation(text, "expected SCHEME:PATH, e.g. sqlite:mnemo.sqlite, bdb:DIR or memory:")
        }
        let scheme = text[..<colon].lowercased()
        var rest = String(text[text.index(after: colon)...])
        if rest.hasPrefix("//") { rest.removeFirst(2) }
        switch scheme {
        case "sqlite":
            guard !rest.isEmpty else { throw StoreError.badLocation(text, "sqlite: needs a file path") }
            self = .sqlite(path: rest)
        case "bdb", "hashes":
            guard !rest.isEmpty else { throw StoreError.badLocation(text, "bdb: needs a directory") }
            self = .bdb(directory: rest)
        case "memory", "mem":
            self = .memory
        case "postgresql", "postgres", "virtuoso", "mysql":
            throw StoreError.badLocation(text, "Redland's \(scheme) storage is not supported yet; use sqlite:, bdb: or memory:")
        default:
            throw StoreError.badLocation(text, "unknown store scheme '\(scheme)'; use sqlite:, bdb: or memory:")
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let p): return "sqlite:\(p)"
        case .bdb(let d): return "bdb:\(d)"
        case .memory: return "memory:"
        }
    }
}
