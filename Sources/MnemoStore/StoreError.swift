import MnemoSyntax

/// Errors from opening, writing and reading a store. Each says what and where.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case badLocation(String, String)
    case open(String, String)
    case backend(String)
    case syntax(RDFSyntaxError)
    case badInput(String)
    case unknownGraph(String)
    case closed

    public var description: String {
        switch self {
        case .badLocation(let l, let why): return "bad store location '\(l)': \(why)"
        case .open(let l, let why): return "cannot open store \(l): \(why)"
        case .backend(let why): return "store error: \(why)"
        case .syntax(let e): return e.description
        case .badInput(let why): return why
        case .unknownGraph(let g): return "no graph <\(g)> in the store"
        case .closed: return "the store is closed"
        }
    }
}
