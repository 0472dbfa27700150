import MnemoXML

/// The history around an EAD unit: who made it (`bioghist`), whose hands it
/// passed through (`custodhist`) and how the archive received it (`acqinfo`).
extension EADRecordReader {
    /// `bioghist` → a note on each name the unit's `origination` gives (the
    /// creator it tells of); a unit without one keeps it as a description.
    mutating func readBiography(_ note: XMLElementNode, lang: String?) {
        guard let text = paragraphs(note) else { return }
        let biography = LangText(text, language: lang)
        var attached = false
        for e in record.events.indices where record.events[e].kind == profile.dateEvent {
            for p in record.events[e].participants.indices {
                record.events[e].participants[p].agent.notes.appendIfAbsent(biography)
                attached = true
            }
        }
        if !attached { record.descriptions.appendIfAbsent(biography) }
    }

    /// `custodhist` → a transfer of custody, `acqinfo` → an acquisition: the
    /// text as the event's note, its first `date` (`@normal` `1930` or
    /// `1929/1930` for bounds) as the event's date, and the persons, families
    /// and bodies it names as the party the unit came from (`former owner`).
    mutating func readProvenance(_ note: XMLElementNode, kind: EventKind, lang: String?) {
        guard let text = paragraphs(note) else { return }
        var event = EventRecord(kind: kind)
        event.note = text
        if let date = note.descendants("date").first { Self.date(&event, from: date) }
        for name in ["persname", "famname", "corpname"].flatMap({ note.descendants($0) }) {
            guard let agent = EADAccessPoints.agent(name, lang: name.xmlLang ?? lang) else { continue }
            let role = name.trimmedAttribute("role") ?? "former owner"
            event.participants.appendIfAbsent(Participation(agent: agent, role: Role(label: role)))
        }
        record.events.append(event)
    }
}
