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
            let open = try expect("(", "'(' after BOUND")
            let vt = try peek()
            guard case .variable(let v) = vt.kind else { throw try unexpected("a variable: BOUND takes one variable") }
            try advance()
            variableLog?.append((v, vt))
            try expect(")", "')' to close BOUND( opened at line \(open.line), column \(open.column)")
            return .bound(v)
        case "IF":
            let args = try parseArguments(of: name, at: t, arity: 3...3)
            return .if(args[0], args[1], args[2])
        case "COALESCE":
            return .coalesce(try parseArguments(of: name, at: t, arity: 0...Int.max))
        case "EXISTS":
            guard try peek().isSymbol("{") else { throw try unexpected("'{' after EXISTS") }
            return .exists(try parseGroupGraphPattern().pattern)
        case "NOT":
            try expectKeyword("EXISTS", "EXISTS after NOT (to test membership write ?x NOT IN (…))")
            guard try peek().isSymbol("{") else { throw try unexpected("'{' after NOT EXISTS") }
            return .notExists(try parseGroupGraphPattern().pattern)
        case _ where Keywords.aggregates.contains(name):
            return try parseAggregate(name, at: t)
        default:
            guard let function = BuiltinFunction(rawValue: name) else {
                var message = "unknown function '\(wordText(t))'"
                if let guess = Keywords.suggestion(for: name, among: Keywords.functions) {
                    message += "; did you mean \(guess)?"
                } else {
                    message += "; functions other than the built-ins are called by IRI, as in xsd:integer(?x)"
                }
                throw SPARQLSyntaxError(at: t, message)
            }
            return .builtin(function, try parseArguments(of: name, at: t, arity: Self.arity(of: function)))
        }
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
        if !arity.contains(args.count) {
            let wanted: String
            if arity.upperBound == Int.max {
                wanted = "at least \(arity.lowerBound)"
            } else if arity.count == 1 {
                wanted = "\(arity.lowerBound)"
            } else {
                wanted = "\(arity.lowerBound) to \(arity.upperBound)"
            }
            let plural = arity == 1...1 ? "argument" : "arguments"
            throw SPARQLSyntaxError(at: t, "\(name) takes \(wanted) \(plural) but \(args.count) \(args.count == 1 ? "was" : "were") given")
        }
        return args
    }

    /// Aggregate (rule 127), registered with the current aggregate scope and
    /// replaced by the fresh variable the `group` node will bind.
    private func parseAggregate(_ name: String, at t: Token) throws -> Expression {
        guard let scope = aggregateScope else {
            throw SPARQLSyntaxError(at: t, "aggregate \(name) is not allowed \(aggregateBan); aggregates belong in SELECT, HAVING and ORDER BY")
        }
        let open = try expect("(", "'(' after \(name)")
        let distinct = try acceptKeyword("DISTINCT") != nil
        let aggregate: Aggregate = try withAggregates(nil, banned: "inside another aggregate") {
            if name == "COUNT", try accept("*") != nil { return .count(nil, distinct: distinct) }
            if try peek().isSymbol("*") {
                throw SPARQLSyntaxError(at: try peek(), "only COUNT accepts *")
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
        if try accept(")") == nil {
            let extra = try peek().isSymbol(",") ? " (\(name) takes one expression)" : ""
            throw try unexpected("')' to close \(name)( opened at line \(open.line), column \(open.column)\(extra)")
        }
        return .variable(scope.variable(for: aggregate) { freshVariable("agg") })
    }
}
