import Foundation

/// How a query word met a word of a label, best first.
public enum MatchHow: String, Codable, Sendable, Comparable, CaseIterable {
    /// The same word, after NFKC and case folding.
    case exact
    /// The same in Latin after ICU transliteration (Валиханов = Valikhanov).
    case transliteration
    /// The same spelling skeleton (Valihanov = Walikhanow, Shokan = Chokan), or the same consonants (Choʻqon = Chokan).
    case variant
    /// An initial against a whole word ("Ch." = Chokan).
    case initials
    /// The query word begins the label word (Valikh = Valikhanov, Валиханов = Валиханова).
    case partial
    /// Not a word level: the words matched in another order ("Valikhanov, Chokan" = "Chokan Valikhanov").
    case reordered

    var weight: Double {
        switch self {
        case .exact: 1.0
        case .transliteration: 0.95
        case .variant: 0.85
        case .initials: 0.8
        case .partial: 0.55
        case .reordered: 1.0
        }
    }
    var rank: Int {
        switch self {
        case .exact: 0
        case .transliteration: 1
        case .variant: 2
        case .initials: 3
        case .partial: 4
        case .reordered: 5
        }
    }
    public static func < (a: MatchHow, b: MatchHow) -> Bool { a.rank < b.rank }
}

/// One entity found by ``NameIndex/search(_:type:language:limit:)``.
public struct SearchHit: Codable, Sendable {
    public let iri: String
    public let kind: Kind?
    /// 0–1: 1 for an exact whole-name match; then all query words matched; then some.
    public let score: Double
    /// The label to show: in the language asked for, else in the query's script, else the one matched.
    public let label: LabelValue
    /// The label the query matched.
    public let matched: LabelValue
    /// How it matched: "exact", "transliteration", "variant", "initials", "partial", "reordered".
    public let how: [MatchHow]
    public let labels: [LabelValue]
    public let birthYear: Int?
    public let deathYear: Int?
    /// The named graphs (institutions) that name it.
    public let institutions: [String]
}

extension NameIndex {
    /// Entities whose labels match `query`, best first. `type` keeps one kind;
    /// `language` (a BCP 47 tag or its prefix: "kk", "uz-latn") chooses the
    /// label shown and breaks ties; it does not filter.
    public func search(_ query: String, type: Kind? = nil, language: String? = nil, limit: Int = 20) -> [SearchHit] {
        search(query, type: type, language: language, limit: limit, memo: TokenMemo(transliterate: true, reverse: true))
    }

    /// The same, keying the query's words through `memo` (one made with `reverse: true`).
    ///
    /// Labels are found through the keys of the query's words, each given an
    /// upper bound on its score from the best way each query word met one of
    /// its words, and scored in full best bound first until no bound left can
    /// reach the `limit` entities already found.
    func search(_ query: String, type: Kind?, language: String?, limit: Int, memo: TokenMemo) -> [SearchHit] {
        let q = NameKeys(query, memo: memo)
        let qTokens = q.tokens
        guard qTokens.contains(where: { !$0.isInitial }), limit > 0 else { return [] }
        var levels = LevelCache(query: qTokens, index: self)
        let candidates = candidateLabels(qTokens, type: type, levels: &levels)

        let lang = language?.lowercased()
        let bonus = (q.years.isEmpty ? 0 : 0.05) + (lang == nil ? 0 : 0.0001)
        var top = TopScores(limit: limit)
        var best: [Int32: (score: Double, label: Int32, hows: UInt8)] = [:]
        for c in candidates.sorted(by: { $0.bound > $1.bound }) {
            if c.bound + bonus < top.threshold { break }
            let label = labels[Int(c.label)]
            let entity = entities[Int(label.entity)]
            guard let (labelScore, hows) = levels.score(label) else { continue }
            var score = labelScore
            if !q.years.isEmpty {
                let life = [entity.birth, entity.death].compactMap { $0 }
                if !life.isEmpty { score = life.contains(where: q.years.contains) ? min(1, score + 0.05) : score * 0.8 }
            }
            if let lang, let ll = label.value.language, ll == lang || ll.hasPrefix(lang + "-") { score += 0.0001 }
            if let b = best[label.entity], b.score >= score { continue }
            best[label.entity] = (score, c.label, hows)
            top.offer(score, entity: label.entity)
        }

        let ranked = best.sorted { a, b in
            a.value.score != b.value.score ? a.value.score > b.value.score : entities[Int(a.key)].iri < entities[Int(b.key)].iri
        }.prefix(limit)
        let queryCyrillic = Self.isCyrillic(query)
        return ranked.map { (e, b) in
            let entity = entities[Int(e)]
            let all = entity.labels.map { labels[Int($0)].value }
            let matched = labels[Int(b.label)].value
            var shown = matched
            if let lang, let l = all.first(where: { $0.language == lang }) ?? all.first(where: { $0.language?.hasPrefix(lang + "-") == true }) {
                shown = l
            } else if Self.isCyrillic(matched.value) != queryCyrillic, let l = all.first(where: { Self.isCyrillic($0.value) == queryCyrillic }) {
                shown = l
            }
            var seen = Set<LabelValue>()
            return SearchHit(iri: entity.iri, kind: entity.kind, score: (min(b.score, 1) * 1000).rounded() / 1000,
                             label: shown, matched: matched, how: WordAssignment.hows(b.hows),
                             labels: all.filter { seen.insert($0).inserted },
                             birthYear: entity.birth, deathYear: entity.death, institutions: entity.graphs)
        }
    }

    /// A label met by the query, with an upper bound on its score.
    struct Candidate {
        let label: Int32
        let bound: Double
    }

    /// The labels of `type` holding a word that shares a key with a query word
    /// (the same skeleton or consonants, or a skeleton the query word's begins),
    /// each with its bound: the best weight each query word could get, as if
    /// every word could take its best partner.
    func candidateLabels(_ qTokens: [NameToken], type: Kind?, levels: inout LevelCache) -> [Candidate] {
        var candidateTokens = Set<Int32>()
        for t in qTokens where !t.isInitial {
            for s in t.skeletons {
                if let ids = bySkeleton[s] { candidateTokens.formUnion(ids) }
                if s.count >= 3 {
                    var i = lowerBound(s)
                    var n = 0
                    while i < sortedSkeletons.count, sortedSkeletons[i].hasPrefix(s), n < 5000 {
                        candidateTokens.formUnion(bySkeleton[sortedSkeletons[i]]!)
                        i += 1; n += 1
                    }
                }
            }
            if t.consonants.count >= 3, let ids = byConsonants[t.consonants] { candidateTokens.formUnion(ids) }
        }
        // Per label, the best rank + 1 each query word met among its words (0: not met).
        let qn = qTokens.count
        var slot: [Int32: Int] = [:]
        var met: [UInt8] = []
        var order: [Int32] = []
        for t in candidateTokens {
            let start = levels.start(of: t)
            for l in tokenLabels[Int(t)] {
                if let type, entities[Int(labels[Int(l)].entity)].kind != type { continue }
                let base: Int
                if let s = slot[l] { base = s } else {
                    base = met.count; slot[l] = base; order.append(l)
                    met.append(contentsOf: repeatElement(0, count: qn))
                }
                for qi in 0..<qn {
                    let r = levels.ranks[start + qi]
                    if r != 0 && (met[base + qi] == 0 || r < met[base + qi]) { met[base + qi] = r }
                }
            }
        }
        let anyRequired = qTokens.contains { !$0.isOptional }
        return order.map { l in
            let base = slot[l]!
            let hasInitial = labels[Int(l)].hasInitial
            var sum = 0.0, n = 0, all = true, exact = true
            for (qi, t) in qTokens.enumerated() where !anyRequired || !t.isOptional {
                n += 1
                let r = met[base + qi]
                if r != 0 { sum += WordAssignment.weights[Int(r) - 1]; if r != 1 { exact = false } }
                else if t.isInitial || hasInitial { sum += WordAssignment.initialWeight; exact = false }
                else { all = false; exact = false }
            }
            let bound = exact ? 1.0 : min(0.99, sum / Double(max(n, 1)) * (all ? 1 : 0.6))
            return Candidate(label: l, bound: bound)
        }
    }

    private func lowerBound(_ s: String) -> Int {
        var lo = 0, hi = sortedSkeletons.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sortedSkeletons[mid] < s { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static func isCyrillic(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x0400...0x052F).contains($0.value) }
    }

    /// How one query word meets one label word, if it does.
    static func level(_ q: NameToken, _ l: NameToken) -> MatchHow? {
        if q.norm == l.norm && q.isInitial == l.isInitial { return .exact }
        if q.isInitial != l.isInitial {
            let (i, w) = q.isInitial ? (q, l) : (l, q)
            let heads = Set(i.skeletons.compactMap(\.first))
            guard !heads.isEmpty else { return nil }
            return w.skeletons.contains(where: { $0.first.map(heads.contains) == true }) ? .initials : nil
        }
        if !q.forms.isDisjoint(with: l.forms) { return .transliteration }
        if !q.skeletons.isDisjoint(with: l.skeletons) { return .variant }
        if q.consonants.count >= 3, q.consonants == l.consonants { return .variant }
        for s in q.skeletons where s.count >= 3 {
            if l.skeletons.contains(where: { $0.hasPrefix(s) }) { return .partial }
        }
        return nil
    }

    /// The score of a label's words against the query words (0–1), and how
    /// they matched; nil when no word of the query meets the label.
    public static func score(_ qTokens: [NameToken], label lTokens: [NameToken]) -> (Double, [MatchHow])? {
        guard let (score, hows) = WordAssignment.score(
            qCount: qTokens.count, lCount: lTokens.count,
            qInitial: { qTokens[$0].isInitial }, qOptional: { qTokens[$0].isOptional }, lOptional: { lTokens[$0].isOptional },
            level: { level(qTokens[$0], lTokens[$1])?.rank }) else { return nil }
        return (score, WordAssignment.hows(hows))
    }
}
