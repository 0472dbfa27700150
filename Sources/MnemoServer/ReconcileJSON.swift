import Foundation
import MnemoRDF
import MnemoSPARQLResults

/// A JSON value to write; objects keep their members in the order given.
indirect enum JSONOut {
    case object([(String, JSONOut)])
    case array([JSONOut])
    case string(String)
    case int(Int)
    case number(Double)
    case bool(Bool)
    case null

    var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .object(let members):
            out += "{"
            for (i, (k, v)) in members.enumerated() {
                if i > 0 { out += "," }
                JSONString.append(k, to: &out)
                out += ":"
                v.write(to: &out)
            }
            out += "}"
        case .array(let items):
            out += "["
            for (i, v) in items.enumerated() {
                if i > 0 { out += "," }
                v.write(to: &out)
            }
            out += "]"
        case .string(let s): JSONString.append(s, to: &out)
        case .int(let n): out += String(n)
        case .number(let d):
            if !d.isFinite { out += "null" } else if d == d.rounded(), abs(d) < 1e15 { out += String(Int(d)) } else { out += String(d) }
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// An object of the members whose values are not nil.
    static func members(_ pairs: [(String, JSONOut?)]) -> JSONOut {
        .object(pairs.compactMap { k, v in v.map { (k, $0) } })
    }
}

/// A JSON value read from a request, with the path that leads to it
/// (`queries.q0.limit`), so that a refusal can say where the problem is.
struct JSONIn {
    let node: JSONNode
    let path: String

    /// Parses `text`, the value of `what` (a parameter or "the request body").
    static func parse(_ text: String, what: String) throws -> JSONIn {
        do {
            return JSONIn(node: try JSONParser.parse(Array(text.utf8)), path: what)
        } catch let e as ResultsParseError {
            throw ServiceError.badRequest("\(what) is not valid JSON: line \(e.line), column \(e.column): \(e.message)")
        }
    }

    func fail(_ why: String) -> ServiceError { ServiceError.badRequest("\(path): \(why)") }

    func object() throws -> [(key: String, value: JSONIn)] {
        guard let m = node.members else { throw fail("expected an object, not \(node.typeName)") }
        return m.map { ($0.key, JSONIn(node: $0.value, path: path + "." + $0.key)) }
    }

    /// The member `key` of this object; nil when absent or null.
    func member(_ key: String) throws -> JSONIn? {
        guard let m = node.members else { throw fail("expected an object, not \(node.typeName)") }
        guard let v = m.last(where: { $0.key == key })?.value else { return nil }
        if case .null = v.kind { return nil }
        return JSONIn(node: v, path: path + "." + key)
    }

    func array() throws -> [JSONIn] {
        guard case .array(let items) = node.kind else { throw fail("expected an array, not \(node.typeName)") }
        return items.enumerated().map { JSONIn(node: $1, path: "\(path)[\($0)]") }
    }

    func string() throws -> String {
        guard case .string(let s) = node.kind else { throw fail("expected a string, not \(node.typeName)") }
        return s
    }

    func bool() throws -> Bool {
        guard case .bool(let b) = node.kind else { throw fail("expected true or false, not \(node.typeName)") }
        return b
    }

    /// A string or an array of strings.
    func strings() throws -> [String] {
        if case .array = node.kind { return try array().map { try $0.string() } }
        return [try string()]
    }

    /// A whole number in `range`; a number or a string of digits.
    func integer(in range: ClosedRange<Int>) throws -> Int {
        let text: String
        switch node.kind {
        case .number(let t): text = t
        case .string(let t): text = t
        default: throw fail("expected a whole number from \(range.lowerBound) to \(range.upperBound), not \(node.typeName)")
        }
        guard let d = Double(text), d == d.rounded(), d >= Double(range.lowerBound), d <= Double(range.upperBound) else {
            throw fail("expected a whole number from \(range.lowerBound) to \(range.upperBound), not \(text)")
        }
        return Int(d)
    }
}
