import MnemoRDF

/// A group's translation with the group's FILTERs kept apart, so that an
/// OPTIONAL can make them its leftJoin expression (section 18.2.2.6).
struct TranslatedGroup {
    var body: GraphPattern
    var filters: [Expression]

    /// The group as a pattern: `Filter(conjunction, body)` when it has filters.
    var pattern: GraphPattern {
        filters.isEmpty ? body : .filter(Algebra.conjunction(filters), body)
    }
}

/// Folds the elements of one group into algebra as they are parsed
/// (section 18.2.2.6). FILTERs are collected for the whole group; triple
/// patterns separated only by FILTERs stay one basic graph pattern.
struct GroupBuilder {
    private(set) var pattern: GraphPattern = Algebra.empty
    var filters: [Expression] = []
    /// The basic graph pattern being collected, if any.
    var block: TriplesSink?

    /// Ends the current basic graph pattern.
    mutating func flush() {
        guard let b = block else { return }
        block = nil
        pattern = Algebra.join(pattern, Algebra.pattern(of: b.items))
    }

    mutating func join(_ p: GraphPattern) {
        flush()
        pattern = Algebra.join(pattern, p)
    }

    mutating func optional(_ group: TranslatedGroup) {
        flush()
        pattern = .leftJoin(pattern, group.body, group.filters.isEmpty ? nil : Algebra.conjunction(group.filters))
    }

    mutating func minus(_ p: GraphPattern) {
        flush()
        pattern = .minus(pattern, p)
    }

    mutating func extend(_ v: Variable, _ e: Expression) {
        flush()
        pattern = .extend(pattern, v, e)
    }

    mutating func finish() -> TranslatedGroup {
        flush()
        return TranslatedGroup(body: pattern, filters: filters)
    }
}

/// Small algebra constructors with the simplifications of section 18.2.2.8.
enum Algebra {
    /// The empty basic graph pattern Z: one solution binding nothing.
    static let empty = GraphPattern.bgp([])

    /// `Join(a, b)`, dropping an empty BGP operand (the identity of join).
    static func join(_ a: GraphPattern, _ b: GraphPattern) -> GraphPattern {
        if a == empty { return b }
        if b == empty { return a }
        return .join(a, b)
    }

    static func conjunction(_ expressions: [Expression]) -> Expression {
        balanced(expressions, Expression.and)
    }

    /// `items` combined pairwise into a balanced tree, keeping their order,
    /// for associative operators (so long chains do not make deep trees).
    /// `items` must not be empty.
    static func balanced<T>(_ items: [T], _ combine: (T, T) -> T) -> T {
        balanced(items[...], combine)
    }

    private static func balanced<T>(_ items: ArraySlice<T>, _ combine: (T, T) -> T) -> T {
        if items.count == 1 { return items[items.startIndex] }
        let middle = items.startIndex + items.count / 2
        return combine(balanced(items[..<middle], combine), balanced(items[middle...], combine))
    }

    /// A basic graph pattern's items: runs of triple patterns become BGPs,
    /// path patterns `path` nodes, joined in order.
    static func pattern(of items: [BlockItem]) -> GraphPattern {
        var segments: [GraphPattern] = []
        var triples: [TriplePattern] = []
        for item in items {
            switch item {
            case .triple(let t):
                triples.append(t)
            case .path(let s, let p, let o):
                if !triples.isEmpty { segments.append(.bgp(triples)) }
                triples = []
                segments.append(.path(subject: s, path: p, object: o))
            }
        }
        if !triples.isEmpty { segments.append(.bgp(triples)) }
        return segments.isEmpty ? empty : balanced(segments, GraphPattern.join)
    }
}

// The solution modifiers (sections 18.2.4 and 18.2.5): grouping and
// aggregates, HAVING, trailing VALUES, SELECT expressions, ORDER BY,
// projection, DISTINCT / REDUCED, OFFSET / LIMIT.
extension Parser {
    func translateSelect(where pattern: GraphPattern, clause: SelectClause, modifiers: SolutionModifiers,
                         aggregates: AggregateScope, values: GraphPattern?) throws -> (pattern: GraphPattern, variables: [Variable]) {
        let isAggregate = !modifiers.groupBy.isEmpty || !aggregates.bindings.isEmpty
        var p = try group(pattern, modifiers, aggregates)
        p = havingAndValues(p, modifiers, values)
        var scope = Scope.variables(of: p)
        var projected: [Variable] = []
        var projectedSet: Set<Variable> = []
        if let star = clause.star {
            if isAggregate {
                throw failure(at: star, "SELECT * cannot be used with GROUP BY or aggregates; list the grouped variables and the aggregates to return")
            }
            projected = visibleVariables(of: p)
        }
        for item in clause.items {
            switch item {
            case .variable(let v, let t):
                if isAggregate && !scope.contains(v) {
                    throw failure(at: t, "?\(v) is selected but neither grouped nor aggregated; add it to GROUP BY or select an aggregate of it, such as (SAMPLE(?\(v)) AS ?\(v)_sample)")
                }
                if projectedSet.insert(v).inserted { projected.append(v) }
            case .expression(let e, let v, let t, let uses):
                if projectedSet.contains(v) {
                    throw failure(at: t, "?\(v) is selected twice; a SELECT expression must introduce a new variable")
                }
                if scope.contains(v) {
                    throw failure(at: t, "?\(v) is already bound by the query pattern; a SELECT expression must introduce a new variable")
                }
                if isAggregate, let (u, at) = uses.first(where: { !scope.contains($0.0) }) {
                    throw failure(at: at, "?\(u) is used outside an aggregate in a SELECT expression but is not grouped; add it to GROUP BY or use an aggregate of it")
                }
                p = .extend(p, v, e)
                scope.insert(v)
                projectedSet.insert(v)
                projected.append(v)
            }
        }
        if !modifiers.orderBy.isEmpty { p = .orderBy(p, modifiers.orderBy) }
        p = .project(p, projected)
        if clause.distinct {
            p = .distinct(p)
        } else if clause.reduced {
            p = .reduced(p)
        }
        return (slice(p, modifiers), projected)
    }

    /// The modifiers of CONSTRUCT, DESCRIBE and ASK: no projection.
    func translateOther(where pattern: GraphPattern, modifiers: SolutionModifiers,
                        aggregates: AggregateScope, values: GraphPattern?) throws -> GraphPattern {
        var p = try group(pattern, modifiers, aggregates)
        p = havingAndValues(p, modifiers, values)
        if !modifiers.orderBy.isEmpty { p = .orderBy(p, modifiers.orderBy) }
        return slice(p, modifiers)
    }

    /// GROUP BY and aggregates: expressions are first bound by `extend`
    /// (to the AS variable, or to a fresh `_group.N`), then one `group` node
    /// computes every aggregate of the query into its `_agg.N` variable.
    private func group(_ pattern: GraphPattern, _ modifiers: SolutionModifiers, _ aggregates: AggregateScope) throws -> GraphPattern {
        guard !modifiers.groupBy.isEmpty || !aggregates.bindings.isEmpty else { return pattern }
        let whereScope = Scope.variables(of: pattern)
        var p = pattern
        var keys: [Variable] = []
        for key in modifiers.groupBy {
            let v: Variable
            if case .variable(let plain) = key.expression, key.variable == plain {
                v = plain
            } else {
                if let named = key.variable, whereScope.contains(named) {
                    throw failure(at: key.token, "?\(named) is already bound by the query pattern; GROUP BY (expression AS ?name) must introduce a new variable")
                }
                v = key.variable ?? freshVariable("group")
                p = .extend(p, v, key.expression)
            }
            if !keys.contains(v) { keys.append(v) }
        }
        return .group(p, variables: keys, aggregates: aggregates.bindings)
    }

    private func havingAndValues(_ pattern: GraphPattern, _ modifiers: SolutionModifiers, _ values: GraphPattern?) -> GraphPattern {
        var p = pattern
        if !modifiers.having.isEmpty { p = .filter(Algebra.conjunction(modifiers.having), p) }
        if let values { p = Algebra.join(p, values) }
        return p
    }

    private func slice(_ p: GraphPattern, _ modifiers: SolutionModifiers) -> GraphPattern {
        guard modifiers.limit != nil || modifiers.offset != nil else { return p }
        return .slice(p, offset: modifiers.offset ?? 0, limit: modifiers.limit)
    }
}
