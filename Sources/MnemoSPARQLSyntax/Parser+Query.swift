import MnemoRDF

/// The SELECT clause as written.
struct SelectClause {
    enum Item {
        case variable(Variable, Token)
        /// `(expression AS ?v)`, with the variables used outside aggregates.
        case expression(Expression, Variable, Token, uses: [(Variable, Token)])
    }
    var distinct = false
    var reduced = false
    /// The `*` of `SELECT *`.
    var star: Token?
    var items: [Item] = []
}

// Prologue, query forms, SELECT clause, dataset and WHERE clause (grammar rules 1–17).
extension Parser {
    func parseQuery() throws -> Query {
        try parsePrologue()
        let t = try peek()
        let query: Query
        switch t.keyword {
        case "SELECT": query = try parseSelectQuery()
        case "CONSTRUCT": query = try parseConstructQuery()
        case "DESCRIBE": query = try parseDescribeQuery()
        case "ASK": query = try parseAskQuery()
        case "INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH":
            throw failure(at: t, "\(t.keyword ?? "") belongs to SPARQL Update, not to a query; expected SELECT, CONSTRUCT, DESCRIBE or ASK")
        default:
            throw try unexpected(t.isEnd && prefixes.isEmpty ? "a query (SELECT, CONSTRUCT, DESCRIBE or ASK)" : "SELECT, CONSTRUCT, DESCRIBE or ASK",
                                 suggesting: ["SELECT", "CONSTRUCT", "DESCRIBE", "ASK", "PREFIX", "BASE"])
        }
        let end = try peek()
        if !end.isEnd {
            let modifiers = ["GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES"]
            if let k = end.keyword, modifiers.contains(k) {
                throw failure(at: end, "expected end of query but found \(end.description) (the clauses after the pattern go in the order GROUP BY, HAVING, ORDER BY, LIMIT/OFFSET, VALUES)")
            }
            throw try unexpected("end of query", suggesting: modifiers)
        }
        return query
    }

    // MARK: - Prologue

    func parsePrologue() throws {
        while true {
            if try acceptKeyword("BASE") != nil {
                guard case .iriRef(let iri) = try peek().kind else { throw try unexpected("an IRI in angle brackets after BASE") }
                try advance()
                base = IRIResolver.resolve(iri, against: base)
            } else if try acceptKeyword("PREFIX") != nil {
                let t = try peek()
                guard case .prefixedName(let prefix, let local) = t.kind, local.isEmpty else {
                    throw try unexpected("a prefix name ending in ':' (such as ex:) after PREFIX")
                }
                try advance()
                guard case .iriRef(let iri) = try peek().kind else {
                    throw try unexpected("the namespace IRI in angle brackets after PREFIX \(prefix):")
                }
                try advance()
                prefixes[prefix] = IRIResolver.resolve(iri, against: base)
            } else {
                return
            }
        }
    }

    // MARK: - Query forms

    private func parseSelectQuery() throws -> Query {
        let scope = AggregateScope()
        let clause = try parseSelectClause(scope: scope)
        let dataset = try parseDatasetClauses()
        let pattern = try parseWhereClause()
        let modifiers = try parseSolutionModifiers(scope: scope)
        let values = try parseValuesClause()
        let (algebra, variables) = try translateSelect(where: pattern, clause: clause, modifiers: modifiers,
                                                       aggregates: scope, values: values)
        return Query(form: .select(variables: variables), pattern: algebra, dataset: dataset, baseIRI: base)
    }

    /// A subquery inside `{ … }`, translated (SubSelect, rule 8).
    func parseSubSelect() throws -> GraphPattern {
        let scope = AggregateScope()
        let clause = try parseSelectClause(scope: scope)
        if let from = try acceptKeyword("FROM") {
            throw failure(at: from, "a subquery cannot have FROM or FROM NAMED; only the outer query chooses the dataset")
        }
        let pattern = try parseWhereClause()
        let modifiers = try parseSolutionModifiers(scope: scope)
        let values = try parseValuesClause()
        return try translateSelect(where: pattern, clause: clause, modifiers: modifiers,
                                   aggregates: scope, values: values).pattern
    }

    private func parseConstructQuery() throws -> Query {
        try expectKeyword("CONSTRUCT")
        let scope = AggregateScope()
        if try peek().isSymbol("{") {
            let template = try parseConstructTemplate()
            let dataset = try parseDatasetClauses()
            let pattern = try parseWhereClause()
            let modifiers = try parseSolutionModifiers(scope: scope)
            let values = try parseValuesClause()
            let algebra = try translateOther(where: pattern, modifiers: modifiers, aggregates: scope, values: values)
            return Query(form: .construct(template: template), pattern: algebra, dataset: dataset, baseIRI: base)
        }
        // CONSTRUCT WHERE { triples }: the template is the pattern.
        let dataset = try parseDatasetClauses()
        guard try acceptKeyword("WHERE") != nil else {
            throw try unexpected("'{' to start the CONSTRUCT template, or WHERE for the CONSTRUCT WHERE short form")
        }
        let open = try peek()
        guard open.isSymbol("{") else { throw try unexpected("'{' after CONSTRUCT WHERE") }
        let template = try parseConstructTemplate(shortForm: true)
        let pattern = bgpOfTemplate(template)
        let modifiers = try parseSolutionModifiers(scope: scope)
        let values = try parseValuesClause()
        let algebra = try translateOther(where: pattern, modifiers: modifiers, aggregates: scope, values: values)
        return Query(form: .construct(template: template), pattern: algebra, dataset: dataset, baseIRI: base)
    }

    private func parseDescribeQuery() throws -> Query {
        try expectKeyword("DESCRIBE")
        var resources: [TermPattern] = []
        let star = try accept("*")
        if star == nil {
            while true {
                let t = try peek()
                if case .variable(let v) = t.kind {
                    try advance()
                    resources.append(.variable(v))
                } else if let iri = try acceptIRI() {
                    resources.append(.term(.iri(iri)))
                } else {
                    break
                }
            }
            if resources.isEmpty { throw try unexpected("'*', a variable or an IRI after DESCRIBE") }
        }
        let dataset = try parseDatasetClauses()
        let t = try peek()
        let pattern: GraphPattern = t.isKeyword("WHERE") || t.isSymbol("{") ? try parseWhereClause() : .bgp([])
        let scope = AggregateScope()
        let modifiers = try parseSolutionModifiers(scope: scope)
        let values = try parseValuesClause()
        let algebra = try translateOther(where: pattern, modifiers: modifiers, aggregates: scope, values: values)
        if star != nil { resources = visibleVariables(of: algebra).map { .variable($0) } }
        return Query(form: .describe(resources), pattern: algebra, dataset: dataset, baseIRI: base)
    }

    private func parseAskQuery() throws -> Query {
        try expectKeyword("ASK")
        let dataset = try parseDatasetClauses()
        let pattern = try parseWhereClause()
        let scope = AggregateScope()
        let modifiers = try parseSolutionModifiers(scope: scope)
        let values = try parseValuesClause()
        let algebra = try translateOther(where: pattern, modifiers: modifiers, aggregates: scope, values: values)
        return Query(form: .ask, pattern: algebra, dataset: dataset, baseIRI: base)
    }

    // MARK: - Clauses

    private func parseSelectClause(scope: AggregateScope) throws -> SelectClause {
        try expectKeyword("SELECT")
        var clause = SelectClause()
        if try acceptKeyword("DISTINCT") != nil {
            clause.distinct = true
        } else if try acceptKeyword("REDUCED") != nil {
            clause.reduced = true
        }
        if let star = try accept("*") {
            clause.star = star
            return clause
        }
        while true {
            let t = try peek()
            if case .variable(let v) = t.kind {
                try advance()
                noteBinding(v)
                clause.items.append(.variable(v, t))
            } else if t.isSymbol("(") {
                try advance()
                let saved = expressionContext(aggregates: scope, banned: "", log: [])
                let e = try parseExpression()
                let uses = variableLog ?? []
                restore(saved)
                guard try acceptKeyword("AS") != nil else {
                    throw try unexpected("AS and a variable: a SELECT expression is written (expression AS ?name)")
                }
                let vt = try peek()
                guard case .variable(let v) = vt.kind else { throw try unexpected("a variable after AS") }
                try advance()
                try expect(")", "')' to close the SELECT expression opened at line \(t.line), column \(t.column)")
                noteBinding(v)
                clause.items.append(.expression(e, v, vt, uses: uses))
            } else {
                break
            }
        }
        let t = try peek()
        if let k = t.keyword, Keywords.aggregates.contains(k) || BuiltinFunction(rawValue: k) != nil {
            throw failure(at: t, "an expression in SELECT must be bracketed and named: (\(k)(…) AS ?name)")
        }
        if clause.items.isEmpty { throw try unexpected("'*', variables or (expression AS ?name) after SELECT") }
        return clause
    }

    private func parseDatasetClauses() throws -> QueryDataset? {
        var dataset = QueryDataset()
        var any = false
        while try acceptKeyword("FROM") != nil {
            any = true
            if try acceptKeyword("NAMED") != nil {
                dataset.namedGraphs.append(try expectIRI("a graph IRI after FROM NAMED"))
            } else {
                dataset.defaultGraphs.append(try expectIRI("a graph IRI or NAMED after FROM"))
            }
        }
        return any ? dataset : nil
    }

    /// WhereClause: `WHERE? { … }`, translated.
    func parseWhereClause() throws -> GraphPattern {
        let hadWhere = try acceptKeyword("WHERE") != nil
        guard try peek().isSymbol("{") else {
            throw try unexpected(hadWhere ? "'{' after WHERE" : "WHERE or '{' to start the query pattern",
                                 suggesting: hadWhere ? [] : ["WHERE", "FROM"])
        }
        return try parseGroupGraphPattern().pattern
    }
}
