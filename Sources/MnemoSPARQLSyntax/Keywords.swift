/// Keyword lists for "did you mean" suggestions, and the namespaces that
/// "unknown prefix" messages offer.
enum Keywords {
    /// The words that start a pattern element inside `{ … }`.
    static let patternKeywords = ["OPTIONAL", "FILTER", "UNION", "MINUS", "GRAPH", "SERVICE", "BIND", "VALUES"]

    /// The aggregate functions.
    static let aggregates = ["COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"]

    /// The built-in calls that are not in ``BuiltinFunction``.
    static let functionalForms = ["BOUND", "IF", "COALESCE", "EXISTS", "NOT"]

    /// Every function-like keyword.
    static let functions = BuiltinFunction.allCases.map(\.rawValue) + functionalForms + aggregates

    static let clauses = [
        "SELECT", "CONSTRUCT", "DESCRIBE", "ASK", "WHERE", "FROM", "NAMED", "PREFIX", "BASE",
        "DISTINCT", "REDUCED", "AS", "GROUP", "BY", "HAVING", "ORDER", "ASC", "DESC", "LIMIT", "OFFSET",
        "SILENT", "UNDEF", "IN", "SEPARATOR",
    ]

    /// The words that start an update operation.
    static let updateOperations = ["INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"]

    static let all = clauses + patternKeywords + functions

    /// The closest keyword to `word` if it is probably a misspelling of it.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let upper = word.uppercased()
        guard !candidates.contains(upper), upper.count >= 3 else { return nil }
        var best: (String, Int)?
        for candidate in candidates {
            var d = editDistance(Array(upper.utf8), Array(candidate.utf8))
            let allowed = candidate.count <= 4 ? 1 : 2
            // STRLENGTH for STRLEN, GROUPCONCAT… for GROUP_CONCAT: a long shared start counts as close.
            if d > allowed, candidate.count >= 5, upper.hasPrefix(candidate) || candidate.hasPrefix(upper) { d = allowed }
            if d <= allowed, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    private static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previousDiagonal = row[0]
            row[0] = i
            for j in 1...b.count {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previousDiagonal + (a[i - 1] == b[j - 1] ? 0 : 1))
                previousDiagonal = old
            }
        }
        return row[b.count]
    }

    /// Namespaces that the cultural-heritage data Mnemo holds commonly uses.
    static let wellKnownNamespaces: [String: String] = [
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "owl": "http://www.w3.org/2002/07/owl#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "dc": "http://purl.org/dc/elements/1.1/",
        "dcterms": "http://purl.org/dc/terms/",
        "schema": "http://schema.org/",
        "crm": "http://www.cidoc-crm.org/cidoc-crm/",
        "prov": "http://www.w3.org/ns/prov#",
        "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    ]
}
