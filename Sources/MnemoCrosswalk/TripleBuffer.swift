import MnemoRDF

/// The triples of one mapped record, without repeats, in emission order.
public struct TripleBuffer: Sendable {
    public private(set) var triples: [Triple] = []
    /// 64-bit hashes of the triples so far; a repeated hash is checked against
    /// the triples themselves, so a collision never drops a triple. (A set of
    /// the triples was an eighth of a crosswalk run's time.)
    private var seen = HashSet64()

    public init() {
        triples.reserveCapacity(192)
    }

    /// One triple of RDF: subject, predicate, object.
    public struct Triple: Hashable, Sendable, TripleParts {
        public var s: Term, p: Term, o: Term
        public var subject: Term { s }
        public var predicate: Term { p }
        public var object: Term { o }
    }

    mutating func add(_ s: String, _ p: String, _ o: Term) {
        let t = Triple(s: .iri(s), p: .iri(p), o: o)
        if !seen.insert(Self.hash(s, p, o)), triples.contains(t) { return }
        triples.append(t)
    }

    /// A 64-bit hash of the triple: the dictionary's byte hash of each part,
    /// folded together with a tag per position.
    static func hash(_ s: String, _ p: String, _ o: Term) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        @inline(__always) func mix(_ str: String, _ tag: UInt64) {
            var str = str
            let part = str.withUTF8 { TermDictionary.hash(UnsafeRawBufferPointer($0)) }
            h = (h ^ part ^ (tag << 56)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
        }
        mix(s, 0xF0); mix(p, 0xF1)
        switch o {
        case .iri(let v): mix(v, 0xF2)
        case .blank(let v): mix(v, 0xF3)
        case .literal(let l):
            mix(l.lexical, 0xF4); mix(l.datatype, 0xF5); mix(l.language ?? "", 0xF6)
        }
        return h
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

/// A set of 64-bit hashes with open addressing: the hashes are already well
/// mixed, so they index the table directly instead of being hashed again.
struct HashSet64: Sendable {
    private var slots = [UInt64](repeating: 0, count: 512)
    private var count = 0

    /// Adds `h`; false when it was there already.
    mutating func insert(_ h: UInt64) -> Bool {
        let key = h == 0 ? 1 : h  // 0 marks an empty slot
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let v = slots[i]
            if v == key { return false }
            if v == 0 {
                slots[i] = key
                count += 1
                return true
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        count = 0
        for v in old where v != 0 { _ = insert(v) }
    }
}
