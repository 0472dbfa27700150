import MnemoSPARQLSyntax
import Testing

/// The error `query` is rejected with, or nil if it parses.
func syntaxError(_ query: String) -> SPARQLSyntaxError? {
    do {
        _ = try SPARQLParser.parse(query)
        return nil
    } catch {
        return error as? SPARQLSyntaxError
    }
}

@Suite struct ErrorMessageTests {
    @Test func unclosedGroupNamesWhereItWasOpened() throws {
        let e = try #require(syntaxError("SELECT *\nWHERE {\n  ?s ?p ?o .\n  OPTIONAL {\n    ?o ?q ?r\n"))
        #expect(e.message == "expected '}' to close the group opened at line 4 but found end of query")
        #expect((e.line, e.column) == (6, 1))
        #expect(e.description == "line 6, column 1: expected '}' to close the group opened at line 4 but found end of query")
    }

    @Test func unknownPrefix() throws {
        let e = try #require(syntaxError("SELECT * { ?s foaf:name ?n }"))
        #expect((e.line, e.column) == (1, 15))
        #expect(e.message == "unknown prefix 'foaf:'; declare it first: PREFIX foaf: <http://xmlns.com/foaf/0.1/>")
        #expect(syntaxError("SELECT * { ?s nope:name ?n }")?.message == "unknown prefix 'nope:'; declare it first with PREFIX nope: <namespace IRI>")
    }

    @Test func misspeltKeywordsGetSuggestions() throws {
        let filter = try #require(syntaxError("SELECT * { ?s ?p ?o FILTR(?o) }"))
        #expect((filter.line, filter.column) == (1, 21))
        #expect(filter.message.hasSuffix("but found 'FILTR' (did you mean FILTER?)"))
        #expect(syntaxError("SELECT ?x WHER { }")?.message == "expected WHERE or '{' to start the query pattern but found 'WHER' (did you mean WHERE?)")
        #expect(syntaxError("SELECT * { ?s ?p ?o FILTER(STRLENGTH(?o) > 1) }")?.message == "unknown function 'STRLENGTH'; did you mean STRLEN?")
        #expect(syntaxError("SELCT * {}")?.message == "expected SELECT, CONSTRUCT, DESCRIBE or ASK but found 'SELCT' (did you mean SELECT?)")
        #expect(syntaxError("SELECT name {}")?.message == "expected '*', variables or (expression AS ?name) after SELECT but found 'name' (variable names start with ? or $)")
        #expect(syntaxError("ASK { FILTER(NOT ?x) }")?.message == "expected EXISTS after NOT (negation is written !, and membership ?x NOT IN (…)) but found variable ?x")
    }

    @Test func argumentCounts() {
        #expect(syntaxError("ASK { FILTER(STRLEN(?o, 1)) }")?.message == "STRLEN takes 1 argument but 2 were given")
        #expect(syntaxError("ASK { FILTER(REPLACE(?o)) }")?.message == "REPLACE takes 3 to 4 arguments but 1 was given")
        #expect(syntaxError("ASK { FILTER(RAND(1)) }")?.message == "RAND takes 0 arguments but 1 was given")
    }

    @Test func aggregatesOutsideSelectHavingAndOrderBy() {
        #expect(syntaxError("SELECT * { ?s ?p ?o FILTER(COUNT(?o) > 1) }")?.message
            == "aggregate COUNT is not allowed in FILTER; aggregates belong in SELECT, HAVING and ORDER BY")
        #expect(syntaxError("SELECT * { ?s ?p ?o BIND(SUM(?o) AS ?x) }")?.message.hasPrefix("aggregate SUM is not allowed in BIND") == true)
        #expect(syntaxError("SELECT (COUNT(*) AS ?c) { ?s ?p ?o } GROUP BY (MAX(?o))")?.message.hasPrefix("aggregate MAX is not allowed in GROUP BY") == true)
        #expect(syntaxError("SELECT (SUM(COUNT(?o)) AS ?c) { ?s ?p ?o }")?.message.hasPrefix("aggregate COUNT is not allowed inside another aggregate") == true)
        #expect(syntaxError("SELECT ((SELECT) AS ?c) {}") != nil)
    }

    @Test func scopeErrorsPointAtTheVariable() throws {
        let bind = try #require(syntaxError("SELECT * {\n  ?s ?p ?o .\n  BIND(1 AS ?o)\n}"))
        #expect((bind.line, bind.column) == (3, 13))
        #expect(bind.message == "BIND cannot assign ?o: the variable is already bound by the preceding patterns of this group; choose a new name")
        let alias = try #require(syntaxError("SELECT (1 AS ?s) { ?s ?p ?o }"))
        #expect(alias.column == 14)
        #expect(alias.message == "?s is already bound by the query pattern; a SELECT expression must introduce a new variable")
    }

    @Test func groupingErrors() throws {
        let e = try #require(syntaxError("SELECT ?s ?o { ?s ?p ?o } GROUP BY ?s"))
        #expect(e.column == 11)
        #expect(e.message.hasPrefix("?o is selected but neither grouped nor aggregated"))
        #expect(syntaxError("SELECT * { ?s ?p ?o } GROUP BY ?s")?.message.hasPrefix("SELECT * cannot be used with GROUP BY or aggregates") == true)
        #expect(syntaxError("SELECT ((?o + 1) AS ?x) { ?s ?p ?o } GROUP BY ?s")?.message.hasPrefix("?o is used outside an aggregate") == true)
        #expect(syntaxError("SELECT COUNT(*) {}")?.message == "an expression in SELECT must be bracketed and named: (COUNT(…) AS ?name)")
    }

    @Test func blankNodeLabelsCannotCrossGroups() throws {
        let e = try #require(syntaxError("SELECT * {\n  _:a ?p ?v .\n  OPTIONAL { _:a ?q 1 }\n}"))
        #expect((e.line, e.column) == (3, 14))
        #expect(e.message == "blank node _:a is already used in another basic graph pattern (at line 2); a blank node label cannot be shared between groups, use a variable ?a instead")
    }

    @Test func stringErrors() throws {
        #expect(syntaxError("ASK { ?s ?p \"open }")?.message == "unterminated string: no closing \" before the end of the query")
        let lineBreak = try #require(syntaxError("ASK { ?s ?p 'a\nb' }"))
        #expect(lineBreak.message.hasPrefix("unterminated string: line break inside"))
        let escape = try #require(syntaxError(#"ASK { ?s ?p "a\qb" }"#))
        #expect((escape.line, escape.column) == (1, 15))
        #expect(escape.message.hasPrefix(#"invalid escape \q in a string"#))
        #expect(syntaxError(#"ASK { ?s ?p "\uD83D\uDE00" }"#)?.message
            == #"codepoint escape \uD83D is a surrogate code point (U+D800 to U+DFFF), which is not a character; write the character itself or \U0001F600"#)
    }

    @Test func columnsCountCharactersAsWritten() throws {
        // An escape counts as the characters it is written with.
        let e = try #require(syntaxError("ASK { ?s <http://e/p> \"Қазақ\\u0020тілі\" ; , }"))
        #expect((e.line, e.column) == (1, 43))
        #expect(e.message.hasSuffix("but found ','"))
    }

    @Test func helpfulHints() {
        #expect(syntaxError("ASK { ?s <http://e/a b> ?o }")?.message.hasSuffix("(an IRI cannot contain spaces or any of <>\"{}|^`\\)") == true)
        #expect(syntaxError("INSERT DATA { <a> <b> <c> }")?.message == "INSERT belongs to SPARQL Update, not to a query; expected SELECT, CONSTRUCT, DESCRIBE or ASK")
        #expect(syntaxError("SELECT * {} LIMIT 1 ORDER BY ?x")?.message.hasSuffix("(the clauses after the pattern go in the order GROUP BY, HAVING, ORDER BY, LIMIT/OFFSET, VALUES)") == true)
        #expect(syntaxError("ASK { FILTER(?a < ?b < ?c) }")?.message == "comparisons cannot be chained; combine them with && or ||")
        #expect(syntaxError("SELECT * { { ?s ?p ?o } SELECT * {} }")?.message == "a subquery must be alone in its group; wrap it in braces, as in { SELECT … }")
        #expect(syntaxError("SELECT * { ?s ?p ?o FILTER ?o }")?.message == "expected '(' after FILTER: the condition is bracketed, as in FILTER(?year > 1900) but found variable ?o")
        #expect(syntaxError("CONSTRUCT { ?s :p/:q ?o } WHERE {}") != nil)
        #expect(syntaxError("PREFIX : <http://e/> CONSTRUCT { ?s :p/:q ?o } WHERE {}")?.message == "property paths are not allowed in a CONSTRUCT template")
        #expect(syntaxError("SELECT ?x { ?s ?p ?o } LIMIT 99999999999999999999999")?.message == "LIMIT 99999999999999999999999 is too large")
    }

    @Test func emptyAndGarbageInput() {
        #expect(syntaxError("")?.message == "expected a query (SELECT, CONSTRUCT, DESCRIBE or ASK) but found end of query")
        #expect(syntaxError("  # only a comment\n")?.line == 2)
        for garbage in ["}", "(((", "SELECT * { ?s ?p", "\u{0}", "SELECT ?", "$", "ASK { ?s ?p \u{A0} }", "@", "_:", "<", "\\", "ASK { ?s ?p 1e }",
                        "SELECT * { ?s ?p ?o } GROUP", "ASK { FILTER(", "DESCRIBE", "ASK { ?s ?p ?o } VALUES (?x { }"] {
            #expect(syntaxError(garbage) != nil, "\(garbage.debugDescription)")
        }
    }
}
