import Foundation
import MnemoRDF

/// Datatype IRIs of XML Schema and RDF that the functions know.
enum XSD {
    static let ns = Vocabulary.xsd
    static let string = ns + "string"
    static let boolean = ns + "boolean"
    static let integer = ns + "integer"
    static let decimal = ns + "decimal"
    static let float = ns + "float"
    static let double = ns + "double"
    static let dateTime = ns + "dateTime"
    static let dateTimeStamp = ns + "dateTimeStamp"
    static let date = ns + "date"
    static let time = ns + "time"
    static let gYear = ns + "gYear"
    static let gYearMonth = ns + "gYearMonth"
    static let gMonth = ns + "gMonth"
    static let gMonthDay = ns + "gMonthDay"
    static let gDay = ns + "gDay"
    static let duration = ns + "duration"
    static let dayTimeDuration = ns + "dayTimeDuration"
    static let yearMonthDuration = ns + "yearMonthDuration"
    static let langString = Vocabulary.rdfLangString

    /// The types derived from xsd:integer, with their bounds (nil: unbounded).
    static let integerSubtypes: [String: (min: Decimal?, max: Decimal?)] = [
        ns + "nonPositiveInteger": (nil, 0),
        ns + "negativeInteger": (nil, -1),
        ns + "long": (Decimal(string: "-9223372036854775808"), Decimal(string: "9223372036854775807")),
        ns + "int": (-2_147_483_648, 2_147_483_647),
        ns + "short": (-32768, 32767),
        ns + "byte": (-128, 127),
        ns + "nonNegativeInteger": (0, nil),
        ns + "unsignedLong": (0, Decimal(string: "18446744073709551615")),
        ns + "unsignedInt": (0, 4_294_967_295),
        ns + "unsignedShort": (0, 65535),
        ns + "unsignedByte": (0, 255),
        ns + "positiveInteger": (1, nil),
    ]

    /// True for xsd:integer and the types derived from it.
    static func isIntegerType(_ datatype: String) -> Bool {
        datatype == integer || integerSubtypes[datatype] != nil
    }

    /// True for the numeric datatypes (section 17.1 "numeric").
    static func isNumericType(_ datatype: String) -> Bool {
        datatype == decimal || datatype == double || datatype == float || isIntegerType(datatype)
    }
}

extension Literal {
    /// A simple literal or an xsd:string (the same thing in RDF 1.1).
    var isSimple: Bool { language == nil && datatype == XSD.string }
    /// A simple literal, an xsd:string or a language-tagged string.
    var isStringLike: Bool { language != nil || datatype == XSD.string }
}

/// Byte-level helpers: Swift's `String ==` and `<` use canonical equivalence,
/// while SPARQL compares code points; UTF-8 byte order is code-point order.
enum Codepoints {
    static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && compare(a, b) == 0
    }

    static func compare(_ a: String, _ b: String) -> Int {
        var a = a, b = b   // native strings give contiguous UTF-8 without copying
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let r = memcmp(p, q, common)
                    if r != 0 { return r < 0 ? -1 : 1 }
                }
                return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
            }
        }
    }
}

extension Term {
    /// RDF term identity, byte-exact (unlike `==`, which treats canonically
    /// equivalent strings as equal).
    static func identical(_ a: Term, _ b: Term) -> Bool {
        switch (a, b) {
        case let (.iri(x), .iri(y)), let (.blank(x), .blank(y)): return Codepoints.equal(x, y)
        case let (.literal(x), .literal(y)):
            return Codepoints.equal(x.lexical, y.lexical) && x.datatype == y.datatype
                && x.language == y.language
        default: return false
        }
    }
}

/// Shorthands for result terms.
extension Term {
    static func boolean(_ value: Bool) -> Term { .typed(value ? "true" : "false", XSD.boolean) }
    static func integer(_ value: Int) -> Term { .typed(String(value), XSD.integer) }
}
