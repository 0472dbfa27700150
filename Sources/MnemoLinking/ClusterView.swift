import MnemoRDF
import MnemoStore

/// One entity as every institution describes it: the records the links join
/// (accepted and confirmed mappings, closed transitively) and every statement
/// about each of them with the graph it comes from.
public struct ClusterView: Sendable {
    /// The IRIs of the records, in code-point order.
    public let members: [String]
    /// The mappings between them.
    public let mappings: [Mapping]
    /// (subject, predicate, object, source graph) for every member.
    public let statements: [(subject: String, predicate: String, object: Term, graph: String)]

    /// The cluster `iri` belongs to (just itself when nothing links it).
    public init(of iri: String, in store: Store, options: LinkOptions) {
        let all = Mapping.read(from: store, graph: options.linksGraph).filter { $0.predicate != nil }
        var neighbours: [String: [String]] = [:]
        for m in all { neighbours[m.subject, default: []].append(m.object); neighbours[m.object, default: []].append(m.subject) }
        var seen: Set<String> = [iri]
        var queue = [iri]
        while let x = queue.popLast() {
            for y in neighbours[x] ?? [] where seen.insert(y).inserted { queue.append(y) }
        }
        members = seen.sorted()
        mappings = all.filter { seen.contains($0.subject) }
        var st: [(String, String, Term, String)] = []
        for m in members {
            for q in store.quads(subject: .iri(m)) {
                guard case .iri(let p) = q.predicate else { continue }
                var g = ""
                if case .iri(let gi)? = q.graph { g = gi }
                st.append((m, p, q.object, g))
            }
        }
        statements = st.sorted { ($0.3, $0.0, $0.1) < ($1.3, $1.0, $1.1) }.map { (subject: $0.0, predicate: $0.1, object: $0.2, graph: $0.3) }
    }
}
