import MnemoRDF
import MnemoSPARQLSyntax
import Testing

/// Parses `query` with `PREFIX : <http://e/>` in front and renders its algebra.
func algebra(_ query: String) throws -> String {
    SSE.of(try SPARQLParser.parse("PREFIX : <http://e/>\n" + query).pattern)
}

/// The result variables of a SELECT query.
func selected(_ query: String) throws -> [Variable] {
    guard case .select(let variables) = try SPARQLParser.parse("PREFIX : <http://e/>\n" + query).form else { return [] }
    return variables
}

@Suite struct GroupTranslationTests {
    @Test func filterDirectlyInOptionalBecomesTheLeftJoinExpression() throws {
        #expect(try algebra("SELECT * { ?s :p ?o OPTIONAL { ?o :q ?r FILTER(?r > ?s) } }")
            == "(project (?s ?o ?r) (leftjoin (bgp (?s :p ?o)) (bgp (?o :q ?r)) (> ?r ?s)))")
    }

    @Test func filterInANestedGroupInsideOptionalStaysInside() throws {
        #expect(try algebra("SELECT * { ?s :p ?o OPTIONAL { { ?o :q ?r FILTER(?r > ?s) } } }")
            == "(project (?s ?o ?r) (leftjoin (bgp (?s :p ?o)) (filter (> ?r ?s) (bgp (?o :q ?r)))))")
    }

    @Test func filtersApplyToTheWholeGroupWhereverWritten() throws {
        #expect(try algebra("SELECT * { FILTER(?o > 1) ?s :p ?o OPTIONAL { ?o :q ?r } FILTER(bound(?r)) }")
            == "(project (?s ?o ?r) (filter (&& (> ?o 1) (bound ?r)) (leftjoin (bgp (?s :p ?o)) (bgp (?o :q ?r)))))")
    }

    @Test func triplesSeparatedOnlyByFiltersFormOneBasicGraphPattern() throws {
        #expect(try algebra("SELECT * { _:a :p ?v . FILTER(?v) _:a :q ?w }")
            == "(project (?v ?w) (filter ?v (bgp (?_bnode.a :p ?v) (?_bnode.a :q ?w))))")
    }

    @Test func bindEndsTheBasicGraphPattern() throws {
        #expect(try algebra("SELECT * { ?s :p ?o BIND(?o + 1 AS ?n) ?s :q ?n }")
            == "(project (?s ?o ?n) (join (extend ?n (+ ?o 1) (bgp (?s :p ?o))) (bgp (?s :q ?n))))")
    }

    @Test func bindOfAVariableAlreadyInScopeIsRejected() {
        #expect(throws: SPARQLSyntaxError.self) { try algebra("SELECT * { ?s :p ?o BIND(1 AS ?o) }") }
        // In a nested group the variable is not in scope yet.
        #expect(throws: Never.self) { try algebra("SELECT * { ?s :p ?o { BIND(1 AS ?o) } }") }
        // A variable used only in a FILTER is not in scope.
        #expect(throws: Never.self) { try algebra("SELECT * { ?s :p ?o FILTER(?x) BIND(1 AS ?x) }") }
    }

    @Test func unionMinusGraphServiceAndEmptyGroups() throws {
        #expect(try algebra("SELECT * { { ?s :a ?o } UNION { ?s :b ?o } UNION { ?s :c ?o } }")
            == "(project (?s ?o) (union (bgp (?s :a ?o)) (union (bgp (?s :b ?o)) (bgp (?s :c ?o)))))")
        #expect(try algebra("SELECT * { ?s :p ?o MINUS { ?s :q ?o } }")
            == "(project (?s ?o) (minus (bgp (?s :p ?o)) (bgp (?s :q ?o))))")
        #expect(try algebra("SELECT * { GRAPH ?g { ?s :p ?o } GRAPH :g1 { } }")
            == "(project (?g ?s ?o) (join (graph ?g (bgp (?s :p ?o))) (graph :g1 (bgp))))")
        #expect(try algebra("SELECT * { SERVICE SILENT <http://x/sparql> { ?s :p ?o } }")
            == "(project (?s ?o) (service silent <http://x/sparql> (bgp (?s :p ?o))))")
        #expect(try algebra("ASK {}") == "(bgp)")
        #expect(try algebra("ASK { OPTIONAL { ?s :p ?o } }") == "(leftjoin (bgp) (bgp (?s :p ?o)))")
        #expect(try algebra("ASK { {} ?s :p ?o {} }") == "(bgp (?s :p ?o))")
    }

    @Test func inlineAndTrailingValues() throws {
        #expect(try algebra("SELECT * { ?s :p ?o VALUES (?o ?z) { (1 UNDEF) (UNDEF :x) } }")
            == "(project (?s ?o ?z) (join (bgp (?s :p ?o)) (values (?o ?z) (1 undef) (undef :x))))")
        #expect(try algebra("SELECT ?s { ?s :p ?o } VALUES ?o { \"a\" -2 true }")
            == "(project (?s) (join (bgp (?s :p ?o)) (values (?o) (\"a\") (-2) (\"true\"^^xsd:boolean))))")
        #expect(try algebra("SELECT * {} VALUES () { () () }") == "(project () (values () () ()))")
    }

    @Test func subqueriesAreProjectedAndJoined() throws {
        #expect(try algebra("SELECT * { ?s :p ?o { SELECT ?s (COUNT(*) AS ?n) { ?s :q ?x } GROUP BY ?s } }")
            == "(project (?s ?o ?n) (join (bgp (?s :p ?o)) (project (?s ?n) (extend ?n ?_agg.1 (group (?s) ((?_agg.1 (count *))) (bgp (?s :q ?x)))))))")
        #expect(try selected("SELECT * { { SELECT ?b ?a { ?a :p ?b ; :q ?c } } }") == ["b", "a"])
    }

    @Test func existsAndNotExistsCarryTranslatedPatterns() throws {
        #expect(try algebra("SELECT * { ?s :p ?o FILTER NOT EXISTS { ?o :q [] } FILTER(EXISTS { ?s :r ?o }) }")
            == "(project (?s ?o) (filter (&& (notexists (bgp (?o :q ?_anon.1))) (exists (bgp (?s :r ?o)))) (bgp (?s :p ?o))))")
    }
}

@Suite struct ModifierTranslationTests {
    @Test func aggregatesHavingOrderAndSlice() throws {
        let q = """
            SELECT ?g (COUNT(DISTINCT ?x) AS ?n) (GROUP_CONCAT(?x; SEPARATOR=", ") AS ?all)
            { ?g :p ?x } GROUP BY ?g HAVING (COUNT(DISTINCT ?x) > 2) ORDER BY DESC(?n) ?g LIMIT 5 OFFSET 10
            """
        #expect(try algebra(q) == """
            (slice 10 5 (project (?g ?n ?all) (order ((desc ?n) (asc ?g)) (extend ?all ?_agg.2 (extend ?n ?_agg.1 \
            (filter (> ?_agg.1 2) (group (?g) ((?_agg.1 (count distinct ?x)) (?_agg.2 (group_concat ?x ", "))) (bgp (?g :p ?x)))))))))
            """)
        #expect(try selected(q) == ["g", "n", "all"])
    }

    @Test func aggregateWithoutGroupByMakesOneGroup() throws {
        #expect(try algebra("SELECT (COUNT(*) AS ?c) (SUM(?x) AS ?s) (AVG(?x) AS ?a) (MIN(?x) AS ?lo) (MAX(?x) AS ?hi) (SAMPLE(?x) AS ?any) { ?s0 :p ?x }")
            == "(project (?c ?s ?a ?lo ?hi ?any) (extend ?any ?_agg.6 (extend ?hi ?_agg.5 (extend ?lo ?_agg.4 (extend ?a ?_agg.3 (extend ?s ?_agg.2 (extend ?c ?_agg.1 (group () ((?_agg.1 (count *)) (?_agg.2 (sum ?x)) (?_agg.3 (avg ?x)) (?_agg.4 (min ?x)) (?_agg.5 (max ?x)) (?_agg.6 (sample ?x))) (bgp (?s0 :p ?x))))))))))")
    }

    @Test func groupByExpressionsAreBoundFirst() throws {
        #expect(try algebra("SELECT ?k (COUNT(*) AS ?c) { ?s :p ?o } GROUP BY (STR(?o) AS ?k) LCASE(?s) ?s")
            == "(project (?k ?c) (extend ?c ?_agg.1 (group (?k ?_group.2 ?s) ((?_agg.1 (count *))) (extend ?_group.2 (lcase ?s) (extend ?k (str ?o) (bgp (?s :p ?o)))))))")
    }

    @Test func selectExpressionsMayUseEarlierOnes() throws {
        #expect(try algebra("SELECT (COUNT(*) AS ?c) (?c * 2 AS ?d) {}")
            == "(project (?c ?d) (extend ?d (* ?c 2) (extend ?c ?_agg.1 (group () ((?_agg.1 (count *))) (bgp)))))")
    }

    @Test func identicalAggregatesShareAVariable() throws {
        #expect(try algebra("SELECT (SUM(?x) AS ?s) { ?a :p ?x } HAVING (SUM(?x) > 0) ORDER BY SUM(?x)")
            == "(project (?s) (order ((asc ?_agg.1)) (extend ?s ?_agg.1 (filter (> ?_agg.1 0) (group () ((?_agg.1 (sum ?x))) (bgp (?a :p ?x)))))))")
    }

    @Test func distinctReducedAndStar() throws {
        #expect(try algebra("SELECT DISTINCT * { ?s :p ?o }") == "(distinct (project (?s ?o) (bgp (?s :p ?o))))")
        #expect(try algebra("SELECT REDUCED ?s { ?s :p ?o } OFFSET 3") == "(slice 3 _ (reduced (project (?s) (bgp (?s :p ?o)))))")
    }

    @Test func selectStarListsVisibleVariablesInTextOrder() throws {
        #expect(try selected("SELECT * { ?b :p _:x . _:x :q ?a . ?a :r/:s ?c OPTIONAL { ?d :t ?b } BIND(1 AS ?e) MINUS { ?f :u ?a } FILTER(?g) }")
            == ["b", "a", "c", "d", "e"])
        // `?_x` is a legal user variable, not an internal one.
        #expect(try selected("SELECT * { ?_x :p [] }") == ["_x"])
        #expect(SPARQLParser.isInternalVariable("_bnode.x") && !SPARQLParser.isInternalVariable("_x"))
    }

    @Test func askConstructDescribeAndDataset() throws {
        let ask = try SPARQLParser.parse("ASK FROM <http://g/1> FROM NAMED <http://g/2> { ?s ?p ?o } LIMIT 1")
        #expect(ask.form == .ask)
        #expect(ask.dataset == QueryDataset(defaultGraphs: ["http://g/1"], namedGraphs: ["http://g/2"]))
        #expect(SSE.of(ask.pattern) == "(slice 0 1 (bgp (?s ?p ?o)))")

        let describe = try SPARQLParser.parse("PREFIX : <http://e/> DESCRIBE * { ?x :p ?y }")
        #expect(describe.form == .describe([.variable("x"), .variable("y")]))
        let plain = try SPARQLParser.parse("DESCRIBE <http://e/a> ?z")
        #expect(plain.form == .describe([.term(.iri("http://e/a")), .variable("z")]))
        #expect(plain.pattern == .bgp([]))
        #expect(plain.dataset == nil)
    }

    @Test func constructTemplatesKeepBlankNodes() throws {
        let q = try SPARQLParser.parse("PREFIX : <http://e/> CONSTRUCT { ?s :p [ :q (1) ] . _:b0 :r ?s } WHERE { ?s :p _:x }")
        guard case .construct(let template) = q.form else { Issue.record("not CONSTRUCT"); return }
        #expect(template.map { "\(SSE.of($0.subject)) \(SSE.of($0.predicate)) \(SSE.of($0.object))" } == [
            "_:b1 rdf:first 1", "_:b1 rdf:rest rdf:nil", "_:b2 :q _:b1", "?s :p _:b2", "_:b0 :r ?s",
        ])
        #expect(SSE.of(q.pattern) == "(bgp (?s :p ?_bnode.x))")
    }

    @Test func constructWhereShortForm() throws {
        let q = try SPARQLParser.parse("PREFIX : <http://e/> CONSTRUCT WHERE { ?s :p _:o . _:o :q 1 } ORDER BY ?s")
        #expect(q.form == .construct(template: [
            TriplePattern(.variable("s"), .term(.iri("http://e/p")), .term(.blank("o"))),
            TriplePattern(.term(.blank("o")), .term(.iri("http://e/q")), .term(.typed("1", Vocabulary.xsd + "integer"))),
        ]))
        #expect(SSE.of(q.pattern) == "(order ((asc ?s)) (bgp (?s :p ?_bnode.o) (?_bnode.o :q 1)))")
    }
}

@Suite struct TriplesAndPathTests {
    @Test func pathPrecedence() throws {
        // `|` binds loosest, then `/`, then `^`, then the postfix operators.
        #expect(try algebra("ASK { ?x :a/^:b*|!(:c|^:d)+ ?y }")
            == "(path ?x (alt (seq :a (inv (path* :b))) (path+ (notoneof :c (inv :d)))) ?y)")
        #expect(try algebra("ASK { ?x ^(:a/:b)? ?y }") == "(path ?x (inv (path? (seq :a :b))) ?y)")
        #expect(try algebra("ASK { ?x !a ?y . ?y !^a ?z . ?z !() ?w }")
            == "(join (path ?x (notoneof rdf:type) ?y) (join (path ?y (notoneof (inv rdf:type)) ?z) (path ?z (notoneof) ?w)))")
    }

    @Test func simplePathsBecomeTriplePatterns() throws {
        #expect(try algebra("ASK { ?x :a ?y . ?y ^:b ?z . ?z :c/:d/^:e ?w . ?w a :T }")
            == "(bgp (?x :a ?y) (?z :b ?y) (?z :c ?_path.1) (?_path.1 :d ?_path.2) (?w :e ?_path.2) (?w rdf:type :T))")
        #expect(try algebra("ASK { ?x :a/:b* ?y }") == "(join (bgp (?x :a ?_path.1)) (path ?_path.1 (path* :b) ?y))")
    }

    @Test func pathModifierDoesNotEatASignedNumber() throws {
        #expect(try algebra("ASK { ?x :p +5 }") == "(bgp (?x :p +5))")
        #expect(try algebra("ASK { ?x :p+ 5 }") == "(path ?x (path+ :p) 5)")
    }

    @Test func collectionsAndBlankNodePropertyLists() throws {
        #expect(try algebra("ASK { ?s :p (1 [ :q ?v ]) }") == """
            (bgp (?_anon.1 :q ?v) (?_anon.2 rdf:first 1) (?_anon.2 rdf:rest ?_anon.3) (?_anon.3 rdf:first ?_anon.1) \
            (?_anon.3 rdf:rest rdf:nil) (?s :p ?_anon.2))
            """)
        #expect(try algebra("ASK { () :p [] . [ :q 1 ; :r 2, 3 ] }")
            == "(bgp (rdf:nil :p ?_anon.1) (?_anon.2 :q 1) (?_anon.2 :r 2) (?_anon.2 :r 3))")
        #expect(try algebra("ASK { (1) }") == "(bgp (?_anon.1 rdf:first 1) (?_anon.1 rdf:rest rdf:nil))")
    }

    @Test func predicateObjectListsAllowExtraSemicolons() throws {
        #expect(try algebra("ASK { ?s :p 1 ;; :q 2 ; }") == "(bgp (?s :p 1) (?s :q 2))")
    }
}
