import Foundation
import MnemoRDF
import Testing
@testable import MnemoSPARQLResults

@Suite struct ComparisonTests {
    func t(_ vars: [String], _ rows: [[Term?]]) -> SolutionTable { SolutionTable(variables: vars, rows: rows) }
    let p = Term.iri("http://ex/p"), q = Term.iri("http://ex/q")
    func b(_ s: String) -> Term { .blank(s) }

    @Test func variablesAsSetsAndColumnsReordered() {
        let a = t(["x", "y"], [[p, .string("1")]])
        let c = t(["y", "x"], [[.string("1"), p]])
        #expect(ResultComparison.equivalent(a, c, ordered: true))
        #expect(!ResultComparison.equivalent(a, t(["x", "z"], [[p, .string("1")]]), ordered: false))
        #expect(!ResultComparison.equivalent(a, t(["x"], [[p]]), ordered: false))
    }

    @Test func multisetsCountDuplicates() {
        let a = t(["x"], [[p], [p], [q]])
        #expect(ResultComparison.equivalent(a, t(["x"], [[q], [p], [p]]), ordered: false))
        #expect(!ResultComparison.equivalent(a, t(["x"], [[q], [q], [p]]), ordered: false))
        #expect(!ResultComparison.equivalent(a, t(["x"], [[q], [p], [p]]), ordered: true))
    }

    @Test func unboundDiffersFromEverything() {
        #expect(!ResultComparison.equivalent(t(["x"], [[nil]]), t(["x"], [[.string("")]]), ordered: false))
        #expect(!ResultComparison.equivalent(t(["x"], [[nil]]), t(["x"], [[b("a")]]), ordered: false))
    }

    @Test func literalsCompareExactlyButLanguageTagsIgnoreCase() {
        let xsd = Vocabulary.xsd
        #expect(!ResultComparison.equivalent(t(["x"], [[.typed("1", xsd + "integer")]]), t(["x"], [[.typed("01", xsd + "integer")]]), ordered: false))
        #expect(!ResultComparison.equivalent(t(["x"], [[.typed("1", xsd + "integer")]]), t(["x"], [[.string("1")]]), ordered: false))
        var mixed = Literal("chat", language: "en")
        mixed.language = "en-US"
        #expect(ResultComparison.equivalent(t(["x"], [[.literal(mixed)]]), t(["x"], [[.langString("chat", "en-us")]]), ordered: false))
        #expect(ResultComparison.equivalent(t(["x"], [[.typed("1.0E6", xsd + "double")]]), t(["x"], [[.typed("1.0e6", xsd + "double")]]),
                                            ordered: false, options: .numericValues))
        #expect(ResultComparison.equivalent(t(["x"], [[.typed("+007.50", xsd + "decimal")]]), t(["x"], [[.typed("7.5", xsd + "decimal")]]),
                                            ordered: false, options: .numericValues))
        #expect(!ResultComparison.equivalent(t(["x"], [[.typed("1", xsd + "decimal")]]), t(["x"], [[.typed("1", xsd + "integer")]]),
                                             ordered: false, options: .numericValues))
    }

    @Test func blankNodesMapConsistentlyAcrossRows() {
        // The same label twice on one side must be the same label on the other.
        let a = t(["x", "y"], [[b("a"), p], [b("a"), q]])
        #expect(ResultComparison.equivalent(a, t(["x", "y"], [[b("z"), q], [b("z"), p]]), ordered: false))
        #expect(!ResultComparison.equivalent(a, t(["x", "y"], [[b("z"), p], [b("w"), q]]), ordered: false))
        // And two labels may not merge into one.
        let c = t(["x", "y"], [[b("a"), p], [b("c"), q]])
        #expect(!ResultComparison.equivalent(c, t(["x", "y"], [[b("z"), p], [b("z"), q]]), ordered: false))
        #expect(ResultComparison.equivalent(c, t(["x", "y"], [[b("c"), p], [b("a"), q]]), ordered: false))
    }

    @Test func greedyFirstChoiceMustBeUndone() {
        // Rows 1 and 2 look alike; only one pairing is consistent with row 3.
        let a = t(["x", "y"], [[b("a"), p], [b("b"), p], [b("a"), b("b")]])
        let c = t(["x", "y"], [[b("m"), p], [b("n"), p], [b("n"), b("m")]])
        #expect(ResultComparison.equivalent(a, c, ordered: false))
        let d = t(["x", "y"], [[b("m"), p], [b("n"), p], [b("n"), b("n")]])
        #expect(!ResultComparison.equivalent(a, d, ordered: false))
    }

    @Test func cyclesOfDifferentShapeAreTold() {
        // One 4-cycle against two 2-cycles: locally identical, globally not.
        func cycle(_ pairs: [(String, String)]) -> SolutionTable {
            t(["s", "o"], pairs.map { [b($0.0), b($0.1)] })
        }
        let four = cycle([("1", "2"), ("2", "3"), ("3", "4"), ("4", "1")])
        let twoTwos = cycle([("a", "b"), ("b", "a"), ("c", "d"), ("d", "c")])
        let fourAgain = cycle([("w", "x"), ("z", "w"), ("x", "y"), ("y", "z")])
        #expect(!ResultComparison.equivalent(four, twoTwos, ordered: false))
        #expect(ResultComparison.equivalent(four, fourAgain, ordered: false))
    }

    @Test func orderedComparisonKeepsTheBijection() {
        let a = t(["x"], [[b("a")], [b("b")], [b("a")]])
        #expect(ResultComparison.equivalent(a, t(["x"], [[b("1")], [b("2")], [b("1")]]), ordered: true))
        #expect(!ResultComparison.equivalent(a, t(["x"], [[b("1")], [b("2")], [b("2")]]), ordered: true))
        #expect(!ResultComparison.equivalent(a, t(["x"], [[b("1")], [b("1")], [b("1")]]), ordered: true))
    }

    @Test func blankNodesAgainstGroundTermsNeverMatch() {
        #expect(!ResultComparison.equivalent(t(["x"], [[b("a")]]), t(["x"], [[p]]), ordered: false))
        #expect(!ResultComparison.equivalent(t(["x"], [[.iri("_:a")]]), t(["x"], [[b("a")]]), ordered: false))
    }

    @Test func hundredsOfSymmetricRowsAreFast() {
        // 300 rows: chains of blank nodes with many equal-looking rows.
        var rowsA: [[Term?]] = [], rowsB: [[Term?]] = []
        for i in 0..<100 {
            rowsA.append([b("a\(i)"), p, b("c\(i)")])
            rowsA.append([b("c\(i)"), q, .string("v\(i % 3)")])
            rowsA.append([b("a\(i)"), p, nil])
        }
        for i in (0..<100).reversed() {
            rowsB.append([b("y\(i)"), p, nil])
            rowsB.append([b("z\(i)"), q, .string("v\(i % 3)")])
            rowsB.append([b("y\(i)"), p, b("z\(i)")])
        }
        let clock = ContinuousClock()
        let start = clock.now
        #expect(ResultComparison.equivalent(t(["s", "p", "o"], rowsA), t(["s", "p", "o"], rowsB), ordered: false))
        rowsB[1] = [b("z99"), q, .string("v2")]  // breaks one chain's value
        #expect(!ResultComparison.equivalent(t(["s", "p", "o"], rowsA), t(["s", "p", "o"], rowsB), ordered: false))
        #expect(clock.now - start < .seconds(5))
    }

    @Test func manyIndistinguishableBlankRows() {
        // Every row alike: refinement cannot split them, the search must still be quick.
        let a = t(["x", "y"], (0..<400).map { [b("n\($0)"), p] })
        let c = t(["x", "y"], (0..<400).map { [b("m\(399 - $0)"), p] })
        #expect(ResultComparison.equivalent(a, c, ordered: false))
        let d = t(["x", "y"], (0..<400).map { [b("m\($0 / 2)"), p] })
        #expect(!ResultComparison.equivalent(a, d, ordered: false))
    }

    @Test func resultLevelComparison() {
        #expect(ResultComparison.equivalent(QueryResult.boolean(true), .boolean(true), ordered: false))
        #expect(!ResultComparison.equivalent(QueryResult.boolean(true), .solutions(t([], [])), ordered: false))
        let g1 = [Quad(b("x"), p, .string("1"))], g2 = [Quad(b("y"), p, .string("1"))]
        #expect(ResultComparison.equivalent(QueryResult.graph(g1), .graph(g2), ordered: false))
        #expect(ResultComparison.explainDifference(t(["x"], [[p]]), t(["x"], [[q]]), ordered: false) != nil)
        #expect(ResultComparison.explainDifference(t(["x"], [[p]]), t(["x"], [[p]]), ordered: false) == nil)
    }

    /// Random small tables checked against a brute force over every bijection.
    @Test func agreesWithBruteForceOnRandomTables() {
        var rng = SplitMix(seed: 20240611)
        var agreed = 0
        for _ in 0..<3000 {
            let rows = Int(rng.next() % 6) + 1
            let a = randomTable(rows, &rng, prefix: "a")
            // Half the time a relabelled permutation of `a`, else an independent table.
            var b: SolutionTable
            if rng.next() % 2 == 0 {
                var perm = a.rows.map { row in row.map { t -> Term? in if case .blank(let l)? = t { return .blank("r" + l) }; return t } }
                perm.shuffle(using: &rng)
                b = SolutionTable(variables: a.variables, rows: perm)
                if rng.next() % 3 == 0 { b.rows[0][Int(rng.next() % 2)] = randomTerm(&rng, prefix: "r") }
            } else {
                b = randomTable(rows, &rng, prefix: "b")
            }
            let fast = ResultComparison.equivalent(a, b, ordered: false)
            #expect(fast == bruteForce(a, b), "\(a) vs \(b)")
            if fast == bruteForce(a, b) { agreed += 1 }
        }
        #expect(agreed == 3000)
    }

    func randomTerm(_ rng: inout SplitMix, prefix: String) -> Term? {
        switch rng.next() % 4 {
        case 0: return nil
        case 1: return p
        default: return .blank(prefix + String(rng.next() % 3))
        }
    }

    func randomTable(_ rows: Int, _ rng: inout SplitMix, prefix: String) -> SolutionTable {
        t(["x", "y"], (0..<rows).map { _ in [randomTerm(&rng, prefix: prefix), randomTerm(&rng, prefix: prefix)] })
    }

    func bruteForce(_ a: SolutionTable, _ b: SolutionTable) -> Bool {
        func labels(_ t: SolutionTable) -> [String] {
            var seen: [String] = []
            for r in t.rows { for case .blank(let l)? in r where !seen.contains(l) { seen.append(l) } }
            return seen
        }
        let la = labels(a), lb = labels(b)
        guard la.count == lb.count, a.rows.count == b.rows.count else { return false }
        func key(_ r: [Term?]) -> String { r.map { $0?.ntriples ?? "-" }.joined(separator: " ") }
        let target = b.rows.map(key).sorted()
        func permutations(_ xs: [String]) -> [[String]] {
            if xs.count <= 1 { return [xs] }
            return xs.indices.flatMap { i -> [[String]] in
                var rest = xs
                let x = rest.remove(at: i)
                return permutations(rest).map { [x] + $0 }
            }
        }
        for perm in permutations(lb) {
            let map = Dictionary(uniqueKeysWithValues: zip(la, perm))
            let renamed = a.rows.map { r in r.map { t -> Term? in if case .blank(let l)? = t { return .blank(map[l]!) }; return t } }
            if renamed.map(key).sorted() == target { return true }
        }
        return false
    }
}

/// A small deterministic random generator for the property test.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
