/// Records joined into entities, kept coherent: a cluster holds at most one
/// record of each graph (an institution's records are distinct entities as far
/// as it is concerned), and a merge is refused when any two records it would
/// join cannot be one entity (conflicting identifiers or dates, a curator's
/// rejection, names that do not meet). So two people are never chained
/// through a middle record.
struct Clusters {
    private var parent: [Int32]
    private(set) var members: [[Int32]]

    init(count: Int) {
        parent = (0..<Int32(count)).map { $0 }
        members = (0..<Int32(count)).map { [$0] }
    }

    mutating func root(_ x: Int32) -> Int32 {
        var r = x
        while parent[Int(r)] != r { r = parent[Int(r)] }
        var y = x
        while parent[Int(y)] != r { let next = parent[Int(y)]; parent[Int(y)] = r; y = next }
        return r
    }

    /// Joins the clusters of `a` and `b` if `compatible` holds for every pair
    /// across them; returns why not otherwise (nil when joined or already one).
    mutating func join(_ a: Int32, _ b: Int32, graph: (Int32) -> Int32, compatible: (Int32, Int32) -> String?) -> String? {
        let ra = root(a), rb = root(b)
        if ra == rb { return nil }
        let ma = members[Int(ra)], mb = members[Int(rb)]
        let graphsA = Set(ma.map(graph))
        if let clash = mb.first(where: { graphsA.contains(graph($0)) }) {
            return "would put two records of one graph in one entity (\(clash))"
        }
        for x in ma {
            for y in mb {
                if let why = compatible(x, y) { return why }
            }
        }
        let (big, small) = ma.count >= mb.count ? (ra, rb) : (rb, ra)
        parent[Int(small)] = big
        members[Int(big)] += members[Int(small)]
        members[Int(small)] = []
        return nil
    }
}
