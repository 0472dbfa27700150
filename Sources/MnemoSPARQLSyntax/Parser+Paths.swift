import MnemoRDF

// Property paths (grammar rules 88–96).
extension Parser {
    /// Path (rules 88–96): `|` binds loosest, then `/`, then `^`, then `* + ?`.
    func parsePath() throws -> PropertyPath {
        var alternatives = [try parsePathSequence()]
        while try accept("|") != nil { alternatives.append(try parsePathSequence()) }
        return Algebra.balanced(alternatives, PropertyPath.alternative)
    }

    private func parsePathSequence() throws -> PropertyPath {
        var steps = [try parsePathEltOrInverse()]
        while try accept("/") != nil { steps.append(try parsePathEltOrInverse()) }
        return Algebra.balanced(steps, PropertyPath.sequence)
    }

    private func parsePathEltOrInverse() throws -> PropertyPath {
        if try accept("^") != nil { return .inverse(try parsePathElt()) }
        return try parsePathElt()
    }

    private func parsePathElt() throws -> PropertyPath {
        let primary = try parsePathPrimary()
        let t = try peek()
        if t.isSymbol("*") {
            try advance()
            return .zeroOrMore(primary)
        }
        if t.isSymbol("?") {
            try advance()
            return .zeroOrOne(primary)
        }
        if t.isSymbol("+"), !(try signedNumberAhead()) {
            try advance()
            return .oneOrMore(primary)
        }
        return primary
    }

    private func parsePathPrimary() throws -> PropertyPath {
        let t = try peek()
        if t.kind == .word("a") {
            try advance()
            return .link(Vocabulary.rdfType)
        }
        if let iri = try acceptIRI() { return .link(iri) }
        if try accept("!") != nil { return try parseNegatedPropertySet() }
        if let open = try accept("(") {
            try enter(at: open)
            defer { leave() }
            let path = try parsePath()
            try expect(")", "')' to close the path opened at line \(open.line), column \(open.column)")
            return path
        }
        if case .variable = t.kind {
            throw failure(at: t, "a variable cannot be part of a property path")
        }
        throw try unexpected("a predicate (an IRI, a variable, 'a' or a property path)")
    }

    private func parseNegatedPropertySet() throws -> PropertyPath {
        var forward: [String] = [], inverse: [String] = []
        func member() throws {
            let isInverse = try accept("^") != nil
            let iri: String
            if try peek().kind == .word("a") {
                try advance()
                iri = Vocabulary.rdfType
            } else {
                iri = try expectIRI("an IRI or 'a' in the negated property set")
            }
            if isInverse { inverse.append(iri) } else { forward.append(iri) }
        }
        if let open = try accept("(") {
            if try accept(")") == nil {
                repeat { try member() } while try accept("|") != nil
                try expect(")", "'|' or ')' to close the negated property set opened at line \(open.line), column \(open.column)")
            }
        } else {
            try member()
        }
        return .negatedPropertySet(forward: forward, inverse: inverse)
    }

}
