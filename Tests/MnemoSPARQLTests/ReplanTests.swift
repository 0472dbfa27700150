import MnemoRDF
import MnemoSPARQL
import MnemoSPARQLSyntax
import MnemoStore
import Testing

/// A join group re-plans its remaining members for a solution whose values
/// make the next member match far more than the plan estimated.
@Suite struct ReplanTests {
    static func ex(_ s: String) -> Term { .iri("http://ex.org/" + s) }

    /// 3,000 items of one type `:hub` (labelled "L") and 3,000 types with
    /// one item each, so a type has two items on average; `:p0` has three
    /// items, x0, x1 and x2.
    static func store() throws -> Store {
        let store = try Store.open("memory:")
        var quads: [Quad] = [Quad(ex("hub"), ex("label"), .string("L"))]
        for i in 0..<3000 {
            quads.append(Quad(ex("x\(i)"), ex("type"), ex("hub")))
            quads.append(Quad(ex("y\(i)"), ex("type"), ex("t\(i)")))
        }
        for i in 0..<3 { quads.append(Quad(ex("p0"), ex("has"), ex("x\(i)"))) }
        _ = try store.add(quads)
        return store
    }

    @Test func aSkewedValueReordersTheRestOfTheGroup() throws {
        let store = try Self.store()
        // Planned: the label, then the items of its type (two expected, 3,000 met), then p0's.
        let r = try RewriteTests().run(store, "SELECT ?x WHERE { ?t :label \"L\" . ?x :type ?t . :p0 :has ?x }")
        #expect(r.rows == ["<http://ex.org/x0>", "<http://ex.org/x1>", "<http://ex.org/x2>"])
        #expect(r.plan.contains("(re-planned from here for 1 solution)"))
        let plan = try SPARQLEngine(store: store).explain(try SPARQLParser.parse(
            "PREFIX : <http://ex.org/> SELECT ?x WHERE { ?t :label \"L\" . ?x :type ?t . :p0 :has ?x }"))
        let work = plan.lines.filter { $0.estimate != nil }.reduce(0) { $0 + ($1.rows ?? 0) }
        #expect(work < 20, "\(plan)")
    }
}
