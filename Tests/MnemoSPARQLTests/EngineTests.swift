import Foundation
import MnemoRDF
import MnemoSPARQLResults
import MnemoStore
@testable import MnemoSPARQL
import MnemoSPARQLFunctions
import MnemoSPARQLSyntax
import Testing

/// Questions a researcher asks of the fixtures, with the exact answers.
@Suite struct EngineTests {
    static let prefixes = """
        PREFIX crm: <http://www.cidoc-crm.org/cidoc-crm/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        PREFIX L: <https://data.mnemo.example/library-almaty/>

        """

    static func fixtureStore() throws -> Store {
        let store = try Store.open("memory:")
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures")
        for f in ["library-almaty", "museum-tashkent", "archive-kazan"] {
            try store.importFile(dir.appendingPathComponent("\(f).ttl").path,
                                 options: ImportOptions(graph: "https://data.mnemo.example/graph/\(f)"))
        }
        try store.importFile(dir.appendingPathComponent("registry.nq").path)
        return store
    }

    func select(_ store: Store, _ q: String) throws -> SolutionTable {
        guard case .solutions(let t) = try SPARQLEngine(store: store).query(Self.prefixes + q) else {
            Issue.record("not a SELECT result"); return SolutionTable(variables: [], rows: [])
        }
        return t
    }

    @Test func whereAndWhenWasAbaiBorn() throws {
        let store = try Self.fixtureStore()
        let t = try select(store, """
            SELECT ?place ?date WHERE {
              ?birth crm:P98_brought_into_life L:person\\/1 ; crm:P7_took_place_at ?p ; crm:P4_has_time-span ?ts .
              ?ts crm:P82a_begin_of_the_begin ?date .
              ?p rdfs:label ?place FILTER(lang(?place) = "kk")
            }
            """)
        #expect(t.rows.count == 1)
        #expect(t.rows.first?[0] == .langString("Шыңғыстау", "kk"))
        #expect(t.rows.first?[1] == .typed("1845-08-10", "http://www.w3.org/2001/XMLSchema#date"))
    }

    @Test func placeHierarchyWithPropertyPaths() throws {
        let store = try Self.fixtureStore()
        // Everything Abai's birthplace falls within, transitively.
        let t = try select(store, """
            SELECT ?up WHERE { L:place\\/2 crm:P89_falls_within+ ?up } ORDER BY ?up
            """)
        #expect(t.rows.map { $0[0] } == [.iri("https://data.mnemo.example/library-almaty/place/3"),
                                          .iri("https://data.mnemo.example/library-almaty/place/4")])
        let zero = try select(store, "SELECT ?up WHERE { L:place\\/2 crm:P89_falls_within* ?up }")
        #expect(zero.rows.count == 3)
    }

    @Test func whichInstitutionsSayThatAbaiHasAVIAFIdentifier() throws {
        let store = try Self.fixtureStore()
        let t = try select(store, """
            SELECT ?g (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s skos:exactMatch|owl:sameAs <http://viaf.org/viaf/999000001> } }
            GROUP BY ?g ORDER BY ?g
            """)
        #expect(t.rows.count == 3)
        #expect(t.rows.allSatisfy { $0[1] == .typed("1", "http://www.w3.org/2001/XMLSchema#integer") })
    }

    @Test func personsWithoutARecordedDeath() throws {
        let store = try Self.fixtureStore()
        let all = try select(store, "SELECT DISTINCT ?p WHERE { ?p a crm:E21_Person }")
        let noDeath = try select(store, """
            SELECT DISTINCT ?p WHERE { ?p a crm:E21_Person FILTER NOT EXISTS { ?d crm:P100_was_death_of ?p } }
            """)
        let withDeath = try select(store, "SELECT DISTINCT ?p WHERE { ?p a crm:E21_Person . ?d crm:P100_was_death_of ?p }")
        #expect(noDeath.rows.count + withDeath.rows.count == all.rows.count)
        #expect(!noDeath.rows.isEmpty && !withDeath.rows.isEmpty)
        let minus = try select(store, "SELECT DISTINCT ?p WHERE { ?p a crm:E21_Person MINUS { ?d crm:P100_was_death_of ?p } }")
        #expect(Set(minus.rows.map { $0[0] }) == Set(noDeath.rows.map { $0[0] }))
    }

    @Test func askConstructAndDescribe() throws {
        let store = try Self.fixtureStore()
        let engine = SPARQLEngine(store: store)
        #expect(try engine.query(Self.prefixes + "ASK { L:person\\/1 a crm:E21_Person }") == .boolean(true))
        #expect(try engine.query(Self.prefixes + "ASK { L:person\\/1 a crm:E22_Human-Made_Object }") == .boolean(false))
        guard case .graph(let g) = try engine.query(Self.prefixes + """
            CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a crm:E21_Person ; rdfs:label ?l FILTER(langMatches(lang(?l), "kk")) }
            """) else { Issue.record("not a graph"); return }
        #expect(g.contains(Quad(.iri("https://data.mnemo.example/library-almaty/person/1"),
                                .iri("http://www.w3.org/2000/01/rdf-schema#label"), .langString("Абай Құнанбайұлы", "kk"))))
        guard case .graph(let d) = try engine.query(Self.prefixes + "DESCRIBE L:person\\/1") else { Issue.record("not a graph"); return }
        #expect(d.allSatisfy { $0.subject == .iri("https://data.mnemo.example/library-almaty/person/1") || $0.subject.isBlank })
        #expect(d.contains { $0.predicate == .iri("http://www.w3.org/2000/01/rdf-schema#label") })
        // The anonymous birth-name appellation comes along (a concise bounded description).
        #expect(d.contains { $0.subject.isBlank })
    }

    @Test func fromRestrictsTheDefaultGraph() throws {
        let store = try Self.fixtureStore()
        let all = try select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        let lib = try select(store, "SELECT (COUNT(*) AS ?n) FROM <https://data.mnemo.example/graph/library-almaty> WHERE { ?s ?p ?o }")
        #expect(lib.rows.first?[0] == .typed("200", "http://www.w3.org/2001/XMLSchema#integer"))
        #expect(all.rows.first?[0] != lib.rows.first?[0])
        let none = try select(store, "SELECT ?g FROM <https://data.mnemo.example/graph/library-almaty> WHERE { GRAPH ?g { ?s ?p ?o } }")
        #expect(none.rows.isEmpty)
    }

    @Test func timeoutStopsALongQuery() throws {
        let store = try Self.fixtureStore()
        let start = Date()
        #expect(throws: QueryError.self) {
            _ = try SPARQLEngine(store: store).query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
                                                     limits: QueryLimits(timeout: 0.5))
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func resultAndMemoryCaps() throws {
        let store = try Self.fixtureStore()
        let engine = SPARQLEngine(store: store)
        #expect(throws: QueryError.self) {
            _ = try engine.query("SELECT * WHERE { ?s ?p ?o }", limits: QueryLimits(maxResultRows: 10))
        }
        #expect(throws: QueryError.self) {
            _ = try engine.query("SELECT * WHERE { ?s ?p ?o . ?x ?y ?z } ORDER BY ?o", limits: QueryLimits(maxHeldSolutions: 5_000))
        }
        // LIMIT ends the work early instead of hitting the caps.
        guard case .solutions(let t) = try engine.query("SELECT * WHERE { ?s ?p ?o . ?x ?y ?z } LIMIT 3",
                                                        limits: QueryLimits(maxResultRows: 10, maxHeldSolutions: 5_000))
        else { Issue.record("not solutions"); return }
        #expect(t.rows.count == 3)
    }

    @Test func cyrillicSearchAcrossScripts() throws {
        let store = try Self.fixtureStore()
        let t = try select(store, """
            SELECT DISTINCT ?p WHERE { ?p a crm:E21_Person ; rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), "абай")) }
            """)
        #expect(t.rows.count >= 2)
    }
}

/// Large joins take the hash-join path; their answers must match the probing path's.
@Suite struct HashJoinTests {
    @Test func largeStarJoinCountsMatch() throws {
        let store = try Store.open("memory:")
        defer { store.close() }
        let g = Term.iri("https://ex.org/g")
        var quads: [Quad] = []
        for i in 0..<60_000 {
            let production = Term.iri("https://ex.org/production/\(i)")
            quads.append(Quad(production, .iri("https://ex.org/produced"), .iri("https://ex.org/object/\(i)"), g))
            // Every production has one creator; every third a second one.
            quads.append(Quad(production, .iri("https://ex.org/by"), .iri("https://ex.org/creator/\(i % 7)"), g))
            if i % 3 == 0 { quads.append(Quad(production, .iri("https://ex.org/by"), .iri("https://ex.org/creator/extra"), g)) }
        }
        try store.add(quads)
        let query = """
            SELECT ?c (COUNT(?o) AS ?n) WHERE { ?p <https://ex.org/produced> ?o . ?p <https://ex.org/by> ?c }
            GROUP BY ?c ORDER BY ?c
            """
        guard case .solutions(let t) = try SPARQLEngine(store: store).query(query) else { Issue.record("not solutions"); return }
        var expected: [String: Int] = ["https://ex.org/creator/extra": 20_000]
        for i in 0..<60_000 { expected["https://ex.org/creator/\(i % 7)", default: 0] += 1 }
        #expect(t.rows.count == expected.count)
        for row in t.rows {
            guard case .iri(let c)? = row[0], case .literal(let n)? = row[1] else { Issue.record("bad row"); continue }
            #expect(Int(n.lexical) == expected[c], "\(c)")
        }
        // The same join with a constant that keeps it small (probing path) agrees.
        guard case .solutions(let small) = try SPARQLEngine(store: store).query(
            "SELECT (COUNT(*) AS ?n) WHERE { <https://ex.org/production/3> <https://ex.org/produced> ?o . <https://ex.org/production/3> <https://ex.org/by> ?c }")
        else { Issue.record("not solutions"); return }
        #expect(small.rows.first?[0] == .typed("2", "http://www.w3.org/2001/XMLSchema#integer"))
    }
}

/// Constant sub-expressions are evaluated once, when the query is compiled.
@Suite struct ConstantFoldingTests {
    @Test func constantOperationsBecomeConstants() throws {
        let store = try Store.open("memory:")
        defer { store.close() }
        let query = try SPARQLParser.parse("""
            SELECT ?x WHERE { BIND(STRLEN(CONCAT("Қазақ", "стан")) + 1 AS ?x) FILTER(?x > xsd:integer("3")) }
            """.replacingOccurrences(of: "xsd:", with: "<http://www.w3.org/2001/XMLSchema#").replacingOccurrences(of: "integer(", with: "integer>("))
        var compiler = Compiler(dictionary: QueryDictionary(store.dictionary), functions: FunctionContext())
        let node = try compiler.compile(query.pattern)
        var constants = 0
        func walk(_ n: Node) {
            switch n.kind {
            case .extend(let inner, _, let e):
                if case .constant(_, let t) = e { constants += 1; #expect(t == .typed("10", "http://www.w3.org/2001/XMLSchema#integer")) }
                walk(inner)
            case .filter(let e, let inner):
                if case .compare(_, _, .constant(_, let t)) = e { constants += 1; #expect(t == .typed("3", "http://www.w3.org/2001/XMLSchema#integer")) }
                walk(inner)
            case .patterns(_, let filters):
                for f in filters { if case .compare(_, _, .constant) = f.expression { constants += 1 } }
            case .project(let inner, _): walk(inner)
            default: break
            }
        }
        walk(node)
        #expect(constants == 2)
        // Volatile functions stay calls.
        let rand = try SPARQLParser.parse("SELECT ?r WHERE { BIND(RAND() AS ?r) }")
        var c2 = Compiler(dictionary: QueryDictionary(store.dictionary), functions: FunctionContext())
        if case .project(let inner, _) = try c2.compile(rand.pattern).kind, case .extend(_, _, let e) = inner.kind {
            if case .constant = e { Issue.record("RAND() was folded") }
        }
        guard case .solutions(let t) = try SPARQLEngine(store: store).execute(query) else { Issue.record("no solutions"); return }
        #expect(t.rows.first?[0] == .typed("10", "http://www.w3.org/2001/XMLSchema#integer"))
    }
}
