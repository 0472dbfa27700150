import Foundation
import MnemoRDF
import MnemoSearch
import MnemoStore

/// Reads ``EntityProfile``s out of a store snapshot, one per (entity, named
/// graph), by predicate IRIs alone (CIDOC-CRM, SKOS, RDFS, WGS84, EDM types),
/// so it reads any source shaped like the crosswalks' output.
public struct ProfileExtractor: Sendable {
    let store: Store
    let snap: IndexSnapshot
    let dict: TermDictionary

    public init(store: Store, snapshot: IndexSnapshot? = nil) {
        self.store = store
        self.snap = snapshot ?? store.snapshot
        self.dict = store.dictionary
    }

    private func id(_ iri: String) -> TermID? { dict.lookup(.iri(iri)) }
    private func crm(_ local: String) -> TermID? { id(LinkVocabulary.crm + local) }

    /// The profiles of every entity of `kinds` in the named graphs, leaving out `excluding` graphs,
    /// sorted by graph then IRI.
    public func profiles(kinds: Set<Kind>, excluding: Set<String> = []) -> [EntityProfile] {
        guard let typeP = id(LinkVocabulary.type) else { return [] }
        let excludedIDs = Set(excluding.compactMap { id($0) })
        struct Key: Hashable { let s: TermID, g: TermID }
        var kindOf: [Key: Kind] = [:]
        var classes: [Key: [String]] = [:]
        var classKind: [TermID: Kind?] = [:]
        snap.forEach(matching: QuadPattern(p: typeP)) { q in
            guard q.g != 0, !excludedIDs.contains(q.g), dict.kind(q.s) == .iri else { return true }
            let k: Kind?
            if let c = classKind[q.o] { k = c } else {
                if case .iri(let c) = dict.term(q.o) { k = Kind.of(classIRI: c) } else { k = nil }
                classKind[q.o] = k
            }
            guard let k, kinds.contains(k) else { return true }
            let key = Key(s: q.s, g: q.g)
            if let old = kindOf[key] {
                if Self.rank(k) < Self.rank(old) { kindOf[key] = k }
            } else { kindOf[key] = k }
            if k == .event, case .iri(let c) = dict.term(q.o) { classes[key, default: []].append(c) }
            return true
        }
        // Entities in chunks on every core, each chunk with its own lookups and name memo (the snapshot is read-only).
        let entries = Array(kindOf), eventClasses = classes
        let chunks = max(1, min(64, entries.count / 2000))
        let filled = ChunkResults<EntityProfile>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let ctx = Context(self)
            var local: [EntityProfile] = []
            for (key, kind) in entries[(entries.count * c / chunks)..<(entries.count * (c + 1) / chunks)] {
                guard case .iri(let iri) = dict.term(key.s), case .iri(let graph) = dict.term(key.g) else { continue }
                var p = EntityProfile(iri: iri, graph: graph, kind: kind)
                ctx.fill(&p, s: key.s, g: key.g, classes: eventClasses[key] ?? [])
                guard !p.names.isEmpty || !p.identifiers.isEmpty else { continue }
                local.append(p)
            }
            filled.set(c, local)
        }
        var out = filled.joined()
        out.sort { ($0.graph, $0.iri) < ($1.graph, $1.iri) }
        return out
    }

    static func rank(_ k: Kind) -> Int { [Kind.person, .group, .place, .event, .object, .concept].firstIndex(of: k)! }

    /// Term ids looked up once per extraction.
    final class Context {
        let x: ProfileExtractor
        let labelPs: [TermID]
        let identityPs: [TermID]
        let p1, p190, p2, p4, p7, p11, p14, p89, p98, p98i, p100, p100i, e42, typeP, p48: TermID?
        let lat, long, p168, p02, p14_1: TermID?
        let lowPs: [TermID], highPs: [TermID]
        let workPs: [TermID]
        var nameMemo: [TermID: [LabelValue]] = [:]

        init(_ x: ProfileExtractor) {
            self.x = x
            labelPs = LinkVocabulary.labelPredicates.compactMap { x.id($0) }
            identityPs = LinkVocabulary.identityPredicates.compactMap { x.id($0) }
            p1 = x.crm("P1_is_identified_by"); p190 = x.crm("P190_has_symbolic_content"); p2 = x.crm("P2_has_type")
            p4 = x.crm("P4_has_time-span"); p7 = x.crm("P7_took_place_at"); p11 = x.crm("P11_had_participant")
            p14 = x.crm("P14_carried_out_by"); p89 = x.crm("P89_falls_within")
            p98 = x.crm("P98_brought_into_life"); p98i = x.crm("P98i_was_born")
            p100 = x.crm("P100_was_death_of"); p100i = x.crm("P100i_died_in")
            e42 = x.crm("E42_Identifier"); typeP = x.id(LinkVocabulary.type); p48 = x.crm("P48_has_preferred_identifier")
            lat = x.id(LinkVocabulary.wgs84 + "lat"); long = x.id(LinkVocabulary.wgs84 + "long")
            p168 = x.crm("P168_place_is_defined_by"); p02 = x.crm("P02_has_range"); p14_1 = x.crm("P14.1_in_the_role_of")
            lowPs = ["P82a_begin_of_the_begin", "P81a_end_of_the_begin", "P82_at_some_time_within"].compactMap { x.crm($0) }
            highPs = ["P82b_end_of_the_end", "P81b_begin_of_the_end", "P82_at_some_time_within"].compactMap { x.crm($0) }
            workPs = ["P108_has_produced", "P94_has_created", "P16_used_specific_object"].compactMap { x.crm($0) }
        }

        func objects(_ s: TermID, _ p: TermID?, _ g: TermID? = nil) -> [TermID] {
            guard let p else { return [] }
            var r: [TermID] = []
            x.snap.forEach(matching: QuadPattern(s: s, p: p, g: g)) { r.append($0.o); return true }
            return r
        }
        func subjects(_ p: TermID?, _ o: TermID, _ g: TermID? = nil) -> [TermID] {
            guard let p else { return [] }
            var r: [TermID] = []
            x.snap.forEach(matching: QuadPattern(p: p, o: o, g: g)) { r.append($0.s); return true }
            return r
        }
        func literal(_ t: TermID) -> Literal? {
            if case .literal(let l) = x.dict.term(t) { return l }
            return nil
        }
        func iri(_ t: TermID) -> String? {
            if case .iri(let s) = x.dict.term(t) { return s }
            return nil
        }
        func isIdentifierNode(_ n: TermID) -> Bool {
            guard let typeP, let e42 else { return false }
            var found = false
            x.snap.forEach(matching: QuadPattern(s: n, p: typeP, o: e42)) { _ in found = true; return false }
            return found
        }

        /// The names of a node: labels, then appellations (not identifiers), without repeats.
        func names(_ s: TermID, _ g: TermID?) -> [LabelValue] {
            var seen = Set<LabelValue>()
            var out: [LabelValue] = []
            func add(_ t: TermID) {
                guard let l = literal(t) else { return }
                let v = l.lexical.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !v.isEmpty else { return }
                let lv = LabelValue(value: v, language: l.language)
                if seen.insert(lv).inserted { out.append(lv) }
            }
            for p in labelPs { for o in objects(s, p, g) { add(o) } }
            for n in objects(s, p1, g) where !isIdentifierNode(n) {
                for c in objects(n, p190) { add(c) }
            }
            return out
        }
        /// The first name of a related node (a place, a work), memoised.
        func firstName(_ n: TermID) -> String? {
            if let m = nameMemo[n] { return m.first?.value }
            let v = names(n, nil)
            nameMemo[n] = v
            return v.first?.value
        }

        func years(ofEvent ev: TermID) -> YearRange? {
            var low: Int?, high: Int?
            for ts in objects(ev, p4) {
                for p in lowPs { for d in objects(ts, p) { if let y = literal(d).flatMap({ NameIndex.year($0.lexical) }) { low = min(low ?? y, y) } } }
                for p in highPs { for d in objects(ts, p) { if let y = literal(d).flatMap({ NameIndex.year($0.lexical) }) { high = max(high ?? y, y) } } }
            }
            guard let l = low ?? high, let h = high ?? low else { return nil }
            return YearRange(low: l, high: h)
        }

        func fill(_ p: inout EntityProfile, s: TermID, g: TermID, classes: [String]) {
            p.names = names(s, g)
            // Authority identifiers: linked authority IRIs, and identifier nodes' literals.
            for ip in identityPs {
                for o in objects(s, ip, g) {
                    if case .iri(let iri) = x.dict.term(o), let a = AuthorityIdentifier.parse(iri: iri) {
                        p.identifiers[a.scheme, default: []].insert(a.value)
                    }
                }
            }
            for n in objects(s, p1, g) + objects(s, p48, g) where isIdentifierNode(n) {
                for c in objects(n, p190) {
                    if let l = literal(c), let a = AuthorityIdentifier.parse(literal: l.lexical) {
                        p.identifiers[a.scheme, default: []].insert(a.value)
                    }
                }
            }
            switch p.kind {
            case .person, .group:
                let births = subjects(p98, s) + objects(s, p98i)
                let deaths = subjects(p100, s) + objects(s, p100i)
                for ev in births {
                    if let y = years(ofEvent: ev) { p.birth = p.birth.map { narrower($0, y) } ?? y }
                    for pl in objects(ev, p7) {
                        if let n = firstName(pl) { p.birthPlaces.append(n) }
                        if let i = iri(pl) { p.birthPlaceIRIs.append(i) }
                    }
                }
                for ev in deaths {
                    if let y = years(ofEvent: ev) { p.death = p.death.map { narrower($0, y) } ?? y }
                    for pl in objects(ev, p7) {
                        if let n = firstName(pl) { p.deathPlaces.append(n) }
                        if let i = iri(pl) { p.deathPlaceIRIs.append(i) }
                    }
                }
                // Works: what the events it carried out produced or used; roles from PC14 nodes.
                for ev in subjects(p14, s, g) {
                    for wp in workPs { for w in objects(ev, wp) { if let t = firstName(w) { p.works.append(t) } } }
                }
                for pc in subjects(p02, s, g) {
                    for r in objects(pc, p14_1) { if let n = firstName(r) { p.roles.append(n) } }
                }
                p.works = Array(Set(p.works)).sorted()
                p.roles = Array(Set(p.roles)).sorted()
            case .place:
                if let la = objects(s, lat, g).first.flatMap(literal), let lo = objects(s, long, g).first.flatMap(literal) {
                    p.latitude = Double(la.lexical); p.longitude = Double(lo.lexical)
                } else if let wkt = objects(s, p168, g).first.flatMap(literal) {
                    let nums = wkt.lexical.split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
                    if nums.count >= 2 { p.longitude = nums[0]; p.latitude = nums[1] }
                }
                for b in objects(s, p89, g) {
                    if let n = firstName(b) { p.parents.append(n) }
                    if let i = iri(b) { p.parentIRIs.append(i) }
                }
            case .event:
                p.eventTypes = classes.sorted()
                for t in objects(s, p2, g) {
                    if case .iri(let iri) = x.dict.term(t) { p.eventTypes.append(iri) }
                }
                p.date = years(ofEvent: s)
                for pl in objects(s, p7, g) { if let n = firstName(pl) { p.eventPlaces.append(n) } }
                for a in objects(s, p14, g) + objects(s, p11, g) { if let n = firstName(a) { p.participants.append(n) } }
            default: break
            }
        }

        func narrower(_ a: YearRange, _ b: YearRange) -> YearRange { a.spread <= b.spread ? a : b }
    }
}
