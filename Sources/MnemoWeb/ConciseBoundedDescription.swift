import MnemoRDF
import MnemoStore

/// The concise bounded description of a resource (W3C member submission
/// "CBD – Concise Bounded Description", 2005): every statement with the
/// resource as subject, and, for each blank-node object, the statements
/// with that blank node as subject, recursively. Reification of the
/// statements is not included. The symmetric variant adds the statements
/// with the resource as object, recursing through blank-node subjects.
///
/// Quads keep their graph, so N-Quads and TriG say where each statement
/// lives; ``triples(of:store:symmetric:)`` gives the merged triples for
/// Turtle, N-Triples, RDF/XML and JSON-LD.
public enum ConciseBoundedDescription {
    /// The description's quads, each graph's copy of a triple once. Empty
    /// when the store does not know the IRI.
    public static func quads(of iri: String, store: Store, symmetric: Bool = false) -> [Quad] {
        let snap = store.snapshot
        let dict = store.dictionary
        guard let start = dict.lookup(.iri(iri)) else { return [] }
        var out: [QuadIDs] = []
        var seen = Set<QuadIDs>()
        var forward: [TermID] = [start], doneForward: Set<TermID> = [start]
        while let s = forward.popLast() {
            snap.forEach(matching: QuadPattern(s: s)) { q in
                if seen.insert(q).inserted { out.append(q) }
                if dict.kind(q.o) == .blank, doneForward.insert(q.o).inserted { forward.append(q.o) }
                return true
            }
        }
        if symmetric {
            var backward: [TermID] = [start], doneBackward: Set<TermID> = [start]
            while let o = backward.popLast() {
                snap.forEach(matching: QuadPattern(o: o)) { q in
                    if seen.insert(q).inserted { out.append(q) }
                    if dict.kind(q.s) == .blank, doneBackward.insert(q.s).inserted { backward.append(q.s) }
                    return true
                }
            }
        }
        return out.map(store.decode)
    }

    /// The description as triples (graph nil), each triple once.
    public static func triples(of iri: String, store: Store, symmetric: Bool = false) -> [Quad] {
        var seen = Set<Quad>()
        return quads(of: iri, store: store, symmetric: symmetric).compactMap { q in
            let t = Quad(q.subject, q.predicate, q.object)
            return seen.insert(t).inserted ? t : nil
        }
    }
}
