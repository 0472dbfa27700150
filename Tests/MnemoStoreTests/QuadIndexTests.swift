import MnemoRDF
import Testing
@testable import MnemoStore

@Suite struct QuadIndexTests {
    /// A small pseudo-random generator, so failures reproduce.
    struct Rng { var s: UInt64; mutating func next(_ n: UInt32) -> UInt32 {
        s = s &* 6364136223846793005 &+ 1442695040888963407
        return UInt32(truncatingIfNeeded: s >> 33) % n + 1
    } }

    func randomQuads(_ n: Int, seed: UInt64) -> [QuadIDs] {
        var r = Rng(s: seed)
        var set = Set<QuadIDs>()
        while set.count < n { set.insert(QuadIDs(r.next(30), r.next(8), r.next(40), r.next(4) - 1)) }
        return Array(set)
    }

    /// Every one of the 16 pattern shapes, against a brute-force filter.
    @Test func everyPatternShapeMatchesBruteForce() {
        let quads = randomQuads(3_000, seed: 7)
        // Build in several batches so lookups cross several runs.
        var snap = IndexSnapshot.empty
        for chunk in stride(from: 0, to: quads.count, by: 700) {
            snap = snap.adding(Array(quads[chunk..<min(chunk + 700, quads.count)]))
        }
        #expect(snap.count == quads.count)
        var r = Rng(s: 99)
        for shape in 0..<16 {
            for _ in 0..<15 {
                let probe = quads[Int(r.next(UInt32(quads.count))) - 1]
                let pattern = QuadPattern(s: shape & 1 != 0 ? probe.s : nil, p: shape & 2 != 0 ? probe.p : nil,
                                          o: shape & 4 != 0 ? probe.o : nil, g: shape & 8 != 0 ? probe.g : nil)
                let expected = Set(quads.filter {
                    (pattern.s == nil || pattern.s == $0.s) && (pattern.p == nil || pattern.p == $0.p)
                        && (pattern.o == nil || pattern.o == $0.o) && (pattern.g == nil || pattern.g == $0.g)
                })
                let got = snap.quads(matching: pattern)
                #expect(got.count == Set(got).count, "duplicates for shape \(shape)")
                #expect(Set(got) == expected, "shape \(shape)")
                #expect(snap.estimateCount(pattern) >= expected.count)
            }
        }
    }

    @Test func removingKeepsTheRest() {
        let quads = randomQuads(500, seed: 3)
        let snap = IndexSnapshot.build(quads)
        let less = snap.removing { $0.g == 1 }
        #expect(less.count == quads.filter { $0.g != 1 }.count)
        #expect(less.quads(matching: QuadPattern(g: 1)).isEmpty)
        #expect(Set(less.quads(matching: QuadPattern())) == Set(quads.filter { $0.g != 1 }))
        // The old snapshot is untouched.
        #expect(snap.count == 500)
    }

    @Test func graphOrderedScanMergesRuns() {
        let quads = randomQuads(800, seed: 11)
        let snap = IndexSnapshot.empty.adding(Array(quads[..<300])).adding(Array(quads[300...]))
        var seen: [QuadIDs] = []
        snap.mergedScan(order: .gspo, pattern: QuadPattern()) { seen.append($0); return true }
        #expect(seen.count == 800)
        #expect(seen.map(\.g) == seen.map(\.g).sorted())
    }

    @Test func bestOrderCoversThePrefix() {
        #expect(IndexOrder.best(for: QuadPattern(s: 1, o: 2)) == .ospg)
        #expect(IndexOrder.best(for: QuadPattern(p: 1, o: 2)) == .posg)
        #expect(IndexOrder.best(for: QuadPattern(s: 1, g: 2)) == .gspo)
        #expect(IndexOrder.best(for: QuadPattern(g: 2)) == .gspo)
    }
}

@Suite struct GraphScopeTests {
    @Test func unionReportsEachTripleOnce() {
        // The same triple in graphs 1, 2 and 3, over several runs.
        let snap = IndexSnapshot.empty
            .adding([QuadIDs(10, 20, 30, 1), QuadIDs(11, 20, 30, 1)])
            .adding([QuadIDs(10, 20, 30, 2)])
            .adding([QuadIDs(10, 20, 30, 3), QuadIDs(10, 21, 31, 3)])
        var seen: [[TermID]] = []
        snap.forEachTriple(s: nil, p: 20, o: nil, in: .union(nil)) { s, p, o in seen.append([s, p, o]); return true }
        #expect(seen == [[10, 20, 30], [11, 20, 30]])
        seen = []
        snap.forEachTriple(s: 10, p: nil, o: nil, in: .union([3])) { s, p, o in seen.append([s, p, o]); return true }
        #expect(seen == [[10, 20, 30], [10, 21, 31]])
        seen = []
        snap.forEachTriple(s: nil, p: nil, o: nil, in: .union([2])) { s, p, o in seen.append([s, p, o]); return true }
        #expect(seen == [[10, 20, 30]])
        seen = []
        snap.forEachTriple(s: nil, p: nil, o: 31, in: .graph(3)) { s, p, o in seen.append([s, p, o]); return true }
        #expect(seen == [[10, 21, 31]])
        #expect(snap.namedGraphs() == [1, 2, 3])
    }

    @Test func unionScanMatchesBruteForceAcrossRuns() {
        var r = QuadIndexTests.Rng(s: 5)
        var set = Set<QuadIDs>()
        while set.count < 2_000 { set.insert(QuadIDs(r.next(20), r.next(5), r.next(20), r.next(4))) }
        let quads = Array(set)
        var snap = IndexSnapshot.empty
        for c in stride(from: 0, to: quads.count, by: 300) { snap = snap.adding(Array(quads[c..<min(c + 300, quads.count)])) }
        for s: TermID? in [nil, 3] {
            for p: TermID? in [nil, 2] {
                for o: TermID? in [nil, 7] {
                    let expected = Set(quads.filter { (s == nil || $0.s == s) && (p == nil || $0.p == p) && (o == nil || $0.o == o) }
                        .map { [$0.s, $0.p, $0.o] })
                    var got: [[TermID]] = []
                    snap.forEachTriple(s: s, p: p, o: o, in: .union(nil)) { got.append([$0, $1, $2]); return true }
                    #expect(got.count == expected.count)
                    #expect(Set(got) == expected)
                }
            }
        }
    }
}

@Suite struct BuildTests {
    @Test func buildingDropsRepeats() {
        let quads = [QuadIDs(1, 2, 3, 4), QuadIDs(1, 2, 3, 4), QuadIDs(5, 6, 7, 8), QuadIDs(1, 2, 3, 9), QuadIDs(5, 6, 7, 8)]
        let snap = IndexSnapshot.build(quads)
        #expect(snap.count == 3)
        #expect(Set(snap.quads(matching: QuadPattern())) == Set(quads))
        #expect(snap.quads(matching: QuadPattern(p: 6)).count == 1)
        #expect(snap.quads(matching: QuadPattern(o: 3)).count == 2)
        #expect(snap.quads(matching: QuadPattern(g: 8)).count == 1)
        #expect(IndexSnapshot.build([]).count == 0)
    }
}
