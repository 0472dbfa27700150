import MnemoRDF

/// A binary operator of the expression grammar.
private enum BinaryOperator {
    case or, and
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual, isIn, isNotIn
    case add, subtract, multiply, divide

    /// 0 `||`, 1 `&&`, 2 comparisons and IN, 3 `+ -`, 4 `* /`: higher binds tighter.
    var level: Int {
        switch self {
        case .or: return 0
        case .and: return 1
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .isIn, .isNotIn: return 2
        case .add, .subtract: return 3
        case .multiply, .divide: return 4
        }
    }

    func make(_ a: Expression, _ b: Expression) -> Expression {
        switch self {
        case .or: return .or(a, b)
        case .and: return .and(a, b)
        case .equal: return .equal(a, b)
        case .notEqual: return .notEqual(a, b)
        case .less: return .less(a, b)
        case .lessOrEqual: return .lessOrEqual(a, b)
        case .greater: return .greater(a, b)
        case .greaterOrEqual: return .greaterOrEqual(a, b)
        case .add: return .add(a, b)
        case .subtract: return .subtract(a, b)
        case .multiply: return .multiply(a, b)
        case .divide: return .divide(a, b)
        case .isIn, .isNotIn: return a   // built from the list operand instead
        }
    }

    static let symbols: [String: BinaryOperator] = [
        "||": .or, "&&": .and, "=": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual,
        ">": .greater, ">=": .greaterOrEqual, "+": .add, "-": .subtract, "*": .multiply, "/": .divide,
    ]
}

/// An operand of a binary operator: an expression, or the list after IN.
private enum Operand {
    case expression(Expression)
    case list([Expression])
}

// Expressions (grammar rules 69–72 and 110–120, 128).
//
// The binary operators of one expression level are read in a loop into a flat
// list of operands and operators, then built into a tree by precedence: only
// brackets and function arguments recurse, which keeps the stack shallow.
extension Parser {
    /// Expression (rule 110).
    func parseExpression() throws -> Expression {
        try enter(at: try peek())
        let depth = treeDepth
        defer {
            treeDepth = depth
            leave()
        }
        var operands: [Operand] = [.expression(try parseUnary())]
        var operators: [(BinaryOperator, Token)] = []
        var comparisonInOperand = false   // since the last && or ||
        var afterList = false
        while let (op, t) = try nextBinaryOperator() {
            switch op.level {
            case 2:
                if comparisonInOperand {
                    throw failure(at: t, "comparisons cannot be chained; combine them with && or ||")
                }
                comparisonInOperand = true
            case 3, 4:
                if afterList {
                    throw failure(at: t, "expected &&, || or the end of the expression after the list of IN but found \(t.description)")
                }
                // `+ - * /` chains are left-deep trees: each operator is one level deeper.
                try deepen(at: t)
            default:
                comparisonInOperand = false
            }
            operators.append((op, t))
            if op == .isIn || op == .isNotIn {
                operands.append(.list(try parseExpressionList(after: op == .isIn ? "IN" : "NOT IN")))
                afterList = true
            } else {
                operands.append(.expression(try parseUnary()))
                afterList = false
            }
        }
        return try build(operands, operators, 0, operands.count - 1, level: 0)
    }

    /// Consumes a binary operator if one is next.
    private func nextBinaryOperator() throws -> (BinaryOperator, Token)? {
        let t = try peek()
        if case .symbol(let s) = t.kind, let op = BinaryOperator.symbols[s] {
            try advance()
            return (op, t)
        }
        if t.isKeyword("IN") {
            try advance()
            return (.isIn, t)
        }
        if t.isKeyword("NOT"), try peek(1).isKeyword("IN") {
            try advance()
            try advance()
            return (.isNotIn, t)
        }
        return nil
    }

    /// The tree of operands `lo...hi` (operator `k` stands between operands
    /// `k` and `k + 1`), splitting at the operators of `level`: `||` and `&&`
    /// (associative) into balanced trees, `+ - * /` into left-deep ones.
    private func build(_ operands: [Operand], _ operators: [(BinaryOperator, Token)],
                       _ lo: Int, _ hi: Int, level: Int) throws -> Expression {
        if lo == hi || level > 4 {
            guard case .expression(let e) = operands[lo] else {
                throw failure(at: operators[max(lo - 1, 0)].1, "a list in parentheses can only follow IN or NOT IN")
            }
            return e
        }
        let splits = (lo..<hi).filter { operators[$0].0.level == level }
        if splits.isEmpty { return try build(operands, operators, lo, hi, level: level + 1) }
        let bounds = [lo - 1] + splits + [hi]
        switch level {
        case 0, 1:
            var parts: [Expression] = []
            for k in 0..<(bounds.count - 1) {
                parts.append(try build(operands, operators, bounds[k] + 1, bounds[k + 1], level: level + 1))
            }
            return Algebra.balanced(parts, level == 0 ? Expression.or : Expression.and)
        case 2:
            let k = splits[0]
            let left = try build(operands, operators, lo, k, level: 3)
            let op = operators[k].0
            if op == .isIn || op == .isNotIn, case .list(let items) = operands[k + 1] {
                return op == .isIn ? .in(left, items) : .notIn(left, items)
            }
            return op.make(left, try build(operands, operators, k + 1, hi, level: 3))
        default:
            var result = try build(operands, operators, lo, splits[0], level: level + 1)
            for k in 0..<splits.count {
                let right = try build(operands, operators, bounds[k + 1] + 1, bounds[k + 2], level: level + 1)
                result = operators[splits[k]].0.make(result, right)
            }
            return result
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
            return try parseIRIOrFunctionCall()
        case .word:
            if try startsBuiltinCall(t) || peek(1).isSymbol("(") { return try parseBuiltinCall() }
            return try parseLiteralExpression()
        case .blankNodeLabel, .symbol("["):
            throw failure(at: t, "blank nodes cannot be used in expressions; use a variable")
        default:
            return try parseLiteralExpression()
        }
    }

    /// iriOrFunction (rule 128).
    private func parseIRIOrFunctionCall() throws -> Expression {
        let iri = try expectIRI()
        if try peek().isSymbol("(") { return .function(iri, try parseArgumentList(of: iri)) }
        return .term(.iri(iri))
    }

    private func parseLiteralExpression() throws -> Expression {
        if let literal = try parseLiteral() { return .term(literal) }
        throw try unexpected("an expression")
    }

    private func parseBracketted() throws -> Expression {
        let open = try expect("(")
        let e = try parseExpression()
        try expect(")", "')' to close the bracket opened at line \(open.line), column \(open.column)")
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
            throw failure(at: distinct, "DISTINCT is allowed only in aggregates, and <\(iri)> is not an aggregate Mnemo knows")
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
