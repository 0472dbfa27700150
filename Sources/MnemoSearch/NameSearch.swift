/// One name search over a ``NameIndex``: which labels to look at and which
/// to score.
///
/// A label is found through a word that shares a key with a query word (the
/// same skeleton or consonants, or a skeleton the query word's begins). Each
/// label found gets an upper bound on its score, from the best way each query
/// word met one of its words, and labels are scored in full best bound first
/// until no bound left can reach the `limit` entities already found.
///
/// Query words are taken rarest first. Once the labels met so far give `limit`
/// entities whose scores a label met only by the remaining, commoner words
/// could not reach, those words' labels are only used to complete the bounds
/// of labels already met (a common forename then costs a pass over its
/// postings, not thousands of candidates).
struct NameSearch {
    let index: NameIndex
    let query: NameKeys
    let type: Kind?
    let language: String?
    let limit: Int
    private var levels: LevelCache
    /// What the year and language adjustments can add to a label's score.
    private let bonus: Double

    /// Labels met so far, and for each, per query word, the best rank + 1 it met (0: not met).
    private var order: [Int32] = []
    private var met: [UInt8] = []

    init(index: NameIndex, query: NameKeys, type: Kind?, language: String?, limit: Int) {
        self.index = index
        self.query = query
        self.type = type
        self.language = language
        self.limit = limit
        levels = LevelCache(query: query.tokens, index: index)
        bonus = (query.years.isEmpty ? 0 : 0.05) + (language == nil ? 0 : 0.0001)
    }

    /// The best label of each entity that can be among the first `limit`, with its score and how it matched.
    mutating func best() -> [Int32: (score: Double, label: Int32, hows: UInt8)] {
        collect()
        var top = TopScores(limit: limit)
        var best: [Int32: (score: Double, label: Int32, hows: UInt8)] = [:]
        for c in candidates().sorted(by: { $0.bound > $1.bound }) {
            if c.bound + bonus < top.threshold { break }
            guard let (score, hows) = score(c.label) else { continue }
            let e = index.labels[Int(c.label)].entity
            if let b = best[e], b.score >= score { continue }
            best[e] = (score, c.label, hows)
            top.offer(score, entity: e)
        }
        // Only those that can be among the first `limit` (ties at the last place included).
        let last = top.threshold
        return last > -.infinity ? best.filter { $0.value.score >= last } : best
    }

    /// A label's score as the search ranks it: the words' score, moved by the
    /// query's years against the entity's life years, and a hair more in the language asked for.
    mutating func score(_ l: Int32) -> (Double, UInt8)? {
        guard let (wordScore, hows) = levels.score(index.labels[Int(l)].tokens) else { return nil }
        var score = wordScore
        if !query.years.isEmpty {
            let e = Int(index.labels[Int(l)].entity)
            let life = [index.entities[e].birth, index.entities[e].death].compactMap { $0 }
            if !life.isEmpty { score = life.contains(where: query.years.contains) ? min(1, score + 0.05) : score * 0.8 }
        }
        if let language, let ll = index.labels[Int(l)].value.language, ll == language || ll.hasPrefix(language + "-") { score += 0.0001 }
        return (score, hows)
    }

    // MARK: finding labels

    /// A label met by the query, with an upper bound on its score (before the bonus).
    struct Candidate {
        let label: Int32
        let bound: Double
    }

    /// Index words sharing a key with query word `t`.
    private func words(meeting t: NameToken) -> Set<Int32> {
        var found = Set<Int32>()
        for s in t.skeletons {
            if let ids = index.bySkeleton[s] { found.formUnion(ids) }
            if s.count >= 3 {
                var i = index.lowerBound(s)
                var n = 0
                while i < index.sortedSkeletons.count, index.sortedSkeletons[i].hasPrefix(s), n < 5000 {
                    found.formUnion(index.bySkeleton[index.sortedSkeletons[i]]!)
                    i += 1; n += 1
                }
            }
        }
        for k in t.consonantKeys { if let ids = index.byConsonants[k] { found.formUnion(ids) } }
        return found
    }

    /// Meets the labels of every query word's index words, rarest query word first.
    private mutating func collect() {
        let q = query.tokens
        var perWord: [(word: Int, tokens: Set<Int32>, postings: Int)] = []
        for (i, t) in q.enumerated() where !t.isInitial {
            let ws = words(meeting: t)
            perWord.append((i, ws, ws.reduce(0) { $0 + index.tokenLabels[Int($1)].count }))
        }
        perWord.sort { ($0.postings, $0.word) < ($1.postings, $1.word) }
        levels.keyed = perWord.reduce(into: Set<Int32>()) { $0.formUnion($1.tokens) }

        let scratch = index.takeScratch()
        defer { index.returnScratch(scratch) }
        let generation = scratch.next()
        var done = Set<Int32>()
        var onlyKnown = false
        for (k, w) in perWord.enumerated() {
            if k > 0, !onlyKnown {
                onlyKnown = restCannotReach(threshold: threshold(scratch), processed: perWord[..<k].map(\.word),
                                            remaining: perWord[k...].map { ($0.word, $0.tokens) })
            }
            for t in w.tokens where done.insert(t).inserted {
                meet(t, scratch: scratch, generation: generation, admitNew: !onlyKnown)
            }
        }
        for i in order.indices { slots.append(Int(scratch.slot[Int(order[i])])) }
    }

    /// Where each label of `order` keeps its ranks in `met`.
    private var slots: [Int] = []

    /// Records how index word `t` meets the query in each label that holds it.
    /// With `admitNew` false, only labels already met, and labels with an
    /// initial (which any query word may meet), are taken.
    private mutating func meet(_ t: Int32, scratch: LabelScratch, generation: UInt32, admitNew: Bool) {
        let start = levels.start(of: t)
        let qn = query.tokens.count
        let ranks = levels.ranks
        for l in index.tokenLabels[Int(t)] {
            let li = Int(l)
            if let type, index.labelKinds[li] != type { continue }
            let base: Int
            if scratch.stamp[li] == generation { base = Int(scratch.slot[li]) } else {
                guard admitNew || index.labels[li].hasInitial else { continue }
                scratch.stamp[li] = generation; base = met.count; scratch.slot[li] = Int32(base); order.append(l)
                met.append(contentsOf: repeatElement(0, count: qn))
            }
            for qi in 0..<qn {
                let r = ranks[start + qi]
                if r != 0 && (met[base + qi] == 0 || r < met[base + qi]) { met[base + qi] = r }
            }
        }
    }

    /// The score the labels met so far already give `limit` entities (−∞ if they do not):
    /// the best of them by their partial bounds, scored in full.
    private mutating func threshold(_ scratch: LabelScratch) -> Double {
        var partial: [Candidate] = []
        partial.reserveCapacity(order.count)
        for l in order { partial.append(Candidate(label: l, bound: bound(base: Int(scratch.slot[Int(l)]), label: l))) }
        partial.sort { $0.bound > $1.bound }
        var top = TopScores(limit: limit)
        for c in partial.prefix(limit * 2) {
            if let (s, _) = score(c.label) { top.offer(s, entity: index.labels[Int(c.label)].entity) }
        }
        return top.threshold
    }

    /// Whether a label with no initial that none of the `processed` query
    /// words met scores below `threshold` however it meets the `remaining` ones.
    private mutating func restCannotReach(threshold: Double, processed: [Int], remaining: [(word: Int, tokens: Set<Int32>)]) -> Bool {
        guard threshold > -.infinity else { return false }
        let q = query.tokens
        let anyRequired = q.contains { !$0.isOptional }
        func required(_ i: Int) -> Bool { !anyRequired || !q[i].isOptional }
        var sum = 0.0, n = 0
        for i in q.indices where required(i) {
            n += 1
            if q[i].isInitial { sum += WordAssignment.initialWeight }
        }
        for (i, tokens) in remaining where required(i) {
            // The best rank the word meets any of its index words at.
            var best = MatchHow.partial.rank
            for t in tokens {
                let start = levels.start(of: t)
                let r = Int(levels.ranks[start + i])
                if r != 0, r - 1 < best { best = r - 1; if best == 0 { break } }
            }
            sum += WordAssignment.weights[best]
        }
        let unmetRequired = processed.contains(where: required)
        let bound = min(0.99, sum / Double(max(n, 1)) * (unmetRequired ? 0.6 : 1))
        return bound + bonus < threshold
    }

    /// Every label met, with its bound.
    private func candidates() -> [Candidate] {
        zip(order, slots).map { l, base in Candidate(label: l, bound: bound(base: base, label: l)) }
    }

    /// The upper bound of a label whose ranks start at `base`: each query word
    /// at the best weight it met, or, where an initial could meet it, as if it did.
    private func bound(base: Int, label l: Int32) -> Double {
        let q = query.tokens
        let anyRequired = q.contains { !$0.isOptional }
        let hasInitial = index.labels[Int(l)].hasInitial
        var sum = 0.0, n = 0, all = true, exact = true
        for (qi, t) in q.enumerated() where !anyRequired || !t.isOptional {
            n += 1
            let r = met[base + qi]
            if r != 0 { sum += WordAssignment.weights[Int(r) - 1]; if r != 1 { exact = false } }
            // Words not keyed: an initial may equal one of the label's initials, or stand for a word.
            else if t.isInitial && hasInitial { sum += 1 }
            else if t.isInitial || hasInitial { sum += WordAssignment.initialWeight; exact = false }
            else { all = false; exact = false }
        }
        return exact ? 1.0 : min(0.99, sum / Double(max(n, 1)) * (all ? 1 : 0.6))
    }
}
