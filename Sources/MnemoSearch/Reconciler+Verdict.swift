import Foundation

/// How each property condition of a query judges a candidate: years by
/// their distance, places and labels by name score (any script) or IRI,
/// institutions by graph, identifiers by authority and local id.
extension Reconciler {
    /// What one condition says of one candidate.
    enum Verdict {
        case unknown
        case agree(bonus: Double, feature: Double)
        case conflict(penalty: Double, feature: Double)
        /// An authority identifier is equal: the candidate is the entity.
        case identical
        /// The candidate has another identifier of the same authority.
        case different

        var holds: Bool {
            switch self {
            case .agree, .identical: true
            default: false
            }
        }
    }

    /// The identifier keys a value stands for under an identifier property.
    func identifierKeys(_ v: ReconcileValue, _ p: ReconcileProperty) -> [String] {
        let t = v.text.trimmingCharacters(in: .whitespaces)
        if let (scheme, local) = AuthorityScheme.parse(t) { return [AuthorityScheme.key(scheme, local)] }
        if let scheme = p.scheme {
            var local = t
            if local.lowercased().hasPrefix(scheme.rawValue + ":") { local = String(local.dropFirst(scheme.rawValue.count + 1)) }
            return [AuthorityScheme.key(scheme, scheme == .wikidata ? local.uppercased() : local)]
        }
        if let colon = t.firstIndex(of: ":"), let scheme = AuthorityScheme(rawValue: t[..<colon].lowercased()) {
            return [AuthorityScheme.key(scheme, String(t[t.index(after: colon)...]))]
        }
        return []
    }

    /// The verdict of a condition with its quantifier over its values.
    func verdict(_ c: ReconcileCondition, _ e: Int32, _ keys: [String: [NameToken]]) -> Verdict {
        let each = c.values.map { verdict(c.property, $0, e, keys) }
        switch c.quantifier {
        case .any:
            if let v = each.first(where: { if case .identical = $0 { true } else { false } }) { return v }
            if let v = each.filter(\.holds).max(by: { bonus($0) < bonus($1) }) { return v }
            if !each.isEmpty, each.allSatisfy({ if case .unknown = $0 { false } else { true } }) { return each[0] }
            return .unknown
        case .all:
            if let v = each.first(where: { !$0.holds }) { return v }
            return each.first ?? .unknown
        case .none:   // holds when no value agrees, unknown ones included
            return each.contains(where: \.holds) ? .conflict(penalty: 30, feature: 0) : .agree(bonus: 0, feature: 1)
        }
    }

    private func bonus(_ v: Verdict) -> Double {
        if case .agree(let b, _) = v { return b }
        return 0
    }

    /// What one value says of one property of one candidate.
    func verdict(_ p: ReconcileProperty, _ v: ReconcileValue, _ e: Int32, _ keys: [String: [NameToken]]) -> Verdict {
        let entity = index.entities[Int(e)]
        switch p {
        case .birthYear, .deathYear:
            guard let have = p == .birthYear ? entity.birth : entity.death, let want = Self.year(v) else { return .unknown }
            switch abs(have - want) {
            case 0: return .agree(bonus: 10, feature: 1)
            case 1: return .agree(bonus: 4, feature: 0.5)
            default: return .conflict(penalty: 30, feature: 0)
            }
        case .birthPlace, .deathPlace:
            let places = (p == .birthPlace ? facts[e]?.birthPlaces : facts[e]?.deathPlaces) ?? []
            guard !places.isEmpty else { return .unknown }
            if case .entity(let id, _) = v, places.contains(id) { return .agree(bonus: 6, feature: 1) }
            guard let name = Self.nameText(v) else { return .conflict(penalty: 10, feature: 0) }
            let toks = keys[name] ?? self.keys(of: name)
            let best = places.compactMap { byIRI[$0] }.map { nameScore(toks, $0) }.max() ?? 0
            return best >= 0.8 ? .agree(bonus: 6, feature: (best * 1000).rounded() / 1000)
                : .conflict(penalty: 10, feature: (best * 1000).rounded() / 1000)
        case .institution:
            guard !entity.graphs.isEmpty else { return .unknown }
            let want = v.text.lowercased()
            let hit = entity.graphs.contains { g in
                let l = g.lowercased()
                return l == want || l.hasSuffix("/" + want) || Self.shortName(l) == want
            }
            return hit ? .agree(bonus: 5, feature: 1) : .conflict(penalty: 15, feature: 0)
        case .label:
            let s = nameScore(keys[v.text] ?? self.keys(of: v.text), e)
            return s >= 0.8 ? .agree(bonus: 5, feature: (s * 1000).rounded() / 1000) : .conflict(penalty: 5, feature: (s * 1000).rounded() / 1000)
        case .identifier, .viaf, .gnd, .isni, .lc, .ulan, .tgn, .wikidata, .geonames:
            let have = facts[e]?.keys ?? []
            guard !have.isEmpty else { return .unknown }
            let want = identifierKeys(v, p)
            if want.isEmpty {   // a bare value under `identifier`: compare local parts
                let t = v.text.trimmingCharacters(in: .whitespaces)
                return have.contains { $0.hasSuffix(":" + t) } ? .identical : .unknown
            }
            if want.contains(where: have.contains) { return .identical }
            let schemes = Set(want.map { $0.prefix { $0 != ":" } })
            return have.contains { schemes.contains($0.prefix { $0 != ":" }) } ? .different : .unknown
        }
    }

    /// The word keys of a name in a query.
    func keys(of name: String) -> [NameToken] { NameKeys(name, memo: queryWords).tokens }

    /// The name a value gives: its text, or an entity value's name.
    static func nameText(_ v: ReconcileValue) -> String? {
        switch v {
        case .entity(_, let name): name
        default: v.text
        }
    }

    /// A year from a number, "1835", "1835-11-01" or "c. 1835".
    static func year(_ v: ReconcileValue) -> Int? {
        switch v {
        case .number(let d): return d == d.rounded() && abs(d) < 100_000 ? Int(d) : nil
        case .text(let s):
            let t = s.trimmingCharacters(in: .whitespaces)
            if let y = NameIndex.year(t) { return y }
            let digits = t.drop { !$0.isNumber }.prefix { $0.isNumber }
            return digits.count >= 3 && digits.count <= 4 ? Int(digits) : nil
        default: return nil
        }
    }
}
