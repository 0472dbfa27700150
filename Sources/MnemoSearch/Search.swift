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
    func search(_ query: String, type: Kind?, language: String?, limit: Int, memo: TokenMemo) -> [SearchHit] {
        let q = NameKeys(query, memo: memo)
        guard q.tokens.contains(where: { !$0.isInitial }), limit > 0 else { return [] }
        let lang = language?.lowercased()
        var run = NameSearch(index: self, query: q, type: type, language: lang, limit: limit)
        let best = run.best()

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

    func lowerBound(_ s: String) -> Int {
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
        if NameToken.meet(q.formHashes, l.formHashes), !q.forms.isDisjoint(with: l.forms) { return .transliteration }
        if NameToken.meet(q.skeletonHashes, l.skeletonHashes), !q.skeletons.isDisjoint(with: l.skeletons) { return .variant }
        if NameToken.meet(q.consonantHashes, l.consonantHashes), !q.consonantKeys.isDisjoint(with: l.consonantKeys) { return .variant }
        return begins(q, l) ? .partial : nil
    }

    /// Whether a skeleton of `q` (three letters or more) begins one of `l`'s.
    static func begins(_ q: NameToken, _ l: NameToken) -> Bool {
        guard NameToken.meet(q.headHashes, l.headHashes) else { return false }
        for s in q.skeletons where s.count >= 3 {
            if l.skeletons.contains(where: { $0.hasPrefix(s) }) { return true }
        }
        return false
    }

    /// ``score(_:label:)`` both ways, `a` against `b` and `b` against `a`,
    /// working out how each pair of words meets once: every level but
    /// `partial` is the same both ways.
    public static func scoreBoth(_ a: [NameToken], _ b: [NameToken]) -> (ab: (Double, [MatchHow])?, ba: (Double, [MatchHow])?) {
        guard !a.isEmpty, !b.isEmpty else { return (nil, nil) }
        let n = a.count, m = b.count
        // ab[i * m + j]: a[i] against b[j]; ba[j * n + i]: b[j] against a[i]; rank + 1, 0 for none.
        var ab = [UInt8](repeating: 0, count: n * m), ba = [UInt8](repeating: 0, count: n * m)
        for i in 0..<n {
            for j in 0..<m {
                let x = level(a[i], b[j])
                ab[i * m + j] = x.map { UInt8($0.rank + 1) } ?? 0
                if let x, x != .partial { ba[j * n + i] = ab[i * m + j] } else if begins(b[j], a[i]) { ba[j * n + i] = UInt8(MatchHow.partial.rank + 1) }
            }
        }
        func run(_ q: [NameToken], _ l: [NameToken], _ table: [UInt8]) -> (Double, [MatchHow])? {
            let lc = l.count
            guard let (score, hows) = WordAssignment.score(
                qCount: q.count, lCount: lc,
                qInitial: { q[$0].isInitial }, qOptional: { q[$0].isOptional }, lOptional: { l[$0].isOptional },
                level: { let r = table[$0 * lc + $1]; return r == 0 ? nil : Int(r) - 1 }) else { return nil }
            return (score, WordAssignment.hows(hows))
        }
        return (run(a, b, ab), run(b, a, ba))
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
