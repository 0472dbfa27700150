import MnemoRDF

// Group graph patterns and their elements (grammar rules 53–68), translated
// to algebra as each group closes (section 18.2.2.6).
extension Parser {
    /// GroupGraphPattern: `{ SubSelect }` or `{ GroupGraphPatternSub }`.
    func parseGroupGraphPattern() throws -> TranslatedGroup {
        let open = try expect("{")
        try enter(at: open)
        let saved = expressionContext(aggregates: nil, banned: "in a graph pattern")
        defer {
            restore(saved)
            leave()
        }
        if try peek().isKeyword("SELECT") {
            let subquery = try parseSubSelect()
            if try accept("}") == nil {
                let t = try peek()
                throw failure(at: t, "expected '}' to close the group opened at line \(open.line) around the subquery but found \(t.description); a subquery must be alone in its group, as in { SELECT … }")
            }
            return TranslatedGroup(body: subquery, filters: [])
        }
        return try parseGroupGraphPatternSub(open: open)
    }

    private func parseGroupGraphPatternSub(open: Token) throws -> TranslatedGroup {
        var group = GroupBuilder()
        let depth = treeDepth
        defer { treeDepth = depth }
        var triplesAllowed = true
        while true {
            let t = try peek()
            if t.isSymbol("}") {
                try advance()
                return group.finish()
            }
            if try startsTriples(t) {
                guard triplesAllowed else {
                    throw try unexpected("'.' between triple patterns, or '}' to close the group opened at line \(open.line)")
                }
                try parseTriples(at: t, into: &group)
                triplesAllowed = try accept(".") != nil
                continue
            }
            if t.isSymbol("{") || (t.keyword.map { Keywords.patternKeywords.contains($0) } ?? false), !t.isKeyword("UNION") {
                if !t.isKeyword("FILTER") { try deepen(at: t) }
                try parseGraphPatternNotTriples(into: &group)
                try accept(".")
                triplesAllowed = true
                continue
            }
            throw try unexpectedInGroup(t, open: open)
        }
    }

    /// TriplesSameSubjectPath, added to the group's current basic graph pattern.
    private func parseTriples(at t: Token, into group: inout GroupBuilder) throws {
        var sink: TriplesSink
        if let open = group.block {
            sink = open
        } else {
            try deepen(at: t)
            blockCounter += 1
            sink = TriplesSink(template: false, block: blockCounter)
        }
        group.block = nil
        try parseTriplesSameSubject(into: &sink)
        group.block = sink
    }

    private func unexpectedInGroup(_ t: Token, open: Token) throws -> SPARQLSyntaxError {
        if t.isEnd {
            return failure(at: t, "expected '}' to close the group opened at line \(open.line) but found end of query")
        }
        if t.isKeyword("SELECT") {
            return failure(at: t, "a subquery must be alone in its group; wrap it in braces, as in { SELECT … }")
        }
        if t.isKeyword("UNION") {
            return failure(at: t, "UNION must stand between two groups, as in { … } UNION { … }")
        }
        return try unexpected("a triple pattern, a keyword such as OPTIONAL, FILTER or BIND, or '}' to close the group opened at line \(open.line)",
                              suggesting: Keywords.patternKeywords)
    }

    /// GraphPatternNotTriples (rule 56) added to `group`. Each form has its
    /// own small function, which keeps the recursion's stack frames small.
    private func parseGraphPatternNotTriples(into group: inout GroupBuilder) throws {
        let t = try peek()
        if t.isSymbol("{") { return try parseGroupOrUnion(into: &group) }
        try advance()
        switch t.keyword {
        case "OPTIONAL": try parseOptional(into: &group)
        case "MINUS": try parseMinus(into: &group)
        case "GRAPH": try parseGraph(into: &group)
        case "SERVICE": try parseService(into: &group)
        case "FILTER": try parseFilter(into: &group)
        case "BIND": try parseBind(t, into: &group)
        case "VALUES": group.join(try parseDataBlock())
        default: throw failure(at: t, "expected a graph pattern but found \(t.description)")
        }
    }

    private func parseGroupOrUnion(into group: inout GroupBuilder) throws {
        var branches = [try parseGroupGraphPattern().pattern]
        while try acceptKeyword("UNION") != nil {
            try expectGroupStart(after: "UNION")
            branches.append(try parseGroupGraphPattern().pattern)
        }
        group.join(Algebra.balanced(branches, GraphPattern.union))
    }

    private func parseOptional(into group: inout GroupBuilder) throws {
        try expectGroupStart(after: "OPTIONAL")
        group.optional(try parseGroupGraphPattern())
    }

    private func parseMinus(into group: inout GroupBuilder) throws {
        try expectGroupStart(after: "MINUS")
        group.minus(try parseGroupGraphPattern().pattern)
    }

    private func parseGraph(into group: inout GroupBuilder) throws {
        let name = try parseVarOrIri("a variable or IRI naming the graph after GRAPH")
        try expectGroupStart(after: "GRAPH")
        group.join(.graph(name, try parseGroupGraphPattern().pattern))
    }

    private func parseService(into group: inout GroupBuilder) throws {
        let silent = try acceptKeyword("SILENT") != nil
        let name = try parseVarOrIri("a variable or the endpoint IRI after SERVICE")
        try expectGroupStart(after: "SERVICE")
        group.join(.service(name, try parseGroupGraphPattern().pattern, silent: silent))
    }

    private func parseFilter(into group: inout GroupBuilder) throws {
        guard try startsConstraint() else {
            throw try unexpected("'(' after FILTER: the condition is bracketed, as in FILTER(?year > 1900)")
        }
        let saved = expressionContext(aggregates: nil, banned: "in FILTER")
        defer { restore(saved) }
        group.filters.append(try parseConstraint())
    }

    private func expectGroupStart(after keyword: String) throws {
        if !(try peek().isSymbol("{")) { throw try unexpected("'{' after \(keyword)") }
    }

    private func parseBind(_ keyword: Token, into group: inout GroupBuilder) throws {
        try expect("(", "'(' after BIND, as in BIND(expression AS ?name)")
        let saved = expressionContext(aggregates: nil, banned: "in BIND")
        let e = try parseExpression()
        restore(saved)
        try expectKeyword("AS", "AS and a variable: BIND is written BIND(expression AS ?name)")
        let vt = try peek()
        guard case .variable(let v) = vt.kind else { throw try unexpected("a variable after AS") }
        try advance()
        try expect(")", "')' to close the BIND opened at line \(keyword.line), column \(keyword.column)")
        group.flush()
        if Scope.variables(of: group.pattern).contains(v) {
            throw failure(at: vt, "BIND cannot assign ?\(v): the variable is already bound by the preceding patterns of this group; choose a new name")
        }
        noteBinding(v)
        group.extend(v, e)
    }

    /// VarOrIri (rule 107).
    func parseVarOrIri(_ what: @autoclosure () -> String) throws -> TermPattern {
        let t = try peek()
        if case .variable(let v) = t.kind {
            try advance()
            noteBinding(v)
            return .variable(v)
        }
        if let iri = try acceptIRI() { return .term(.iri(iri)) }
        throw try unexpected(what())
    }

    /// DataBlock (rules 62–65): one variable or a bracketed list, then rows.
    func parseDataBlock() throws -> GraphPattern {
        var variables: [Variable] = []
        var rows: [[Term?]] = []
        let t = try peek()
        if case .variable(let v) = t.kind {
            try advance()
            variables = [v]
            noteBinding(v)
            let open = try expect("{", "'{' after VALUES ?\(v)")
            while try accept("}") == nil {
                guard let value = try parseDataBlockValue(closing: open) else {
                    throw try unexpected("a value (IRI, literal or UNDEF) or '}' to close the VALUES block opened at line \(open.line)")
                }
                rows.append([value.term])
            }
            return .values(variables, rows)
        }
        guard let listOpen = try accept("(") else {
            throw try unexpected("a variable or '(' listing variables after VALUES")
        }
        while try accept(")") == nil {
            let vt = try peek()
            guard case .variable(let v) = vt.kind else {
                throw try unexpected("a variable or ')' to close the variable list opened at line \(listOpen.line), column \(listOpen.column)")
            }
            try advance()
            if variables.contains(v) { throw failure(at: vt, "?\(v) is listed twice in VALUES") }
            variables.append(v)
            noteBinding(v)
        }
        let open = try expect("{", "'{' after the VALUES variable list")
        while try accept("}") == nil {
            guard let rowOpen = try accept("(") else {
                throw try unexpected("'(' to start a row, or '}' to close the VALUES block opened at line \(open.line)")
            }
            var row: [Term?] = []
            while try accept(")") == nil {
                guard let value = try parseDataBlockValue(closing: rowOpen) else {
                    throw try unexpected("a value (IRI, literal or UNDEF) or ')' to close the row")
                }
                if row.count == variables.count {
                    throw failure(at: value.token, "this VALUES row has more values than the \(variables.count) variable\(variables.count == 1 ? "" : "s") listed")
                }
                row.append(value.term)
            }
            if row.count < variables.count {
                throw failure(at: rowOpen, "this VALUES row has \(row.count) value\(row.count == 1 ? "" : "s") but \(variables.count) variable\(variables.count == 1 ? " is" : "s are") listed; write UNDEF for a missing value")
            }
            rows.append(row)
        }
        return .values(variables, rows)
    }

    /// DataBlockValue; nil if the next token is not one. UNDEF gives a nil term.
    private func parseDataBlockValue(closing: Token) throws -> (term: Term?, token: Token)? {
        let t = try peek()
        if t.isKeyword("UNDEF") {
            try advance()
            return (nil, t)
        }
        if let iri = try acceptIRI() { return (.iri(iri), t) }
        if let literal = try parseLiteral() { return (literal, t) }
        if case .variable = t.kind {
            throw failure(at: t, "VALUES rows hold constants, not variables")
        }
        return nil
    }
}
