import Foundation
import Synchronization
import MnemoRDF
import MnemoStore

/// What an entity is, from its `rdf:type`s (CIDOC-CRM classes, EDM, SKOS, FOAF).
public enum Kind: String, CaseIterable, Codable, Sendable {
    case person, group, place, event, object, concept

    /// The kind of a class IRI, nil for classes that name no searchable kind.
    public static func of(classIRI iri: String) -> Kind? {
        switch iri {
        case edm + "Agent", "http://xmlns.com/foaf/0.1/Person", "http://schema.org/Person": return .person
        case "http://xmlns.com/foaf/0.1/Organization", "http://schema.org/Organization": return .group
        case edm + "Place", "http://schema.org/Place": return .place
        case edm + "Event": return .event
        case edm + "ProvidedCHO", "http://www.openarchives.org/ore/terms/Aggregation": return .object
        case "http://www.w3.org/2004/02/skos/core#Concept": return .concept
        default: break
        }
        guard iri.contains("cidoc-crm") || iri.contains("erlangen-crm"),
              let number = crmClassNumber(iri) else { return nil }
        switch number {
        case 21: return .person
        case 39, 40, 74: return .group
        case 53: return .place
        case 4, 5, 7, 8, 9, 10, 11, 12, 13, 63, 64, 65, 66, 67, 68, 69, 79, 80, 81, 83, 85, 86, 87: return .event
        case 18, 19, 20, 22, 24, 25, 26, 28, 31, 32, 33, 34, 36, 37, 38, 71, 72, 73, 78, 84, 89, 90, 99: return .object
        case 55, 56, 57, 58: return .concept
        default: return nil
        }
    }

    /// Classes whose instances are parts of a description, never results: appellations, identifiers, time-spans.
    static func isAuxiliary(classIRI iri: String) -> Bool {
        guard iri.contains("cidoc-crm") || iri.contains("erlangen-crm"), let n = crmClassNumber(iri) else { return false }
        return [41, 42, 52, 54, 60, 61, 62].contains(n)
    }

    static let edm = "http://www.europeana.eu/schemas/edm/"

    /// 21 for `.../E21_Person`.
    static func crmClassNumber(_ iri: String) -> Int? {
        guard let cut = iri.lastIndex(where: { $0 == "/" || $0 == "#" }) else { return nil }
        let local = iri[iri.index(after: cut)...]
        guard local.first == "E" else { return nil }
        return Int(local.dropFirst().prefix(while: \.isNumber))
    }

    /// When an entity has several types, the first of these wins.
    static let priority: [Kind] = [.person, .group, .place, .event, .object, .concept]
}

/// A label with its language tag.
public struct LabelValue: Codable, Hashable, Sendable {
    public let value: String
    public let language: String?

    public init(value: String, language: String?) {
        self.value = value
        self.language = language
    }
}

/// The names of every labelled entity in one store snapshot, keyed for
/// cross-script search (see ``NameKeys``). Immutable once built; build a new
/// one when the snapshot changes.
public final class NameIndex: Sendable {
    struct Entity: Sendable {
        let iri: String
        let kind: Kind?
        var labels: [Int32]
        var graphs: [String]
        var birth: Int?
        var death: Int?
    }
    struct Label: Sendable {
        let entity: Int32
        let value: LabelValue
        let tokens: [Int32]
        /// Whether one of its words is an initial (which any query word's initial may meet).
        let hasInitial: Bool
    }

    let entities: [Entity]
    let labels: [Label]
    let tokens: [NameToken]
    /// ``initialFlag`` and ``optionalFlag`` per token, read without copying the token.
    let tokenFlags: [UInt8]
    static let initialFlag: UInt8 = 1
    static let optionalFlag: UInt8 = 2
    /// The kind of each label's entity, read without copying the entity.
    let labelKinds: [Kind?]
    /// Per-search work arrays over the labels, reused (see ``LabelScratch``).
    private let scratchPool = Mutex<[LabelScratch]>([])
    /// Token ids per token.
    let tokenLabels: [[Int32]]
    let bySkeleton: [String: [Int32]]
    let byConsonants: [String: [Int32]]
    let sortedSkeletons: [String]

    /// The snapshot it was built from.
    public let snapshotCount: Int
    /// Seconds the build took.
    public let buildSeconds: Double

    public var entityCount: Int { entities.count }
    public var labelCount: Int { labels.count }
    public var tokenCount: Int { tokens.count }

    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    static let crm = "http://www.cidoc-crm.org/cidoc-crm/"
    static let labelPredicates = [rdfs + "label", skos + "prefLabel", skos + "altLabel",
                                  "http://purl.org/dc/elements/1.1/title", "http://purl.org/dc/terms/title"]

    /// Builds the index over `snapshot` (the store's current one by default).
    public convenience init(store: Store, snapshot: IndexSnapshot? = nil) {
        self.init(building: store, snapshot ?? store.snapshot)
    }

    private init(building store: Store, _ snap: IndexSnapshot) {
        let start = Date()
        let dict = store.dictionary
        func id(_ iri: String) -> TermID? { dict.lookup(.iri(iri)) }
        func literal(_ t: TermID) -> Literal? {
            if case .literal(let l) = dict.term(t) { return l }
            return nil
        }

        // Types: the kind of each typed subject, and which are auxiliary nodes.
        var kindOf: [TermID: Kind] = [:]
        var auxiliary = Set<TermID>()
        if let typeP = id(Vocabulary.rdfType) {
            var classKind: [TermID: (Kind?, Bool)] = [:]
            snap.forEach(matching: QuadPattern(p: typeP)) { q in
                let ck: (Kind?, Bool)
                if let c = classKind[q.o] { ck = c } else {
                    if case .iri(let c) = dict.term(q.o) { ck = (Kind.of(classIRI: c), Kind.isAuxiliary(classIRI: c)) } else { ck = (nil, false) }
                    classKind[q.o] = ck
                }
                if let k = ck.0 {
                    if let old = kindOf[q.s] {
                        if Kind.priority.firstIndex(of: k)! < Kind.priority.firstIndex(of: old)! { kindOf[q.s] = k }
                    } else { kindOf[q.s] = k }
                }
                if ck.1 { auxiliary.insert(q.s) }
                return true
            }
        }

        var entityIndex: [TermID: Int32] = [:]
        var entities: [Entity] = []
        var labels: [Label] = []
        var graphSets: [Set<TermID>] = []
        var seenLabel = Set<[TermID]>()
        let memo = TokenMemo(transliterate: true, reverse: false)
        var tokenIDs: [NameToken: Int32] = [:]
        var tokens: [NameToken] = []
        var tokenLabels: [[Int32]] = []

        func add(subject s: TermID, literal lit: TermID, graph g: TermID) {
            if let e = entityIndex[s] {
                if g != 0 { graphSets[Int(e)].insert(g) }
                if !seenLabel.insert([s, lit]).inserted { return }
            } else {
                guard kindOf[s] != nil || !auxiliary.contains(s) else { return }
                guard case .iri(let iri) = dict.term(s) else { return }   // blank nodes have no stable name
                entityIndex[s] = Int32(entities.count)
                entities.append(Entity(iri: iri, kind: kindOf[s], labels: [], graphs: [], birth: nil, death: nil))
                graphSets.append(g != 0 ? [g] : [])
                seenLabel.insert([s, lit])
            }
            guard let l = literal(lit), !l.lexical.isEmpty else { return }
            let e = entityIndex[s]!
            let keys = NameKeys(l.lexical, memo: memo)
            var ids: [Int32] = []
            ids.reserveCapacity(keys.tokens.count)
            let labelID = Int32(labels.count)
            for t in keys.tokens {
                let tid: Int32
                if let x = tokenIDs[t] { tid = x } else {
                    tid = Int32(tokens.count); tokenIDs[t] = tid; tokens.append(t); tokenLabels.append([])
                }
                ids.append(tid)
                if tokenLabels[Int(tid)].last != labelID { tokenLabels[Int(tid)].append(labelID) }
            }
            labels.append(Label(entity: e, value: LabelValue(value: l.lexical, language: l.language), tokens: ids,
                                hasInitial: keys.tokens.contains(where: \.isInitial)))
            entities[Int(e)].labels.append(labelID)
        }

        for p in Self.labelPredicates.compactMap(id) {
            snap.forEach(matching: QuadPattern(p: p)) { q in
                if dict.kind(q.o) != .iri && dict.kind(q.o) != .blank { add(subject: q.s, literal: q.o, graph: q.g) }
                return true
            }
        }
        // CIDOC-CRM appellations: entity P1_is_identified_by node, node P190_has_symbolic_content "name".
        if let p1 = id(Self.crm + "P1_is_identified_by"), let p190 = id(Self.crm + "P190_has_symbolic_content") {
            let e42 = id(Self.crm + "E42_Identifier")
            let typeP = id(Vocabulary.rdfType)
            snap.forEach(matching: QuadPattern(p: p1)) { q in
                if let e42, let typeP {
                    var isIdentifier = false
                    snap.forEach(matching: QuadPattern(s: q.o, p: typeP, o: e42)) { _ in isIdentifier = true; return false }
                    if isIdentifier { return true }
                }
                snap.forEach(matching: QuadPattern(s: q.o, p: p190)) { c in
                    if dict.kind(c.o) != .iri && dict.kind(c.o) != .blank { add(subject: q.s, literal: c.o, graph: q.g) }
                    return true
                }
                return true
            }
        }

        // Life years: birth and death events, in either direction, through their time-spans.
        let p4 = id(Self.crm + "P4_has_time-span")
        let yearPredicates = ["P82a_begin_of_the_begin", "P82_at_some_time_within", "P81a_end_of_the_begin", "P82b_end_of_the_end"]
            .compactMap { id(Self.crm + $0) }
        func year(ofEvent ev: TermID) -> Int? {
            guard let p4 else { return nil }
            var found: Int?
            snap.forEach(matching: QuadPattern(s: ev, p: p4)) { ts in
                for yp in yearPredicates {
                    snap.forEach(matching: QuadPattern(s: ts.o, p: yp)) { d in
                        if let l = literal(d.o) { found = Self.year(l.lexical) }
                        return found == nil
                    }
                    if found != nil { return false }
                }
                return true
            }
            return found
        }
        func lifeEvents(_ forward: String, _ inverse: String, _ set: (inout Entity, Int) -> Void) {
            if let p = id(Self.crm + forward) {   // event -> person
                snap.forEach(matching: QuadPattern(p: p)) { q in
                    if let e = entityIndex[q.o], let y = year(ofEvent: q.s) { set(&entities[Int(e)], y) }
                    return true
                }
            }
            if let p = id(Self.crm + inverse) {   // person -> event
                snap.forEach(matching: QuadPattern(p: p)) { q in
                    if let e = entityIndex[q.s], let y = year(ofEvent: q.o) { set(&entities[Int(e)], y) }
                    return true
                }
            }
        }
        lifeEvents("P98_brought_into_life", "P98i_was_born") { e, y in if e.birth == nil { e.birth = y } }
        lifeEvents("P100_was_death_of", "P100i_died_in") { e, y in if e.death == nil { e.death = y } }

        var graphNames: [TermID: String] = [:]
        for i in entities.indices {
            entities[i].graphs = graphSets[i].map { g in
                if let n = graphNames[g] { return n }
                let n: String
                if case .iri(let s) = dict.term(g) { n = s } else { n = "_:\(g)" }
                graphNames[g] = n
                return n
            }.sorted()
        }

        var bySkeleton: [String: [Int32]] = [:]
        var byConsonants: [String: [Int32]] = [:]
        for (i, t) in tokens.enumerated() {
            for s in t.skeletons { bySkeleton[s, default: []].append(Int32(i)) }
            for k in t.consonantKeys { byConsonants[k, default: []].append(Int32(i)) }
        }
        self.entities = entities
        self.labels = labels
        self.tokens = tokens
        self.labelKinds = labels.map { entities[Int($0.entity)].kind }
        self.tokenFlags = tokens.map { ($0.isInitial ? Self.initialFlag : 0) | ($0.isOptional ? Self.optionalFlag : 0) }
        self.tokenLabels = tokenLabels
        self.bySkeleton = bySkeleton
        self.byConsonants = byConsonants
        self.sortedSkeletons = bySkeleton.keys.sorted()
        snapshotCount = snap.count
        buildSeconds = Date().timeIntervalSince(start)
    }

    /// The year at the start of an xsd:date / dateTime / gYear lexical form ("-0500", "1835-11-01").
    public static func year(_ lexical: String) -> Int? {
        var s = Substring(lexical.trimmingCharacters(in: .whitespaces))
        var sign = 1
        if s.first == "-" { sign = -1; s = s.dropFirst() }
        let digits = s.prefix(while: \.isNumber)
        guard digits.count >= 1, digits.count <= 6, let y = Int(digits) else { return nil }
        return sign * y
    }

    /// A scratch sized for this index's labels: a pooled one, or a new one.
    func takeScratch() -> LabelScratch {
        scratchPool.withLock { $0.popLast() } ?? LabelScratch(count: labels.count)
    }

    func returnScratch(_ s: LabelScratch) {
        scratchPool.withLock { if $0.count < 16 { $0.append(s) } }
    }
}

/// Work arrays over every label of an index, for one search at a time: a
/// label's slot is valid when its stamp equals the search's generation, so
/// nothing needs clearing between searches.
final class LabelScratch: @unchecked Sendable {
    var stamp: [UInt32]
    var slot: [Int32]
    private var generation: UInt32 = 0

    init(count: Int) {
        stamp = [UInt32](repeating: 0, count: count)
        slot = [Int32](repeating: 0, count: count)
    }

    /// A generation no stamp holds yet.
    func next() -> UInt32 {
        generation &+= 1
        if generation == 0 {
            for i in stamp.indices { stamp[i] = 0 }
            generation = 1
        }
        return generation
    }
}
