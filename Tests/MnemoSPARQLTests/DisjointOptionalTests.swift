import MnemoRDF
import MnemoSPARQL
import MnemoSPARQLSyntax
import MnemoStore
import Testing

/// An OPTIONAL sharing no variable with its left side is the join with its
/// right side when that has solutions, and the left side alone when it has
/// none; the joins after it are planned with it. Expected answers are
/// pyoxigraph's over the same data (RewriteTests.store()).
@Suite struct DisjointOptionalTests {
    func run(_ q: String) throws -> (plan: String, rows: Set<String>) {
        try RewriteTests().run(try RewriteTests.store(), q)
    }

    func ex(_ names: String...) -> String { names.map { $0 == "-" ? "-" : "<http://ex.org/\($0)>" }.joined(separator: " ") }

    @Test func aJoinOnTheOptionalsVariablesIsPlannedWithIt() throws {
        // As written: every tagged person × every nickname, then the join on ?b.
        let r = try run("SELECT ?a ?b ?k WHERE { ?a :tag \"x\" OPTIONAL { ?b :nick ?k } ?b :knows ?a }")
        #expect(r.rows == [ex("a4", "a3") + " \"three\"", ex("a5", "a4") + " \"four\""])
        #expect(r.plan.contains("If any"))
        #expect(r.plan.contains("Join group: 3 members"))
        // An OPTIONAL first in its group joins what follows it.
        let first = try run("SELECT ?b ?c WHERE { OPTIONAL { ?b :nick ?k } ?b :knows ?c }")
        #expect(first.rows == [ex("a3", "a4"), ex("a4", "a5")])
    }

    @Test func anEmptyOptionalLeavesTheLeftSide() throws {
        let r = try run("SELECT ?a ?b WHERE { ?a :tag \"x\" OPTIONAL { ?b :missing ?k } ?b :knows ?a }")
        #expect(r.rows == Set((2...9).map { ex("a\($0)", "a\($0 - 1)") }))
    }

    @Test func filtersOfTheOptionalAndOfTheGroup() throws {
        // A filter on the OPTIONAL's own variables filters its right side.
        let own = try run("SELECT ?a ?b ?k WHERE { ?a :tag \"x\" OPTIONAL { ?b :nick ?k FILTER(?k = \"four\") } ?b :knows ?a }")
        #expect(own.rows == [ex("a5", "a4") + " \"four\""])
        #expect(own.plan.contains("If any"))
        // One reading the left side's variable keeps the left join.
        let left = try run("SELECT ?a ?b ?k WHERE { ?a :tag \"x\" OPTIONAL { ?b :nick ?k FILTER(?a = :a4) } ?b :knows ?a }")
        var expected = Set((2...9).filter { $0 != 4 }.map { ex("a\($0)", "a\($0 - 1)", "-") })
        expected.insert(ex("a4", "a3") + " \"three\"")
        #expect(left.rows == expected)
        #expect(!left.plan.contains("If any"))
        // A filter of the group applies in both plans.
        let group = try run("SELECT ?a ?b ?k WHERE { ?a :tag \"x\" OPTIONAL { ?b :nick ?k } FILTER(?k != \"three\") ?b :knows ?a }")
        #expect(group.rows == [ex("a5", "a4") + " \"four\""])
    }
}
