/// How each word of one query meets each index word met so far, worked out
/// once per index word rather than once per label that holds it.
struct LevelCache {
    let query: [NameToken]
    let index: NameIndex
    /// Where an index word's ranks start in `ranks`.
    private var base: [Int32: Int] = [:]
    /// Per index word, for each query word, ``MatchHow/rank`` + 1, or 0 when they do not meet.
    private(set) var ranks: [UInt8] = []

    /// The index words sharing a key with a query word. Any other word can
    /// meet a query word only as, or against, an initial.
    var keyed = Set<Int32>()

    init(query: [NameToken], index: NameIndex) {
        self.query = query
        self.index = index
    }

    /// Where the ranks of index word `t` start, working them out on first use.
    mutating func start(of t: Int32) -> Int {
        if let b = base[t] { return b }
        let b = ranks.count
        base[t] = b
        let word = index.tokens[Int(t)]
        let shares = keyed.contains(t)
        for q in query {
            if shares || q.isInitial || word.isInitial {
                ranks.append(NameIndex.level(q, word).map { UInt8($0.rank + 1) } ?? 0)
            } else {
                ranks.append(0)
            }
        }
        return b
    }

    /// The score of a label's words against the query and the ways its words met (see ``WordAssignment``).
    mutating func score(_ words: [Int32]) -> (Double, UInt8)? {
        var starts: [Int] = []
        starts.reserveCapacity(words.count)
        for t in words { starts.append(start(of: t)) }
        let ranks = self.ranks, flags = index.tokenFlags, query = self.query
        return WordAssignment.score(
            qCount: query.count, lCount: words.count,
            qInitial: { query[$0].isInitial }, qOptional: { query[$0].isOptional },
            lOptional: { flags[Int(words[$0])] & NameIndex.optionalFlag != 0 },
            level: { q, l in
                let r = ranks[starts[l] + q]
                return r == 0 ? nil : Int(r) - 1
            })
    }
}

/// The best scores of at most `limit` distinct entities, for stopping a search early.
struct TopScores {
    let limit: Int
    private var entries: [(score: Double, entity: Int32)] = []

    init(limit: Int) { self.limit = limit }

    /// The score a label must reach to change the first `limit`; −∞ until there are that many.
    var threshold: Double { entries.count < limit ? -.infinity : entries[entries.count - 1].score }

    mutating func offer(_ score: Double, entity: Int32) {
        if let i = entries.firstIndex(where: { $0.entity == entity }) {
            guard score > entries[i].score else { return }
            entries[i].score = score
        } else if entries.count < limit {
            entries.append((score, entity))
        } else if score > entries[entries.count - 1].score {
            entries[entries.count - 1] = (score, entity)
        } else { return }
        entries.sort { $0.score > $1.score }
    }
}
