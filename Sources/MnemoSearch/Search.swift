import Foundation

/// How a query word met a word of a label, best first.
public enum MatchHow: String, Codable, Sendable, Comparable {
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
    func search(_ query: String, type: Kind?, language: String?, limit: Int, memo: TokenMemo) -> [SearchHit] {
        let q = NameKeys(query, memo: memo)
        let qTokens = q.tokens
        guard qTokens.contains(where: { !$0.isInitial }), limit > 0 else { return [] }

        // Candidate words: same skeleton, same consonants, or beginning with the skeleton.
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
        var candidateLabels = Set<Int32>()
        for t in candidateTokens { candidateLabels.formUnion(tokenLabels[Int(t)]) }

        let lang = language?.lowercased()
        struct Best { var score: Double; var label: Int32; var how: [MatchHow] }
        var best: [Int32: Best] = [:]
        for l in candidateLabels {
            let label = labels[Int(l)]
            let entity = entities[Int(label.entity)]
            if let type, entity.kind != type { continue }
            guard var (score, how) = score(qTokens, queryNorm: q, label: label) else { continue }
            if !q.years.isEmpty {
                let life = [entity.birth, entity.death].compactMap { $0 }
                if !life.isEmpty { score = life.contains(where: q.years.contains) ? min(1, score + 0.05) : score * 0.8 }
            }
            var tie = score
            if let lang, let ll = label.value.language, ll == lang || ll.hasPrefix(lang + "-") { tie += 0.0001 }
            if let b = best[label.entity], b.score >= tie { continue }
            best[label.entity] = Best(score: tie, label: l, how: how)
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
                             label: shown, matched: matched, how: b.how,
                             labels: all.filter { seen.insert($0).inserted },
                             birthYear: entity.birth, deathYear: entity.death, institutions: entity.graphs)
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

    /// The score of one label against the query words, and how they matched.
    func score(_ qTokens: [NameToken], queryNorm q: NameKeys, label: Label) -> (Double, [MatchHow])? {
        Self.score(qTokens, label: label.tokens.map { tokens[Int($0)] })
    }

    /// The score of a label's words against the query words (0–1), and how
    /// they matched; nil when no word of the query meets the label.
    public static func score(_ qTokens: [NameToken], label lTokens: [NameToken]) -> (Double, [MatchHow])? {
        guard !lTokens.isEmpty else { return nil }
        var used = [Bool](repeating: false, count: lTokens.count)
        var assigned: [(q: Int, l: Int, how: MatchHow)] = []
        // Whole words first, then initials, so an initial does not take a word a full name needs.
        let order = qTokens.indices.sorted { (qTokens[$0].isInitial ? 1 : 0, $0) < (qTokens[$1].isInitial ? 1 : 0, $1) }
        for qi in order {
            var bestL: Int?
            var bestHow: MatchHow?
            for (li, lt) in lTokens.enumerated() where !used[li] {
                if let h = Self.level(qTokens[qi], lt), bestHow == nil || h < bestHow! {
                    bestL = li; bestHow = h
                    if h == .exact { break }
                }
            }
            if let bestL, let bestHow { used[bestL] = true; assigned.append((qi, bestL, bestHow)) }
        }
        guard assigned.contains(where: { !qTokens[$0.q].isInitial && !qTokens[$0.q].isOptional }) ||
              assigned.contains(where: { !qTokens[$0.q].isInitial }) else { return nil }

        let requiredQ = qTokens.indices.filter { !qTokens[$0].isOptional }
        let reqQ = requiredQ.isEmpty ? Array(qTokens.indices) : requiredQ
        let byQ = Dictionary(assigned.map { ($0.q, $0) }, uniquingKeysWith: { a, _ in a })
        let sumW = reqQ.reduce(0.0) { $0 + (byQ[$1]?.how.weight ?? 0) }
        let qScore = sumW / Double(reqQ.count)
        let allMatched = reqQ.allSatisfy { byQ[$0] != nil }
        let requiredL = lTokens.indices.filter { !lTokens[$0].isOptional }
        let reqL = requiredL.isEmpty ? Array(lTokens.indices) : requiredL
        let matchedL = Set(assigned.map(\.l))
        let lCoverage = Double(reqL.filter(matchedL.contains).count) / Double(reqL.count)

        let inQueryOrder = assigned.sorted { $0.q < $1.q }.map(\.l)
        let reordered = inQueryOrder != inQueryOrder.sorted()
        var score = qScore * (0.75 + 0.25 * lCoverage)
        if reordered { score *= 0.97 }
        if !allMatched { score *= 0.6 }
        var how = Array(Set(assigned.map(\.how))).sorted()
        let wholeExact = allMatched && !reordered && assigned.count == qTokens.count && assigned.count == lTokens.count
            && assigned.allSatisfy { $0.how == .exact }
        if wholeExact { return (1.0, [.exact]) }
        score = min(score, 0.99)
        if how.count > 1 { how.removeAll { $0 == .exact } }
        if reordered { how.append(.reordered) }
        return (score, how)
    }
}
