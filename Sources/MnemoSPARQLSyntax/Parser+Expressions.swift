import MnemoRDF

// Expressions (grammar rules 69–72 and 110–120, 128).
extension Parser {
    /// Expression: `||` binds loosest, then `&&`, comparisons, `+ -`, `* /`, unary operators.
    func parseExpression() throws -> Expression {
        try nested(at: try peek()) { try parseOr() }
    }

    private func parseOr() throws -> Expression {
        var operands = [try parseAnd()]
        while try accept("||") != nil { operands.append(try parseAnd()) }
        // `||` and `&&` are associative, so a long chain is built balanced.
        return Algebra.balanced(operands, Expression.or)
    }

    private func parseAnd() throws -> Expression {
        var operands = [try parseRelational()]
        while try accept("&&") != nil { operands.append(try parseRelational()) }
        return Algebra.balanced(operands, Expression.and)
    }

    private func parseRelational() throws -> Expression {
        let left = try parseAdditive()
        let t = try peek()
        let comparisons: [String: (Expression, Expression) -> Expression] = [
            "=": Expression.equal, "!=": Expression.notEqual, "<": Expression.less,
            "<=": Expression.lessOrEqual, ">": Expression.greater, ">=": Expression.greaterOrEqual,
        ]
        if case .symbol(let s) = t.kind, let make = comparisons[s] {
            try advance()
            return make(left, try parseAdditive())
        }
        if t.isKeyword("IN") {
            try advance()
            return .in(left, try parseExpressionList(after: "IN"))
        }
        if t.isKeyword("NOT"), try peek(1).isKeyword("IN") {
            try advance()
            try advance()
            return .notIn(left, try parseExpressionList(after: "NOT IN"))
        }
        return left
    }

    private func parseAdditive() throws -> Expression {
        var left = try parseMultiplicative()
        let depth = treeDepth
        defer { treeDepth = depth }
        while true {
            let t = try peek()
            if t.isSymbol("+") {
                try advance()
                try deepen(at: t)
                left = .add(left, try parseMultiplicative())
            } else if t.isSymbol("-") {
                try advance()
                try deepen(at: t)
                left = .subtract(left, try parseMultiplicative())
            } else {
                return left
            }
        }
    }

    private func parseMultiplicative() throws -> Expression {
        var left = try parseUnary()
        let depth = treeDepth
        defer { treeDepth = depth }
        while true {
            let t = try peek()
            if t.isSymbol("*") {
                try advance()
                try deepen(at: t)
                left = .multiply(left, try parseUnary())
            } else if t.isSymbol("/") {
                try advance()
                try deepen(at: t)
                left = .divide(left, try parseUnary())
            } else {
                return left
            }
        }
    }

    private func parseUnary() throws -> Expression {
        let t = try peek()
        if t.isSymbol("!") {
            try advance()
            return .not(try parsePrimary())
        }
        if t.isSymbol("+") || t.isSymbol("-") {
            if try signedNumberAhead(), let literal = try parseLiteral() { return .term(literal) }
            try advance()
            let operand = try parsePrimary()
            return t.isSymbol("+") ? .unaryPlus(operand) : .unaryMinus(operand)
        }
        return try parsePrimary()
    }

    /// PrimaryExpression (rule 119).
    private func parsePrimary() throws -> Expression {
        let t = try peek()
        switch t.kind {
        case .symbol("("):
            return try parseBracketted()
        case .variable(let v):
            try advance()
            variableLog?.append((v, t))
            return .variable(v)
        case .iriRef, .prefixedName:
            let iri = try expectIRI()
            if try peek().isSymbol("(") { return .function(iri, try parseArgumentList(of: iri)) }
            return .term(.iri(iri))
        case .string, .integer, .decimal, .double:
            if let literal = try parseLiteral() { return .term(literal) }
        case .word:
            if let literal = try parseLiteral() { return .term(literal) }
            if try startsBuiltinCall(t) || peek(1).isSymbol("(") { return try parseBuiltinCall() }
        case .blankNodeLabel, .symbol("["):
            throw SPARQLSyntaxError(at: t, "blank nodes cannot be used in expressions; use a variable")
        default:
            break
        }
        throw try unexpected("an expression", suggesting: Keywords.functions)
    }

    private func parseBracketted() throws -> Expression {
        let open = try expect("(")
        let e = try parseExpression()
        if try accept(")") == nil {
            var expected = "')' to close the bracket opened at line \(open.line), column \(open.column)"
            if case .symbol(let s) = try peek().kind, ["=", "!=", "<", ">", "<=", ">="].contains(s) {
                expected += " (comparisons cannot be chained; combine them with && or ||)"
            }
            throw try unexpected(expected)
        }
        return e
    }

    /// Constraint (rule 69): a bracketed expression, built-in call or function call.
    func parseConstraint() throws -> Expression {
        let t = try peek()
        if t.isSymbol("(") { return try parseBracketted() }
        if case .word = t.kind, try startsBuiltinCall(t) || peek(1).isSymbol("(") { return try parseBuiltinCall() }
        if case .iriRef = t.kind { return try parseFunctionCall() }
        if case .prefixedName = t.kind { return try parseFunctionCall() }
        throw try unexpected("a condition in parentheses")
    }

    /// Whether the next token can start a Constraint.
    func startsConstraint() throws -> Bool {
        let t = try peek()
        switch t.kind {
        case .symbol("("), .iriRef, .prefixedName: return true
        case .word: return startsBuiltinCall(t)
        default: return false
        }
    }

    /// FunctionCall (rule 70): an IRI and its arguments.
    func parseFunctionCall() throws -> Expression {
        let iri = try expectIRI("a function IRI")
        guard try peek().isSymbol("(") else { throw try unexpected("'(' and the arguments of the function <\(iri)>") }
        return .function(iri, try parseArgumentList(of: iri))
    }

    /// ArgList (rule 71) of a function called by IRI.
    private func parseArgumentList(of iri: String) throws -> [Expression] {
        let open = try expect("(")
        if try accept(")") != nil { return [] }
        if let distinct = try acceptKeyword("DISTINCT") {
            throw SPARQLSyntaxError(at: distinct, "DISTINCT is allowed only in aggregates, and <\(iri)> is not an aggregate Mnemo knows")
        }
        var args: [Expression] = []
        repeat { args.append(try parseExpression()) } while try accept(",") != nil
        try expect(")", "',' or ')' to close the arguments opened at line \(open.line), column \(open.column)")
        return args
    }

    /// ExpressionList (rule 72): `()` or `(e, …)`.
    func parseExpressionList(after keyword: String) throws -> [Expression] {
        let open = try expect("(", "'(' and a list of values after \(keyword)")
        if try accept(")") != nil { return [] }
        var items: [Expression] = []
        repeat { items.append(try parseExpression()) } while try accept(",") != nil
        try expect(")", "',' or ')' to close the list opened at line \(open.line), column \(open.column)")
        return items
    }
}
