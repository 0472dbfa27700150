import Foundation
import MnemoDataGen
import MnemoRDF
import MnemoSPARQL
import MnemoSPARQLResults
import MnemoSPARQLSyntax
import MnemoStore
import MnemoTestSupport
import Testing

/// The plan must not depend on the order a query is written in: every
/// reordering of its joins' members (triples, GRAPH blocks, nested groups,
/// OPTIONALs) gets the same plan, hence the same work, and the same answers.
///
/// Over 40,000 generated CIDOC-CRM quads in three institutions' graphs: the
/// benchmark queries (bench/queries, bench/http) and research questions
/// joining several GRAPH blocks. `MNEMO_PERMUTATIONS` sets how many
/// reorderings each query gets (default 24, the original included).
@Suite(.serialized) struct PermutationTests {
    static let store: Store = {
        var bytes: [UInt8] = []
        _ = CRMDataGenerator.generate(GeneratorOptions(quads: 40_000)) { bytes.append(contentsOf: $0) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-permutations-\(getpid()).nq")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(at: file) }
        let store = try! Store.open("memory:")
        _ = try! store.importFile(file.path)
        return store
    }()

    static let permutations = ProcessInfo.processInfo.environment["MNEMO_PERMUTATIONS"].flatMap(Int.init) ?? 24

    static let prefixes = """
        PREFIX crm: <http://www.cidoc-crm.org/cidoc-crm/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

        """

    /// Research questions over several institutions' graphs, each written
    /// with its selective patterns last (the order that once timed out).
    static let questions: [(name: String, text: String)] = [
        ("same year, two places, two institutions", """
            SELECT ?p1 ?p2 ?g1 ?g2 WHERE {
              GRAPH ?g1 { ?b1 crm:P98_brought_into_life ?p1 ; crm:P7_took_place_at ?pl1 ; crm:P4_has_time-span ?t1 .
                          ?t1 crm:P82a_begin_of_the_begin ?d1 }
              GRAPH ?g2 { ?b2 crm:P98_brought_into_life ?p2 ; crm:P7_took_place_at ?pl2 ; crm:P4_has_time-span ?t2 .
                          ?t2 crm:P82a_begin_of_the_begin ?d2 }
              ?pl1 rdfs:label ?n1 . ?pl2 rdfs:label ?n2 .
              FILTER(?g1 != ?g2 && YEAR(?d1) = YEAR(?d2) && STR(?n1) < STR(?n2) && LANG(?n1) = "en" && LANG(?n2) = "en")
              ?pl1 owl:sameAs ?same .
            }
            """),
        ("places shared by institutions, with their births", """
            SELECT ?name ?g2 (COUNT(?birth) AS ?births) WHERE {
              GRAPH ?g2 { ?birth crm:P7_took_place_at ?other . ?birth a crm:E67_Birth }
              GRAPH ?g1 { ?other owl:sameAs ?place }
              ?place rdfs:label ?name .
              FILTER(LANG(?name) = "ru")
            } GROUP BY ?name ?g2
            """),
        ("births per decade, one institution against the others", """
            SELECT ?decade (COUNT(*) AS ?n) WHERE {
              GRAPH <https://data.mnemo.example/graph/inst1> { ?s crm:P82a_begin_of_the_begin ?d }
              ?b crm:P4_has_time-span ?s .
              BIND(FLOOR(YEAR(?d) / 10) * 10 AS ?decade)
              ?b a crm:E67_Birth .
            } GROUP BY ?decade ORDER BY ?decade
            """),
        ("creators born in a country, with optional death", """
            SELECT ?person ?object ?death WHERE {
              ?prod crm:P108_has_produced ?object .
              { ?birth crm:P98_brought_into_life ?person . ?birth crm:P7_took_place_at ?place }
              OPTIONAL { ?death crm:P100_was_death_of ?person }
              ?prod crm:P14_carried_out_by ?person .
              ?place crm:P89_falls_within* ?country .
              VALUES ?country { <https://data.mnemo.example/inst1/place/0> <https://data.mnemo.example/inst2/place/0> }
            }
            """),
        ("persons without a death event, in two graphs", """
            SELECT ?g ?person WHERE {
              GRAPH ?g { ?person a crm:E21_Person . ?person rdfs:label ?name }
              FILTER NOT EXISTS { ?d crm:P100_was_death_of ?person }
              GRAPH <https://data.mnemo.example/graph/inst2> { ?birth crm:P98_brought_into_life ?person }
              FILTER(LANG(?name) = "ru")
            }
            """),
    ]

    static func benchmarkQueries() throws -> [(name: String, text: String)] {
        var out: [(String, String)] = []
        for dir in ["bench/queries", "bench/http"] {
            let url = repositoryRoot.appendingPathComponent(dir)
            for f in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where f.hasSuffix(".rq") {
                out.append((f, try String(contentsOf: url.appendingPathComponent(f), encoding: .utf8)))
            }
        }
        return out
    }

    /// An answer in a form that compares equal for equal answers: rows as
    /// text in variable-name order, sorted unless the query orders them.
    static func canonical(_ r: QueryResult, ordered: Bool) -> [String] {
        switch r {
        case .boolean(let b): return [String(b)]
        case .graph(let quads): return quads.map { "\($0.subject.ntriples) \($0.predicate.ntriples) \($0.object.ntriples)" }.sorted()
        case .solutions(let t):
            let order = t.variables.indices.sorted { t.variables[$0] < t.variables[$1] }
            let rows = t.rows.map { row in order.map { "\(t.variables[$0])=\(row[$0]?.ntriples ?? "")" }.joined(separator: " ") }
            return ordered ? rows : rows.sorted()
        }
    }

    func check(_ name: String, _ text: String) throws {
        let query = try SPARQLParser.parse(text)
        let engine = SPARQLEngine(store: Self.store)
        var permuter = JoinPermutations(random: SplitMix64(seed: UInt64(truncatingIfNeeded: name.utf8.reduce(5381) { $0 &* 33 &+ Int($1) })))
        let variants = permuter.variants(of: query.pattern, count: Self.permutations)
        let ordered = text.uppercased().contains("ORDER BY")
        var firstShape: String?
        var firstAnswer: [String]?
        for (i, pattern) in variants.enumerated() {
            var q = query
            q.pattern = pattern
            let shape = try engine.explain(q).shape
            let answer = Self.canonical(try engine.execute(q), ordered: ordered)
            if let firstShape, let firstAnswer {
                #expect(shape == firstShape, "\(name): reordering \(i) changed the plan:\n\(firstShape)\n---\n\(shape)")
                #expect(answer == firstAnswer, "\(name): reordering \(i) changed the answer (\(firstAnswer.count) rows, now \(answer.count))")
                if shape != firstShape || answer != firstAnswer { return }
            } else {
                firstShape = shape
                firstAnswer = answer
            }
        }
    }

    @Test func benchmarkQueriesKeepTheirPlan() throws {
        for (name, text) in try Self.benchmarkQueries() { try check(name, text) }
    }

    @Test func multiGraphQuestionsKeepTheirPlan() throws {
        for (name, text) in Self.questions { try check(name, Self.prefixes + text) }
    }

    @Test func questionsHaveAnswers() throws {
        // The questions are meant to meet data; an empty answer would test little.
        let engine = SPARQLEngine(store: Self.store)
        for (name, text) in Self.questions {
            guard case .solutions(let t) = try engine.query(Self.prefixes + text) else { Issue.record("\(name): not a SELECT"); continue }
            #expect(!t.rows.isEmpty, "\(name): no answers over the generated data")
        }
    }

    @Test func explainReportsEstimatesAndActualRows() throws {
        let engine = SPARQLEngine(store: Self.store)
        let plan = try engine.explain(try SPARQLParser.parse(Self.prefixes + Self.questions[0].text))
        let members = plan.lines.filter { $0.estimate != nil }
        #expect(members.count == 11)
        #expect(members.allSatisfy { $0.rows != nil })
        // The label patterns and the sameAs link are selective; something narrow must come first.
        #expect(plan.lines.contains { $0.text.hasPrefix("1. ") && $0.text.contains("GRAPH") == false })
        #expect(plan.description.contains("solutions in"))
        #expect(plan.lines.first?.text.hasPrefix("Project") == true)
    }

    /// Shapes of queries the differential benchmark (bench/differential-benchmark.sh,
    /// seed 20251204) found running to the 30 s timeout or thousands of times
    /// slower than pyoxigraph: separate GRAPH blocks over one graph, a
    /// selective block written last, a BIND between patterns. Each must do
    /// little work: the solutions all join-group members produce together
    /// stay small, however they are written.
    static let regressions: [String] = [
        """
        SELECT ?birth WHERE {
          GRAPH <https://data.mnemo.example/graph/inst1> { ?birth a crm:E67_Birth . }
          GRAPH <https://data.mnemo.example/graph/inst1> { ?birth crm:P98_brought_into_life <https://data.mnemo.example/inst1/person/5> . }
        }
        """,
        """
        SELECT ?birth ?end WHERE {
          GRAPH <https://data.mnemo.example/graph/inst1> { ?birth a crm:E67_Birth . }
          GRAPH <https://data.mnemo.example/graph/inst1> { ?time crm:P82b_end_of_the_end ?end . }
          GRAPH <https://data.mnemo.example/graph/inst1> { ?birth crm:P4_has_time-span ?time .
            ?time crm:P82a_begin_of_the_begin "1779-06-28T00:00:00"^^xsd:dateTime . }
        }
        """,
        """
        SELECT ?label ?n WHERE {
          ?time rdfs:label ?label .
          BIND(STRLEN(?label) AS ?n)
          <https://data.mnemo.example/inst1/object/5/production> crm:P4_has_time-span ?time .
        }
        """,
        """
        SELECT ?label ?label2 WHERE {
          GRAPH ?g { ?place rdfs:label ?label . }
          GRAPH ?g { ?production crm:P7_took_place_at ?place . ?place rdfs:label ?label2 . }
          GRAPH ?g { ?place crm:P89_falls_within ?place2 .
            ?place ^crm:P7_took_place_at <https://data.mnemo.example/inst1/object/5/production> . } }
        """,
        """
        SELECT ?object ?p ?content ?production WHERE {
          FILTER EXISTS { ?production crm:P14_carried_out_by <https://data.mnemo.example/inst2/person/35> . }
          GRAPH <https://data.mnemo.example/graph/inst2> { ?object ?p ?id . ?id a crm:E42_Identifier . ?id crm:P190_has_symbolic_content ?content . }
          FILTER(STRLEN(?content) >= 6)
          GRAPH <https://data.mnemo.example/graph/inst2> { ?production a crm:E12_Production . }
          GRAPH <https://data.mnemo.example/graph/inst2> { ?production crm:P108_has_produced ?object . } }
        """,
        // rq0413: an OPTIONAL sharing no variable with what precedes it, joined on its variable after.
        """
        SELECT ?death ?person ?label2 ?person2 WHERE {
          GRAPH <https://data.mnemo.example/graph/inst2> { ?person rdfs:label ?label . }
          OPTIONAL { ?death crm:P100_was_death_of ?person2 . }
          GRAPH <https://data.mnemo.example/graph/inst2> { ?person crm:P1_is_identified_by ?name . }
          GRAPH <https://data.mnemo.example/graph/inst2> {
            <https://data.mnemo.example/inst2/person/35/name/1> crm:P2_has_type <https://data.mnemo.example/inst2/type/0> .
            ?death crm:P100_was_death_of ?person . ?person ?p <https://data.mnemo.example/inst2/person/35/name/1> .
            <https://data.mnemo.example/inst2/type/0> rdfs:label ?label2 . } }
        """,
    ]

    @Test func randomQueryRegressionsDoLittleWork() throws {
        let engine = SPARQLEngine(store: Self.store)
        for (i, text) in Self.regressions.enumerated() {
            let plan = try engine.explain(try SPARQLParser.parse(Self.prefixes + text))
            let work = plan.lines.filter { $0.estimate != nil }.reduce(0) { $0 + ($1.rows ?? 0) }
            #expect(plan.solutions > 0, "regression \(i) meets no data")
            #expect(work <= 20 * plan.solutions + 2_000, "regression \(i): \(work) intermediate solutions for \(plan.solutions)\n\(plan)")
        }
    }

    @Test func theDisjointOptionalRegressionAnswersAsPyoxigraph() throws {
        // rq0413's shape over this store: pyoxigraph gives these 12 rows (each label of
        // inst2/type/0 six times: a row per label and name of person 35).
        let text = Self.regressions.last!
        guard case .solutions(let t) = try SPARQLEngine(store: Self.store).query(Self.prefixes + text) else {
            Issue.record("not a SELECT"); return
        }
        let base = "https://data.mnemo.example/inst2/"
        let rows = t.rows.map { $0.map { $0?.ntriples ?? "-" }.joined(separator: " ") }
        for label in ["\"preferred name\"@en", "\"предпочтительное имя\"@ru"] {
            let row = "<\(base)person/35/death> <\(base)person/35> \(label) <\(base)person/35>"
            #expect(rows.filter { $0 == row }.count == 6, "\(label): \(rows)")
        }
        #expect(rows.count == 12)
    }
}
