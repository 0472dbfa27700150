import Foundation
import MnemoDates
import MnemoRDF

/// Contextual entities: agents, places and concepts, shared by the records
/// of an institution and keyed by authority URI or by name.
extension MappingRun {
    mutating func agent(_ a: AgentRef, field: String) -> String {
        shared(.agent(a, field: field)) { $0.describeAgent(a, field: field) }
    }

    private mutating func describeAgent(_ a: AgentRef, field: String) -> String {
        let names = a.names.map { checked($0, field: field) }.filter { !$0.value.isEmpty }
        let identity: String
        if let auth = a.authorityURIs.sorted().first {
            identity = "auth|" + auth
        } else {
            identity = "name|\(a.kind.rawValue)|" + Self.normalizedName(names.first?.value ?? "")
                + "|" + (a.lifeDates ?? "") + "|" + (a.birthDate ?? "") + "|" + (a.deathDate ?? "")
        }
        let uri = minter.shared("agent", identity: identity)
        mention(.agent(uri))
        if a.kind == .person { mention(.person(uri)) }
        guard firstDescription(uri) else { return uri }
        switch a.kind {
        case .person: out.type(uri, CRM.E21_Person)
        case .group, .family, .unknown: out.type(uri, CRM.E74_Group)
        }
        if a.kind == .family { out.iri(uri, CRM.P2_has_type, concept(Concept("family", language: "en"), extraClass: nil)) }
        out.type(uri, EDM.Agent)
        labels(uri, names, prefix: "name")
        for auth in a.authorityURIs where Self.isAbsoluteURI(auth) { out.iri(uri, Terms.exactMatch, auth) }
        for n in a.notes { out.text(uri, Terms.note, n) }

        var birthText = a.birthDate, deathText = a.deathDate
        var activeText: String?
        if let life = a.lifeDates?.trimmed, !life.isEmpty, birthText == nil, deathText == nil {
            switch HistoricalDate.parseLifeDates(life) {
            case .dates(let d):
                birthText = d.birth?.original
                deathText = d.death?.original
                activeText = d.active?.original
                vital(uri, "birth", d.birth, place: a.birthPlace)
                vital(uri, "death", d.death, place: a.deathPlace)
                if let act = d.active { floruit(uri, act) }
            case .unparsed(_, let reason):
                problem(.warning, "unparsed-date", field: field, "life dates \"\(life)\" kept as text: \(reason)")
                out.text(uri, Terms.note, life)
            }
        } else {
            vitalText(uri, "birth", birthText, place: a.birthPlace, field: field)
            vitalText(uri, "death", deathText, place: a.deathPlace, field: field)
        }
        if let b = birthText { out.text(uri, Terms.dateOfBirth, b) }
        if let d = deathText { out.text(uri, Terms.dateOfDeath, d) }
        _ = activeText
        return uri
    }

    /// A birth or death with a parsed span.
    mutating func vital(_ agent: String, _ which: String, _ span: DateSpan?, place: PlaceRef?) {
        guard span != nil || place != nil else { return }
        let ev = vitalEvent(agent, which)
        if let span { writeSpan(span, uri: "\(ev)/time", event: ev) }
        vitalPlace(ev, agent, which, place)
    }

    /// A birth or death given as its own date string (LIDO, CSV).
    mutating func vitalText(_ agent: String, _ which: String, _ text: String?, place: PlaceRef?, field: String) {
        guard text != nil || place != nil else { return }
        let ev = vitalEvent(agent, which)
        if let text, let span = timeSpan(date: text, earliest: nil, latest: nil, uri: "\(ev)/time", field: "\(field) \(which)") {
            out.iri(ev, CRM.P4_has_time_span, span.uri)
        }
        vitalPlace(ev, agent, which, place)
    }

    /// The agent's birth or death event (E67 / E69); returns its URI.
    private mutating func vitalEvent(_ agent: String, _ which: String) -> String {
        let ev = "\(agent)/\(which)"
        out.type(ev, which == "birth" ? CRM.E67_Birth : CRM.E69_Death)
        out.iri(ev, which == "birth" ? CRM.P98_brought_into_life : CRM.P100_was_death_of, agent)
        return ev
    }

    /// Where the birth or death took place, on the event (P7) and on the agent (rdaGr2).
    private mutating func vitalPlace(_ ev: String, _ agent: String, _ which: String, _ place: PlaceRef?) {
        guard let place else { return }
        let p = self.place(place, field: which + " place")
        out.iri(ev, CRM.P7_took_place_at, p)
        out.iri(agent, which == "birth" ? Terms.placeOfBirth : Terms.placeOfDeath, p)
    }

    mutating func floruit(_ agent: String, _ span: DateSpan) {
        let ev = "\(agent)/activity"
        out.type(ev, CRM.E7_Activity)
        out.iri(ev, CRM.P14_carried_out_by, agent)
        out.iri(ev, CRM.P2_has_type, concept(Concept("period of activity", language: "en"), extraClass: nil))
        writeSpan(span, uri: "\(ev)/time", event: ev)
    }

    mutating func writeSpan(_ s: DateSpan, uri: String, event: String) {
        out.type(uri, CRM.E52_Time_Span, EDM.TimeSpan)
        out.text(uri, Terms.rdfsLabel, s.original)
        out.text(uri, Terms.prefLabel, s.original)
        out.typed(uri, CRM.P82a_begin_of_the_begin, s.begin.xsdDateTimeStart, NS.xsd + "dateTime")
        out.typed(uri, CRM.P82b_end_of_the_end, s.end.xsdDateTimeEnd, NS.xsd + "dateTime")
        out.text(uri, EDM.begin, s.begin.xsdDate)
        out.text(uri, EDM.end, s.end.xsdDate)
        for q in Self.qualifierNotes(s.qualifiers) { out.text(uri, CRM.P3_has_note, q, language: "en") }
        out.iri(event, CRM.P4_has_time_span, uri)
    }

    mutating func place(_ p: PlaceRef, field: String) -> String {
        shared(.place(p, field: field)) { $0.describePlace(p, field: field) }
    }

    private mutating func describePlace(_ p: PlaceRef, field: String) -> String {
        let names = p.names.map { checked($0, field: field) }.filter { !$0.value.isEmpty }
        let uri = minter.shared("place", identity: Self.placeIdentity(p))
        mention(.place(uri))
        guard firstDescription(uri) else { return uri }
        out.type(uri, CRM.E53_Place, EDM.Place)
        labels(uri, names, prefix: "name")
        for auth in p.authorityURIs where Self.isAbsoluteURI(auth) { out.iri(uri, Terms.exactMatch, auth) }
        if let lat = p.latitude, let long = p.longitude {
            if (-90...90).contains(lat) && (-180...180).contains(long) {
                out.typed(uri, Terms.lat, Self.decimal(lat), NS.xsd + "float")
                out.typed(uri, Terms.long, Self.decimal(long), NS.xsd + "float")
                out.typed(uri, CRM.P168_place_is_defined_by, "POINT(\(Self.decimal(long)) \(Self.decimal(lat)))", Terms.wktLiteral)
            } else {
                problem(.warning, "bad-coordinates", field: field, "coordinates \(lat), \(long) are out of range; left out")
            }
        }
        if let parent = p.broader.first {
            var up = parent
            up.broader = Array(p.broader.dropFirst()) + parent.broader
            let b = place(up, field: field)
            out.iri(uri, CRM.P89_falls_within, b)
            out.iri(uri, DC.isPartOf, b)
        }
        return uri
    }

    static func placeIdentity(_ p: PlaceRef) -> String {
        if let auth = p.authorityURIs.sorted().first { return "auth|" + auth }
        var id = "name|" + normalizedName(p.names.first?.value ?? "")
        for b in p.broader { id += "|" + normalizedName(b.names.first?.value ?? "") }
        return id
    }

    /// A concept (E55_Type and skos:Concept), keyed by authority URI or by its first label.
    mutating func concept(_ c: Concept, extraClass: String?) -> String {
        shared(.concept(c, extraClass: extraClass)) { $0.describeConcept(c, extraClass: extraClass) }
    }

    private mutating func describeConcept(_ c: Concept, extraClass: String?) -> String {
        let identity = c.authorityURIs.sorted().first.map { "auth|" + $0 }
            ?? "label|" + Self.normalizedName(c.labels.first?.value ?? "")
        let uri = minter.shared("concept", identity: identity)
        guard firstDescription(uri + (extraClass ?? "")) else { return uri }
        out.type(uri, CRM.E55_Type, Terms.skosConcept)
        if let extraClass { out.type(uri, extraClass) }
        var seenLanguages = Set<String>()
        for l in c.labels.map({ checked($0, field: "concept") }) where !l.value.isEmpty {
            if seenLanguages.insert(l.language ?? "").inserted {
                out.text(uri, Terms.prefLabel, l)
                if seenLanguages.count == 1 { out.text(uri, Terms.rdfsLabel, l) }
            } else {
                out.text(uri, Terms.altLabel, l)
            }
        }
        for auth in c.authorityURIs where Self.isAbsoluteURI(auth) { out.iri(uri, Terms.exactMatch, auth) }
        return uri
    }

    /// Names as E41 appellations, skos:prefLabel (one per language) and altLabels.
    mutating func labels(_ uri: String, _ names: [LangText], prefix: String) {
        var seenLanguages = Set<String>()
        for (i, n) in names.enumerated() {
            let ap = "\(uri)/\(prefix)/\(URIMinter.hash(n.value + "@" + (n.language ?? "")))"
            out.type(ap, CRM.E41_Appellation)
            out.text(ap, CRM.P190_has_symbolic_content, n)
            out.iri(uri, CRM.P1_is_identified_by, ap)
            if i == 0 { out.text(uri, Terms.rdfsLabel, n) }
            if seenLanguages.insert(n.language ?? "").inserted {
                out.text(uri, Terms.prefLabel, n)
            } else {
                out.text(uri, Terms.altLabel, n)
            }
        }
    }

    /// Case-folded, whitespace-collapsed, trailing ISBD punctuation removed; scripts untouched.
    static func normalizedName(_ s: String) -> String {
        var t = s.trimmed(orAnyOf: ",.;:/")
        // NFC only when a combining mark could make two spellings of one name.
        if t.unicodeScalars.contains(where: Self.mayCombine) {
            t = t.precomposedStringWithCanonicalMapping
        }
        t = t.lowercased()
        // Already collapsed: single spaces between words, no other whitespace.
        var previousSpace = false, collapsed = true
        for u in t.unicodeScalars {
            let space = u.value == 0x20
            if space && previousSpace || !space && Self.isWhitespace(u) { collapsed = false; break }
            previousSpace = space
        }
        if collapsed { return t }
        return t.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func isWhitespace(_ u: Unicode.Scalar) -> Bool {
        u.isASCII ? (0x09...0x0D).contains(u.value) || u.value == 0x20 : u.properties.isWhitespace
    }

    /// True for scalars in the blocks of combining marks that NFC can merge
    /// into a preceding letter (Latin, Cyrillic, Hebrew, Arabic, extended and
    /// supplementary diacritics, half marks). A range test instead of a Unicode
    /// property lookup for every letter of every name.
    static func mayCombine(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x300...0x36F, 0x483...0x489, 0x591...0x5C7, 0x610...0x61A, 0x64B...0x65F, 0x670,
             0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0x3099...0x309A, 0xFE20...0xFE2F,
             0x1100...0x11FF:
            return true
        default:
            return false
        }
    }

    static func decimal(_ d: Double) -> String {
        var s = String(format: "%.6f", d)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
