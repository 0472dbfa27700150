import MnemoSearch

/// The evidence beyond names and life dates: works and roles for persons and
/// groups; kind, date, place and participants for events.
extension Scorer {
    /// Classes that say only that something is an event, not which kind.
    static let genericEventClasses: Set<String> = [
        "E2_Temporal_Entity", "E4_Period", "E5_Event", "E7_Activity", "Event",
    ]

    /// The specific kinds of an event: its classes' local names and P2 types, generic classes left out.
    static func eventKinds(_ p: EntityProfile) -> Set<String> {
        Set(p.eventTypes.map(localName).filter { !genericEventClasses.contains($0) })
    }

    static func localName(_ iri: String) -> String {
        guard let cut = iri.lastIndex(where: { $0 == "/" || $0 == "#" }) else { return iri }
        return String(iri[iri.index(after: cut)...])
    }

    /// Why two events can never be one: different kinds (a birth and a death), or dates three years or more apart.
    func eventConflict(_ p: EntityProfile, _ q: EntityProfile) -> String? {
        guard p.kind == .event, q.kind == .event else { return nil }
        let x = Self.eventKinds(p), y = Self.eventKinds(q)
        if !x.isEmpty, !y.isEmpty, x.isDisjoint(with: y) {
            return "different kinds of event (\(x.sorted().joined(separator: ",")) and \(y.sorted().joined(separator: ",")))"
        }
        if let a = p.date, let b = q.date, a.gap(to: b) >= 3 { return "dated \(a) and \(b)" }
        return nil
    }

    /// Events: the same kind, an overlapping date, the same place, a participant in common.
    func eventFeatures(_ a: LinkRecord, _ b: LinkRecord) -> [Feature] {
        let p = a.profile, q = b.profile
        var out: [Feature] = []
        let x = Self.eventKinds(p), y = Self.eventKinds(q)
        if let k = x.intersection(y).sorted().first { out.append(Feature(name: "eventType", weight: 0.1, note: k)) }
        if let d = p.date, let e = q.date {
            let w = Self.yearWeight(d, e, exact: 0.25, vague: 0.15, offByOne: 0.05)
            out.append(Feature(name: "date", weight: w, note: Self.yearNote(d, e)))
        }
        if !a.eventPlaceNames.isEmpty, !b.eventPlaceNames.isEmpty {
            let s = Self.bestName(a.eventPlaceNames, b.eventPlaceNames).0
            if s >= 0.8 { out.append(Feature(name: "place", weight: 0.15, note: "places of the same name")) }
            else if s < 0.5 { out.append(Feature(name: "place", weight: -0.15, note: "places of different names")) }
        }
        if !a.participantNames.isEmpty, !b.participantNames.isEmpty {
            let s = Self.bestName(a.participantNames, b.participantNames).0
            out.append(s >= 0.85 ? Feature(name: "participants", weight: 0.2, note: "a participant in common")
                                 : Feature(name: "participants", weight: -0.1, note: "no participant in common"))
        }
        return out
    }

    /// Persons and groups: a work both made (by its title, across scripts) and a role both held.
    /// Catalogues hold different works of one author, so no work in common says nothing.
    func workFeatures(_ a: LinkRecord, _ b: LinkRecord) -> [Feature] {
        var out: [Feature] = []
        if !a.workNames.isEmpty, !b.workNames.isEmpty, Self.bestName(a.workNames, b.workNames).0 >= 0.95 {
            out.append(Feature(name: "works", weight: 0.15, note: "a work in common"))
        }
        let ra = Set(a.profile.roles.map(NameKeys.normalize)), rb = Set(b.profile.roles.map(NameKeys.normalize))
        if let r = ra.intersection(rb).sorted().first { out.append(Feature(name: "role", weight: 0.05, note: r)) }
        return out
    }
}
