import MnemoRDF
import MnemoStore

/// One entity as every institution describes it: the records the links join
/// (accepted and confirmed mappings, closed transitively) and every statement
/// about each of them with the graph it comes from.
public struct ClusterView: Sendable {
    /// The IRIs of the records, in code-point order.
    public let members: [String]
    /// The mappings between them (accepted and confirmed), by subject and object.
    public let mappings: [Mapping]
    /// Review-band mappings that name a member: candidates a curator has not decided yet.
    public let pending: [Mapping]
    /// (subject, predicate, object, source graph) for every member and the
    /// nodes that belong to it (see ``description(of:in:members:)``); blank
    /// nodes as `_:label`.
    public let statements: [(subject: String, predicate: String, object: Term, graph: String)]

    /// The cluster `iri` belongs to (just itself when nothing links it). The
    /// links graph is read through the index, a member at a time, so this
    /// costs the size of the cluster, not of the links graph. Without
    /// `statements`, only members and mappings are read (for a resource's page).
    public init(of iri: String, in store: Store, options: LinkOptions, statements withStatements: Bool = true) {
        var seen: Set<String> = [iri]
        var queue = [iri]
        var links: [String: Mapping] = [:], review: [String: Mapping] = [:]
        while let x = queue.popLast() {
            for m in Mapping.read(involving: x, from: store, graph: options.linksGraph) {
                let key = m.subject + "\u{1}" + m.object
                guard m.predicate != nil else { review[key] = m; continue }
                links[key] = m
                for y in [m.subject, m.object] where seen.insert(y).inserted { queue.append(y) }
            }
        }
        members = seen.sorted()
        mappings = links.sorted { $0.key < $1.key }.map(\.value)
        pending = review.filter { links[$0.key] == nil }.sorted { $0.key < $1.key }.map(\.value)
        var st: [(String, String, Term, String)] = []
        if withStatements {
            for m in members { st += Self.description(of: m, in: store, members: seen) }
        }
        statements = st.sorted { ($0.3, $0.0, $0.1) < ($1.3, $1.0, $1.1) }.map { (subject: $0.0, predicate: $0.1, object: $0.2, graph: $0.3) }
    }

    /// Predicates whose objects belong to the record that has them (its names, an event's time-span).
    static let ownedObjects: Set<String> = ["P1_is_identified_by", "P4_has_time-span", "P98i_was_born", "P100i_died_in",
                                            "P92i_was_brought_into_existence_by", "P93i_was_taken_out_of_existence_by"]
        .reduce(into: []) { $0.insert(LinkVocabulary.crm + $1) }
    /// Predicates whose subjects, pointing at a record, belong to it (its birth, death, formation, dissolution).
    static let owningSubjects: Set<String> = ["P98_brought_into_life", "P100_was_death_of",
                                              "P92_brought_into_existence", "P93_took_out_of_existence"]
        .reduce(into: []) { $0.insert(LinkVocabulary.crm + $1) }
    /// At most this many statements are read for one record.
    static let descriptionLimit = 2_000

    /// What the store says about one record, each statement with its graph:
    /// its own statements and those of the nodes that belong to it (blank
    /// nodes, IRIs minted under its IRI, its appellations, its birth and
    /// death with their time-spans), not those of other records or places.
    static func description(of record: String, in store: Store, members: Set<String>) -> [(String, String, Term, String)] {
        var out: [(String, String, Term, String)] = []
        var seen: Set<Term> = [.iri(record)]
        var queue: [Term] = [.iri(record)]
        func owned(_ t: Term) -> Bool {
            switch t {
            case .blank: return true
            case .iri(let x): return !members.contains(x) && (x.hasPrefix(record + "/") || x.hasPrefix(record + "#"))
            default: return false
            }
        }
        func add(_ t: Term) { if seen.insert(t).inserted { queue.append(t) } }
        for p in owningSubjects {
            for q in store.quads(predicate: .iri(p), object: .iri(record)) {
                if case .iri(let x) = q.subject, members.contains(x) { continue }
                add(q.subject)
            }
        }
        while !queue.isEmpty, out.count < descriptionLimit {
            let node = queue.removeFirst()
            let name: String
            switch node {
            case .iri(let x): name = x
            case .blank(let b): name = "_:" + b
            default: continue
            }
            for q in store.quads(subject: node) {
                guard case .iri(let p) = q.predicate else { continue }
                var g = ""
                if case .iri(let gi)? = q.graph { g = gi }
                out.append((name, p, q.object, g))
                var isMember = false
                if case .iri(let o) = q.object { isMember = members.contains(o) }
                if owned(q.object) || (ownedObjects.contains(p) && !q.object.isLiteral && !isMember) { add(q.object) }
            }
        }
        return out
    }

    /// The graph each member is described in, as the mappings record it
    /// (the source graph the linker profiled it from); nil when none says.
    public func graph(of member: String) -> String? {
        for m in mappings + pending {
            if m.subject == member, !m.subjectGraph.isEmpty { return m.subjectGraph }
            if m.object == member, !m.objectGraph.isEmpty { return m.objectGraph }
        }
        return nil
    }
}
