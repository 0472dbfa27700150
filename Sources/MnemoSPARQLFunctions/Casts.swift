import Foundation
import MnemoRDF

/// XSD constructor functions (`xsd:integer(?x)` …) per the XPath casting
/// rules (F&O 19) as SPARQL section 17.5 restricts them.
enum Casts {
    static let temporalTargets: [String: Temporal.Kind] = Temporal.kinds.filter { $0.key != XSD.dateTimeStamp }

    static func cast(_ t: Term, to target: String) throws -> Term {
        let literal: Literal
        switch t {
        case .blank: throw ExpressionError("cannot cast a blank node")
        case .iri(let iri):
            guard target == XSD.string else { throw ExpressionError("an IRI casts only to xsd:string") }
            return .string(iri)
        case .literal(let lit): literal = lit
        }
        let value = LiteralValue(literal)
        if target == XSD.string { return .string(try string(value, literal)) }
        if case .langString = value { throw ExpressionError("cannot cast a language-tagged string to \(target)") }
        if case .unknown = value { throw ExpressionError("cannot cast a literal of unknown value") }
        if case .string(let s) = value {
            return try fromString(s.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\r")), target)
        }
        if target == XSD.boolean {
            switch value {
            case .boolean(let b): return .boolean(b)
            case .numeric(let n): return .boolean(!(n.isZero || n.isNaN))
            default: throw ExpressionError("cannot cast to xsd:boolean")
            }
        }
        if XSD.isNumericType(target) {
            switch value {
            case .numeric(let n): return try numeric(n, target)
            case .boolean(let b): return try numeric(.integer(b ? 1 : 0), target)
            default: throw ExpressionError("cannot cast to \(target)")
            }
        }
        if let kind = temporalTargets[target], case .temporal(var v) = value {
            switch (v.kind, kind) {
            case (let a, let b) where a == b: break
            case (.date, .dateTime): (v.hour, v.minute, v.second) = (0, 0, 0)
            case (.dateTime, .date), (.dateTime, .time), (.dateTime, .gYear), (.dateTime, .gYearMonth),
                 (.dateTime, .gMonth), (.dateTime, .gMonthDay), (.dateTime, .gDay),
                 (.date, .gYear), (.date, .gYearMonth), (.date, .gMonth), (.date, .gMonthDay), (.date, .gDay):
                break
            default: throw ExpressionError("cannot cast to \(target)")
            }
            v.kind = kind
            return .typed(DateFunctions.lexical(v), target)
        }
        if case .duration = value, literal.datatype == target { return .literal(literal) }
        throw ExpressionError("cannot cast to \(target)")
    }

    /// The XPath string form of a value: canonical for numbers, booleans, dates.
    private static func string(_ value: LiteralValue, _ literal: Literal) throws -> String {
        switch value {
        case .numeric(.integer(let v)): return String(v)
        case .numeric(.bigInteger(let d)): return NumberFormat.integer(d)
        case .numeric(.decimal(let d)): return NumberFormat.xpathString(d.decimal)
        case .numeric(.float(let f)): return NumberFormat.xpathString(Double(f), digits: f.description)
        case .numeric(.double(let d)): return NumberFormat.xpathString(d, digits: d.description)
        case .boolean(let b): return b ? "true" : "false"
        case .temporal(let v): return DateFunctions.lexical(v)
        default: return literal.lexical
        }
    }

    private static func fromString(_ s: String, _ target: String) throws -> Term {
        let candidate = Literal(s, datatype: target)
        if target == XSD.boolean {
            guard case .boolean(let b) = LiteralValue(candidate) else { throw invalid(s, target) }
            return .boolean(b)
        }
        if XSD.isNumericType(target) {
            guard let n = NumericValue(candidate) else { throw invalid(s, target) }
            return try numeric(n, target)
        }
        if let kind = temporalTargets[target] {
            guard let v = Temporal(lexical: s, kind: kind) else { throw invalid(s, target) }
            return .typed(DateFunctions.lexical(v), target)
        }
        if Duration(candidate) != nil { return .literal(candidate) }
        throw ExpressionError("unknown function <\(target)>")
    }

    private static func invalid(_ s: String, _ target: String) -> ExpressionError {
        ExpressionError("\"\(s)\" is not a valid lexical form of \(target)")
    }

    /// A numeric value converted to a numeric target type.
    private static func numeric(_ n: NumericValue, _ target: String) throws -> Term {
        switch target {
        case XSD.double: return NumericValue.double(n.doubleValue).term
        case XSD.float:
            if case .float = n { return n.term }
            return NumericValue.float(Float(n.doubleValue)).term
        case XSD.decimal: return NumericValue.decimal(DecimalNumber(try exactDecimal(n))).term
        default:
            let whole = try exactDecimal(n)
            let truncated = whole.rounded(whole < 0 ? .up : .down)
            if let bounds = XSD.integerSubtypes[target] {
                if let min = bounds.min, truncated < min { throw ExpressionError("out of range for \(target)") }
                if let max = bounds.max, truncated > max { throw ExpressionError("out of range for \(target)") }
                return .typed(NumberFormat.integer(truncated), target)
            }
            return NumericValue.integer(exactly: truncated).term
        }
    }

    /// The decimal value of a number; NaN and infinities cannot be cast.
    private static func exactDecimal(_ n: NumericValue) throws -> Decimal {
        let digits: String
        switch n {
        case .integer(let v): return Decimal(v)
        case .bigInteger(let d): return d
        case .decimal(let d): return d.decimal
        case .float(let f): guard f.isFinite else { throw ExpressionError("cannot cast \(f) to a decimal") }; digits = f.description
        case .double(let d): guard d.isFinite else { throw ExpressionError("cannot cast \(d) to a decimal") }; digits = d.description
        }
        guard Swift.abs(n.doubleValue) < 1e160,
              let value = Decimal(string: digits, locale: NumericLexical.posix), !value.isNaN else {
            throw ExpressionError("\(digits) is out of the decimal range")
        }
        return value
    }
}
