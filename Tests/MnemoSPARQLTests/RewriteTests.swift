import MnemoRDF
import MnemoSPARQL
import MnemoSPARQLResults
import MnemoSPARQLSyntax
import MnemoStore
import Testing

/// The compiler's rewrites: each moves work to where the planner can order
/// it, only where the answers stay those of the query as written.
@Suite struct RewriteTests {
    static func ex(_ s: String) -> Term { .iri("http://ex.org/" + s) }

    /// Persons a0…a49, each with an id and a name; a0…a9 tagged "x"; every
    /// person after a0 knows the next one; a3 and a4 have nicknames.
    static func store() throws -> Store {
        let store = try Store.open("memory:")
        var quads: [Quad] = []
        let g = ex("g")
        for i in 0..<50 {
            quads.append(Quad(ex("a\(i)"), ex("id"), .typed(String(i), "http://www.w3.org/2001/XMLSchema#integer"), g))
            quads.append(Quad(ex("a\(i)"), ex("name"), .string("n\(i)"), g))
            if i < 10 { quads.append(Quad(ex("a\(i)"), ex("tag"), .string("x"), g)) }
            if i > 0 && i < 49 { quads.append(Quad(ex("a\(i)"), ex("knows"), ex("a\(i + 1)"), g)) }
        }
        quads.append(Quad(ex("a3"), ex("nick"), .string("three"), g))
        quads.append(Quad(ex("a4"), ex("nick"), .string("four"), g))
        _ = try store.add(quads)
        return store
    }

    func run(_ store: Store, _ q: String) throws -> (plan: String, rows: Set<String>) {
        let query = try SPARQLParser.parse("PREFIX : <http://ex.org/>\n" + q)
        let engine = SPARQLEngine(store: store)
        guard case .solutions(let t) = try engine.execute(query) else { return ("", []) }
        let rows = Set(t.rows.map { $0.map { $0?.ntriples ?? "-" }.joined(separator: " ") })
        return (try engine.explain(query).shape, rows)
    }

    @Test func joinAfterAnOptionalMovesIntoItsLeftSide() throws {
        let store = try Self.store()
        // ?a is bound in every solution of the OPTIONAL's left side: the tag joins the left side's group.
        let r = try run(store, "SELECT ?a ?nick WHERE { ?a :name ?n OPTIONAL { ?a :nick ?nick } ?a :tag \"x\" }")
        #expect(r.rows.count == 10)
        #expect(r.rows.contains("<http://ex.org/a4> \"four\""))
        #expect(r.rows.contains("<http://ex.org/a3> \"three\""))
        let lines = r.plan.split(separator: "\n")
        #expect(lines.contains { $0.contains("Optional") })
        #expect(lines.contains { $0.contains("Join group: 2 members") })
        #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces) == "Join" })
    }

    @Test func joinReadingAnOptionalVariableStaysOutside() throws {
        let store = try Self.store()
        // ?nick is bound only by the OPTIONAL. As written, a4's nickname
        // "four" conflicts with a3's, so a4 is dropped; had the join moved
        // inside, a4 would be kept without its nickname.
        let r = try run(store, "SELECT ?a WHERE { ?a :name ?n OPTIONAL { ?a :nick ?nick } :a3 :nick ?nick }")
        #expect(r.rows.count == 49)
        #expect(!r.rows.contains("<http://ex.org/a4>"))
        #expect(r.rows.contains("<http://ex.org/a3>"))
        #expect(r.plan.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "Join" })
    }

    @Test func filterPassesBelowABindItDoesNotRead() throws {
        let store = try Self.store()
        let r = try run(store, """
            SELECT ?a ?next WHERE { ?a :id ?i . ?a :knows ?b . FILTER(?i > 40) BIND(?i + 1 AS ?next) }
            """)
        #expect(r.rows.count == 8)  // a41 … a48 know someone
        let lines = r.plan.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        // The filter runs inside the join group (after the member binding ?i), under the BIND.
        let bind = lines.firstIndex { $0.hasPrefix("Bind") }, filter = lines.firstIndex { $0.hasPrefix("FILTER (?i > 40)") }
        #expect(bind != nil && filter != nil && bind! < filter!)
        // A filter reading the BIND's variable stays above it.
        let above = try run(store, "SELECT ?a WHERE { ?a :id ?i BIND(?i * 2 AS ?d) FILTER(?d = 10) }")
        #expect(above.rows == ["<http://ex.org/a5>"])
        #expect(above.plan.contains("Filter (?d = 10)"))
    }

    @Test func filtersPassIntoMinusAndOptionalLeftSides() throws {
        let store = try Self.store()
        // Over a MINUS: into its left side's group (a test after the member binding ?i).
        let minus = try run(store, "SELECT ?a WHERE { ?a :id ?i . ?a :name ?n MINUS { ?a :tag \"x\" } FILTER(?i > 45) }")
        #expect(minus.rows == Set((46...49).map { "<http://ex.org/a\($0)>" }))
        #expect(minus.plan.contains("FILTER (?i > 45)") && !minus.plan.contains("Filter (?i > 45)"))
        // Over an OPTIONAL: the conjunct on the left side's variable goes below, the one on ?k stays above.
        let optional = try run(store, "SELECT ?a WHERE { ?a :id ?i OPTIONAL { ?a :nick ?k } FILTER(?i < 5 && !BOUND(?k)) }")
        #expect(optional.rows == ["<http://ex.org/a0>", "<http://ex.org/a1>", "<http://ex.org/a2>"])
        #expect(optional.plan.contains("FILTER (?i < 5)") && optional.plan.contains("Filter !BOUND(?k)"))
        let kept = try run(store, "SELECT ?a ?k WHERE { ?a :id ?i OPTIONAL { ?a :nick ?k } FILTER(?i < 5) }")
        #expect(kept.rows == ["<http://ex.org/a0> -", "<http://ex.org/a1> -", "<http://ex.org/a2> -",
                              "<http://ex.org/a3> \"three\"", "<http://ex.org/a4> \"four\""])
    }

    @Test func disconnectedPartsOfAGroupNestByWork() throws {
        let store = try Self.store()
        // Two parts sharing no variable: a3's five triples, cheap to repeat, and a
        // three-member chain with 8 solutions; the chain runs once, outside.
        let r = try run(store, "SELECT (COUNT(*) AS ?c) WHERE { :a3 ?p ?o . ?x :name ?n . ?x :knows ?y . ?y :tag \"x\" }")
        #expect(r.rows == ["\"40\"^^<http://www.w3.org/2001/XMLSchema#integer>"])
        let members = r.plan.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.first?.isNumber == true }
        #expect(members.first?.contains("<http://ex.org/tag>") == true && members.last?.contains("<http://ex.org/a3>") == true, "\(r.plan)")
    }

    @Test func graphBlocksJoinTheEnclosingGroup() throws {
        let store = try Self.store()
        let r = try run(store, "SELECT ?a WHERE { GRAPH ?g { ?a :tag \"x\" } GRAPH <http://ex.org/g> { ?a :nick ?k } ?a :id ?i }")
        #expect(r.rows == ["<http://ex.org/a3>", "<http://ex.org/a4>"])
        #expect(r.plan.contains("Join group: 3 members"))
        #expect(r.plan.contains("GRAPH ?g {"))
        // A graph the dataset lacks matches nothing, flattened or not.
        let none = try run(store, "SELECT ?a WHERE { GRAPH <http://ex.org/other> { ?a :tag \"x\" } ?a :id ?i }")
        #expect(none.rows.isEmpty)
    }

    @Test func aMemberProbedOftenSwitchesToAHashJoin() throws {
        let store = try Store.open("memory:")
        var quads: [Quad] = []
        for i in 0..<3000 {
            quads.append(Quad(Self.ex("p\(i)"), Self.ex("id"), .typed(String(i), "http://www.w3.org/2001/XMLSchema#integer")))
            quads.append(Quad(Self.ex("p\(i)"), Self.ex("name"), .string("n\(i % 7)")))
        }
        _ = try store.add(quads)
        let r = try run(store, "SELECT ?a ?i ?n WHERE { ?a :id ?i . ?a :name ?n }")
        #expect(r.rows.count == 3000)
        #expect(r.rows.contains("<http://ex.org/p2999> \"2999\"^^<http://www.w3.org/2001/XMLSchema#integer> \"n3\""))
        #expect(r.plan.contains("(hash join from probe 2048)"))
    }
}
