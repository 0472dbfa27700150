import MnemoXML

/// Reads the description of one EAD unit (`did`, `scopecontent`, `controlaccess`…)
/// into a record whose identity ``EADMapper`` has already set.
struct EADRecordReader {
    let profile: EADProfile
    var record: HeritageRecord

    mutating func read(_ unit: XMLElementNode) {
        let lang = unit.xmlLang
        if let (did, didLang) = unit.elements(at: "did", lang: lang).first { readDid(did, lang: didLang) }
        for (sc, l) in unit.elements(at: "scopecontent", lang: lang) {
            if let text = paragraphs(sc) { record.descriptions.appendIfAbsent(LangText(text, language: l)) }
        }
        for (b, l) in unit.elements(at: "bioghist", lang: lang) { readBiography(b, lang: l) }
        for (c, l) in unit.elements(at: "custodhist", lang: lang) { readProvenance(c, kind: .transferOfCustody, lang: l) }
        for (a, l) in unit.elements(at: "acqinfo", lang: lang) { readProvenance(a, kind: .acquisition, lang: l) }
        for (ca, l) in unit.elements(at: "controlaccess", lang: lang) { readControlAccess(ca, lang: l) }
        for dao in unit.children("dao") + unit.children("daogrp") { readDigitalObject(dao) }
    }

    private mutating func readDid(_ did: XMLElementNode, lang: String?) {
        for (t, l) in did.elements(at: "unittitle", lang: lang) {
            if let text = t.trimmedText { record.titles.appendIfAbsent(LangText(text, language: l)) }
        }
        for u in did.children("unitid") {
            if let v = u.trimmedText { record.identifiers.appendIfAbsent(RecordIdentifier(v, type: u.trimmedAttribute("type") ?? "unitid")) }
        }
        for (a, l) in did.elements(at: "abstract", lang: lang) {
            if let text = a.trimmedText { record.descriptions.appendIfAbsent(LangText(text, language: l)) }
        }
        for pd in did.children("physdesc") {
            let parts = (pd.children("extent") + pd.children("dimensions")).compactMap(\.trimmedText)
            if parts.isEmpty, let text = pd.trimmedText { record.extent.appendIfAbsent(text) }
            record.extent.appendIfAbsent(contentsOf: parts)
        }
        for lm in did.children("langmaterial") {
            for language in lm.children("language") {
                if let code = language.trimmedAttribute("langcode") ?? language.trimmedText { record.languages.appendIfAbsent(code) }
            }
        }
        if let repo = did.first("repository") {
            let agents = repo.elements.compactMap { EADAccessPoints.agent($0, lang: lang) }
            record.holder = agents.first ?? repo.trimmedText.map { AgentRef(names: [LangText($0, language: lang)], kind: .group) }
        }
        for dao in did.children("dao") + did.children("daogrp") { readDigitalObject(dao) }
        readEvent(did, lang: lang)
    }

    /// `unitdate` and `origination` → one event of the profile's kind.
    private mutating func readEvent(_ did: XMLElementNode, lang: String?) {
        let dates = did.children("unitdate") + did.all("unittitle/unitdate")
        let date = dates.first { $0.trimmedAttribute("type")?.lowercased() != "bulk" } ?? dates.first
        var participants: [Participation] = []
        for (o, l) in did.elements(at: "origination", lang: lang) {
            for (n, nl) in o.elements(at: "*", lang: l) {
                guard let agent = EADAccessPoints.agent(n, lang: nl) else { continue }
                let roleText = n.trimmedAttribute("role") ?? o.trimmedAttribute("label") ?? profile.originationRole
                guard let (role, known) = profile.defaults.readerRole(terms: [roleText]) else { continue }
                if !known {
                    record.problems.append(RecordProblem(.warning, "unknown-role", field: "origination",
                        "role «\(roleText)» is not in the profile's role table; kept as written"))
                }
                participants.appendIfAbsent(Participation(agent: agent, role: role))
            }
        }
        guard date != nil || !participants.isEmpty else { return }
        var event = EventRecord(kind: profile.dateEvent, participants: participants)
        if let date { Self.date(&event, from: date) }
        record.events.append(event)
    }

    /// Dates an event by an EAD `unitdate` or `date`: its text, and its `@normal`
    /// (`1850/1870`, or one date for both ends) as earliest and latest.
    static func date(_ event: inout EventRecord, from date: XMLElementNode) {
        event.date = date.trimmedText
        if let normal = date.trimmedAttribute("normal") {
            let parts = normal.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            event.earliest = parts.first
            event.latest = parts.count == 2 ? parts[1] : parts.first
        }
    }

    private mutating func readControlAccess(_ ca: XMLElementNode, lang: String?) {
        for (n, l) in ca.elements(at: "*", lang: lang) {
            switch n.name {
            case "persname", "corpname", "famname", "name":
                if let a = EADAccessPoints.agent(n, lang: l) { record.subjectAgents.appendIfAbsent(a) }
            case "geogname":
                if let p = EADAccessPoints.place(n, lang: l) { record.subjectPlaces.appendIfAbsent(p) }
            case "subject", "occupation", "function":
                if let c = EADAccessPoints.concept(n, lang: l) { record.subjects.appendIfAbsent(c) }
            case "genreform":
                if let c = EADAccessPoints.concept(n, lang: l) { record.types.appendIfAbsent(c) }
            case "controlaccess":
                readControlAccess(n, lang: l)
            default:
                continue
            }
        }
    }

    /// `dao` or `daogrp/daoloc`: `href` → `shownBy`, or `preview` when the role names a thumbnail.
    private mutating func readDigitalObject(_ n: XMLElementNode) {
        let locations = n.name == "daogrp" ? n.children("daoloc") : [n]
        for loc in locations {
            guard let href = loc.trimmedAttribute("href"), AuthorityURIs.isHTTPURI(href) else { continue }
            let role = (loc.trimmedAttribute("role") ?? loc.trimmedAttribute("label") ?? "").lowercased()
            let kind: RecordLink.Kind = role.contains("thumb") || role.contains("preview") ? .preview : .shownBy
            record.links.appendIfAbsent(RecordLink(href, kind: kind))
        }
    }

    /// The paragraphs of a note (`p`, or its whole text when it has none), one per line; `head` left out.
    func paragraphs(_ note: XMLElementNode) -> String? {
        let ps = note.descendants("p").compactMap(\.trimmedText)
        if !ps.isEmpty { return ps.joined(separator: "\n") }
        if note.elements.isEmpty { return note.trimmedText }
        return ReaderText.nonEmpty(note.elements.filter { $0.name != "head" }.compactMap(\.trimmedText).joined(separator: "\n"))
    }
}
