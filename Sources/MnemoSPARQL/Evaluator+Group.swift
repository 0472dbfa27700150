import MnemoRDF
import MnemoSPARQLFunctions
import MnemoSPARQLSyntax

extension Evaluator {
    /// GROUP BY with aggregates (SPARQL 1.1 Query, section 18.5).
    func evalGroup(_ inner: Node, _ keys: [Int], _ aggregates: [(Int, CAggregate)], _ input: Row, _ scope: Scope,
                   _ sink: Sink) throws -> Bool {
        var groups: [[TermID]: [Row]] = [:]
        var order: [[TermID]] = []
        var held = 0
        defer { guardrail.release(held) }
        try eval(inner, input, scope) { row in
            let key = keys.map { row[$0] }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
            try self.guardrail.hold(1)
            held += 1
            return true
        }
        // With no GROUP BY there is one group, even of no solutions.
        if keys.isEmpty && order.isEmpty {
            order.append([])
            groups[[]] = []
        }
        for key in order {
            let rows = groups[key]!
            var out = input
            for (i, k) in keys.enumerated() { out[k] = key[i] }
            for (slot, aggregate) in aggregates {
                if let v = try? aggregateValue(aggregate, rows, scope) {
                    out[slot] = dictionary.intern(v)
                }
            }
            if try !sink(out) { return false }
        }
        return true
    }

    private func aggregateValue(_ a: CAggregate, _ rows: [Row], _ scope: Scope) throws -> Term {
        func values(_ e: CExpr, distinct: Bool) -> [Term?] {
            var out: [Term?] = []
            var seen = Set<Term>()
            for r in rows {
                let v = try? value(e, r, scope)
                if distinct, let v { if !seen.insert(v).inserted { continue } }
                out.append(v)
            }
            return out
        }
        let xsd = Vocabulary.xsd
        switch a {
        case .count(let e, let distinct):
            guard let e else {
                let n = distinct ? Set(rows).count : rows.count
                return .typed(String(n), xsd + "integer")
            }
            return .typed(String(values(e, distinct: distinct).compactMap { $0 }.count), xsd + "integer")
        case .sum(let e, let distinct):
            var total: Term = .typed("0", xsd + "integer")
            for v in values(e, distinct: distinct) {
                guard let v else { throw ExpressionError("SUM over an error") }
                total = try Builtins.add(total, v)
            }
            return total
        case .avg(let e, let distinct):
            let vs = values(e, distinct: distinct)
            if vs.isEmpty { return .typed("0", xsd + "integer") }
            var total: Term = .typed("0", xsd + "integer")
            for v in vs {
                guard let v else { throw ExpressionError("AVG over an error") }
                total = try Builtins.add(total, v)
            }
            return try Builtins.divide(total, .typed(String(vs.count), xsd + "integer"))
        case .min(let e, let distinct), .max(let e, let distinct):
            let isMin: Bool
            if case .min = a { isMin = true } else { isMin = false }
            var best: Term?
            for v in values(e, distinct: distinct) {
                guard let v else { throw ExpressionError("MIN/MAX over an error") }
                if let b = best {
                    let c = Builtins.orderCompare(v, b)
                    if isMin ? c < 0 : c > 0 { best = v }
                } else {
                    best = v
                }
            }
            guard let best else { throw ExpressionError("MIN/MAX of no values") }
            return best
        case .sample(let e, let distinct):
            guard let v = values(e, distinct: distinct).first(where: { $0 != nil }) ?? nil else {
                throw ExpressionError("SAMPLE of no values")
            }
            return v
        case .groupConcat(let e, let separator, let distinct):
            var parts: [String] = []
            for v in values(e, distinct: distinct) {
                guard let v, case .literal(let l) = v else { throw ExpressionError("GROUP_CONCAT over a non-literal") }
                parts.append(l.lexical)
            }
            return .string(parts.joined(separator: separator))
        }
    }

    /// Sorts rows by ORDER BY conditions (stable, so equal keys keep their order).
    func sortRows(_ rows: [Row], _ conditions: [(CExpr, Bool)], _ scope: Scope) throws -> [Row] {
        let keyed: [(Row, [Term?])] = rows.map { r in (r, conditions.map { try? value($0.0, r, scope) }) }
        let sorted = keyed.enumerated().sorted { x, y in
            for (i, c) in conditions.enumerated() {
                let cmp = Builtins.orderCompare(x.element.1[i], y.element.1[i])
                if cmp != 0 { return c.1 ? cmp < 0 : cmp > 0 }
            }
            return x.offset < y.offset
        }
        return sorted.map { $0.element.0 }
    }
}
