/// Resolution of relative IRI references against a base (RFC 3986, section 5.2),
/// used by the parser for BASE and relative IRIs, and by the `IRI()` function.
public enum IRIResolver {
    /// True when `iri` has a scheme.
    public static func isAbsolute(_ iri: String) -> Bool { Components(iri).scheme != nil }

    /// The components of an IRI reference; nil means the component is absent
    /// (which differs from present but empty, e.g. `http://a/b?`).
    struct Components {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        init(_ iri: String) {
            var rest = Substring(iri)
            if let hash = rest.firstIndex(of: "#") {
                fragment = String(rest[rest.index(after: hash)...])
                rest = rest[..<hash]
            }
            if let q = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: q)...])
                rest = rest[..<q]
            }
            if let colon = rest.firstIndex(of: ":"), Self.isScheme(rest[..<colon]) {
                scheme = String(rest[..<colon])
                rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
                let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
                authority = String(rest[afterSlashes..<end])
                rest = rest[end...]
            }
            path = String(rest)
        }

        private static func isScheme(_ s: Substring) -> Bool {
            guard let first = s.unicodeScalars.first, first.isASCIILetter else { return false }
            return s.unicodeScalars.allSatisfy { $0.isASCIILetter || $0.isDigit || $0 == "+" || $0 == "-" || $0 == "." }
        }

        var recomposed: String {
            var out = ""
            if let scheme { out += scheme + ":" }
            if let authority { out += "//" + authority }
            out += path
            if let query { out += "?" + query }
            if let fragment { out += "#" + fragment }
            return out
        }
    }

    /// `reference` resolved against `base`; `reference` itself when there is no base.
    public static func resolve(_ reference: String, against base: String?) -> String {
        guard let base else { return reference }
        let r = Components(reference)
        if r.scheme != nil {
            var t = r
            t.path = removeDotSegments(r.path)
            return t.recomposed
        }
        let b = Components(base)
        var t = r
        t.scheme = b.scheme
        if r.authority != nil {
            t.path = removeDotSegments(r.path)
        } else {
            t.authority = b.authority
            if r.path.isEmpty {
                t.path = b.path
                t.query = r.query ?? b.query
            } else if r.path.hasPrefix("/") {
                t.path = removeDotSegments(r.path)
            } else {
                t.path = removeDotSegments(merge(base: b, path: r.path))
            }
        }
        return t.recomposed
    }

    private static func merge(base: Components, path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return String(base.path[...slash]) + path
    }

    /// RFC 3986, section 5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        var input = Substring(path)
        var output: [Substring] = []   // segments, each with its leading "/" if it had one
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                let searchFrom = input.hasPrefix("/") ? input.index(after: input.startIndex) : input.startIndex
                let end = input[searchFrom...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }
}
