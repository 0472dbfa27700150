import Foundation
import MnemoDataGen
import MnemoStore
import Testing
@testable import MnemoSearch

/// The search stops scoring once no label left can reach the first `limit`
/// entities, and takes a common query word's labels only to complete what
/// rarer words found. These tests hold it to the plain method: score every
/// label that shares a key with the query, and keep the best `limit`.
@Suite struct SearchPruningTests {
    static let index: NameIndex = {
        var text = ""
        _ = LinkingGoldGenerator.generate(LinkingGoldOptions(persons: 400, seed: 5), quads: { text += $0 }, gold: { _ in })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-search-\(UUID().uuidString).nq")
        try! text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let store = try! Store.open("memory:")
        _ = try! store.importFile(file.path, options: ImportOptions(format: .nquads))
        return NameIndex(store: store)
    }()

    /// Whether index word `l` shares a key with a whole query word: a skeleton,
    /// consonant keys of three or more, or a skeleton a query skeleton begins.
    static func sharesKey(_ q: [NameToken], _ l: NameToken) -> Bool {
        q.contains { t in
            guard !t.isInitial else { return false }
            if !t.skeletons.isDisjoint(with: l.skeletons) { return true }
            if !t.consonantKeys.isDisjoint(with: l.consonantKeys) { return true }
            return t.skeletons.contains { s in s.count >= 3 && l.skeletons.contains { $0.hasPrefix(s) } }
        }
    }

    /// Every label with a word sharing a key, scored; the best label per entity; the first `limit`.
    static func exhaustive(_ query: String, type: Kind?, language: String?, limit: Int) -> [(iri: String, score: Double)] {
        let index = Self.index
        let q = NameKeys(query, memo: TokenMemo(transliterate: true, reverse: true))
        guard q.tokens.contains(where: { !$0.isInitial }) else { return [] }
        var best: [Int32: Double] = [:]
        for label in index.labels {
            let entity = index.entities[Int(label.entity)]
            if let type, entity.kind != type { continue }
            let words = label.tokens.map { index.tokens[Int($0)] }
            guard words.contains(where: { sharesKey(q.tokens, $0) }), var (s, _) = NameIndex.score(q.tokens, label: words) else { continue }
            let life = [entity.birth, entity.death].compactMap { $0 }
            if !q.years.isEmpty, !life.isEmpty { s = life.contains(where: q.years.contains) ? min(1, s + 0.05) : s * 0.8 }
            if let language, let ll = label.value.language, ll == language || ll.hasPrefix(language + "-") { s += 0.0001 }
            best[label.entity] = max(best[label.entity] ?? -1, s)
        }
        // Ranked by the unrounded score, as the search ranks them; shown rounded.
        let ranked: [(iri: String, score: Double)] = best.map { (index.entities[Int($0.key)].iri, $0.value) }
        let sorted = ranked.sorted { a, b in a.score != b.score ? a.score > b.score : a.iri < b.iri }
        return sorted.prefix(limit).map { (iri: $0.iri, score: (min($0.score, 1) * 1000).rounded() / 1000) }
    }

    /// Queries made from the index's own labels, as people type them: whole,
    /// inverted, one word, a word cut short, an initial, with a year.
    static func queries(_ n: Int) -> [String] {
        var state: UInt64 = 42
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        let labels = index.labels.map(\.value.value)
        return (0..<n).map { i in
            let label = labels[Int(next() % UInt64(labels.count))]
            let words = label.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            switch i % 6 {
            case 0: return label
            case 1: return words.count > 1 ? words.dropFirst().joined(separator: " ") + ", " + words[0] : label
            case 2: return words.last ?? label
            case 3: return words.map { $0.count > 5 ? String($0.prefix(4)) : $0 }.joined(separator: " ")
            case 4: return words.count > 1 ? String(words[0].prefix(1)) + ". " + words.dropFirst().joined(separator: " ") : label
            default: return label + " \(1800 + Int(next() % 120))"
            }
        }
    }

    @Test(arguments: [1, 5, 26])
    func sameAnswersAsScoringEveryLabel(limit: Int) {
        for (i, query) in Self.queries(240).enumerated() {
            let type: Kind? = i % 4 == 0 ? .person : (i % 4 == 1 ? .place : nil)
            let language: String? = i % 3 == 0 ? "ru" : nil
            let got = Self.index.search(query, type: type, language: language, limit: limit).map { ($0.iri, $0.score) }
            let want = Self.exhaustive(query, type: type, language: language, limit: limit)
            #expect(got.map(\.0) == want.map(\.iri), "\(query) (type \(type?.rawValue ?? "any"), limit \(limit))")
            #expect(got.map(\.1) == want.map(\.score), "\(query)")
        }
    }

    /// Both ways from one table of word levels, as each way alone.
    @Test func scoreBothIsScoreEachWay() {
        let index = Self.index
        let names = index.labels.prefix(400).map { $0.tokens.map { index.tokens[Int($0)] } }
        var compared = 0
        for (i, a) in names.enumerated() {
            for b in names[(i + 1)...].prefix(12) + [a] {
                let both = NameIndex.scoreBoth(a, b)
                let ab = NameIndex.score(a, label: b), ba = NameIndex.score(b, label: a)
                #expect(both.ab?.0 == ab?.0 && both.ab?.1 == ab?.1)
                #expect(both.ba?.0 == ba?.0 && both.ba?.1 == ba?.1)
                compared += 1
            }
        }
        #expect(compared > 4000)
    }
}
