import MnemoRDF

// Built-in calls, EXISTS and aggregates (grammar rules 121–127).
extension Parser {
    /// Whether `t` is a keyword that starts a BuiltInCall.
    func startsBuiltinCall(_ t: Token) -> Bool {
        guard let k = t.keyword else { return false }
        return Keywords.functions.contains(k)
    }

    /// BuiltInCall (rule 121), with aggregates replaced by their variables.
    func parseBuiltinCall() throws -> Expression {
        let t = try advance()
        let name = t.keyword ?? ""
        switch name {
        case "BOUND":
            return try parseBound()
        case "IF":
            let args = try parseArguments(of: name, at: t, arity: 3...3)
            return .if(args[0], args[1], args[2])
        case "COALESCE":
            return .coalesce(try parseArguments(of: name, at: t, arity: 0...Int.max))
        case "EXISTS":
            return .exists(try parseExistsPattern(after: "EXISTS"))
        case "NOT":
            try expectKeyword("EXISTS", "EXISTS after NOT (negation is written !, and membership ?x NOT IN (…))")
            return .notExists(try parseExistsPattern(after: "NOT EXISTS"))
        case _ where Keywords.aggregates.contains(name):
            return try parseAggregate(name, at: t)
        default:
            guard let function = BuiltinFunction(rawValue: name) else { throw unknownFunction(t) }
            return .builtin(function, try parseArguments(of: name, at: t, arity: Self.arity(of: function)))
        }
    }

    private func parseBound() throws -> Expression {
        let open = try expect("(", "'(' after BOUND")
        let vt = try peek()
        guard case .variable(let v) = vt.kind else { throw try unexpected("a variable: BOUND takes one variable") }
        try advance()
        variableLog?.append((v, vt))
        try expect(")", "')' to close BOUND( opened at line \(open.line), column \(open.column)")
        return .bound(v)
    }

    private func parseExistsPattern(after keyword: String) throws -> GraphPattern {
        guard try peek().isSymbol("{") else { throw try unexpected("'{' after \(keyword)") }
        return try parseGroupGraphPattern().pattern
    }

    private func unknownFunction(_ t: Token) -> SPARQLSyntaxError {
        let name = t.keyword ?? ""
        var message = "unknown function '\(wordText(t))'"
        if let guess = Keywords.suggestion(for: name, among: Keywords.functions) {
            message += "; did you mean \(guess)?"
        } else {
            message += "; functions other than the built-ins are called by IRI, as in xsd:integer(?x)"
        }
        return failure(at: t, message)
    }

    private func wordText(_ t: Token) -> String {
        if case .word(let w) = t.kind { return w }
        return ""
    }

    /// How many arguments each built-in takes.
    static func arity(of f: BuiltinFunction) -> ClosedRange<Int> {
        switch f {
        case .rand, .now, .uuid, .strUUID: return 0...0
        case .bnode: return 0...1
        case .concat: return 0...Int.max
        case .langMatches, .contains, .strStarts, .strEnds, .strBefore, .strAfter, .strLang, .strDT, .sameTerm:
            return 2...2
        case .substr, .regex: return 2...3
        case .replace: return 3...4
        default: return 1...1
        }
    }

    /// `( e, … )` or `()` after a built-in's name, checked against its arity.
    private func parseArguments(of name: String, at t: Token, arity: ClosedRange<Int>) throws -> [Expression] {
        let open = try expect("(", "'(' after \(name)")
        var args: [Expression] = []
        if try accept(")") == nil {
            repeat { args.append(try parseExpression()) } while try accept(",") != nil
            try expect(")", "',' or ')' to close \(name)( opened at line \(open.line), column \(open.column)")
        }
        if !arity.contains(args.count) { throw arityError(name, at: t, arity: arity, given: args.count) }
        return args
    }

    private func arityError(_ name: String, at t: Token, arity: ClosedRange<Int>, given: Int) -> SPARQLSyntaxError {
        let wanted: String
        if arity.upperBound == Int.max {
            wanted = "at least \(arity.lowerBound)"
        } else if arity.count == 1 {
            wanted = "\(arity.lowerBound)"
        } else {
            wanted = "\(arity.lowerBound) to \(arity.upperBound)"
        }
        let plural = arity == 1...1 ? "argument" : "arguments"
        return failure(at: t, "\(name) takes \(wanted) \(plural) but \(given) \(given == 1 ? "was" : "were") given")
    }

    /// Aggregate (rule 127), registered with the current aggregate scope and
    /// replaced by the fresh variable the `group` node will bind.
    private func parseAggregate(_ name: String, at t: Token) throws -> Expression {
        guard let scope = aggregateScope else {
            throw failure(at: t, "aggregate \(name) is not allowed \(aggregateBan); aggregates belong in SELECT, HAVING and ORDER BY")
        }
        let open = try expect("(", "'(' after \(name)")
        let distinct = try acceptKeyword("DISTINCT") != nil
        let saved = expressionContext(aggregates: nil, banned: "inside another aggregate")
        let aggregate = try parseAggregateArgument(name, distinct: distinct)
        restore(saved)
        if try accept(")") == nil {
            let extra = try peek().isSymbol(",") ? " (\(name) takes one expression)" : ""
            throw try unexpected("')' to close \(name)( opened at line \(open.line), column \(open.column)\(extra)")
        }
        return .variable(scope.variable(for: aggregate) { freshVariable("agg") })
    }

    private func parseAggregateArgument(_ name: String, distinct: Bool) throws -> Aggregate {
        if name == "COUNT", try accept("*") != nil { return .count(nil, distinct: distinct) }
        if try peek().isSymbol("*") {
            throw failure(at: try peek(), "only COUNT accepts *")
        }
        let e = try parseExpression()
        switch name {
        case "COUNT": return .count(e, distinct: distinct)
        case "SUM": return .sum(e, distinct: distinct)
        case "MIN": return .min(e, distinct: distinct)
        case "MAX": return .max(e, distinct: distinct)
        case "AVG": return .avg(e, distinct: distinct)
        case "SAMPLE": return .sample(e, distinct: distinct)
        default:
            var separator = " "
            if try accept(";") != nil {
                try expectKeyword("SEPARATOR", "SEPARATOR after ';' in GROUP_CONCAT")
                try expect("=", "'=' after SEPARATOR")
                guard case .string(let s) = try peek().kind else { throw try unexpected("a string after SEPARATOR =") }
                try advance()
                separator = s
            }
            return .groupConcat(e, separator: separator, distinct: distinct)
        }
    }
}
