/// The score of a label's words against a query's words: each query word takes
/// the best unused label word (whole words first, then initials, so an initial
/// does not take a word a full name needs), and the score weighs how they met,
/// how much of the label was covered, the order and what stayed unmatched.
///
/// Written once over accessors, so the search can read words by id from its
/// index and a level cache while the linker passes plain ``NameToken`` arrays.
enum WordAssignment {
    /// The weight of each ``MatchHow`` by rank (exact … partial).
    static let weights: [Double] = [1.0, 0.95, 0.85, 0.8, 0.55]
    /// The best a word can score against a label word it did not share a key with: an initial.
    static let initialWeight = 0.8

    /// The score (0–1) and the ways the words met as a bit set of ``MatchHow`` ranks;
    /// nil when no whole query word meets the label.
    ///
    /// - Parameters:
    ///   - level: the rank of how query word `q` meets label word `l` (``MatchHow/rank``), nil when they do not.
    @inline(__always)
    static func score(qCount: Int, lCount: Int,
                      qInitial: (Int) -> Bool, qOptional: (Int) -> Bool, lOptional: (Int) -> Bool,
                      level: (Int, Int) -> Int?) -> (score: Double, hows: UInt8)? {
        guard lCount > 0, qCount > 0 else { return nil }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: lCount + 2 * qCount) { buf in
            // buf[0..<lCount]: label word used; then per query word the label word it took and the rank.
            for i in 0..<lCount { buf[i] = 0 }
            let took = lCount, rank = lCount + qCount
            for q in 0..<qCount { buf[took + q] = -1; buf[rank + q] = 0 }
            var assigned = 0
            for pass in 0..<2 {
                for q in 0..<qCount where qInitial(q) == (pass == 1) {
                    var bestL = -1, bestRank = Int.max
                    for l in 0..<lCount where buf[l] == 0 {
                        if let r = level(q, l), r < bestRank {
                            bestL = l; bestRank = r
                            if r == 0 { break }
                        }
                    }
                    if bestL >= 0 {
                        buf[bestL] = 1; buf[took + q] = Int32(bestL); buf[rank + q] = Int32(bestRank); assigned += 1
                    }
                }
            }
            var wholeWord = false
            for q in 0..<qCount where buf[took + q] >= 0 && !qInitial(q) { wholeWord = true; break }
            guard wholeWord else { return nil }

            var anyRequiredQ = false
            for q in 0..<qCount where !qOptional(q) { anyRequiredQ = true; break }
            var sumW = 0.0, reqQ = 0, allMatched = true
            for q in 0..<qCount where !anyRequiredQ || !qOptional(q) {
                reqQ += 1
                if buf[took + q] >= 0 { sumW += weights[Int(buf[rank + q])] } else { allMatched = false }
            }
            var anyRequiredL = false
            for l in 0..<lCount where !lOptional(l) { anyRequiredL = true; break }
            var reqL = 0, coveredL = 0
            for l in 0..<lCount where !anyRequiredL || !lOptional(l) {
                reqL += 1
                if buf[l] != 0 { coveredL += 1 }
            }
            // Reordered: the label words taken, read in query order, are not ascending.
            var reordered = false, last = -1, allExact = true
            var hows: UInt8 = 0
            for q in 0..<qCount where buf[took + q] >= 0 {
                let l = Int(buf[took + q])
                if l < last { reordered = true }
                last = l
                let r = buf[rank + q]
                if r != 0 { allExact = false }
                hows |= 1 << UInt8(r)
            }
            if allMatched && !reordered && assigned == qCount && assigned == lCount && allExact {
                return (1.0, 1 << UInt8(MatchHow.exact.rank))
            }
            var score = sumW / Double(reqQ) * (0.75 + 0.25 * Double(coveredL) / Double(reqL))
            if reordered { score *= 0.97 }
            if !allMatched { score *= 0.6 }
            if hows.nonzeroBitCount > 1 { hows &= ~(1 << UInt8(MatchHow.exact.rank)) }
            if reordered { hows |= 1 << UInt8(MatchHow.reordered.rank) }
            return (min(score, 0.99), hows)
        }
    }

    /// The ways of a bit set, in rank order.
    static func hows(_ set: UInt8) -> [MatchHow] {
        MatchHow.allCases.filter { set & (1 << UInt8($0.rank)) != 0 }
    }
}
