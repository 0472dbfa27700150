import MnemoRDF
import MnemoSPARQLFunctions
import MnemoSPARQLSyntax

extension Evaluator {
    /// GROUP BY with aggregates (SPARQL 1.1 Query, section 18.5), streaming:
    /// each group keeps running aggregate states, not its solutions. COUNT of
    /// a variable or of `*` only looks at term ids.
    dynamic func evalGroup(_ inner: Node, _ keys: [Int], _ aggregates: [(Int, CAggregate)], _ input: Row, _ scope: Scope,
                   _ sink: Sink) throws -> Bool {
        var index: [[TermID]: Int] = [:]
        // One grouping variable (the common case) keys by the id itself, with no array per solution.
        var singleIndex: [TermID: Int] = [:]
        let single = keys.count == 1 ? keys[0] : nil
        var groupKeys: [[TermID]] = []
        var states: [[AggregateState]] = []
        let fresh = aggregates.map { AggregateState(for: $0.1) }
        try eval(inner, input, scope) { row in
            try self.guardrail.tick()
            let g: Int
            if let single, let i = singleIndex[row[single]] {
                g = i
            } else if single == nil, let i = index[keys.map { row[$0] }] {
                g = i
            } else {
                let key = keys.map { row[$0] }
                if let single { singleIndex[row[single]] = groupKeys.count }
                g = groupKeys.count
                index[key] = g
                groupKeys.append(key)
                states.append(fresh)
                try self.guardrail.hold(1)
            }
            for a in aggregates.indices {
                self.update(&states[g][a], aggregates[a].1, row, scope)
            }
            return true
        }
        defer { guardrail.release(groupKeys.count) }
        // With no GROUP BY there is one group, even of no solutions.
        if keys.isEmpty && groupKeys.isEmpty {
            groupKeys.append([])
            states.append(fresh)
        }
        for (g, key) in groupKeys.enumerated() {
            var out = input
            for (i, k) in keys.enumerated() { out[k] = key[i] }
            for (a, (slot, aggregate)) in aggregates.enumerated() {
                if let v = states[g][a].result(aggregate) { out[slot] = dictionary.intern(v) }
            }
            if try !sink(out) { return false }
        }
        return true
    }

    /// Folds one solution into an aggregate's state.
    private func update(_ st: inout AggregateState, _ a: CAggregate, _ row: Row, _ scope: Scope) {
        if st.failed { return }
        switch a {
        case .count(nil, let distinct):
            if distinct { st.seenRows.insert(row) } else { st.count += 1 }
        case .count(let e?, let distinct):
            if case .variable(let slot) = e {
                let id = row[slot]
                if id == 0 { return }
                if distinct { st.seenIDs.insert(id) } else { st.count += 1 }
                return
            }
            guard let v = try? value(e, row, scope) else { return }
            if distinct { st.seen.insert(v) } else { st.count += 1 }
        case .sum(let e, let distinct), .avg(let e, let distinct):
            guard let v = try? value(e, row, scope) else { st.failed = true; return }
            if distinct, !st.seen.insert(v).inserted { return }
            do { try st.numeric.add(v) } catch { st.failed = true }
        case .min(let e, let distinct), .max(let e, let distinct):
            _ = distinct  // the extreme of the distinct values is the extreme of all values
            guard let v = try? value(e, row, scope) else { st.failed = true; return }
            var isMin = false
            if case .min = a { isMin = true }
            if let b = st.best {
                let c = Builtins.orderCompare(v, b)
                if isMin ? c < 0 : c > 0 { st.best = v }
            } else {
                st.best = v
            }
        case .sample(let e, _):
            if st.best == nil, let v = try? value(e, row, scope) { st.best = v }
        case .groupConcat(let e, _, let distinct):
            guard let v = try? value(e, row, scope), case .literal(let l) = v else { st.failed = true; return }
            if distinct, !st.seen.insert(v).inserted { return }
            st.parts.append(l.lexical)
        }
    }

    /// The inner solutions sorted by ORDER BY conditions, stable (equal keys
    /// keep their order). With `keep`, only the first `keep` are kept while
    /// reading, so ORDER BY … LIMIT k holds k solutions, not all of them.
    func sortedRows(_ inner: Node, _ conditions: [(CExpr, Bool)], _ keep: Int?, _ input: Row, _ scope: Scope) throws -> [Row] {
        typealias Entry = (row: Row, keys: [OrderKey], seq: Int)
        func before(_ x: Entry, _ y: Entry) -> Bool {
            for (i, c) in conditions.enumerated() {
                let cmp = OrderKey.compare(x.keys[i], y.keys[i])
                if cmp != 0 { return c.1 ? cmp < 0 : cmp > 0 }
            }
            return x.seq < y.seq
        }
        var entries: [Entry] = []
        var last: Entry?
        var seq = 0
        var held = 0
        defer { guardrail.release(held) }
        try eval(inner, input, scope) { row in
            let entry = (row: row, keys: conditions.map { OrderKey(try? self.value($0.0, row, scope)) }, seq: seq)
            seq += 1
            if let keep {
                if keep == 0 { return true }
                // A bounded buffer: when it is twice the size kept, cut it back to the best `keep`;
                // after a cut, a row not before the last one kept cannot be among the best.
                if let last, !before(entry, last) { return true }
                entries.append(entry)
                if entries.count >= 2 * keep + 64 {
                    entries.sort(by: before)
                    entries.removeLast(entries.count - keep)
                    last = entries.last
                }
            } else {
                entries.append(entry)
                try self.guardrail.hold(1)
                held += 1
            }
            return true
        }
        entries.sort(by: before)
        if let keep, entries.count > keep { entries.removeLast(entries.count - keep) }
        return entries.map(\.row)
    }
}

/// The running state of one aggregate over one group.
struct AggregateState {
    var count = 0
    var numeric = NumericAccumulator()
    var failed = false
    var best: Term?
    var parts: [String] = []
    var seen = Set<Term>()
    var seenIDs = Set<TermID>()
    var seenRows = Set<Row>()

    init(for a: CAggregate) {}

    /// The aggregate's value, or nil (unbound) after an error or for MIN/MAX/SAMPLE of nothing.
    func result(_ a: CAggregate) -> Term? {
        if failed { return nil }
        let integer = Vocabulary.xsd + "integer"
        switch a {
        case .count(nil, let distinct):
            return .typed(String(distinct ? seenRows.count : count), integer)
        case .count(let e?, let distinct):
            if !distinct { return .typed(String(count), integer) }
            if case .variable = e { return .typed(String(seenIDs.count), integer) }
            return .typed(String(seen.count), integer)
        case .sum: return numeric.sum
        case .avg: return try? numeric.average()
        case .min, .max, .sample: return best
        case .groupConcat(_, let separator, _): return .string(parts.joined(separator: separator))
        }
    }
}
