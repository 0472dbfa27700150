import MnemoRDF
import MnemoSPARQLFunctions
import MnemoSPARQLSyntax

extension Evaluator {
    /// The effective boolean value of `e` on `row`; an expression error counts as false.
    func effectiveBoolean(_ e: CExpr, _ row: Row, _ scope: Scope) throws -> Bool {
        do { return try truth(e, row, scope) } catch is ExpressionError { return false }
    }

    /// The effective boolean value, throwing ``ExpressionError`` on an error.
    func truth(_ e: CExpr, _ row: Row, _ scope: Scope) throws -> Bool {
        switch e {
        case .or(let a, let b):
            // Three-valued: true wins over an error.
            var error: Error?
            do { if try truth(a, row, scope) { return true } } catch let x as ExpressionError { error = x }
            do { if try truth(b, row, scope) { return true } } catch let x as ExpressionError { error = x }
            if let error { throw error }
            return false
        case .and(let a, let b):
            var error: Error?
            do { if try !truth(a, row, scope) { return false } } catch let x as ExpressionError { error = x }
            do { if try !truth(b, row, scope) { return false } } catch let x as ExpressionError { error = x }
            if let error { throw error }
            return true
        case .not(let a):
            return try !truth(a, row, scope)
        case .bound(let slot):
            return row[slot] != 0
        case .exists(let node, let negated):
            var found = false
            try eval(node, row, scope) { _ in found = true; return false }
            return found != negated
        case .compare(let op, let a, let b):
            return try compare(op, a, b, row, scope)
        case .in(let a, let list, let negated):
            let x = try value(a, row, scope)
            var error: Error?
            for item in list {
                do {
                    if try Builtins.equal(x, value(item, row, scope)) { return !negated }
                } catch let e as ExpressionError { error = e }
            }
            if let error { throw error }
            return negated
        default:
            return try effectiveBoolean(of: compute(e, row, scope))
        }
    }

    private func compare(_ op: ComparisonOp, _ a: CExpr, _ b: CExpr, _ row: Row, _ scope: Scope) throws -> Bool {
        // Two stored terms with the same id are the same term.
        if case .equal = op, let x = idOf(a, row), let y = idOf(b, row), x == y { return true }
        // Computed numbers (YEAR(?d) = YEAR(?e), ?n * 2 > 10) compare as numbers, without terms.
        if !Evaluator.isLeaf(a) || !Evaluator.isLeaf(b) {
            let x = try compute(a, row, scope), y = try compute(b, row, scope)
            if let m = number(x), let n = number(y) {
                guard let c = numericCompare(m, n) else { return op == .notEqual }
                switch op {
                case .equal: return c == 0
                case .notEqual: return c != 0
                case .less: return c < 0
                case .lessOrEqual: return c <= 0
                case .greater: return c > 0
                case .greaterOrEqual: return c >= 0
                }
            }
            let s = term(x), t = term(y)
            switch op {
            case .equal: return try Builtins.equal(s, t)
            case .notEqual: return try !Builtins.equal(s, t)
            case .less: return try Builtins.compare(Evaluator.ordered(s), Evaluator.ordered(t)) < 0
            case .lessOrEqual: return try Builtins.compare(Evaluator.ordered(s), Evaluator.ordered(t)) <= 0
            case .greater: return try Builtins.compare(Evaluator.ordered(s), Evaluator.ordered(t)) > 0
            case .greaterOrEqual: return try Builtins.compare(Evaluator.ordered(s), Evaluator.ordered(t)) >= 0
            }
        }
        switch op {
        case .equal: return try Builtins.equal(value(a, row, scope), value(b, row, scope))
        case .notEqual: return try !Builtins.equal(value(a, row, scope), value(b, row, scope))
        case .less: return try Builtins.compare(orderedValue(a, row, scope), orderedValue(b, row, scope)) < 0
        case .lessOrEqual: return try Builtins.compare(orderedValue(a, row, scope), orderedValue(b, row, scope)) <= 0
        case .greater: return try Builtins.compare(orderedValue(a, row, scope), orderedValue(b, row, scope)) > 0
        case .greaterOrEqual: return try Builtins.compare(orderedValue(a, row, scope), orderedValue(b, row, scope)) >= 0
        }
    }

    /// The value of `e` read for ordering, kept per variable slot and per
    /// constant so a date or number is parsed once, not at each comparison.
    private func orderedValue(_ e: CExpr, _ row: Row, _ scope: Scope) throws -> OrderedValue {
        switch e {
        case .variable(let slot):
            let id = row[slot]
            if id != 0, orderedIDs[slot] == id, let v = orderedValues[slot] { return v }
            guard let v = OrderedValue(try value(e, row, scope)) else { throw ExpressionError("only literals are ordered") }
            orderedIDs[slot] = id
            orderedValues[slot] = v
            return v
        case .constant(let id, let term):
            if let v = constantValues[id] { return v }
            guard let v = OrderedValue(term) else { throw ExpressionError("only literals are ordered") }
            constantValues[id] = v
            return v
        default:
            guard let v = OrderedValue(try value(e, row, scope)) else { throw ExpressionError("only literals are ordered") }
            return v
        }
    }

    static func ordered(_ t: Term) throws -> OrderedValue {
        guard let v = OrderedValue(t) else { throw ExpressionError("only literals are ordered") }
        return v
    }

    static func isLeaf(_ e: CExpr) -> Bool {
        switch e {
        case .constant, .variable: return true
        default: return false
        }
    }

    private func idOf(_ e: CExpr, _ row: Row) -> TermID? {
        switch e {
        case .constant(let id, _): return id
        case .variable(let s): return row[s] == 0 ? nil : row[s]
        default: return nil
        }
    }

    /// The value of `e` on `row` as a term. Throws ``ExpressionError`` for SPARQL's errors (unbound variables included).
    func value(_ e: CExpr, _ row: Row, _ scope: Scope) throws -> Term {
        switch e {
        case .constant(_, let term):
            return term
        case .variable(let slot):
            let id = row[slot]
            guard id != 0 else { throw ExpressionError("unbound variable") }
            // A filter often reads one variable several times: keep its last decoded term.
            if decodedIDs[slot] == id, let t = decodedTerms[slot] { return t }
            let t = dictionary.term(id)
            decodedIDs[slot] = id
            decodedTerms[slot] = t
            return t
        default:
            return term(try compute(e, row, scope))
        }
    }
}
