import Foundation

/// Reference resolution of RFC 3986, section 5.2, on IRI strings.
enum IRIResolution {
    /// The parts of a reference; nil components are absent (not empty).
    struct Parts {
        var scheme: Substring?
        var authority: Substring?
        var path: Substring
        var query: Substring?
        var fragment: Substring?

        init(_ s: String) {
            var rest = s[...]
            if let hash = rest.firstIndex(of: "#") {
                fragment = rest[rest.index(after: hash)...]
                rest = rest[..<hash]
            }
            if let q = rest.firstIndex(of: "?") {
                query = rest[rest.index(after: q)...]
                rest = rest[..<q]
            }
            if let colon = rest.firstIndex(of: ":"), IRIResolution.isScheme(rest[..<colon]) {
                scheme = rest[..<colon]
                rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex(of: "/") ?? rest.endIndex
                authority = rest[..<end]
                rest = rest[end...]
            }
            path = rest
        }
    }

    static func isScheme(_ s: Substring) -> Bool {
        guard let first = s.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return s.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0))
        }
    }

    /// True when the string starts with a scheme (an absolute IRI).
    static func isAbsolute(_ s: String) -> Bool { Parts(s).scheme != nil }

    /// Resolves `reference` against `base` (which must be absolute).
    static func resolve(_ reference: String, against base: String) -> String {
        let r = Parts(reference), b = Parts(base)
        var scheme = r.scheme, authority: Substring?, path: String, query: Substring?
        if r.scheme != nil {
            authority = r.authority; path = removeDotSegments(String(r.path)); query = r.query
        } else {
            scheme = b.scheme
            if r.authority != nil {
                authority = r.authority; path = removeDotSegments(String(r.path)); query = r.query
            } else {
                authority = b.authority
                if r.path.isEmpty {
                    path = String(b.path); query = r.query ?? b.query
                } else {
                    if r.path.hasPrefix("/") {
                        path = removeDotSegments(String(r.path))
                    } else {
                        path = removeDotSegments(merge(b, r.path))
                    }
                    query = r.query
                }
            }
        }
        var out = ""
        if let scheme { out += scheme + ":" }
        if let authority { out += "//" + authority }
        out += path
        if let query { out += "?" + query }
        if let fragment = r.fragment { out += "#" + fragment }
        return out
    }

    private static func merge(_ base: Parts, _ path: Substring) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return String(path) }
        return String(base.path[...slash]) + path
    }

    /// RFC 3986, 5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        var input = Substring(path)
        var output: [Substring] = []
        while !input.isEmpty {
            if input.hasPrefix("../") { input = input.dropFirst(3) }
            else if input.hasPrefix("./") { input = input.dropFirst(2) }
            else if input.hasPrefix("/./") { input = input.dropFirst(2) }
            else if input == "/." { input = "/" }
            else if input.hasPrefix("/../") { input = input.dropFirst(3); if !output.isEmpty { output.removeLast() } }
            else if input == "/.." { input = "/"; if !output.isEmpty { output.removeLast() } }
            else if input == "." || input == ".." { input = "" }
            else {
                let start = input.hasPrefix("/") ? input.index(after: input.startIndex) : input.startIndex
                let end = input[start...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }

    /// Characters that may not appear in an IRI (RFC 3987): controls, space, <>"{}|\^`.
    static func hasIllegalCharacters(_ s: String) -> Bool {
        s.unicodeScalars.contains { c in
            c.value <= 0x20 || (0x7F...0x9F).contains(c.value) || "<>\"{}|\\^`".unicodeScalars.contains(c)
        }
    }
}
