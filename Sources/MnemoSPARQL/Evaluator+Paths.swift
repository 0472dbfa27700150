import MnemoRDF
import MnemoSPARQLSyntax
import MnemoStore

/// Property paths (SPARQL 1.1 Query, section 9 and 18.4): links, inverses,
/// sequences and alternatives as joins and unions; `*`, `+` and `?` by
/// breadth-first search with a visited set, so cycles end.
extension Evaluator {
    dynamic func evalPath(_ s: Slot, _ path: PropertyPath, _ o: Slot, _ input: Row, _ scope: Scope, _ sink: Sink) throws -> Bool {
        func fixed(_ slot: Slot) -> TermID? {
            switch slot {
            case .constant(let id): return id
            case .variable(let v): return input[v] == 0 ? nil : input[v]
            }
        }
        let start = fixed(s), end = fixed(o)
        // A term written in the pattern joins itself by a zero-length path; a
        // value bound from outside (VALUES, an earlier pattern) must be a node of the graph.
        var constants = Set<TermID>()
        if case .constant(let id) = s { constants.insert(id) }
        if case .constant(let id) = o { constants.insert(id) }
        var keepGoing = true
        try pairs(path, from: start, to: end, scope, constants: constants) { x, y in
            var row = input
            guard Evaluator.bind(&row, s, x), Evaluator.bind(&row, o, y) else { return true }
            keepGoing = try sink(row)
            return keepGoing
        }
        return keepGoing
    }

    /// Calls `body` with each (start, end) pair the path connects, given optional fixed ends.
    func pairs(_ path: PropertyPath, from: TermID?, to: TermID?, _ scope: Scope, constants: Set<TermID> = [],
               _ body: (TermID, TermID) throws -> Bool) throws {
        switch path {
        case .link(let iri):
            let p = dictionary.intern(.iri(iri))
            try snapshot.forEachTriple(s: from, p: p, o: to, in: scope.graphs) { s, _, o in
                try guardrail.tick()
                return try body(s, o)
            }
        case .inverse(let inner):
            try pairs(inner, from: to, to: from, scope) { a, b in try body(b, a) }
        case .sequence(let a, let b):
            var stop = false
            try pairs(a, from: from, to: nil, scope) { x, mid in
                try pairs(b, from: mid, to: to, scope) { _, y in
                    if try !body(x, y) { stop = true; return false }
                    return true
                }
                return !stop
            }
        case .alternative(let a, let b):
            var stop = false
            try pairs(a, from: from, to: to, scope) { x, y in
                if try !body(x, y) { stop = true; return false }
                return true
            }
            if !stop { try pairs(b, from: from, to: to, scope, body) }
        case .zeroOrOne(let inner):
            try closure(inner, from: from, to: to, scope, zero: true, maxSteps: 1, constants: constants, body)
        case .zeroOrMore(let inner):
            try closure(inner, from: from, to: to, scope, zero: true, maxSteps: nil, constants: constants, body)
        case .oneOrMore(let inner):
            try closure(inner, from: from, to: to, scope, zero: false, maxSteps: nil, constants: constants, body)
        case .negatedPropertySet(let forward, let inverse):
            let fwd = Set(forward.compactMap { dictionary.lookup(.iri($0)) })
            let inv = Set(inverse.compactMap { dictionary.lookup(.iri($0)) })
            var stop = false
            if !forward.isEmpty || inverse.isEmpty {
                try snapshot.forEachTriple(s: from, p: nil, o: to, in: scope.graphs) { s, p, o in
                    try guardrail.tick()
                    if fwd.contains(p) { return true }
                    if try !body(s, o) { stop = true; return false }
                    return true
                }
            }
            if !inverse.isEmpty && !stop {
                try snapshot.forEachTriple(s: to, p: nil, o: from, in: scope.graphs) { s, p, o in
                    try guardrail.tick()
                    if inv.contains(p) { return true }
                    return try body(o, s)
                }
            }
        }
    }

    /// Nodes reachable by repeating `path` (section 18.4's ALP), each pair once.
    private func closure(_ path: PropertyPath, from: TermID?, to: TermID?, _ scope: Scope, zero: Bool,
                         maxSteps: Int?, constants: Set<TermID>, _ body: (TermID, TermID) throws -> Bool) throws {
        if let from {
            for y in try reachable(path, from, scope, zero: zero, maxSteps: maxSteps, forward: true, constants: constants) where to == nil || y == to! {
                if try !body(from, y) { return }
            }
            return
        }
        if let to {
            for x in try reachable(path, to, scope, zero: zero, maxSteps: maxSteps, forward: false, constants: constants) {
                if try !body(x, to) { return }
            }
            return
        }
        // Both ends free. A path of one or more steps can only start where its
        // first step starts; zero or more steps start from every node of the graph.
        for x in try zero ? allNodes(scope) : stepStarts(path, scope) {
            for y in try reachable(path, x, scope, zero: zero, maxSteps: maxSteps, forward: true) {
                if try !body(x, y) { return }
            }
        }
    }

    /// Breadth-first search from `start` along `path` (or against it).
    private func reachable(_ path: PropertyPath, _ start: TermID, _ scope: Scope, zero: Bool, maxSteps: Int?,
                           forward: Bool, constants: Set<TermID> = []) throws -> [TermID] {
        var seen = Set<TermID>()
        var out: [TermID] = []
        // A zero-length path joins a term to itself, if the term is in the graph.
        if zero && (constants.contains(start) || isNode(start, scope)) {
            seen.insert(start)
            out.append(start)
        }
        var frontier = [start]
        var steps = 0
        while !frontier.isEmpty {
            if let maxSteps, steps >= maxSteps { break }
            steps += 1
            var next: [TermID] = []
            for x in frontier {
                try pairs(path, from: forward ? x : nil, to: forward ? nil : x, scope) { a, b in
                    let y = forward ? b : a
                    if seen.insert(y).inserted {
                        out.append(y)
                        next.append(y)
                    }
                    return true
                }
            }
            try guardrail.hold(next.count)
            guardrail.release(next.count)
            frontier = next
        }
        return out
    }

    /// True when `id` is a subject or object in the scope's graphs.
    private func isNode(_ id: TermID, _ scope: Scope) -> Bool {
        var found = false
        snapshot.forEachTriple(s: id, p: nil, o: nil, in: scope.graphs) { _, _, _ in found = true; return false }
        if !found { snapshot.forEachTriple(s: nil, p: nil, o: id, in: scope.graphs) { _, _, _ in found = true; return false } }
        return found
    }

    /// The distinct nodes where one step of `path` starts, in order of first appearance.
    private func stepStarts(_ path: PropertyPath, _ scope: Scope) throws -> [TermID] {
        var seen = Set<TermID>()
        var out: [TermID] = []
        try pairs(path, from: nil, to: nil, scope) { x, _ in
            try guardrail.tick()
            if seen.insert(x).inserted { out.append(x) }
            return true
        }
        return out
    }

    /// Every subject and object in the scope's graphs.
    private func allNodes(_ scope: Scope) throws -> [TermID] {
        var seen = Set<TermID>()
        var out: [TermID] = []
        try snapshot.forEachTriple(s: nil, p: nil, o: nil, in: scope.graphs) { s, _, o in
            try guardrail.tick()
            if seen.insert(s).inserted { out.append(s) }
            if seen.insert(o).inserted { out.append(o) }
            return true
        }
        return out
    }
}
