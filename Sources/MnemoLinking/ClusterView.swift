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
    /// (subject, predicate, object, source graph) for every member.
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
            for m in members {
                for q in store.quads(subject: .iri(m)) {
                    guard case .iri(let p) = q.predicate else { continue }
                    var g = ""
                    if case .iri(let gi)? = q.graph { g = gi }
                    st.append((m, p, q.object, g))
                }
            }
        }
        statements = st.sorted { ($0.3, $0.0, $0.1) < ($1.3, $1.0, $1.1) }.map { (subject: $0.0, predicate: $0.1, object: $0.2, graph: $0.3) }
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
