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
            return try Builtins.effectiveBooleanValue(value(e, row, scope))
        }
    }

    private func compare(_ op: ComparisonOp, _ a: CExpr, _ b: CExpr, _ row: Row, _ scope: Scope) throws -> Bool {
        // Two stored terms with the same id are the same term.
        if case .equal = op, let x = idOf(a, row), let y = idOf(b, row), x == y { return true }
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

    private func idOf(_ e: CExpr, _ row: Row) -> TermID? {
        switch e {
        case .constant(let id, _): return id
        case .variable(let s): return row[s] == 0 ? nil : row[s]
        default: return nil
        }
    }

    /// The value of `e` on `row`. Throws ``ExpressionError`` for SPARQL's errors (unbound variables included).
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
        case .or, .and, .not, .bound, .exists, .compare, .in:
            return .typed(try truth(e, row, scope) ? "true" : "false", Vocabulary.xsd + "boolean")
        case .arithmetic(let op, let a, let b):
            let x = try value(a, row, scope), y = try value(b, row, scope)
            switch op {
            case .add: return try Builtins.add(x, y)
            case .subtract: return try Builtins.subtract(x, y)
            case .multiply: return try Builtins.multiply(x, y)
            case .divide: return try Builtins.divide(x, y)
            }
        case .unaryPlus(let a): return try Builtins.unaryPlus(value(a, row, scope))
        case .unaryMinus(let a): return try Builtins.unaryMinus(value(a, row, scope))
        case .if(let c, let t, let f):
            return try truth(c, row, scope) ? value(t, row, scope) : value(f, row, scope)
        case .coalesce(let list):
            for item in list {
                if let v = try? value(item, row, scope) { return v }
            }
            throw ExpressionError("COALESCE: every argument is an error or unbound")
        case .builtin(let f, let args):
            return try Builtins.call(f, try args.map { try value($0, row, scope) }, functions)
        case .function(let iri, let args):
            return try Builtins.callIRI(iri, try args.map { try value($0, row, scope) }, functions)
        }
    }
}
