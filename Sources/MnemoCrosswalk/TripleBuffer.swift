import MnemoRDF

/// The triples of one mapped record, without repeats, in emission order.
public struct TripleBuffer: Sendable {
    public private(set) var triples: [Triple] = []
    private var seen = Set<Triple>()

    public init() {
        triples.reserveCapacity(192)
        seen.reserveCapacity(192)
    }

    /// One triple of RDF: subject, predicate, object.
    public struct Triple: Hashable, Sendable {
        public var s: Term, p: Term, o: Term
    }

    mutating func add(_ s: String, _ p: String, _ o: Term) {
        let t = Triple(s: .iri(s), p: .iri(p), o: o)
        if seen.insert(t).inserted { triples.append(t) }
    }

    mutating func iri(_ s: String, _ p: String, _ o: String) { add(s, p, .iri(o)) }

    mutating func type(_ s: String, _ classes: String...) {
        for c in classes { add(s, Terms.rdfType, .iri(c)) }
    }

    mutating func text(_ s: String, _ p: String, _ value: String, language: String? = nil) {
        guard !value.isEmpty else { return }
        if let language, !language.isEmpty {
            add(s, p, .literal(Literal(value, language: language)))
        } else {
            add(s, p, .string(value))
        }
    }

    mutating func text(_ s: String, _ p: String, _ value: LangText) {
        text(s, p, value.value, language: value.language)
    }

    mutating func typed(_ s: String, _ p: String, _ lexical: String, _ datatype: String) {
        add(s, p, .typed(lexical, datatype))
    }

    /// The triples as quads in `graph`.
    public func quads(in graph: String) -> [Quad] {
        let g = Term.iri(graph)
        return triples.map { Quad($0.s, $0.p, $0.o, g) }
    }
}
