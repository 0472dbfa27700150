import Foundation
import MnemoRDF
import MnemoSPARQLSyntax

/// The SPARQL 1.1 built-in functions and operators on values (section 17).
///
/// The evaluator computes the arguments and calls in here; variables, BOUND,
/// IF, COALESCE, IN, the logical connectives and EXISTS stay with it. Every
/// function throws ``ExpressionError`` for a type error.
///
/// Results are in canonical form: `1 + 1` is `"2"^^xsd:integer`, decimals
/// read like `"1.5"` / `"3.0"`, doubles and floats like `"2.5E1"`.
public enum Builtins {
    /// Calls a built-in function on evaluated arguments, after checking their number.
    public static func call(_ f: BuiltinFunction, _ args: [Term], _ ctx: FunctionContext) throws -> Term {
        let (low, high) = arity(f)
        guard args.count >= low && args.count <= high else {
            throw ExpressionError("\(f.rawValue) takes \(low == high ? "\(low)" : "\(low)…\(high == .max ? "n" : "\(high)")") arguments, not \(args.count)")
        }
        let a = args.first ?? .string("")
        switch f {
        case .str: return try TermFunctions.str(a)
        case .lang: return try TermFunctions.lang(a)
        case .langMatches: return try StringFunctions.langMatches(a, args[1])
        case .datatype: return try TermFunctions.datatype(a)
        case .iri, .uri: return try TermFunctions.iri(a, ctx)
        case .bnode: return try TermFunctions.bnode(args.first, ctx)
        case .rand: return NumericValue.double(ctx.nextRandom()).term
        case .abs: return try numericArgument(a, "ABS").absolute.term
        case .ceil: return try numericArgument(a, "CEIL").ceiling.term
        case .floor: return try numericArgument(a, "FLOOR").floor.term
        case .round: return try numericArgument(a, "ROUND").rounded.term
        case .concat: return try StringFunctions.concat(args)
        case .substr: return try StringFunctions.substr(args)
        case .strlen: return try StringFunctions.strlen(a)
        case .replace: return try RegexFunctions.replace(args, ctx)
        case .ucase: return try StringFunctions.ucase(a)
        case .lcase: return try StringFunctions.lcase(a)
        case .encodeForURI: return try StringFunctions.encodeForURI(a)
        case .contains: return try StringFunctions.contains(a, args[1])
        case .strStarts: return try StringFunctions.strStarts(a, args[1])
        case .strEnds: return try StringFunctions.strEnds(a, args[1])
        case .strBefore: return try StringFunctions.strBefore(a, args[1])
        case .strAfter: return try StringFunctions.strAfter(a, args[1])
        case .year: return try DateFunctions.year(a)
        case .month: return try DateFunctions.month(a)
        case .day: return try DateFunctions.day(a)
        case .hours: return try DateFunctions.hours(a)
        case .minutes: return try DateFunctions.minutes(a)
        case .seconds: return try DateFunctions.seconds(a)
        case .timezone: return try DateFunctions.timezone(a)
        case .tz: return try DateFunctions.tz(a)
        case .now: return DateFunctions.now(ctx.now)
        case .uuid: return .iri("urn:uuid:" + UUID().uuidString.lowercased())
        case .strUUID: return .string(UUID().uuidString.lowercased())
        case .md5: return try Hashes.hash(Hashes.md5, a, "MD5")
        case .sha1: return try Hashes.hash(Hashes.sha1, a, "SHA1")
        case .sha256: return try Hashes.hash(Hashes.sha256, a, "SHA256")
        case .sha384: return try Hashes.hash(Hashes.sha384, a, "SHA384")
        case .sha512: return try Hashes.hash(Hashes.sha512, a, "SHA512")
        case .strLang: return try TermFunctions.strLang(a, args[1])
        case .strDT: return try TermFunctions.strDT(a, args[1])
        case .sameTerm: return .boolean(Term.identical(a, args[1]))
        case .isIRI, .isURI: return .boolean(a.isIRI)
        case .isBlank: return .boolean(a.isBlank)
        case .isLiteral: return .boolean(a.isLiteral)
        case .isNumeric: return .boolean(NumericValue(a) != nil)
        case .regex: return try RegexFunctions.regex(args, ctx)
        }
    }

    /// The allowed numbers of arguments.
    static func arity(_ f: BuiltinFunction) -> (Int, Int) {
        switch f {
        case .rand, .now, .uuid, .strUUID: (0, 0)
        case .bnode: (0, 1)
        case .langMatches, .contains, .strStarts, .strEnds, .strBefore, .strAfter,
             .strLang, .strDT, .sameTerm: (2, 2)
        case .substr, .regex: (2, 3)
        case .replace: (3, 4)
        case .concat: (0, .max)
        default: (1, 1)
        }
    }

    /// Calls a function by IRI: the XSD constructor functions (casts) to
    /// xsd:string, boolean, integer (and its derived types such as xsd:int),
    /// decimal, float, double, dateTime, date, time, gYear, gYearMonth,
    /// gMonth, gMonthDay, gDay, duration, dayTimeDuration, yearMonthDuration.
    /// An IRI among the context's ``FunctionContext/extensions`` calls that
    /// function; any other IRI is an unknown function: an ``ExpressionError``.
    public static func callIRI(_ iri: String, _ args: [Term], _ ctx: FunctionContext) throws -> Term {
        if let f = ctx.extensions[iri] { return try f.call(args) }
        let known = iri == XSD.string || iri == XSD.boolean || XSD.isNumericType(iri)
            || Casts.temporalTargets[iri] != nil
            || iri == XSD.duration || iri == XSD.dayTimeDuration || iri == XSD.yearMonthDuration
        guard known else { throw ExpressionError("unknown function <\(iri)>") }
        guard args.count == 1 else { throw ExpressionError("<\(iri)> takes 1 argument, not \(args.count)") }
        return try Casts.cast(args[0], to: iri)
    }

    static func numericArgument(_ t: Term, _ name: String) throws -> NumericValue {
        guard let n = NumericValue(t) else { throw ExpressionError("\(name) needs a numeric argument") }
        return n
    }

    // MARK: Arithmetic (section 17.3, op:numeric-add …)

    /// `a + b`, with promotion integer → decimal → float → double.
    public static func add(_ a: Term, _ b: Term) throws -> Term { try arithmetic(.add, a, b) }
    /// `a - b`.
    public static func subtract(_ a: Term, _ b: Term) throws -> Term { try arithmetic(.subtract, a, b) }
    /// `a * b`.
    public static func multiply(_ a: Term, _ b: Term) throws -> Term { try arithmetic(.multiply, a, b) }
    /// `a / b`: integers divide to a decimal; division by zero is an error for
    /// integers and decimals, and gives INF / NaN for floats and doubles.
    public static func divide(_ a: Term, _ b: Term) throws -> Term { try arithmetic(.divide, a, b) }

    /// `-a`, keeping the numeric type.
    public static func unaryMinus(_ a: Term) throws -> Term { try numericArgument(a, "unary -").negated.term }
    /// `+a`: the number in canonical form, keeping its numeric type.
    public static func unaryPlus(_ a: Term) throws -> Term { try numericArgument(a, "unary +").term }

    private static func arithmetic(_ op: NumericValue.Operation, _ a: Term, _ b: Term) throws -> Term {
        guard let x = NumericValue(a), let y = NumericValue(b) else {
            throw ExpressionError("arithmetic needs numeric operands")
        }
        return try NumericValue.apply(op, x, y).term
    }

    /// SUBSTR of a string's text: the code points from the 1-based position
    /// `start` (rounded), `length` of them (rounded; to the end when nil).
    public static func substring(_ text: String, from start: NumericValue, length: NumericValue?) -> String {
        StringFunctions.substring(text, from: start, length: length)
    }

    /// The value of a valid numeric literal as a double; nil for anything else.
    public static func numericValue(_ t: Term) -> Double? { NumericValue(t)?.doubleValue }

    /// True for a numeric literal with a valid lexical form (`isNumeric`).
    public static func isNumeric(_ t: Term) -> Bool { NumericValue(t) != nil }
}
