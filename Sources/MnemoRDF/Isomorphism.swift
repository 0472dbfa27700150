/// Blank-node isomorphism of RDF datasets (RDF 1.1 Concepts, section 3.6):
/// two sets of quads are isomorphic when a bijection between their blank
/// nodes maps one onto the other. Used by round-trip tests and by the W3C
/// result comparisons.
public enum Isomorphism {
    /// True when `a` and `b` are equal up to a renaming of blank nodes.
    public static func isIsomorphic(_ a: [Quad], _ b: [Quad]) -> Bool {
        let setA = Set(a), setB = Set(b)
        guard setA.count == setB.count else { return false }
        let (groundA, blankA) = split(setA)
        let (groundB, blankB) = split(setB)
        guard groundA == groundB, blankA.count == blankB.count else { return false }
        if blankA.isEmpty { return true }
        let nodesA = blankNodes(blankA), nodesB = blankNodes(blankB)
        guard nodesA.count == nodesB.count else { return false }
        let colorsA = refine(blankA, initial: Dictionary(uniqueKeysWithValues: nodesA.map { ($0, 0) }))
        let colorsB = refine(blankB, initial: Dictionary(uniqueKeysWithValues: nodesB.map { ($0, 0) }))
        return search(blankA, blankB, colorsA, colorsB, target: Set(blankB))
    }

    private static func split(_ quads: Set<Quad>) -> (Set<Quad>, [Quad]) {
        var ground = Set<Quad>(), blank: [Quad] = []
        for q in quads {
            if q.subject.isBlank || q.object.isBlank || (q.graph?.isBlank ?? false) { blank.append(q) } else { ground.insert(q) }
        }
        return (ground, blank)
    }

    private static func blankNodes(_ quads: [Quad]) -> Set<String> {
        var s = Set<String>()
        for q in quads {
            for t in [q.subject, q.object, q.graph] { if case .blank(let l)? = t { s.insert(l) } }
        }
        return s
    }

    /// Colour refinement: a blank node's colour is a hash of its neighbourhood,
    /// with the neighbours' blank nodes replaced by their colours.
    private static func refine(_ quads: [Quad], initial: [String: Int]) -> [String: Int] {
        var colors = initial
        var distinct = Set(colors.values).count
        for _ in 0..<(colors.count + 1) {
            var signatures: [String: [Int]] = [:]
            for q in quads {
                let parts = [q.subject, q.predicate, q.object, q.graph ?? .iri("")]
                let key = parts.map { t -> Int in
                    if case .blank(let l) = t { return colors[l]! &* 31 &+ 7 }
                    return t.hashValue
                }
                for (pos, t) in parts.enumerated() {
                    if case .blank(let l) = t {
                        var h = Hasher()
                        h.combine(pos)
                        h.combine(key)
                        signatures[l, default: []].append(h.finalize())
                    }
                }
            }
            var next: [String: Int] = [:]
            for (node, c) in colors {
                var h = Hasher()
                h.combine(c)
                h.combine(signatures[node, default: []].sorted())
                next[node] = h.finalize()
            }
            let d = Set(next.values).count
            colors = next
            if d == distinct { break }
            distinct = d
        }
        return colors
    }

    private static func search(_ a: [Quad], _ b: [Quad], _ ca: [String: Int], _ cb: [String: Int], target: Set<Quad>) -> Bool {
        // Colour classes must match in size.
        var classA: [Int: [String]] = [:], classB: [Int: [String]] = [:]
        for (n, c) in ca { classA[c, default: []].append(n) }
        for (n, c) in cb { classB[c, default: []].append(n) }
        guard classA.count == classB.count else { return false }
        for (c, ns) in classA where classB[c]?.count != ns.count { return false }
        // All classes singletons: the mapping is forced.
        if let (color, nodes) = classA.filter({ $0.value.count > 1 }).min(by: { $0.value.count < $1.value.count }) {
            let pick = nodes.sorted()[0]
            for candidate in classB[color]!.sorted() {
                var na = ca, nb = cb
                let fresh = color &+ 0x5bd1_e995
                na[pick] = fresh
                nb[candidate] = fresh
                if search(a, b, refine(a, initial: na), refine(b, initial: nb), target: target) { return true }
            }
            return false
        }
        var mapping: [String: String] = [:]
        for (c, ns) in classA { mapping[ns[0]] = classB[c]![0] }
        func map(_ t: Term) -> Term { if case .blank(let l) = t { return .blank(mapping[l]!) }; return t }
        for q in a {
            let m = Quad(map(q.subject), q.predicate, map(q.object), q.graph.map(map))
            if !target.contains(m) { return false }
        }
        return true
    }
}
