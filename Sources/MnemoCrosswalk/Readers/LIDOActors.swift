import MnemoXML

/// LIDO actors: `actor` (in `actorInRole` and `subjectActor`) and `legalBody`.
enum LIDOActors {
    /// The agent kind for `actor/@type` (`person`, `group`, `corporation`, `family`…).
    static func kind(_ type: String?) -> AgentKind {
        guard let t = type?.lowercased() else { return .unknown }
        if t.contains("person") || t.contains("individual") { return .person }
        if t.contains("family") { return .family }
        if t.contains("group") || t.contains("corporat") || t.contains("organi") || t.contains("institution") {
            return .group
        }
        return .unknown
    }

    /// An agent from a `legalBodyName`-bearing element (`repositoryName`, `rightsHolder`, `recordSource`).
    static func legalBody(_ n: XMLElementNode, lang: String?) -> AgentRef? {
        let names = LIDOTerms.appellations(n.elements(at: "legalBodyName/appellationValue", lang: lang))
        var uris: [String] = []
        for id in n.children("legalBodyID") {
            if let v = id.trimmedText, let uri = AuthorityURIs.expand(source: id.trimmedAttribute("source"), value: v) {
                uris.appendIfAbsent(uri)
            }
        }
        guard !names.isEmpty else { return nil }
        return AgentRef(names: names, kind: .group, authorityURIs: uris)
    }
}

extension LIDORecordReader {
    /// An agent from a LIDO `actor` element, or nil when it has neither name nor ID.
    mutating func agent(_ actor: XMLElementNode, lang: String?) -> AgentRef? {
        let names = LIDOTerms.appellations(actor.elements(at: "nameActorSet/appellationValue", lang: lang))
        var uris: [String] = []
        for id in actor.children("actorID") {
            guard let v = id.trimmedText else { continue }
            if let uri = AuthorityURIs.expand(source: id.trimmedAttribute("source"), value: v) { uris.appendIfAbsent(uri) }
        }
        guard !names.isEmpty || !uris.isEmpty else { return nil }
        var agent = AgentRef(names: names, kind: LIDOActors.kind(actor.trimmedAttribute("type")), authorityURIs: uris)
        for (n, l) in actor.elements(at: "nationalityActor", lang: lang) + actor.elements(at: "genderActor", lang: lang) {
            agent.notes.appendIfAbsent(contentsOf: LIDOTerms.labels(n, lang: l))
        }
        if let vital = actor.first("vitalDatesActor") {
            agent.birthDate = vital.first("earliestDate")?.trimmedText
            agent.deathDate = vital.first("latestDate")?.trimmedText
            for (d, name) in [(agent.birthDate, "earliestDate"), (agent.deathDate, "latestDate")] {
                if let d, !ReaderText.isISODate(d) {
                    warn("malformed-date", field: "vitalDatesActor/\(name)",
                         "life date «\(d)» of \(names.first?.value ?? "an actor") is not an ISO 8601 date; kept as written")
                }
            }
        }
        // LIDO 1.1: birth and death places.
        for (p, l) in actor.elements(at: "vitalPlaceActor", lang: lang) {
            let type = p.trimmedAttribute("type")?.lowercased() ?? ""
            guard let place = place(p, lang: l) else { continue }
            if type.contains("birth") && agent.birthPlace == nil { agent.birthPlace = place }
            if type.contains("death") && agent.deathPlace == nil { agent.deathPlace = place }
        }
        return agent
    }

    /// Participations from an `eventActor`: one per role of its `actorInRole`
    /// (one without a role when it has none); a bare `displayActorInRole` gives
    /// an agent named by that text.
    mutating func participations(_ eventActor: XMLElementNode, lang: String?) -> [Participation] {
        guard let (air, airLang) = eventActor.elements(at: "actorInRole", lang: lang).first else {
            guard let (d, l) = eventActor.elements(at: "displayActorInRole", lang: lang).first, let t = d.trimmedText else { return [] }
            return [Participation(agent: AgentRef(names: [LangText(t, language: l)], kind: .unknown))]
        }
        guard let (actorNode, actorLang) = air.elements(at: "actor", lang: airLang).first,
              var agent = agent(actorNode, lang: actorLang) else { return [] }
        for (q, l) in air.elements(at: "attributionQualifierActor", lang: airLang) {
            agent.notes.appendIfAbsent(contentsOf: LIDOTerms.labels(q, lang: l))
        }
        var roles: [Role] = []
        for (r, _) in air.elements(at: "roleActor", lang: airLang) {
            let terms = r.children("term").compactMap(\.trimmedText)
            guard let (role, known) = profile.defaults.readerRole(terms: terms, codes: LIDOTerms.conceptIDs(r)) else { continue }
            if !known {
                warn("unknown-role", field: "roleActor",
                     "role «\(role.label ?? role.uri ?? role.code ?? "")» is not in the profile's role table; kept as written")
            }
            roles.appendIfAbsent(role)
        }
        if roles.isEmpty { return [Participation(agent: agent)] }
        return roles.map { Participation(agent: agent, role: $0) }
    }
}
