import Foundation
import MnemoRDF
import MnemoSearch
import MnemoStore

/// What one kind's linking did, for reports and benchmarks.
public struct LinkKindReport: Sendable {
    public let kind: Kind
    public var records = 0
    public var blocks = 0
    public var largeBlocks = 0
    public var pairsCompared = 0
    /// Of those, pairs whose score was taken from the last run (neither record changed).
    public var pairsReused = 0
    public var accepted = 0
    public var review = 0
    public var confirmed = 0
    /// Entities with records in more than one graph.
    public var clusters = 0
}

/// What a run did.
public struct LinkReport: Sendable {
    public var kinds: [LinkKindReport] = []
    /// Mapping records written that were not there before, and ones gone.
    public var added = 0
    public var removed = 0
    public var unchanged = 0
    /// Records whose features changed since the last run (fingerprints).
    public var changedRecords = 0
    public var seconds: [String: Double] = [:]
}

/// Links co-referent entities across the named graphs of a store.
///
/// ```swift
/// let report = try Linker(store: store, options: LinkOptions(base: "https://data.mnemo.example/")).run()
/// ```
///
/// Per kind (places first, then persons, then the rest): profiles are read,
/// blocked on name keys, every candidate pair scored from its features, a
/// uniqueness feature added (the pair is each other's only candidate in the
/// other's graph), and pairs joined into coherent clusters best first. The
/// links graph is then replaced in one atomic write; a re-run over unchanged
/// data writes nothing, and mappings that did not change keep their dates.
public struct Linker {
    let store: Store
    let options: LinkOptions
    let today: String

    public init(store: Store, options: LinkOptions, today: Date = Date()) {
        self.store = store
        self.options = options
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        self.today = f.string(from: today)
    }

    public func run() throws -> LinkReport {
        var report = LinkReport()
        var clock = Date()
        func lap(_ name: String) { report.seconds[name, default: 0] += Date().timeIntervalSince(clock); clock = Date() }
        let previous = Mapping.read(from: store, graph: options.linksGraph)
        let decisions = Decision.read(from: store, graph: options.decisionsGraph)
        let snapshot = store.snapshot
        lap("last run")

        let extractor = ProfileExtractor(store: store, snapshot: snapshot)
        let all = extractor.profiles(kinds: options.kinds, excluding: [options.linksGraph, options.decisionsGraph])
        lap("profiles")
        var fingerprints: [String: String] = [:]
        for p in all { fingerprints[p.iri + "\u{1}" + p.graph] = p.fingerprint }
        var previousFingerprints: [String: String] = [:]
        for m in previous {
            previousFingerprints[m.subject + "\u{1}" + m.subjectGraph] = m.subjectFingerprint
            previousFingerprints[m.object + "\u{1}" + m.objectGraph] = m.objectFingerprint
        }
        report.changedRecords = previousFingerprints.filter { fingerprints[$0.key] != $0.value }.count

        var placeCluster: [String: Int] = [:]
        var mappings: [Mapping] = []
        let cache = options.cachePath.map(PairCache.load) ?? PairCache()
        var usedKeys = Set<UInt64>()
        lap("cache")
        let order: [Kind] = [.place, .person, .group, .event, .object, .concept]
        // Shared by the threads that key the records: ICU runs once per distinct word.
        let memo = TokenMemo(transliterate: true, reverse: false, threadSafe: true)
        for kind in order where options.kinds.contains(kind) {
            let profiles = all.filter { $0.kind == kind }
            guard !profiles.isEmpty else { continue }
            var (kindMappings, kindReport, clusterOf) = link(kind, profiles, memo: memo, placeCluster: placeCluster,
                                                             decisions: decisions, cache: cache, used: &usedKeys, lap: lap)
            if kind == .place { placeCluster = clusterOf }
            mappings += kindMappings
            kindMappings.removeAll()
            report.kinds.append(kindReport)
        }

        // Keep the dates of mappings that did not change, so a re-run writes nothing.
        let old = Dictionary(previous.map { ($0.subject + "\u{1}" + $0.object, $0) }, uniquingKeysWith: { a, _ in a })
        for i in mappings.indices {
            if let o = old[mappings[i].subject + "\u{1}" + mappings[i].object] {
                if mappings[i].sameContent(o) { mappings[i].date = o.date; report.unchanged += 1 }
            } else {
                report.added += 1
            }
        }
        let now = Set(mappings.map { $0.subject + "\u{1}" + $0.object })
        report.removed = old.keys.filter { !now.contains($0) }.count
        try LinksGraph.write(mappings, to: store, options: options)
        if let path = options.cachePath { try? cache.save(path, keeping: usedKeys) }
        lap("write")
        return report
    }

    /// Links the records of one kind; returns the mappings, the report and the cluster of each IRI.
    func link(_ kind: Kind, _ profiles: [EntityProfile], memo: TokenMemo, placeCluster: [String: Int],
              decisions: [Decision], cache: PairCache, used: inout Set<UInt64>,
              lap: (String) -> Void) -> ([Mapping], LinkKindReport, [String: Int]) {
        var report = LinkKindReport(kind: kind)
        let graphs = Array(Set(profiles.map(\.graph))).sorted()
        let graphIndex = Dictionary(uniqueKeysWithValues: graphs.enumerated().map { ($1, Int32($0)) })
        // Records are keyed in chunks on every core, each chunk into its own slot.
        let keyChunks = max(1, min(64, profiles.count / 1000))
        let keyed = ChunkResults<LinkRecord>(count: keyChunks)
        DispatchQueue.concurrentPerform(iterations: keyChunks) { c in
            let range = (profiles.count * c / keyChunks)..<(profiles.count * (c + 1) / keyChunks)
            keyed.set(c, profiles[range].map { LinkRecord($0, graph: graphIndex[$0.graph]!, memo: memo) })
        }
        let records = keyed.joined()
        report.records = records.count
        let indexOf = Dictionary(records.enumerated().map { ($1.profile.iri, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        lap("keys")
        let blocking = Blocking(records, cap: options.blockCap, window: options.window)
        report.largeBlocks = blocking.largeBlocks
        report.pairsCompared = blocking.pairs.count
        lap("blocking")

        var scorer = Scorer(records: records)
        scorer.placeCluster = placeCluster
        // Scored pairs worth keeping: names that meet, nothing forbidding them.
        struct Scored: Sendable { let a: Int32, b: Int32; var score: PairScore }
        // Each record's signature: its fingerprint and, for persons, the place
        // links its places are in. A pair of unchanged signatures keeps last run's score.
        var placeRep: [Int: String] = [:]
        for (iri, c) in placeCluster { if placeRep[c].map({ iri < $0 }) ?? true { placeRep[c] = iri } }
        let signatures: [UInt64] = records.map { r in
            var text = kind.rawValue + "\u{1}" + r.profile.fingerprint
            for iri in r.profile.birthPlaceIRIs + ["\u{2}"] + r.profile.deathPlaceIRIs {
                text += "\u{1}" + (placeCluster[iri].flatMap { placeRep[$0] } ?? iri)
            }
            return fnv1a64(text)
        }
        // Pairs are scored in chunks on every core; chunks are joined in order, so the result does not depend on timing.
        let pairs = blocking.pairs
        let chunks = max(1, min(64, pairs.count / 2000))
        let parts = ChunkResults<(Scored?, UInt64, String??)>(count: chunks)
        let frozen = scorer
        let known = cache.entries
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var local: [(Scored?, UInt64, String??)] = []
            for i in stride(from: pairs.count * c / chunks, to: pairs.count * (c + 1) / chunks, by: 1) {
                let (a, b) = pairs[i]
                let key = PairCache.key(signatures[Int(a)], signatures[Int(b)])
                if let cached = known[key] {
                    // Reused: a dropped pair stays dropped; a kept score is decoded (an undecodable one is scored again).
                    if let text = cached {
                        if let s = PairScore(encoded: text) { local.append((Scored(a: a, b: b, score: s), key, nil)); continue }
                    } else {
                        local.append((nil, key, nil)); continue
                    }
                }
                let s = frozen.score(Int(a), Int(b))
                let keep = s.forbidden == nil && (s.name >= 0.7 || s.byIdentifier)
                local.append((keep ? Scored(a: a, b: b, score: s) : nil, key, .some(keep ? s.encoded : nil)))
            }
            parts.set(c, local)
        }
        var kept: [Scored] = []
        var fresh: [(UInt64, String?)] = []
        for (s, key, new) in parts.joined() {
            used.insert(key)
            if let s { kept.append(s) }
            if let new { fresh.append((key, new)) } else { report.pairsReused += 1 }
        }
        cache.merge(fresh)
        lap("scoring")

        // Uniqueness: a pair whose records are each other's best candidate in
        // the other's graph, with no runner-up close behind (runners-up whose names
        // do not meet, or whose evidence is far weaker, do not count).
        struct Slot: Hashable { let record: Int32, graph: Int32 }
        struct Ranking { var best: Int32 = -1; var first = -1.0; var second = -1.0 }
        /// Enters a pair in both records' rankings of their candidates in the other's graph.
        func rank(_ k: Scored, into table: inout [Slot: Ranking]) {
            let c = k.score.byIdentifier ? 2 : k.score.confidence
            for (r, other) in [(k.a, k.b), (k.b, k.a)] {
                let slot = Slot(record: r, graph: records[Int(other)].graph)
                var rk = table[slot] ?? Ranking()
                if c > rk.first { rk.second = rk.first; rk.first = c; rk.best = other } else if c > rk.second { rk.second = c }
                table[slot] = rk
            }
        }
        var rankings: [Slot: Ranking] = [:]
        for k in kept where k.score.name >= 0.8 || k.score.byIdentifier { rank(k, into: &rankings) }
        let margin = Self.uniquenessMargin
        for i in kept.indices where !kept[i].score.byIdentifier && kept[i].score.name >= 0.8 {
            let a = kept[i].a, b = kept[i].b
            guard let ra = rankings[Slot(record: a, graph: records[Int(b)].graph)],
                  let rb = rankings[Slot(record: b, graph: records[Int(a)].graph)] else { continue }
            let c = kept[i].score.confidence
            if ra.best == b, rb.best == a, c - ra.second >= margin, c - rb.second >= margin {
                let w = Self.uniquenessWeight(kept[i].score, records[Int(a)], records[Int(b)], blocking)
                kept[i].score.confidence = Scorer.round(min(1, c + w))
                let note = max(ra.second, rb.second) < 0 ? "each the other's only candidate" : "each the other's clear best candidate"
                kept[i].score.features.append(Feature(name: "unique", weight: w, note: note))
            } else {
                kept[i].score.features.append(Feature(name: "unique", weight: 0, note: "another candidate scores close"))
            }
        }

        // Curators' decisions on this kind's records.
        var rejected = Set<String>()
        var confirmed: [(Int32, Int32, Decision)] = []
        for d in decisions {
            guard let a = indexOf[d.subject], let b = indexOf[d.object] else { continue }
            if d.verdict == .rejected { rejected.insert(d.subject + "\u{1}" + d.object) } else { confirmed.append((a, b, d)) }
        }
        func key(_ a: Int32, _ b: Int32) -> String {
            let x = records[Int(a)].profile.iri, y = records[Int(b)].profile.iri
            return x < y ? x + "\u{1}" + y : y + "\u{1}" + x
        }

        // Ambiguity: a record's two best candidates in one graph, too close to tell apart, both go to review.
        var best: [Slot: (Double, Double)] = [:]
        for k in kept {
            for (r, other) in [(k.a, k.b), (k.b, k.a)] {
                let slot = Slot(record: r, graph: records[Int(other)].graph)
                var (first, second) = best[slot] ?? (0, 0)
                let c = k.score.confidence
                if c > first { second = first; first = c } else if c > second { second = c }
                best[slot] = (first, second)
            }
        }
        func ambiguous(_ k: Scored) -> Bool {
            if k.score.byIdentifier { return false }
            for (r, other) in [(k.a, k.b), (k.b, k.a)] {
                if let (first, second) = best[Slot(record: r, graph: records[Int(other)].graph)],
                   second >= options.accept, first - second < 0.05 { return true }
            }
            return false
        }

        /// Why two records may not end up in one cluster, if they may not: a
        /// curator's rejection, a forbidding feature, or (unless an identifier
        /// joins them) names that do not meet at all.
        func refusal(_ x: Int32, _ y: Int32, joiningByIdentifier: Bool) -> String? {
            if rejected.contains(key(x, y)) { return "a curator rejected \(records[Int(x)].profile.iri) = \(records[Int(y)].profile.iri)" }
            if let c = scorer.conflict(Int(x), Int(y)) { return c }
            if !joiningByIdentifier, scorer.sharedIdentifier(Int(x), Int(y)) == nil, scorer.nameScore(Int(x), Int(y)).0 < 0.3 {
                return "names do not meet across the cluster"
            }
            return nil
        }

        var clusters = Clusters(count: records.count)
        var status: [String: (Mapping.Status, String?)] = [:]
        for (a, b, d) in confirmed {
            _ = clusters.join(a, b, graph: { records[Int($0)].graph }, compatible: { _, _ in nil })
            status[key(a, b)] = (.confirmed, d.curator)
        }
        // Best first; ties in the order of the pairs' IRIs, so the result does not depend on the input's order.
        // Pairs under the review threshold take no part, so they are left out before the keys are made.
        let band = kept.indices.filter { kept[$0].score.confidence >= options.review }.map { ($0, key(kept[$0].a, kept[$0].b)) }
        let order = band.sorted { p, q in
            let x = kept[p.0], y = kept[q.0]
            if x.score.byIdentifier != y.score.byIdentifier { return x.score.byIdentifier }
            if x.score.confidence != y.score.confidence { return x.score.confidence > y.score.confidence }
            return p.1 < q.1
        }
        var refused: [String: String] = [:]
        for (i, pk) in order {
            let k = kept[i]
            if rejected.contains(pk) || status[pk] != nil { continue }
            if k.score.confidence < options.accept { status[pk] = (.review, nil); continue }
            if ambiguous(k) { status[pk] = (.review, nil); refused[pk] = "another candidate scores as high"; continue }
            let why = clusters.join(k.a, k.b, graph: { records[Int($0)].graph }) { refusal($0, $1, joiningByIdentifier: k.score.byIdentifier) }
            if let why { status[pk] = (.review, nil); refused[pk] = why } else { status[pk] = (.accepted, nil) }
        }

        // Exclusion: a candidate already joined to another record of this
        // record's graph is taken (one record per graph), so a pair that was
        // ambiguous only because of taken candidates is unique after all.
        for _ in 0..<2 {
            func taken(_ x: Int32, byGraphOf r: Int32) -> Bool {
                let g = records[Int(r)].graph
                return clusters.members[Int(clusters.root(x))].contains { $0 != r && records[Int($0)].graph == g }
            }
            var free: [Slot: Ranking] = [:]
            var open: [Int] = []
            for (i, k) in kept.enumerated() where k.score.name >= 0.8 || k.score.byIdentifier {
                if clusters.root(k.a) == clusters.root(k.b) || taken(k.b, byGraphOf: k.a) || taken(k.a, byGraphOf: k.b) { continue }
                rank(k, into: &free)
                if !k.score.byIdentifier, k.score.features.last?.weight == 0, k.score.features.last?.name == "unique" { open.append(i) }
            }
            var joined = 0
            for i in open {
                let k = kept[i], pk = key(k.a, k.b)
                if rejected.contains(pk) || status[pk]?.0 == .confirmed || status[pk]?.0 == .accepted { continue }
                guard let ra = free[Slot(record: k.a, graph: records[Int(k.b)].graph)],
                      let rb = free[Slot(record: k.b, graph: records[Int(k.a)].graph)],
                      ra.best == k.b, rb.best == k.a,
                      k.score.confidence - ra.second >= margin, k.score.confidence - rb.second >= margin else { continue }
                kept[i].score.features.removeLast()
                let w = Self.uniquenessWeight(k.score, records[Int(k.a)], records[Int(k.b)], blocking)
                kept[i].score.features.append(Feature(name: "unique", weight: w, note: "the other candidates are taken by records of this graph"))
                kept[i].score.confidence = Scorer.round(min(1, k.score.confidence + w))
                let c = kept[i].score.confidence
                guard c >= options.review else { continue }
                if c < options.accept { status[pk] = (.review, nil); continue }
                let why = clusters.join(k.a, k.b, graph: { records[Int($0)].graph }) { refusal($0, $1, joiningByIdentifier: false) }
                if let why { status[pk] = (.review, nil); refused[pk] = why } else { status[pk] = (.accepted, nil); refused[pk] = nil; joined += 1 }
            }
            if joined == 0 { break }
        }
        lap("clustering")

        // Mappings: each kept pair with a status; accepted pairs left in two clusters go to review.
        var out: [Mapping] = []
        let byKey = Dictionary(kept.map { (key($0.a, $0.b), $0) }, uniquingKeysWith: { a, _ in a })
        for (pk, (st, curator)) in status.sorted(by: { $0.key < $1.key }) {
            let parts = pk.split(separator: "\u{1}", omittingEmptySubsequences: false).map(String.init)
            guard let a = indexOf[parts[0]], let b = indexOf[parts[1]] else { continue }
            let p = records[Int(a)].profile, q = records[Int(b)].profile
            var explanation = byKey[pk]?.score.explanation ?? ""
            var confidence = byKey[pk]?.score.confidence ?? 0
            if st == .confirmed {
                explanation = "confirmed by \(curator ?? "a curator")" + (explanation.isEmpty ? "" : "; " + explanation)
                confidence = 1
            }
            if let why = refused[pk] { explanation += "; held for review: " + why }
            out.append(Mapping(subject: p.iri, object: q.iri, subjectGraph: p.graph, objectGraph: q.graph,
                               subjectLabel: p.displayName, objectLabel: q.displayName, kind: kind.rawValue,
                               confidence: confidence, status: st, explanation: explanation,
                               subjectFingerprint: p.fingerprint, objectFingerprint: q.fingerprint, date: today,
                               curator: st == .confirmed ? curator : nil))
            switch st {
            case .accepted: report.accepted += 1
            case .review: report.review += 1
            case .confirmed: report.confirmed += 1
            }
        }
        // The cluster of every record the run linked to another (unlinked ones are unknown, not distinct).
        var clusterOf: [String: Int] = [:]
        for i in records.indices {
            let r = clusters.root(Int32(i))
            if clusters.members[Int(r)].count > 1 { clusterOf[records[i].profile.iri] = Int(r) }
        }
        report.clusters = clusters.members.filter { $0.count > 1 }.count
        return (out, report, clusterOf)
    }

    /// How far ahead of the runner-up (in confidence) a pair must be to count as unique.
    static let uniquenessMargin = 0.10

    /// What uniqueness adds: 0.32, enough to accept a pair whose names agree
    /// (0.58) with nothing else known. Without a date or place agreeing it
    /// adds only 0.22, which leaves the pair for review, when
    /// - the names meet only loosely (a surname's variant and an initial, under
    ///   0.85) and the name they share is not rare (its rarest shared block
    ///   holds more than ``distinctiveBlock`` records): a common surname and an
    ///   initial are seldom one person's alone; or
    /// - either record is named after the father (``NamedAfterFather``): the
    ///   father bears the same forename and surname.
    static func uniquenessWeight(_ s: PairScore, _ x: LinkRecord, _ y: LinkRecord, _ blocking: Blocking) -> Double {
        if s.features.contains(where: { $0.name != "name" && $0.name != "names" && $0.weight > 0 }) { return 0.32 }
        if x.namedAfterFather || y.namedAfterFather { return 0.22 }
        return s.name >= 0.85 || blocking.sharedBlockSize(x, y) <= distinctiveBlock ? 0.32 : 0.22
    }

    /// The most records a name may be filed with and still be taken as one person's (three institutions, and a spare).
    static let distinctiveBlock = 6
}

extension Linker {
    /// Why two records are, or are not, linked: their profiles, shared block
    /// keys and pair score (before uniqueness, which depends on the other candidates).
    public func explain(_ x: String, _ y: String) -> String {
        let profiles = ProfileExtractor(store: store).profiles(kinds: options.kinds, excluding: [options.linksGraph, options.decisionsGraph])
        guard let p = profiles.first(where: { $0.iri == x }) else { return "no profile for <\(x)> (no name, or not a person or place)" }
        guard let q = profiles.first(where: { $0.iri == y }) else { return "no profile for <\(y)> (no name, or not a person or place)" }
        let memo = TokenMemo(transliterate: true, reverse: false)
        let rs = [LinkRecord(p, graph: 0, memo: memo), LinkRecord(q, graph: p.graph == q.graph ? 0 : 1, memo: memo)]
        var lines: [String] = []
        for r in rs {
            let pr = r.profile
            lines.append("<\(pr.iri)> in <\(pr.graph)>: \(pr.kind.rawValue) \(pr.names.map(\.value)), born \(pr.birth?.description ?? "?"), "
                         + "died \(pr.death?.description ?? "?"), places \(pr.birthPlaces + pr.parents), identifiers \(pr.identifierList.map(\.description))")
        }
        if p.graph == q.graph { lines.append("one graph: never compared") }
        let shared = Blocking.keys(rs[0]).intersection(Blocking.keys(rs[1]))
        lines.append(shared.isEmpty ? "no block key in common: never compared" : "block keys in common: \(shared.sorted().prefix(6).joined(separator: " "))")
        let s = Scorer(records: rs).score(0, 1)
        lines.append(String(format: "confidence %.3f before uniqueness: ", s.confidence) + s.explanation)
        return lines.joined(separator: "\n")
    }
}

/// One slot per chunk of a parallel loop; each chunk writes only its own slot.
final class ChunkResults<T>: @unchecked Sendable {
    private var slots: [[T]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ value: [T]) { lock.lock(); slots[i] = value; lock.unlock() }
    func joined() -> [T] { slots.flatMap { $0 } }
}
