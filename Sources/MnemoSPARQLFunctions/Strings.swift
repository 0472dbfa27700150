import Foundation
import MnemoRDF

/// A string literal argument: simple / xsd:string (language nil) or language-tagged.
struct StringArgument {
    var text: String
    var language: String?

    /// The result of a function that keeps the type of this argument.
    func same(_ text: String) -> Term {
        if let language { return .langString(text, language) }
        return .string(text)
    }
}

/// The string functions of section 17.4.3.
enum StringFunctions {
    /// A simple, xsd:string or language-tagged literal; anything else is a type error.
    static func stringArgument(_ t: Term, _ name: String) throws -> StringArgument {
        guard case .literal(let lit) = t, lit.isStringLike else {
            throw ExpressionError("\(name) needs a string literal")
        }
        return StringArgument(text: lit.lexical, language: lit.language)
    }

    /// A simple literal or xsd:string (no language tag).
    static func simpleArgument(_ t: Term, _ name: String) throws -> String {
        guard case .literal(let lit) = t, lit.isSimple else {
            throw ExpressionError("\(name) needs a simple literal or xsd:string")
        }
        return lit.lexical
    }

    /// "Argument compatibility" (17.4.3.1.3): both untagged, both with the same
    /// tag, or the first tagged and the second untagged.
    static func compatibleArguments(_ a: Term, _ b: Term, _ name: String) throws -> (StringArgument, StringArgument) {
        let x = try stringArgument(a, name), y = try stringArgument(b, name)
        guard y.language == nil || y.language == x.language else {
            throw ExpressionError("\(name): incompatible language tags")
        }
        return (x, y)
    }

    static func strlen(_ t: Term) throws -> Term {
        .integer(try stringArgument(t, "STRLEN").text.unicodeScalars.count)
    }

    /// SUBSTR as fn:substring: code points at 1-based positions p with
    /// round(start) ≤ p < round(start) + round(length).
    static func substr(_ args: [Term]) throws -> Term {
        let source = try stringArgument(args[0], "SUBSTR")
        func number(_ t: Term) throws -> NumericValue {
            guard let n = NumericValue(t) else { throw ExpressionError("SUBSTR needs numeric positions") }
            return n
        }
        return source.same(substring(source.text, from: try number(args[1]), length: args.count > 2 ? try number(args[2]) : nil))
    }

    /// The code points of `text` at 1-based positions p with
    /// round(start) ≤ p < round(start) + round(length) (to the end without a length).
    static func substring(_ text: String, from startValue: NumericValue, length lengthValue: NumericValue?) -> String {
        func number(_ n: NumericValue) -> Double {
            if case .integer(let v) = n { return Double(v) }
            guard case .double(let d) = n.promoted(to: 3).rounded else { return .nan }
            return d
        }
        let start = number(startValue)
        let end = lengthValue.map { start + number($0) } ?? .infinity
        guard !start.isNaN, !end.isNaN else { return "" }
        // Walk the scalars once, without copying them to an array.
        if start >= 1, start < 1e15, end == .infinity || end < 1e15 {
            if end <= start { return "" }
            let view = text.unicodeScalars
            guard let from = view.index(view.startIndex, offsetBy: Int(start) - 1, limitedBy: view.endIndex) else { return "" }
            let to = end == .infinity ? view.endIndex
                : view.index(from, offsetBy: Int(end) - Int(start), limitedBy: view.endIndex) ?? view.endIndex
            return String(view[from..<to])
        }
        let scalars = Array(text.unicodeScalars)
        let from = max(start, 1), to = min(end, Double(scalars.count) + 1)
        guard from < to else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[Int(from) - 1 ..< Int(to) - 1])
        return String(out)
    }

    static func ucase(_ t: Term) throws -> Term {
        let s = try stringArgument(t, "UCASE")
        return s.same(s.text.uppercased())
    }

    static func lcase(_ t: Term) throws -> Term {
        let s = try stringArgument(t, "LCASE")
        return s.same(s.text.lowercased())
    }

    static func strStarts(_ a: Term, _ b: Term) throws -> Term {
        let (x, y) = try compatibleArguments(a, b, "STRSTARTS")
        return .boolean(x.text.utf8.starts(with: y.text.utf8))
    }

    static func strEnds(_ a: Term, _ b: Term) throws -> Term {
        let (x, y) = try compatibleArguments(a, b, "STRENDS")
        return .boolean(x.text.utf8.reversed().starts(with: y.text.utf8.reversed()))
    }

    static func contains(_ a: Term, _ b: Term) throws -> Term {
        let (x, y) = try compatibleArguments(a, b, "CONTAINS")
        return .boolean(find(y.text, in: x.text) != nil)
    }

    /// STRBEFORE: the part before the first match, typed like the first argument;
    /// "" (simple) when there is no match.
    static func strBefore(_ a: Term, _ b: Term) throws -> Term {
        let (x, y) = try compatibleArguments(a, b, "STRBEFORE")
        guard let at = find(y.text, in: x.text) else { return .string("") }
        let bytes = Array(x.text.utf8)
        return x.same(String(decoding: bytes[..<at], as: UTF8.self))
    }

    /// STRAFTER: the part after the first match, typed like the first argument.
    static func strAfter(_ a: Term, _ b: Term) throws -> Term {
        let (x, y) = try compatibleArguments(a, b, "STRAFTER")
        guard let at = find(y.text, in: x.text) else { return .string("") }
        let bytes = Array(x.text.utf8)
        return x.same(String(decoding: bytes[(at + y.text.utf8.count)...], as: UTF8.self))
    }

    /// The byte offset of the first occurrence of `needle` (a code-point match:
    /// UTF-8 is self-synchronising, so byte matches start on code points).
    static func find(_ needle: String, in haystack: String) -> Int? {
        let n = Array(needle.utf8), h = Array(haystack.utf8)
        if n.isEmpty { return 0 }
        guard n.count <= h.count else { return nil }
        let first = n[0]
        var i = 0
        while i <= h.count - n.count {
            if h[i] == first && h[i ..< i + n.count].elementsEqual(n) { return i }
            i += 1
        }
        return nil
    }

    /// CONCAT: the common language tag if all arguments share it; xsd:string otherwise.
    static func concat(_ args: [Term]) throws -> Term {
        var text = ""
        var language: String?? = .none   // .none: no argument yet; .some(nil): untagged
        for arg in args {
            let s = try stringArgument(arg, "CONCAT")
            text += s.text
            switch language {
            case .none: language = .some(s.language)
            case .some(let tag) where tag != s.language: language = .some(nil)
            default: break
            }
        }
        if case .some(.some(let tag)) = language { return .langString(text, tag) }
        return .string(text)
    }

    /// ENCODE_FOR_URI: percent-encodes every UTF-8 byte outside the unreserved set.
    static func encodeForURI(_ t: Term) throws -> Term {
        let s = try stringArgument(t, "ENCODE_FOR_URI")
        var out = ""
        let hex = Array("0123456789ABCDEF".utf8)
        for b in s.text.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(b >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(b & 15)]))
            }
        }
        return .string(out)
    }

    /// LANGMATCHES: basic filtering (RFC 4647): "*" matches any non-empty tag;
    /// otherwise the range equals the tag or is a prefix of it ending at "-".
    static func langMatches(_ a: Term, _ b: Term) throws -> Term {
        let tag = try simpleArgument(a, "LANGMATCHES").lowercased()
        let range = try simpleArgument(b, "LANGMATCHES").lowercased()
        if range == "*" { return .boolean(!tag.isEmpty) }
        return .boolean(tag == range || (!range.isEmpty && tag.hasPrefix(range + "-")))
    }
}
