/// Matches the rows of two normalised tables under one bijection of blank
/// nodes. Rows without blank nodes compare as a multiset; the others are
/// first narrowed by colour refinement (a blank node's colour sums up the
/// rows it occurs in and, round by round, the colours of its neighbours),
/// then matched by backtracking, most-connected rows first, skipping
/// candidates identical to one already tried.
enum BlankNodeMatcher {
    /// Rows compared pairwise in order, extending one bijection as they go.
    static func matchInOrder(_ a: [[Cell]], _ b: [[Cell]]) -> Bool {
        var map = Bijection()
        for (ra, rb) in zip(a, b) {
            guard map.extend(ra, rb) != nil else { return false }
        }
        return true
    }

    /// Rows compared as multisets up to a bijection of blank nodes.
    static func matchUnordered(_ a: [[Cell]], _ b: [[Cell]]) -> Bool {
        let hasBlank: ([Cell]) -> Bool = { $0.contains { $0.blankNumber != nil } }
        var ground: [[Cell]: Int] = [:]
        var aBlankRows: [[Cell]] = [], bBlankRows: [[Cell]] = []
        for r in a { if hasBlank(r) { aBlankRows.append(r) } else { ground[r, default: 0] += 1 } }
        for r in b {
            if hasBlank(r) { bBlankRows.append(r); continue }
            guard let n = ground[r], n > 0 else { return false }
            ground[r] = n - 1
        }
        guard aBlankRows.count == bBlankRows.count else { return false }
        if aBlankRows.isEmpty { return true }

        let nodes = blankCount(aBlankRows)
        guard nodes == blankCount(bBlankRows) else { return false }
        guard let (colorsA, colorsB) = refinedColors(aBlankRows, bBlankRows, nodes) else { return false }

        // Rows can only match rows with the same key: the row with blank nodes
        // replaced by their colours.
        func key(_ r: [Cell], _ colors: [Int]) -> [Cell] { r.map { c in c.blankNumber.map { .blank(colors[$0]) } ?? c } }
        var groups: [[Cell]: [Int]] = [:]
        for (i, r) in bBlankRows.enumerated() { groups[key(r, colorsB), default: []].append(i) }
        var candidates: [[Int]] = []
        var demand: [[Cell]: Int] = [:]
        for r in aBlankRows {
            let k = key(r, colorsA)
            guard let g = groups[k] else { return false }
            candidates.append(g)
            demand[k, default: 0] += 1
        }
        for (k, n) in demand where groups[k]!.count != n { return false }

        var search = Search(a: aBlankRows, b: bBlankRows, candidates: candidates, nodes: nodes)
        return search.run()
    }

    private static func blankCount(_ rows: [[Cell]]) -> Int {
        var m = -1
        for r in rows { for c in r { if let n = c.blankNumber { m = max(m, n) } } }
        return m + 1
    }

    /// Colour refinement run on both sides in step; nil when the colour
    /// histograms differ, which rules out any bijection.
    private static func refinedColors(_ a: [[Cell]], _ b: [[Cell]], _ nodes: Int) -> ([Int], [Int])? {
        var ca = [Int](repeating: 0, count: nodes), cb = ca
        var classes = 1
        for _ in 0..<max(1, nodes) {
            ca = refine(a, ca)
            cb = refine(b, cb)
            guard histogram(ca) == histogram(cb) else { return nil }
            let n = Set(ca).count
            if n == classes { break }
            classes = n
        }
        return (ca, cb)
    }

    private static func refine(_ rows: [[Cell]], _ colors: [Int]) -> [Int] {
        var signatures = [[Int]](repeating: [], count: colors.count)
        for r in rows {
            var h = Hasher()
            for c in r {
                switch c {
                case .unbound: h.combine(0)
                case .ground(let t): h.combine(1); h.combine(t)
                case .blank(let n): h.combine(2); h.combine(colors[n])
                }
            }
            let rowHash = h.finalize()
            for (pos, c) in r.enumerated() {
                if let n = c.blankNumber { signatures[n].append(rowHash &* 31 &+ pos) }
            }
        }
        return signatures.indices.map { n in
            var h = Hasher()
            h.combine(colors[n])
            h.combine(signatures[n].sorted())
            return h.finalize()
        }
    }

    private static func histogram(_ colors: [Int]) -> [Int: Int] {
        var d: [Int: Int] = [:]
        for c in colors { d[c, default: 0] += 1 }
        return d
    }

    /// The backtracking search over row pairings.
    private struct Search {
        let a: [[Cell]], b: [[Cell]]
        let candidates: [[Int]]
        var map: Bijection
        var used: [Bool]
        var order: [Int] = []

        init(a: [[Cell]], b: [[Cell]], candidates: [[Int]], nodes: Int) {
            self.a = a
            self.b = b
            self.candidates = candidates
            map = Bijection(nodes: nodes)
            used = [Bool](repeating: false, count: b.count)
            order = Self.order(a, candidates, nodes)
        }

        /// Rows sharing blank nodes with rows already placed come first, so
        /// bindings made early constrain the next choices; ties go to the
        /// row with fewer candidates.
        static func order(_ a: [[Cell]], _ candidates: [[Int]], _ nodes: Int) -> [Int] {
            var placed = [Bool](repeating: false, count: a.count)
            var known = [Bool](repeating: false, count: nodes)
            var out: [Int] = []
            out.reserveCapacity(a.count)
            for _ in a.indices {
                var best = -1, bestScore = (Int.min, Int.min)
                for i in a.indices where !placed[i] {
                    let shared = a[i].reduce(0) { $0 + (($1.blankNumber.map { known[$0] } ?? false) ? 1 : 0) }
                    let score = (shared, -candidates[i].count)
                    if score > bestScore { bestScore = score; best = i }
                }
                placed[best] = true
                out.append(best)
                for c in a[best] { if let n = c.blankNumber { known[n] = true } }
            }
            return out
        }

        mutating func run() -> Bool { step(0) }

        private mutating func step(_ k: Int) -> Bool {
            if k == order.count { return true }
            let r = order[k]
            var tried = Set<[Cell]>()
            for c in candidates[r] where !used[c] {
                // A candidate equal to one that already failed here fails too.
                guard tried.insert(b[c]).inserted else { continue }
                guard let added = map.extend(a[r], b[c]) else { continue }
                used[c] = true
                if step(k + 1) { return true }
                used[c] = false
                map.undo(added)
            }
            return false
        }
    }
}

/// A partial one-to-one map between the blank nodes of two tables.
struct Bijection {
    private var forward: [Int: Int] = [:]
    private var backward: [Int: Int] = [:]

    init(nodes: Int = 0) {
        forward.reserveCapacity(nodes)
        backward.reserveCapacity(nodes)
    }

    /// Extends the map so that row `x` maps onto row `y`; returns the blank
    /// nodes newly mapped, or nil (leaving the map unchanged) when the rows
    /// cannot correspond.
    mutating func extend(_ x: [Cell], _ y: [Cell]) -> [Int]? {
        var added: [Int] = []
        for (p, q) in zip(x, y) {
            switch (p, q) {
            case (.blank(let m), .blank(let n)):
                if let f = forward[m] {
                    if f != n { undo(added); return nil }
                } else if backward[n] != nil {
                    undo(added); return nil
                } else {
                    forward[m] = n
                    backward[n] = m
                    added.append(m)
                }
            default:
                if p != q || p.blankNumber != nil || q.blankNumber != nil { undo(added); return nil }
            }
        }
        return added
    }

    /// Removes the given nodes (from `extend`) from the map.
    mutating func undo(_ added: [Int]) {
        for m in added {
            if let n = forward.removeValue(forKey: m) { backward.removeValue(forKey: n) }
        }
    }
}
