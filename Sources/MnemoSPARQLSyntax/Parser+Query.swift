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

// Prologue, query forms, and solution modifiers (grammar rules 1–31).
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
            throw SPARQLSyntaxError(at: t, "\(t.keyword ?? "") belongs to SPARQL Update, not to a query; expected SELECT, CONSTRUCT, DESCRIBE or ASK")
        default:
            throw try unexpected(t.isEnd && bindingOrder.isEmpty && prefixes.isEmpty
                ? "a query (SELECT, CONSTRUCT, DESCRIBE or ASK)" : "SELECT, CONSTRUCT, DESCRIBE or ASK")
        }
        if !(try peek().isEnd) {
            var message = "expected end of query but found \(try peek().description)"
            if let k = try peek().keyword, ["GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES"].contains(k) {
                message += " (the clauses after the pattern go in the order GROUP BY, HAVING, ORDER BY, LIMIT/OFFSET, VALUES)"
            }
            throw SPARQLSyntaxError(at: try peek(), message)
        }
        return query
    }

    // MARK: - Prologue

    private func parsePrologue() throws {
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
            throw SPARQLSyntaxError(at: from, "a subquery cannot have FROM or FROM NAMED; only the outer query chooses the dataset")
        }
        let pattern = try parseWhereClause()
        let modifiers = try parseSolutionModifiers(scope: scope)
        let values = try parseValuesClause()
        return try translateSelect(where: pattern, clause: clause, modifiers: modifiers,
                                   aggregates: scope, values: values).pattern
    }

    private func parseConstructQuery() throws -> Query {
        let keyword = try expectKeyword("CONSTRUCT")
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
        let pattern = try bgpOfTemplate(template, at: keyword)
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
                let savedScope = aggregateScope, savedLog = variableLog
                aggregateScope = scope
                variableLog = []
                let e = try nested(at: t) { try parseExpression() }
                let uses = variableLog ?? []
                aggregateScope = savedScope
                variableLog = savedLog
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
        if clause.items.isEmpty {
            let t = try peek()
            if let k = t.keyword, Keywords.aggregates.contains(k) || BuiltinFunction(rawValue: k) != nil {
                throw SPARQLSyntaxError(at: t, "an expression in SELECT must be bracketed and named: (\(k)(…) AS ?name)")
            }
            throw try unexpected("'*', variables or (expression AS ?name) after SELECT")
        }
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
            throw try unexpected(hadWhere ? "'{' after WHERE" : "WHERE or '{' to start the query pattern")
        }
        return try parseGroupGraphPattern().pattern
    }

    private func parseSolutionModifiers(scope: AggregateScope) throws -> SolutionModifiers {
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
    func withAggregates<T>(_ scope: AggregateScope?, banned: String, _ body: () throws -> T) throws -> T {
        let savedScope = aggregateScope, savedBan = aggregateBan, savedLog = variableLog
        aggregateScope = scope
        aggregateBan = banned
        variableLog = nil
        defer { aggregateScope = savedScope; aggregateBan = savedBan; variableLog = savedLog }
        return try body()
    }

    private func parseCount(_ clause: String) throws -> Int {
        let t = try peek()
        guard case .integer(let digits) = t.kind else {
            throw try unexpected("a whole number after \(clause)")
        }
        try advance()
        guard let n = Int(digits) else {
            throw SPARQLSyntaxError(at: t, "\(clause) \(digits) is too large")
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
            let e = try nested(at: t) { try parseExpression() }
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

    private func parseValuesClause() throws -> GraphPattern? {
        guard try acceptKeyword("VALUES") != nil else { return nil }
        return try parseDataBlock()
    }

    // MARK: - CONSTRUCT templates

    /// ConstructTemplate, or (short form) the `{ TriplesTemplate? }` after CONSTRUCT WHERE.
    private func parseConstructTemplate(shortForm: Bool = false) throws -> [TriplePattern] {
        let open = try expect("{")
        var sink = TriplesSink(template: true, block: -1)
        try nested(at: open) {
            while !(try peek().isSymbol("}")) {
                guard try startsTriples(try peek()) else { break }
                try parseTriplesSameSubject(into: &sink)
                if try accept(".") == nil { break }
            }
        }
        if try accept("}") == nil {
            let t = try peek()
            if let k = t.keyword, Keywords.patternKeywords.contains(k) || k == "SELECT" {
                let message = shortForm
                    ? "CONSTRUCT WHERE { … } may contain only triple patterns, not \(k); write CONSTRUCT { template } WHERE { … } instead"
                    : "a CONSTRUCT template contains only triple patterns, not \(k); put it in the WHERE clause"
                throw SPARQLSyntaxError(at: t, message)
            }
            throw try unexpected("'.' or '}' to close the \(shortForm ? "pattern" : "template") opened at line \(open.line)")
        }
        return renameTemplateBlankNodes(sink.triples)
    }
}
