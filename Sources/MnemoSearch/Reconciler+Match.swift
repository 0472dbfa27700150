import Foundation

/// Scoring: 90 × the name score (0–1), plus what the property conditions
/// add or take away (a birth year equal: +10, off by one: +4, further off:
/// −30; a place or institution agreeing: +5/+6, disagreeing: −10/−15);
/// an equal authority identifier makes it 100, a different identifier of
/// the same authority multiplies by 0.3; with `type_strict: "should"`, a
/// candidate of another type loses 30 (other modes drop it). Clamped to 0–100.
///
/// `match` is set on the first candidate only, when it is unambiguous: it
/// scores at least 85 and 15 more than the next, or it alone has an
/// identifier the query gave.
extension Reconciler {
    struct Scored {
        let entity: Int32
        let name: Double
        let label: LabelValue?
        let score: Double
        let decided: Bool
        let features: [ReconcileFeature]
    }

    /// Candidates for `query`, best first, at most `query.limit`.
    public func reconcile(_ query: ReconcileQuery) -> [ReconcileCandidate] {
        let kinds = Set(query.types.map(\.kind))
        let filter = !kinds.isEmpty && query.typeStrict != .should
        let name = query.name?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
            ?? query.conditions.first { $0.property == .label }?.values.first?.text
        // The query's name keys, made only when an entity the name search did not find needs a name score.
        var tokenMemo: [NameToken]?
        func nameScore(_ e: Int32) -> Double {
            if tokenMemo == nil { tokenMemo = name.map { self.keys(of: $0) } ?? [] }
            return tokenMemo!.isEmpty ? 0 : self.nameScore(tokenMemo!, e)
        }

        // Candidates: the name's hits, entities with an identifier the query gives, the ids it names.
        var pool: [Int32: (score: Double, label: LabelValue?)] = [:]
        var order: [Int32] = []
        func add(_ e: Int32, _ s: Double, _ l: LabelValue?) {
            if pool[e] == nil { order.append(e) }
            if let old = pool[e], old.score >= s { return }
            pool[e] = (s, l)
        }
        if let name {
            let single = kinds.count == 1 && filter ? kinds.first : nil
            // One more than asked tells whether the first is ahead; conditions may re-rank a wider pool.
            let wanted = query.conditions.isEmpty ? query.limit + 1 : max(query.limit * 3, 25)
            for hit in index.search(name, type: single, language: query.language, limit: wanted, memo: queryWords) {
                if let e = byIRI[hit.iri] { add(e, hit.score, hit.label) }
            }
        }
        for c in query.conditions where c.property.scheme != nil || c.property == .identifier {
            for v in c.values {
                for key in identifierKeys(v, c.property) { for e in byIdentifier[key] ?? [] { add(e, nameScore(e), nil) } }
                if c.property == .identifier, identifierKeys(v, c.property).isEmpty {
                    for e in byLocalIdentifier[v.text.trimmingCharacters(in: .whitespaces)] ?? [] { add(e, nameScore(e), nil) }
                }
            }
        }
        if !query.ids.isEmpty {
            let allowed = Set(query.ids.compactMap { byIRI[$0] })
            for e in allowed { add(e, name == nil ? 1 : nameScore(e), nil) }
            order.removeAll { !allowed.contains($0) }
        }

        // Name keys of the label and place values, made once for all candidates.
        var keys: [String: [NameToken]] = [:]
        for c in query.conditions where [.label, .birthPlace, .deathPlace].contains(c.property) {
            for v in c.values { if let t = Self.nameText(v), keys[t] == nil { keys[t] = self.keys(of: t) } }
        }
        var scored: [Scored] = []
        for e in order {
            let typed = kinds.isEmpty || (index.entities[Int(e)].kind.map(kinds.contains) ?? false)
            if filter, !typed { continue }
            let (ns, label) = pool[e]!
            var score = (name == nil && query.ids.isEmpty ? 0.5 : ns) * 90
            if !query.ids.isEmpty { score = max(score, 90) }
            if !typed { score -= 30 }   // type_strict "should": other types may come, after
            var features = [ReconcileFeature(id: "name", name: "Name", value: (ns * 1000).rounded() / 1000)]
            var decided = false, different = false, dropped = false
            for c in query.conditions {
                let v = verdict(c, e, keys)
                if c.required && !v.holds { dropped = true; break }
                let p = c.property
                switch v {
                case .unknown: break
                case .agree(let bonus, let f): score += bonus; features.append(ReconcileFeature(id: p.id, name: p.name, value: f))
                case .conflict(let penalty, let f): score -= penalty; features.append(ReconcileFeature(id: p.id, name: p.name, value: f))
                case .identical: decided = true; features.append(ReconcileFeature(id: p.id, name: p.name, value: 1))
                case .different: different = true; features.append(ReconcileFeature(id: p.id, name: p.name, value: 0))
                }
            }
            if dropped { continue }
            if different && !decided { score *= 0.3 }
            if decided { score = 100 }
            score = (min(100, max(0, score)) * 10).rounded() / 10
            scored.append(Scored(entity: e, name: ns, label: label, score: score, decided: decided, features: features))
        }
        scored.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.name != b.name { return a.name > b.name }
            return index.entities[Int(a.entity)].iri < index.entities[Int(b.entity)].iri
        }
        var sure = false
        if let top = scored.first {
            let second = scored.dropFirst().first
            if top.decided { sure = !(second?.decided ?? false) }
            else { sure = top.score >= 85 && (second.map { top.score - $0.score >= 15 } ?? true) }
        }
        return scored.prefix(max(0, query.limit)).enumerated().map { i, s in
            let shown = s.label ?? displayName(s.entity, language: query.language)
            return ReconcileCandidate(id: index.entities[Int(s.entity)].iri, name: shown?.value ?? index.entities[Int(s.entity)].iri,
                                      language: shown?.language, description: describe(s.entity), score: s.score,
                                      match: i == 0 && sure, type: index.entities[Int(s.entity)].kind.map(ReconcileType.of),
                                      features: s.features)
        }
    }

    /// The candidates of each query of a batch, in order; large batches are shared among the processors.
    public func reconcile(batch queries: [ReconcileQuery]) -> [[ReconcileCandidate]] {
        let n = queries.count
        let lanes = min(ProcessInfo.processInfo.activeProcessorCount, 8, n / 32)
        guard lanes > 1 else { return queries.map(reconcile) }
        var out = [[ReconcileCandidate]](repeating: [], count: n)
        /// Each lane writes its own slots (i ≡ lane mod lanes), so no two threads touch the same one.
        struct Slots: @unchecked Sendable { let base: UnsafeMutablePointer<[ReconcileCandidate]> }
        out.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                var i = lane
                while i < n {
                    (slots.base + i).pointee = reconcile(queries[i])
                    i += lanes
                }
            }
        }
        return out
    }

    /// Entities whose names begin with or resemble `prefix`, for suggest services.
    public func suggest(_ prefix: String, type: ReconcileType?, limit: Int, language: String?) -> [ReconcileCandidate] {
        index.search(prefix, type: type?.kind, language: language, limit: limit, memo: queryWords).compactMap { hit in
            guard let e = byIRI[hit.iri] else { return nil }
            return ReconcileCandidate(id: hit.iri, name: hit.label.value, language: hit.label.language, description: describe(e),
                                      score: (hit.score * 1000).rounded() / 10, match: false, type: hit.kind.map(ReconcileType.of), features: [])
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
