import MnemoRDF
import MnemoStore

/// Re-planning the rest of a join group for one solution.
///
/// A group's order is chosen once per set of bound variables, from average
/// fan-outs where a value is not known yet. A skewed value (a type that
/// every name points to, say) makes a member match thousands of times
/// where the plan expected a few. So for the first four solutions reaching
/// each member, and at each doubling of their number after, the evaluator
/// counts the member's matches for the solution's values (an index range);
/// when they exceed the plan's estimate many times over, the remaining
/// members are ordered again with the solution's values, and the solution
/// goes on with that order. A group makes at most `ReplanBudget.checks`
/// such counts.
extension Evaluator {
    /// A plan for members `i…` given the row, when the plan's member `i`
    /// would match far more than estimated and another member should come
    /// first; nil to go on with the plan.
    func replanned(_ plan: GroupPlan, _ i: Int, _ row: Row, _ scope: Scope) -> GroupPlan? {
        let runtime = plan.runtime
        runtime.arrivals[i] += 1
        let n = runtime.arrivals[i]
        guard n <= 4 || n & (n - 1) == 0, runtime.budget.checks > 0, case .triple = plan.elements[i].kind else { return nil }
        runtime.budget.checks -= 1
        let bound = Set(row.indices.filter { row[$0] != 0 })
        let matches = estimate(plan.elements[i], bound, row, scope)
        let before = i == 0 ? 1 : plan.estimates[i - 1]
        let expected = before > 0 ? plan.estimates[i] / before : plan.estimates[i]
        guard matches > 8 * expected + 64 else { return nil }
        let rest = Array(plan.after[i...].joined())
        let (ordered, estimates) = order(Array(plan.elements[i...]), rest, row, scope)
        guard ordered[0].signature != plan.elements[i].signature else { return nil }
        runtime.replans[i] += 1
        var sub = GroupPlan(ordered, rest, bound: Array(bound))
        sub.estimates = estimates
        sub.offset = plan.offset + i
        sub.adaptive = false
        sub.runtime = MemberRuntime(count: ordered.count, budget: runtime.budget)
        sub.hashed = Array(repeating: nil, count: ordered.count)
        return sub
    }
}

extension GroupPlan {
    /// A plan of members in order, each filter placed after the member that
    /// binds the last of its variables the group binds (`before`: those
    /// whose variables are all `bound` already). At one position cheap tests
    /// come first and EXISTS (a pattern match per row) last, otherwise by
    /// signature, so the written order does not decide.
    init(_ ordered: [PatternElement], _ filters: [GroupFilter], bound: [Int]) {
        self.init(elements: ordered, before: [], after: Array(repeating: [], count: ordered.count))
        let shared = ScanHint()
        hints = ordered.map { _ in ScanHint(sharing: shared) }
        var groupVars = Set<Int>()
        for e in ordered { groupVars.formUnion(e.variables) }
        for f in filters {
            let needed = f.slots.intersection(groupVars).subtracting(bound)
            if needed.isEmpty { before.append(f); continue }
            var have = Set<Int>()
            var placed = false
            for (i, e) in ordered.enumerated() {
                have.formUnion(e.variables)
                if needed.isSubset(of: have) { after[i].append(f); placed = true; break }
            }
            if !placed { after[ordered.count - 1].append(f) }
        }
        func sorted(_ fs: [GroupFilter]) -> [GroupFilter] { fs.sorted { $0.signature < $1.signature } }
        before = sorted(before)
        after = after.map { fs in sorted(fs.filter { !$0.expression.hasExists }) + sorted(fs.filter { $0.expression.hasExists }) }
    }
}
