import Foundation
import MnemoRDF
import MnemoStore

/// The order of a join group's members.
extension Evaluator {
    /// Orders a join group: each set of members linked by shared variables
    /// (a connected component; incoming bindings link nothing) is ordered
    /// greedily, and the components, which join as a cross product, nest
    /// so that the work is least: an inner component runs once per solution
    /// of those outside it, so `c` goes outside `d` when
    /// `(rows(c) - 1) / work(c) < (rows(d) - 1) / work(d)` (work: the
    /// solutions made along its plan, and a test per filter reading only
    /// its variables, each taken to keep a quarter of the rows). Then a
    /// component that is dear to match but has few solutions runs once, and
    /// a cheap one is repeated, rather than the reverse. Returns the order
    /// and the estimated solutions after each member.
    func order(_ elements: [PatternElement], _ filters: [GroupFilter] = [], _ input: Row, _ scope: Scope)
        -> ([PatternElement], [Double]) {
        let components = Evaluator.components(elements, input)
        if components.count < 2 { return greedyOrder(elements, input, scope) }
        let vars = components.map { c in Set(c.flatMap(\.variables).filter { input[$0] == 0 }) }
        var tests = Array(repeating: 0, count: components.count)
        for f in filters {
            let needed = f.slots.filter { input[$0] == 0 }
            if let i = vars.firstIndex(where: { needed.isSubset(of: $0) && !needed.isDisjoint(with: $0) }) { tests[i] += 1 }
        }
        let planned = components.indices.map { i -> (order: [PatternElement], estimates: [Double], key: Double, signature: String) in
            let (order, estimates) = greedyOrder(components[i], input, scope)
            let matched = estimates.last ?? 1, rows = matched * pow(0.25, Double(tests[i]))
            let work = max(estimates.reduce(0, +) + matched * Double(tests[i]), 1e-9)
            return (order, estimates, (rows - 1) / work, order.map(\.signature).min() ?? "")
        }.sorted { ($0.key, $0.signature) < ($1.key, $1.signature) }
        var ordered: [PatternElement] = [], estimates: [Double] = []
        var outer = 1.0
        for c in planned {
            ordered += c.order
            estimates += c.estimates.map { $0 * outer }
            outer *= c.estimates.last ?? 1
        }
        return (ordered, estimates)
    }

    /// The members in sets linked by variables that `input` leaves unbound.
    static func components(_ elements: [PatternElement], _ input: Row) -> [[PatternElement]] {
        var parent = Array(elements.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        var owner: [Int: Int] = [:]
        for (i, e) in elements.enumerated() {
            for v in e.variables where input[v] == 0 {
                if let j = owner[v] { parent[root(i)] = root(j) } else { owner[v] = i }
            }
        }
        var groups: [Int: [PatternElement]] = [:]
        var roots: [Int] = []
        for i in elements.indices {
            let r = root(i)
            if groups[r] == nil { roots.append(r) }
            groups[r, default: []].append(elements[i])
        }
        return roots.map { groups[$0]! }
    }

    /// Orders connected members greedily: next the member with the fewest
    /// estimated matches per solution so far, given the variables bound so
    /// far; ties go to the smaller signature, so the order the query was
    /// written in never decides. Returns the order and the estimated
    /// solutions after each member.
    func greedyOrder(_ elements: [PatternElement], _ input: Row, _ scope: Scope) -> ([PatternElement], [Double]) {
        var bound = Set(input.indices.filter { input[$0] != 0 })
        var left = elements
        // A member's estimate depends on which of its own variables are bound:
        // recomputed only when a member chosen binds one of them.
        var costs = left.map { estimate($0, bound, input, scope) }
        var out: [PatternElement] = []
        var estimates: [Double] = []
        var rows = 1.0
        while !left.isEmpty {
            var best = 0
            for i in left.indices.dropFirst() {
                if costs[i] < costs[best] || (costs[i] == costs[best] && left[i].signature < left[best].signature) { best = i }
            }
            let e = left.remove(at: best)
            rows *= costs.remove(at: best)
            out.append(e)
            estimates.append(rows)
            let newly = Set(e.variables).subtracting(bound)
            bound.formUnion(newly)
            for (i, m) in left.enumerated() where m.variables.contains(where: newly.contains) {
                costs[i] = estimate(m, bound, input, scope)
            }
        }
        return (out, estimates)
    }
}
