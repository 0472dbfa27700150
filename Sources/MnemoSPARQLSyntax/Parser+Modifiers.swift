import MnemoRDF

/// GROUP BY, HAVING, ORDER BY, LIMIT and OFFSET as written.
struct SolutionModifiers {
    struct GroupKey {
        var expression: Expression
        var variable: Variable?
        var token: Token
    }
    var groupBy: [GroupKey] = []
    var having: [Expression] = []
    var orderBy: [OrderCondition] = []
    var limit: Int?
    var offset: Int?
}

// Solution modifiers and the trailing VALUES clause (grammar rules 18–28, 61–65).
extension Parser {
    func parseSolutionModifiers(scope: AggregateScope) throws -> SolutionModifiers {
        var modifiers = SolutionModifiers()
        if try acceptKeyword("GROUP") != nil {
            try expectKeyword("BY", "BY after GROUP")
            try withAggregates(nil, banned: "in GROUP BY") {
                while let key = try parseGroupCondition() { modifiers.groupBy.append(key) }
            }
            if modifiers.groupBy.isEmpty { throw try unexpected("a variable or expression to group by") }
        }
        if try acceptKeyword("HAVING") != nil {
            try withAggregates(scope, banned: "") {
                while try startsConstraint() { modifiers.having.append(try parseConstraint()) }
            }
            if modifiers.having.isEmpty { throw try unexpected("a condition in parentheses after HAVING") }
        }
        if try acceptKeyword("ORDER") != nil {
            try expectKeyword("BY", "BY after ORDER")
            try withAggregates(scope, banned: "") {
                while let condition = try parseOrderCondition() { modifiers.orderBy.append(condition) }
            }
            if modifiers.orderBy.isEmpty { throw try unexpected("a variable or expression to order by") }
        }
        if try acceptKeyword("LIMIT") != nil {
            modifiers.limit = try parseCount("LIMIT")
            if try acceptKeyword("OFFSET") != nil { modifiers.offset = try parseCount("OFFSET") }
        } else if try acceptKeyword("OFFSET") != nil {
            modifiers.offset = try parseCount("OFFSET")
            if try acceptKeyword("LIMIT") != nil { modifiers.limit = try parseCount("LIMIT") }
        }
        return modifiers
    }

    /// Runs `body` with aggregates going to `scope` (nil: refused, saying they are `banned`).
    private func withAggregates(_ scope: AggregateScope?, banned: String, _ body: () throws -> Void) throws {
        let saved = expressionContext(aggregates: scope, banned: banned)
        defer { restore(saved) }
        try body()
    }

    private func parseCount(_ clause: String) throws -> Int {
        let t = try peek()
        guard case .integer(let digits) = t.kind else {
            throw try unexpected("a whole number after \(clause)")
        }
        try advance()
        guard let n = Int(digits) else {
            throw failure(at: t, "\(clause) \(digits) is too large")
        }
        return n
    }

    /// GroupCondition (rule 20), or nil when the next token cannot start one.
    private func parseGroupCondition() throws -> SolutionModifiers.GroupKey? {
        let t = try peek()
        switch t.kind {
        case .variable(let v):
            try advance()
            return .init(expression: .variable(v), variable: v, token: t)
        case .symbol("("):
            try advance()
            let e = try parseExpression()
            var variable: Variable?
            var at = t
            if try acceptKeyword("AS") != nil {
                at = try peek()
                guard case .variable(let v) = at.kind else { throw try unexpected("a variable after AS") }
                try advance()
                variable = v
                noteBinding(v)
            } else if case .variable(let v) = e {
                variable = v
            }
            try expect(")", "')' to close the GROUP BY expression opened at line \(t.line), column \(t.column)")
            return .init(expression: e, variable: variable, token: at)
        case .word:
            guard startsBuiltinCall(t) else { return nil }
            return .init(expression: try parseBuiltinCall(), variable: nil, token: t)
        case .iriRef, .prefixedName:
            return .init(expression: try parseFunctionCall(), variable: nil, token: t)
        default:
            return nil
        }
    }

    /// OrderCondition (rule 24), or nil when the next token cannot start one.
    private func parseOrderCondition() throws -> OrderCondition? {
        let t = try peek()
        if t.isKeyword("ASC") || t.isKeyword("DESC") {
            try advance()
            guard try peek().isSymbol("(") else {
                throw try unexpected("'(' after \(t.keyword ?? ""): the key is bracketed, as in DESC(?date)")
            }
            return OrderCondition(try parseConstraint(), ascending: t.isKeyword("ASC"))
        }
        if case .variable(let v) = t.kind {
            try advance()
            return OrderCondition(.variable(v))
        }
        return try startsConstraint() ? OrderCondition(try parseConstraint()) : nil
    }

    func parseValuesClause() throws -> GraphPattern? {
        guard try acceptKeyword("VALUES") != nil else { return nil }
        return try parseDataBlock()
    }

}
