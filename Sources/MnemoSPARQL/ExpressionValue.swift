import MnemoRDF
import MnemoSPARQLFunctions
import MnemoSPARQLSyntax

/// A value met while evaluating an expression, kept in the cheapest form
/// that says what it is: a term by id (a variable's binding, a constant), a
/// number, a boolean or a simple string, and only otherwise a term. Numbers
/// and strings pass from one operation to the next without being written
/// out as lexical forms and read back; a stored term is read (and a
/// literal's number parsed) once per query, not once per row.
enum ExpressionValue {
    case id(TermID)
    /// A term whose id is known too (a constant of the query).
    case known(TermID, Term)
    case numeric(NumericValue)
    case boolean(Bool)
    /// A simple literal (xsd:string).
    case string(String)
    case term(Term)

    /// The value of a function's result term.
    init(_ t: Term) {
        if case .literal(let l) = t, l.language == nil {
            if l.datatype == Vocabulary.xsd + "integer", let n = NumericValue(l) { self = .numeric(n); return }
            if l.datatype == Vocabulary.xsdString { self = .string(l.lexical); return }
        }
        self = .term(t)
    }
}

/// Per-query caches of what the values of stored terms are.
struct ValueCaches {
    /// Per term id: its number (nil: not a valid numeric literal).
    let numbers = NumberCache()
    /// Results of one-argument functions of stored terms.
    var unary = UnaryCache()
    /// Ids of computed values, so binding the same value again is a lookup.
    var numberIDs: [NumericValue: TermID] = [:]
    var stringIDs: [String: TermID] = [:]
    var termIDs: [Term: TermID] = [:]
}

/// Results of one-argument functions by function and argument id, in a
/// fixed table indexed by a hash of both (a later result replaces an
/// earlier one in its place): no growth, no rehashing, a few nanoseconds a
/// lookup, whether or not the arguments repeat. The table is made on the
/// first store: a query calling no such function pays nothing for it.
struct UnaryCache {
    static let size = 4096
    private var keys: [UInt64] = []
    /// The result, or nil for an error.
    private var values: [ExpressionValue?] = []

    @inline(__always)
    private static func key(_ f: BuiltinFunction, _ id: TermID) -> UInt64 {
        // A payload-free enum is its case number in one byte.
        let number = MemoryLayout<BuiltinFunction>.size == 1 ? UInt64(unsafeBitCast(f, to: UInt8.self)) : UInt64(truncatingIfNeeded: f.hashValue)
        return number << 32 ^ UInt64(id)
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 52) & (size - 1) }

    /// `.some(result)` when known (`.some(nil)`: the call is an error), nil when not.
    func lookup(_ f: BuiltinFunction, _ id: TermID) -> ExpressionValue?? {
        if keys.isEmpty { return nil }
        let k = UnaryCache.key(f, id), i = UnaryCache.slot(k)
        return keys[i] == k ? .some(values[i]) : nil
    }

    mutating func store(_ f: BuiltinFunction, _ id: TermID, _ value: ExpressionValue?) {
        if keys.isEmpty {
            keys = [UInt64](repeating: .max, count: UnaryCache.size)
            values = [ExpressionValue?](repeating: nil, count: UnaryCache.size)
        }
        let k = UnaryCache.key(f, id), i = UnaryCache.slot(k)
        keys[i] = k
        values[i] = value
    }
}

/// The numbers of stored terms by id, in a fixed direct-mapped table (a
/// later id replaces an earlier one in its place) behind pointers: a lookup
/// is two loads, with no hashing and no exclusivity check.
final class NumberCache {
    static let size = 512
    /// 0: an empty place (no term has id 0).
    private let keys: UnsafeMutablePointer<TermID>
    private let values: UnsafeMutablePointer<NumericValue?>

    init() {
        keys = .allocate(capacity: NumberCache.size)
        keys.initialize(repeating: 0, count: NumberCache.size)
        values = .allocate(capacity: NumberCache.size)
        values.initialize(repeating: nil, count: NumberCache.size)
    }

    deinit {
        values.deinitialize(count: NumberCache.size)
        values.deallocate()
        keys.deallocate()
    }

    /// `.some(number)` when known (`.some(nil)`: not a number), nil when not.
    @inline(__always)
    func lookup(_ id: TermID) -> NumericValue?? {
        let i = Int(id) & (NumberCache.size - 1)
        return keys[i] == id && id != 0 ? .some(values[i]) : nil
    }

    func store(_ id: TermID, _ value: NumericValue?) {
        let i = Int(id) & (NumberCache.size - 1)
        keys[i] = id
        values[i] = value
    }
}

extension Evaluator {
    /// Builtins of one argument whose result depends on the argument alone:
    /// computed once per distinct argument term in a query.
    static let memoized: Set<BuiltinFunction> = [
        .str, .lang, .datatype, .year, .month, .day, .hours, .minutes, .seconds, .timezone, .tz,
        .strlen, .ucase, .lcase, .isIRI, .isURI, .isBlank, .isLiteral, .isNumeric, .abs, .ceil, .floor, .round,
        .md5, .sha1, .sha256, .sha384, .sha512, .encodeForURI,
    ]

    /// The value of `e` on `row`. Throws ``ExpressionError`` for SPARQL's errors (unbound variables included).
    func compute(_ e: CExpr, _ row: Row, _ scope: Scope) throws -> ExpressionValue {
        switch e {
        case .constant(let id, let t):
            return .known(id, t)
        case .variable(let slot):
            let id = row[slot]
            guard id != 0 else { throw ExpressionError("unbound variable") }
            return .id(id)
        case .or, .and, .not, .bound, .exists, .compare, .in:
            return .boolean(try truth(e, row, scope))
        case .arithmetic(let op, let a, let b):
            guard let x = number(try compute(a, row, scope)), let y = number(try compute(b, row, scope)) else {
                throw ExpressionError("arithmetic needs numeric operands")
            }
            let operation: NumericValue.Operation
            switch op {
            case .add: operation = .add
            case .subtract: operation = .subtract
            case .multiply: operation = .multiply
            case .divide: operation = .divide
            }
            return .numeric(try NumericValue.apply(operation, x, y))
        case .unaryPlus(let a):
            guard let x = number(try compute(a, row, scope)) else { throw ExpressionError("unary + needs a numeric argument") }
            return .numeric(x)
        case .unaryMinus(let a):
            guard let x = number(try compute(a, row, scope)) else { throw ExpressionError("unary - needs a numeric argument") }
            return .numeric(x.negated)
        case .if(let c, let t, let f):
            return try truth(c, row, scope) ? compute(t, row, scope) : compute(f, row, scope)
        case .coalesce(let list):
            for item in list {
                if let v = try? compute(item, row, scope) { return v }
            }
            throw ExpressionError("COALESCE: every argument is an error or unbound")
        case .builtin(let f, let args):
            if f == .substr { return try substr(args, row, scope) }
            if args.count == 1, Evaluator.memoized.contains(f) {
                let v = try compute(args[0], row, scope)
                guard case .id(let id) = v else { return try call(f, [v]) }
                if let known = caches.unary.lookup(f, id) {
                    guard let known else { throw ExpressionError("\(f.rawValue): not defined for this argument") }
                    return known
                }
                do {
                    let result = try call(f, [v])
                    caches.unary.store(f, id, result)
                    return result
                } catch let error as ExpressionError {
                    caches.unary.store(f, id, nil)
                    throw error
                }
            }
            return try call(f, try args.map { try compute($0, row, scope) })
        case .function(let iri, let args):
            return ExpressionValue(try Builtins.callIRI(iri, try args.map { term(try compute($0, row, scope)) }, functions))
        }
    }

    /// A builtin on computed arguments: numeric functions on numbers directly, the rest on terms.
    func call(_ f: BuiltinFunction, _ args: [ExpressionValue]) throws -> ExpressionValue {
        switch f {
        case .abs, .ceil, .floor, .round:
            guard args.count == 1 else { break }
            guard let x = number(args[0]) else { throw ExpressionError("\(f.rawValue) needs a numeric argument") }
            switch f {
            case .abs: return .numeric(x.absolute)
            case .ceil: return .numeric(x.ceiling)
            case .floor: return .numeric(x.floor)
            default: return .numeric(x.rounded)
            }
        case .str:
            // STR of a stored term, read from its bytes.
            guard args.count == 1, case .id(let id) = args[0] else { break }
            guard let text = dictionary.stringValue(id) else { throw ExpressionError("STR of a blank node") }
            return .string(text)
        case .substr:
            // A simple literal's substring, without terms.
            guard args.count >= 2, case .string(let text) = args[0], let start = number(args[1]) else { break }
            if args.count == 3 {
                guard let length = number(args[2]) else { break }
                return .string(Builtins.substring(text, from: start, length: length))
            }
            return .string(Builtins.substring(text, from: start, length: nil))
        default:
            break
        }
        return ExpressionValue(try Builtins.call(f, args.map(term), functions))
    }

    /// The number a value holds, nil when it is not numeric.
    func number(_ v: ExpressionValue) -> NumericValue? {
        switch v {
        case .numeric(let n): return n
        case .id(let id), .known(let id, _):
            if let known = caches.numbers.lookup(id) { return known }
            let n = NumericValue(dictionary.term(id))
            caches.numbers.store(id, n)
            return n
        case .term(let t): return NumericValue(t)
        case .boolean, .string: return nil
        }
    }

    /// The value as a term.
    func term(_ v: ExpressionValue) -> Term {
        switch v {
        case .id(let id): return dictionary.term(id)
        case .known(_, let t): return t
        case .numeric(let n): return n.term
        case .boolean(let b): return .typed(b ? "true" : "false", Vocabulary.xsd + "boolean")
        case .string(let s): return .string(s)
        case .term(let t): return t
        }
    }

    /// The value's term id, interned once per distinct computed value.
    func id(_ v: ExpressionValue) -> TermID {
        switch v {
        case .id(let id), .known(let id, _): return id
        case .numeric(let n):
            if let id = caches.numberIDs[n] { return id }
            let id = dictionary.intern(n.term)
            caches.numberIDs[n] = id
            return id
        case .string(let s):
            if let id = caches.stringIDs[s] { return id }
            let id = dictionary.intern(.string(s))
            caches.stringIDs[s] = id
            return id
        case .boolean, .term:
            let t = term(v)
            if let id = caches.termIDs[t] { return id }
            let id = dictionary.intern(t)
            caches.termIDs[t] = id
            return id
        }
    }

    /// The effective boolean value of a computed value.
    func effectiveBoolean(of v: ExpressionValue) throws -> Bool {
        switch v {
        case .boolean(let b): return b
        case .numeric(let n): return !(n.isZero || n.isNaN)
        case .string(let s): return !s.isEmpty
        case .id, .known, .term: return try Builtins.effectiveBooleanValue(term(v))
        }
    }
}
