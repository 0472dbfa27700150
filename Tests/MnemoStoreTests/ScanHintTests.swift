import MnemoRDF
@testable import MnemoStore
import Testing

/// A hinted search finds what a plain binary search finds, whatever order the probes come in.
@Suite struct ScanHintTests {
    @Test func hintedLowerBoundAgreesWithBinarySearch() {
        var random = SplitMix64(seed: 7)
        var keys = ContiguousArray<IndexKey>()
        for _ in 0..<5000 {
            keys.append(IndexKey(TermID(random.next() % 800), TermID(random.next() % 5), TermID(random.next() % 3), 0))
        }
        keys.sort()
        let run = SortedRun(keys)
        let hint = ScanHint()
        // Ascending probes (a join over a sorted range), then random ones, then probes past the end.
        var probes = (0..<900).map { IndexKey(TermID($0), 0, 0, 0) }
        probes += (0..<2000).map { _ in IndexKey(TermID(random.next() % 900), TermID(random.next() % 6), 0, 0) }
        probes += [IndexKey(.max, .max, .max, .max), IndexKey(0, 0, 0, 0)]
        for p in probes {
            #expect(run.lowerBound(p, order: .spog, hint: hint) == run.lowerBound(p))
        }
        // A hint left by another order is not used.
        let other = ScanHint()
        _ = run.lowerBound(IndexKey(500, 0, 0, 0), order: .posg, hint: other)
        #expect(run.lowerBound(IndexKey(10, 0, 0, 0), order: .spog, hint: other) == run.lowerBound(IndexKey(10, 0, 0, 0)))
    }

    @Test func hintsSharingAGroupAgreeWithBinarySearch() {
        var random = SplitMix64(seed: 11)
        var keys = ContiguousArray<IndexKey>()
        for _ in 0..<20000 { keys.append(IndexKey(TermID(random.next() % 3000), TermID(random.next() % 4), 0, 0)) }
        keys.sort()
        let run = SortedRun(keys)
        let group = ScanHint()
        let a = ScanHint(sharing: group), b = ScanHint(sharing: group)
        // A chain: `a` ascending, `b` just after it, far before it, or anywhere; long forward jumps too.
        for i in 0..<2500 {
            let x = TermID(i)
            let pa = IndexKey(x, 1, 0, 0)
            #expect(run.lowerBound(pa, order: .spog, hint: a) == run.lowerBound(pa))
            for y in [x + 1, x / 2, TermID(random.next() % 3100), x + 400] {
                let pb = IndexKey(y, TermID(random.next() % 5), 0, 0)
                #expect(run.lowerBound(pb, order: .spog, hint: b) == run.lowerBound(pb))
            }
        }
    }
}
