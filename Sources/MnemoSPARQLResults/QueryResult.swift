import MnemoRDF

/// A table of solutions, as a SELECT query returns it: the variable names in
/// order (without `?`), and one row per solution holding one optional term per
/// variable, in the same order (`nil` = the variable is unbound in that row).
public struct SolutionTable: Sendable, Equatable {
    /// The variable names, without the leading `?`.
    public var variables: [String]
    /// The solutions; each row has one entry per variable.
    public var rows: [[Term?]]

    public init(variables: [String], rows: [[Term?]]) {
        self.variables = variables
        self.rows = rows
    }

    /// The number of solutions.
    public var count: Int { rows.count }

    /// The term bound to `variable` in row `row`, or nil when unbound or unknown.
    public subscript(row: Int, variable: String) -> Term? {
        guard rows.indices.contains(row), let c = variables.firstIndex(of: variable),
              c < rows[row].count else { return nil }
        return rows[row][c]
    }

    /// The solutions as dictionaries from variable name to bound term.
    public var bindings: [[String: Term]] {
        rows.map { row in
            var d: [String: Term] = [:]
            for (i, v) in variables.enumerated() where i < row.count {
                if let t = row[i] { d[v] = t }
            }
            return d
        }
    }
}

/// What a SPARQL query returns: solutions (SELECT), a boolean (ASK) or
/// triples (CONSTRUCT, DESCRIBE; their quads have a nil graph).
public enum QueryResult: Sendable, Equatable {
    case solutions(SolutionTable)
    case boolean(Bool)
    case graph([Quad])
}
