import Foundation
import MnemoRDF

/// An error in evaluating an expression: SPARQL's "type error" (section 17.3).
///
/// The evaluator treats it as the spec says: a FILTER whose expression raises
/// it is false, a BIND leaves its variable unbound, `||` and `&&` may still
/// succeed when the other operand decides the result, and so on.
public struct ExpressionError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, for logs and error messages.
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Per-query state for the built-in functions.
///
/// One context serves one query execution: `NOW()` returns the same instant
/// throughout, `RAND()`, `UUID()` and `BNODE()` draw from it, compiled regular
/// expressions are cached in it, and `IRI()` resolves against its base IRI.
///
/// `BNODE("x")` returns the same blank node for the same string within one
/// solution; call ``newSolutionScope()`` before evaluating the expressions of
/// each new solution so that the next solution gets fresh blank nodes.
/// `BNODE()` without argument always returns a fresh blank node.
///
/// The context is safe to share between threads (its state is behind a lock),
/// but a scope started by ``newSolutionScope()`` is then shared too.
public final class FunctionContext: @unchecked Sendable {
    /// The instant `NOW()` returns.
    public let now: Date
    /// The base IRI for `IRI()` / `URI()` (the query's BASE, or the service's).
    public let baseIRI: String?
    /// Functions beyond SPARQL's own, by IRI.
    public let extensions: [String: any ExtensionFunction]

    private let lock = NSLock()
    private var generator: SplitMix64
    private let labelPrefix: String
    private var blankCounter = 0
    private var scopedBlanks: [String: String] = [:]
    private var regexCache: [RegexKey: CompiledRegex] = [:]

    /// - Parameters:
    ///   - now: the value of `NOW()` for the whole query.
    ///   - baseIRI: the base IRI for resolving relative IRIs given to `IRI()`.
    ///   - seed: a seed for `RAND()` and the blank-node label prefix (random when nil);
    ///     tests pass one to get repeatable values.
    ///   - extensions: functions beyond SPARQL's own, called by their IRIs.
    public init(now: Date = Date(), baseIRI: String? = nil, seed: UInt64? = nil, extensions: [any ExtensionFunction] = []) {
        self.now = now
        self.baseIRI = baseIRI
        self.extensions = Dictionary(extensions.map { ($0.iri, $0) }, uniquingKeysWith: { _, last in last })
        var rng = SplitMix64(seed: seed ?? UInt64.random(in: .min ... .max))
        self.labelPrefix = "fn" + String(rng.next() & 0xFFFF_FFFF, radix: 36)
        self.generator = rng
    }

    /// Starts a new solution: `BNODE(str)` forgets the blank nodes it made so far.
    public func newSolutionScope() {
        lock.lock(); defer { lock.unlock() }
        scopedBlanks.removeAll(keepingCapacity: true)
    }

    /// A blank node label no other call in this query returns.
    func freshBlankLabel() -> String {
        lock.lock(); defer { lock.unlock() }
        return nextLabel()
    }

    /// The blank node label for `BNODE(key)` in the current solution.
    func scopedBlankLabel(for key: String) -> String {
        lock.lock(); defer { lock.unlock() }
        if let label = scopedBlanks[key] { return label }
        let label = nextLabel()
        scopedBlanks[key] = label
        return label
    }

    /// Call with the lock held.
    private func nextLabel() -> String {
        blankCounter += 1
        return "\(labelPrefix)x\(blankCounter)"
    }

    /// A double in [0, 1) from the query's generator.
    func nextRandom() -> Double {
        lock.lock(); defer { lock.unlock() }
        return Double(generator.next() >> 11) * 0x1.0p-53
    }

    /// A compiled regular expression, from the cache when it was compiled before.
    func regex(pattern: String, flags: String) throws -> CompiledRegex {
        let key = RegexKey(pattern: Array(pattern.utf8), flags: flags)
        lock.lock()
        if let cached = regexCache[key] { lock.unlock(); return cached }
        lock.unlock()
        let compiled = try CompiledRegex(pattern: pattern, flags: flags)
        lock.lock(); defer { lock.unlock() }
        if regexCache.count > 1000 { regexCache.removeAll() }
        regexCache[key] = compiled
        return compiled
    }
}

/// The cache key of a regex: the pattern's bytes (not `String`, whose equality
/// would merge canonically equivalent patterns) and the flags.
private struct RegexKey: Hashable {
    var pattern: [UInt8]
    var flags: String
}

