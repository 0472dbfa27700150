import MnemoXML

extension LIDORecordReader {
    /// Reads `eventWrap/eventSet/event` into ``HeritageRecord/events``.
    mutating func readEvents(_ dm: XMLElementNode, lang: String?) {
        for (set, setLang) in dm.elements(at: "eventWrap/eventSet", lang: lang) {
            for (ev, evLang) in set.elements(at: "event", lang: setLang) {
                record.events.append(event(ev, lang: evLang))
            }
        }
    }

    /// One event: its kind from the profile's `eventTypes`, actors in role,
    /// date, places, methods and materials.
    mutating func event(_ ev: XMLElementNode, lang: String?) -> EventRecord {
        let typeNode = ev.first("eventType")
        let keys = typeNode.map(LIDOTerms.keys(of:)) ?? []
        let label = typeNode.flatMap { LIDOTerms.labels($0, lang: lang).first?.value } ?? keys.first
        let kind: EventKind
        if let known = profile.eventKind(for: keys) {
            kind = known
        } else {
            kind = .activity
            warn("unknown-event-type", field: "eventType",
                 label.map { "event type «\($0)» is not in the profile; read as an activity" }
                    ?? "an event has no eventType; read as an activity")
        }
        var out = EventRecord(kind: kind, typeLabel: label)
        for (a, l) in ev.elements(at: "eventActor", lang: lang) {
            for p in participations(a, lang: l) where !out.participants.contains(p) { out.participants.append(p) }
        }
        if let date = ev.first("eventDate") {
            out.date = date.children("displayDate").lazy.compactMap(\.trimmedText).first
            out.earliest = date.first(path: "date/earliestDate")?.trimmedText
            out.latest = date.first(path: "date/latestDate")?.trimmedText
            for (d, name) in [(out.earliest, "earliestDate"), (out.latest, "latestDate")] {
                if let d, !ReaderText.isISODate(d) {
                    warn("malformed-date", field: "eventDate/date/\(name)",
                         "\(name) «\(d)» of the \(label ?? "event") event is not an ISO 8601 date; kept as written")
                }
            }
        }
        for (p, l) in ev.elements(at: "eventPlace", lang: lang) {
            if let ref = placeSet(p, lang: l) { out.places.appendIfAbsent(ref) }
        }
        for (m, l) in ev.elements(at: "eventMethod", lang: lang) {
            if let c = LIDOTerms.concept(m, lang: l) { out.techniques.appendIfAbsent(c) }
        }
        for (m, l) in ev.elements(at: "eventMaterialsTech", lang: lang) {
            var techniques = out.techniques
            for (mt, ml) in m.elements(at: "materialsTech", lang: l) { readMaterialsTech(mt, lang: ml, techniques: &techniques) }
            if m.first("materialsTech") == nil, let t = m.first("displayMaterialsTech")?.trimmedText {
                record.materials.appendIfAbsent(Concept(t, language: m.first("displayMaterialsTech")?.xmlLang ?? l))
            }
            out.techniques = techniques
        }
        // What EventRecord has no field for: the event's name, culture, period and description.
        var notes: [String] = []
        for path in ["eventName/appellationValue", "culture/term", "periodName/term", "eventDescriptionSet/descriptiveNoteValue"] {
            notes.appendIfAbsent(contentsOf: ev.texts(path))
        }
        if !notes.isEmpty { out.note = notes.joined(separator: "; ") }
        return out
    }

    /// `materialsTech/termMaterialsTech`: techniques (by the profile's
    /// `techniqueTypes`) go to `techniques` when given, materials to the record.
    mutating func readMaterialsTech(_ mt: XMLElementNode, lang: String?, techniques: inout [Concept]) {
        for (t, l) in mt.elements(at: "termMaterialsTech", lang: lang) {
            guard let c = LIDOTerms.concept(t, lang: l) else { continue }
            let type = t.trimmedAttribute("type").map(ProfileDefaults.roleKey) ?? ""
            if profile.techniqueTypes.contains(where: { !type.isEmpty && type.contains($0) }) {
                techniques.appendIfAbsent(c)
            } else {
                record.materials.appendIfAbsent(c)
            }
        }
    }

    /// `subjectWrap/subjectSet/subject`: concepts and dates → subjects,
    /// actors → subject agents, places → subject places.
    mutating func readSubjects(_ dm: XMLElementNode, lang: String?) {
        for (s, l) in dm.elements(at: "objectRelationWrap/subjectWrap/subjectSet/subject", lang: lang) {
            for (c, cl) in s.elements(at: "subjectConcept", lang: l) {
                if let concept = LIDOTerms.concept(c, lang: cl) { record.subjects.appendIfAbsent(concept) }
            }
            for (a, al) in s.elements(at: "subjectActor", lang: l) {
                if let (actor, acl) = a.elements(at: "actor", lang: al).first, let agent = agent(actor, lang: acl) {
                    record.subjectAgents.appendIfAbsent(agent)
                } else if let (d, dl) = a.elements(at: "displayActor", lang: al).first, let t = d.trimmedText {
                    record.subjectAgents.appendIfAbsent(AgentRef(names: [LangText(t, language: dl)], kind: .unknown))
                }
            }
            for (p, pl) in s.elements(at: "subjectPlace", lang: l) {
                if let ref = placeSet(p, lang: pl) { record.subjectPlaces.appendIfAbsent(ref) }
            }
            for (d, dl) in s.elements(at: "subjectDate/displayDate", lang: l) {
                if let t = d.trimmedText { record.subjects.appendIfAbsent(Concept(t, language: dl)) }
            }
        }
    }
}
