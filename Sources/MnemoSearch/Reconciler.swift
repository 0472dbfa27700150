import Foundation
import MnemoRDF
import MnemoStore

/// What a reconciliation service knows of one entity: its names, life
/// dates and places, authority identifiers and institutions.
public struct EntityRecord: Sendable {
    public let id: String
    public let type: ReconcileType?
    public let labels: [LabelValue]
    public let birthYear: Int?
    public let deathYear: Int?
    /// Place IRIs with the name to show for each.
    public let birthPlaces: [(id: String, name: String)]
    public let deathPlaces: [(id: String, name: String)]
    /// Authority IRIs (VIAF, GND, Wikidata, ...).
    public let identifiers: [String]
    /// Named graphs that describe it.
    public let institutions: [String]
}

/// Reconciliation over one store snapshot: the snapshot's ``NameIndex``
/// for names, plus the facts queries may name (birth and death places,
/// authority identifiers) gathered once. Immutable; build one per snapshot
/// and share it between requests.
public final class Reconciler: Sendable {
    public let index: NameIndex
    /// Entity number by IRI.
    let byIRI: [String: Int32]
    let facts: [Int32: Facts]
    /// Entities by identifier key (`viaf:999000002`).
    let byIdentifier: [String: [Int32]]
    /// Entities by the local part of an identifier (`999000002`).
    let byLocalIdentifier: [String: [Int32]]
    /// The keys of query words, shared by all queries against this snapshot.
    let queryWords = TokenMemo(transliterate: true, reverse: true, threadSafe: true)

    struct Facts: Sendable {
        var birthPlaces: [String] = []
        var deathPlaces: [String] = []
        /// Authority IRIs, and their keys in the same order.
        var identifiers: [String] = []
        var keys: [String] = []
    }

    static let owlSameAs = "http://www.w3.org/2002/07/owl#sameAs"
    static let skosExactMatch = "http://www.w3.org/2004/02/skos/core#exactMatch"

    public init(index: NameIndex, store: Store, snapshot: IndexSnapshot) {
        self.index = index
        var byIRI: [String: Int32] = [:]
        for (i, e) in index.entities.enumerated() { byIRI[e.iri] = Int32(i) }
        let dict = store.dictionary
        func id(_ iri: String) -> TermID? { dict.lookup(.iri(iri)) }
        func iri(_ t: TermID) -> String? {
            if case .iri(let s) = dict.term(t) { return s }
            return nil
        }
        var facts: [Int32: Facts] = [:]
        var byIdentifier: [String: [Int32]] = [:]
        var byLocal: [String: [Int32]] = [:]

        for p in [Self.owlSameAs, Self.skosExactMatch].compactMap(id) {
            snapshot.forEach(matching: QuadPattern(p: p)) { q in
                guard let s = iri(q.s), let e = byIRI[s], let o = iri(q.o), let (scheme, local) = AuthorityScheme.parse(o) else { return true }
                let key = AuthorityScheme.key(scheme, local)
                if facts[e, default: Facts()].keys.contains(key) { return true }
                facts[e, default: Facts()].identifiers.append(o)
                facts[e, default: Facts()].keys.append(key)
                byIdentifier[key, default: []].append(e)
                byLocal[local, default: []].append(e)
                return true
            }
        }
        // Places of births and deaths: event P98/P100 person (or person P98i/P100i event), event P7 place.
        let p7 = id(NameIndex.crm + "P7_took_place_at")
        func places(of event: TermID) -> [String] {
            guard let p7 else { return [] }
            var out: [String] = []
            snapshot.forEach(matching: QuadPattern(s: event, p: p7)) { q in
                if let s = iri(q.o), !out.contains(s) { out.append(s) }
                return true
            }
            return out
        }
        func life(_ forward: String, _ inverse: String, _ add: (inout Facts, [String]) -> Void) {
            if let p = id(NameIndex.crm + forward) {
                snapshot.forEach(matching: QuadPattern(p: p)) { q in
                    if let s = iri(q.o), let e = byIRI[s] { let ps = places(of: q.s); if !ps.isEmpty { add(&facts[e, default: Facts()], ps) } }
                    return true
                }
            }
            if let p = id(NameIndex.crm + inverse) {
                snapshot.forEach(matching: QuadPattern(p: p)) { q in
                    if let s = iri(q.s), let e = byIRI[s] { let ps = places(of: q.o); if !ps.isEmpty { add(&facts[e, default: Facts()], ps) } }
                    return true
                }
            }
        }
        life("P98_brought_into_life", "P98i_was_born") { f, ps in f.birthPlaces += ps.filter { !f.birthPlaces.contains($0) } }
        life("P100_was_death_of", "P100i_died_in") { f, ps in f.deathPlaces += ps.filter { !f.deathPlaces.contains($0) } }

        self.byIRI = byIRI
        self.facts = facts
        self.byIdentifier = byIdentifier
        self.byLocalIdentifier = byLocal
    }

    /// The record of the entity with IRI `id`; nil when the index does not know it.
    public func record(_ id: String) -> EntityRecord? {
        guard let e = byIRI[id] else { return nil }
        return record(e)
    }

    func record(_ e: Int32) -> EntityRecord {
        let entity = index.entities[Int(e)]
        let f = facts[e] ?? Facts()
        var seen = Set<LabelValue>()
        let labels = entity.labels.map { index.labels[Int($0)].value }.filter { seen.insert($0).inserted }
        return EntityRecord(id: entity.iri, type: entity.kind.map(ReconcileType.of), labels: labels,
                            birthYear: entity.birth, deathYear: entity.death,
                            birthPlaces: f.birthPlaces.map { ($0, placeName($0)) }, deathPlaces: f.deathPlaces.map { ($0, placeName($0)) },
                            identifiers: f.identifiers, institutions: entity.graphs)
    }

    /// The name to show for a place IRI: its English or first label, else the IRI.
    func placeName(_ iri: String) -> String {
        guard let e = byIRI[iri] else { return iri }
        return displayName(e, language: "en")?.value ?? iri
    }

    /// The label to show for an entity: in `language` if it has one, else its first.
    func displayName(_ e: Int32, language: String?) -> LabelValue? {
        let ls = index.entities[Int(e)].labels.map { index.labels[Int($0)].value }
        if let lang = language?.lowercased(),
           let l = ls.first(where: { $0.language == lang }) ?? ls.first(where: { $0.language?.hasPrefix(lang + "-") == true }) {
            return l
        }
        return ls.first
    }

    /// The best score (0–1) of any label of entity `e` against a name's words.
    func nameScore(_ query: [NameToken], _ e: Int32) -> Double {
        var best = 0.0
        for l in index.entities[Int(e)].labels {
            let toks = index.labels[Int(l)].tokens.map { index.tokens[Int($0)] }
            if let (s, _) = NameIndex.score(query, label: toks) { best = max(best, s) }
        }
        return best
    }

    /// A short description: the type (but for persons), life years, birth place, institutions
    /// ("1835–1865 · born in Kushmurun · library-almaty", "Place · museum-tashkent").
    func describe(_ e: Int32) -> String {
        let entity = index.entities[Int(e)]
        var parts: [String] = []
        if let k = entity.kind, k != .person { parts.append(ReconcileType.of(k).name) }
        switch (entity.birth, entity.death) {
        case let (b?, d?): parts.append("\(b)–\(d)")
        case let (b?, nil): parts.append("born \(b)")
        case let (nil, d?): parts.append("died \(d)")
        default: break
        }
        if let p = facts[e]?.birthPlaces.first { parts.append("born in " + placeName(p)) }
        let inst = entity.graphs.map(Self.shortName).joined(separator: ", ")
        if !inst.isEmpty { parts.append(inst) }
        return parts.joined(separator: " · ")
    }

    /// The last path segment of an IRI (`.../graph/library-almaty` → `library-almaty`).
    public static func shortName(_ iri: String) -> String {
        let trimmed = iri.hasSuffix("/") ? String(iri.dropLast()) : iri
        guard let cut = trimmed.lastIndex(where: { $0 == "/" || $0 == "#" || $0 == ":" }) else { return trimmed }
        let s = String(trimmed[trimmed.index(after: cut)...])
        return s.isEmpty ? trimmed : s
    }
}
