import Foundation
import MnemoSearch

/// Which records are compared at all. Each record is filed under keys made of
/// one whole word of a name (the consonants of its spellings in every
/// script's transliteration, or for a short word its spelling skeletons) and
/// the first letter of another word, so "Valikhanov, Ch.", "Chokan
/// Valikhanov", "Валиханов, Чокан" and "Valixonov, Choʻqon" share `~vlknv|s`.
/// Records of one graph are never paired: an institution's own records are
/// its own business. Blocks too large to compare every pair (a common name)
/// are compared by a sorted neighbourhood: sorted by their names and birth
/// years, each record is paired with the next `window` records.
struct Blocking {
    /// Candidate pairs, each once, lower index first.
    private(set) var pairs: [(Int32, Int32)] = []
    /// How many blocks were too large and compared by the sorted neighbourhood.
    private(set) var largeBlocks = 0
    /// How many records each key holds.
    private(set) var sizes: [String: Int] = [:]

    init(_ records: [LinkRecord], cap: Int, window: Int) {
        // Each record's keys, worked out in chunks on every core; the blocks are then filled in record order.
        let chunks = max(1, min(64, records.count / 2000))
        let keyed = ChunkResults<[String]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let range = (records.count * c / chunks)..<(records.count * (c + 1) / chunks)
            keyed.set(c, records[range].map { Array(Self.keys($0)) })
        }
        var blocks: [String: [Int32]] = [:]
        for (i, keys) in keyed.joined().enumerated() {
            for k in keys { blocks[k, default: []].append(Int32(i)) }
        }
        sizes = blocks.mapValues(\.count)
        var seen = Set<UInt64>()
        func consider(_ a: Int32, _ b: Int32) {
            guard records[Int(a)].graph != records[Int(b)].graph, records[Int(a)].profile.iri != records[Int(b)].profile.iri else { return }
            let (x, y) = a < b ? (a, b) : (b, a)
            if seen.insert(UInt64(UInt32(x)) << 32 | UInt64(UInt32(y))).inserted { pairs.append((x, y)) }
        }
        for key in blocks.keys.sorted() {
            let members = blocks[key]!
            guard members.count > 1 else { continue }
            if members.count <= cap {
                for i in 0..<members.count {
                    for j in (i + 1)..<members.count { consider(members[i], members[j]) }
                }
            } else {
                largeBlocks += 1
                let keyed = members.map { (Self.sortKey(records[Int($0)]), $0) }
                let sorted = keyed.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.1)
                for i in 0..<sorted.count {
                    var j = i + 1
                    while j < sorted.count, j <= i + window { consider(sorted[i], sorted[j]); j += 1 }
                }
            }
        }
    }

    /// How many records share the rarest key two records share: how common
    /// the name they have in common is (2 or 3 for a name only one person bears
    /// in three institutions).
    func sharedBlockSize(_ a: LinkRecord, _ b: LinkRecord) -> Int {
        Self.keys(a).intersection(Self.keys(b)).compactMap { sizes[$0] }.min() ?? Int.max
    }

    /// The block keys of a record.
    static func keys(_ r: LinkRecord) -> Set<String> {
        var out = Set<String>()
        // Places also by the stem of each proper word, so "Дильраская область" meets "Dilra Region".
        if r.profile.kind == .place {
            // Only names that say what kind of place they are (regions, districts): their adjectives
            // are where stems differ; a settlement's single word is keyed below like any name.
            for name in r.names where name.contains(where: { !Scorer.isProper($0) && !$0.isInitial }) {
                for t in name where Scorer.isProper(t) {
                    for s in t.skeletons where s.count >= 4 { out.insert("@" + s.prefix(4)) }
                }
            }
        }
        for name in r.names {
            let whole = name.filter { !$0.isInitial && !$0.isOptional }
            if whole.count == 1 && name.filter({ !$0.isOptional }).count == 1 {
                for k in wordKeys(whole[0]) { out.insert(k + "|") }
                continue
            }
            for (i, w) in name.enumerated() where !w.isInitial && !w.isOptional {
                let keys = wordKeys(w)
                for (j, other) in name.enumerated() where j != i && !other.isOptional {
                    for h in heads(other) {
                        for k in keys { out.insert(k + "|" + String(h)) }
                    }
                }
            }
        }
        return out
    }

    /// The keys of one word: the consonants of each of its spellings when
    /// they are long enough to tell names apart (vowels are where scripts
    /// differ most: Valixonov, Valikhanov), else its spelling skeletons.
    static func wordKeys(_ w: NameToken) -> Set<String> {
        let consonants = Set(w.skeletons.map(NameKeys.consonantKey)).filter { $0.count >= 3 }
        if !consonants.isEmpty { return Set(consonants.map { "~" + $0 }) }
        return Set(w.skeletons.filter { $0.count >= 2 })
    }

    /// The first letters a word may start with, in any of its spellings (h and k as one, as in the consonant keys).
    static func heads(_ w: NameToken) -> Set<Character> {
        Set(w.skeletons.compactMap(\.first).map { $0 == "h" ? "k" : $0 })
    }

    /// The order of a large block: the name's skeletons, then the birth year.
    static func sortKey(_ r: LinkRecord) -> String {
        let name = r.names.first.map { $0.filter { !$0.isOptional }.map(\.primarySkeleton).sorted().joined(separator: " ") } ?? ""
        return name + "#" + (r.profile.birth.map { String($0.low) } ?? "")
    }
}
