import Foundation

/// The parameters of a query string or an `application/x-www-form-urlencoded`
/// body, in order, repeated names kept (`default-graph-uri` may repeat).
struct FormParameters {
    private(set) var pairs: [(name: String, value: String)] = []

    init() {}

    /// Parses `a=1&b=x+y%20z`; a malformed escape or non-UTF-8 text is an error naming the parameter.
    init(_ text: String) throws {
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(kv[0], what: "a parameter name")
            let value = kv.count > 1 ? try Self.decode(kv[1], what: "the value of '\(name)'") : ""
            pairs.append((name, value))
        }
    }

    /// Every value of `name`.
    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// The one value of `name`; nil when absent, an error when repeated.
    func single(_ name: String) throws -> String? {
        let v = all(name)
        if v.count > 1 { throw ServiceError.badRequest("the parameter '\(name)' is given \(v.count) times; give it once") }
        return v.first
    }

    func has(_ name: String) -> Bool { pairs.contains { $0.name == name } }

    mutating func append(_ other: FormParameters) { pairs += other.pairs }

    static func decode(_ s: Substring, what: String) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var it = Array(s.utf8)[...]
        while let c = it.popFirst() {
            switch c {
            case UInt8(ascii: "+"): bytes.append(32)
            case UInt8(ascii: "%"):
                guard it.count >= 2, let h = hexValue(it[it.startIndex]), let l = hexValue(it[it.startIndex + 1]) else {
                    throw ServiceError.badRequest("malformed percent-escape in \(what)")
                }
                bytes.append(h << 4 | l)
                it = it.dropFirst(2)
            default: bytes.append(c)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ServiceError.badRequest("\(what) is not valid UTF-8 once decoded")
        }
        return text
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 97...102: return c - 87
        case 65...70: return c - 55
        default: return nil
        }
    }
}
