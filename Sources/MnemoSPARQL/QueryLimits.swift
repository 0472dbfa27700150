import Foundation

/// Bounds on one query's work. Going past one ends the query with a
/// ``QueryError`` and frees what it held.
public struct QueryLimits: Sendable {
    /// Wall-clock time allowed (default 30 s).
    public var timeout: Double = 30
    /// Most result rows returned (nil: no cap).
    public var maxResultRows: Int? = nil
    /// Most solutions held at once in sorts, groups, joins and DISTINCT (default 20 million).
    public var maxHeldSolutions: Int = 20_000_000

    public init(timeout: Double = 30, maxResultRows: Int? = nil, maxHeldSolutions: Int = 20_000_000) {
        self.timeout = timeout
        self.maxResultRows = maxResultRows
        self.maxHeldSolutions = maxHeldSolutions
    }
}

/// Why a query could not be answered.
public enum QueryError: Error, CustomStringConvertible, Sendable {
    case timeout(Double)
    case tooManyResults(Int)
    case tooMuchMemory(Int)
    case unsupported(String)
    case evaluation(String)

    public var description: String {
        switch self {
        case .timeout(let s): return "the query ran longer than its \(s) s limit and was stopped"
        case .tooManyResults(let n): return "the query has more than \(n) result rows, the limit set for it"
        case .tooMuchMemory(let n): return "the query needed to hold more than \(n) solutions at once (in a sort, group, join or DISTINCT) and was stopped"
        case .unsupported(let what): return "not supported: \(what)"
        case .evaluation(let why): return why
        }
    }
}

/// Checks the limits as the evaluator works.
final class LimitGuard {
    let limits: QueryLimits
    private let deadline: Date
    private var ticks = 0
    private(set) var held = 0

    init(_ limits: QueryLimits) {
        self.limits = limits
        deadline = Date().addingTimeInterval(limits.timeout)
    }

    /// Called in inner loops; looks at the clock every few thousand calls.
    @inline(__always)
    func tick() throws {
        ticks &+= 1
        if ticks & 0xFFF == 0, Date() > deadline { throw QueryError.timeout(limits.timeout) }
    }

    /// Accounts for `n` more solutions held in memory.
    func hold(_ n: Int) throws {
        held += n
        if held > limits.maxHeldSolutions { throw QueryError.tooMuchMemory(limits.maxHeldSolutions) }
    }

    func release(_ n: Int) { held -= n }
}
