import Foundation
import MnemoRDF

/// The value of a literal as the operators see it (section 17.3): a literal
/// of a datatype the functions know and with a valid lexical form has a
/// value; any other literal (unknown datatype, or ill-typed like
/// `"x"^^xsd:integer`) is `.unknown` and equals only itself.
enum LiteralValue {
    case numeric(NumericValue)
    case string(String)
    case langString(String, String)
    case boolean(Bool)
    case temporal(Temporal)
    case duration(Duration)
    case unknown

    init(_ literal: Literal) {
        if let language = literal.language {
            self = .langString(literal.lexical, language)
            return
        }
        let dt = literal.datatype
        if dt == XSD.string {
            self = .string(literal.lexical)
        } else if dt == XSD.boolean {
            switch literal.lexical {
            case "true", "1": self = .boolean(true)
            case "false", "0": self = .boolean(false)
            default: self = .unknown
            }
        } else if XSD.isNumericType(dt) {
            self = NumericValue(literal).map(LiteralValue.numeric) ?? .unknown
        } else if Temporal.kinds[dt] != nil {
            self = Temporal(literal).map(LiteralValue.temporal) ?? .unknown
        } else if let d = Duration(literal) {
            self = .duration(d)
        } else {
            self = .unknown
        }
    }

    /// Orders the value spaces for ORDER BY (literals of different spaces
    /// never compare by value).
    var spaceRank: Int {
        switch self {
        case .numeric: 0
        case .boolean: 1
        case .temporal(let t): 2 + t.kind.rawValue   // 2 … 9
        case .duration: 10
        case .string: 11
        case .langString: 12
        case .unknown: 13
        }
    }
}
