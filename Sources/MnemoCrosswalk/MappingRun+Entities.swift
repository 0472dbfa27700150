import Foundation
import MnemoDates
import MnemoRDF

extension MappingRun {
    // MARK: Events

    mutating func event(_ e: EventRecord, uri: String) {
        eventCount += 1
        // A type given only as a vocabulary URI (LIDO eventType/conceptID) labels the event by its kind.
        let typeURI = e.typeLabel.flatMap { Self.isAbsoluteURI($0) ? $0 : nil }
        let label = typeURI == nil ? (e.typeLabel ?? e.kind.rawValue) : e.kind.rawValue
        switch e.kind {
        case .production:
            out.type(uri, CRM.E12_Production)
            if record.kind == .physicalObject || record.kind == .archivalUnit {
                out.iri(uri, CRM.P108_has_produced, object)
            } else {
                out.iri(uri, CRM.P94_has_created, object)
                out.type(uri, CRM.E65_Creation)
            }
        case .creation:
            if record.kind == .physicalObject || record.kind == .archivalUnit {
                // The physical thing is produced; a creation of a carrier is its production.
                out.type(uri, CRM.E12_Production)
                out.iri(uri, CRM.P108_has_produced, object)
            } else {
                out.type(uri, CRM.E65_Creation)
                out.iri(uri, CRM.P94_has_created, object)
            }
        case .publication:
            out.type(uri, CRM.E7_Activity)
            out.iri(uri, CRM.P16_used_specific_object, object)
        case .acquisition:
            out.type(uri, CRM.E8_Acquisition)
            out.iri(uri, CRM.P24_transferred_title_of, object)
        case .transferOfCustody:
            out.type(uri, CRM.E10_Transfer_of_Custody)
            out.iri(uri, CRM.P30_transferred_custody_of, object)
        case .activity:
            out.type(uri, CRM.E7_Activity)
            out.iri(uri, CRM.P16_used_specific_object, object)
        }
        let typeConcept = typeURI.map { Concept(label, language: "en", authorityURIs: [$0]) }
            ?? Concept(label, language: e.typeLabel == nil ? "en" : nil)
        out.iri(uri, CRM.P2_has_type, concept(typeConcept, extraClass: nil))
        out.text(uri, Terms.rdfsLabel, label + (record.titles.first.map { ": " + $0.value } ?? ""))
        if let n = e.note { out.text(uri, CRM.P3_has_note, n) }

        for (j, part) in e.participants.enumerated() {
            let a = agent(part.agent, field: "event \(label)")
            out.iri(uri, CRM.P14_carried_out_by, a)
            let role = resolveRole(part.role, event: e.kind)
            let pc = "\(uri)/actor/\(j + 1)"
            out.type(pc, CRM.PC14_carried_out_by)
            out.iri(pc, CRM.P01_has_domain, uri)
            out.iri(pc, CRM.P02_has_range, a)
            if let role { out.iri(pc, CRM.P14_1_in_the_role_of, role) }
            switch (e.kind, part.role?.label?.lowercased()) {
            case (.acquisition, "seller"?), (.acquisition, "donor"?), (.acquisition, "previous owner"?),
                 (.acquisition, "former owner"?):
                out.iri(uri, CRM.P23_transferred_title_from, a)
            case (.acquisition, "buyer"?), (.acquisition, "recipient"?), (.acquisition, "new owner"?):
                out.iri(uri, CRM.P22_transferred_title_to, a)
            case (.transferOfCustody, "lender"?), (.transferOfCustody, "previous keeper"?),
                 (.transferOfCustody, "former owner"?):
                out.iri(uri, CRM.P28_custody_surrendered_by, a)
            case (.transferOfCustody, "borrower"?), (.transferOfCustody, "keeper"?):
                out.iri(uri, CRM.P29_custody_received_by, a)
            default: break
            }
            switch e.kind {
            case .production, .creation: creators.append(a); out.iri(object, DC.creator, a)
            case .publication: out.iri(object, DC.publisher, a)
            default: out.iri(object, DC.contributor, a)
            }
        }
        for p in e.places {
            out.iri(uri, CRM.P7_took_place_at, place(p, field: "event \(label) place"))
        }
        for t in e.techniques {
            out.iri(uri, CRM.P32_used_general_technique, concept(t, extraClass: nil))
        }
        if let span = timeSpan(date: e.date, earliest: e.earliest, latest: e.latest, uri: "\(uri)/time", field: "event \(label) date") {
            out.iri(uri, CRM.P4_has_time_span, span.uri)
            if let d = e.date ?? span.label as String? { out.text(object, DC.date, d) }
            switch e.kind {
            case .production, .creation: out.iri(object, DC.created, span.uri)
            case .publication: out.iri(object, DC.issued, span.uri)
            default: break
            }
        }
    }

    /// The role's E55 type URI: the profile's table, then the record's own URI, then a local concept.
    mutating func resolveRole(_ role: Role?, event: EventKind) -> String? {
        guard let role else { return nil }
        let defaults = mapper.settings.profile
        for key in [role.code, role.label].compactMap({ $0 }) {
            if let entry = defaults?.role(for: key) {
                if let u = entry.uri { return typedConcept(u, label: entry.label) }
                return concept(Concept(entry.label, language: "en"), extraClass: nil)
            }
        }
        if let u = role.uri, Self.isAbsoluteURI(u) { return typedConcept(u, label: role.label ?? role.code ?? u) }
        let text = role.label ?? role.code ?? ""
        guard !text.isEmpty else { return nil }
        if defaults != nil && !(record.problems.contains { $0.code == "unknown-role" }) {
            problem(.warning, "unknown-role", field: "role", "role \"\(text)\" is not in the profile's role table; kept as a local term")
        }
        return concept(Concept(text), extraClass: nil)
    }

    mutating func typedConcept(_ uri: String, label: String) -> String {
        guard firstDescription(uri) else { return uri }
        out.type(uri, CRM.E55_Type, Terms.skosConcept)
        out.text(uri, Terms.prefLabel, label, language: "en")
        return uri
    }

    // MARK: Time-spans

    /// Emits a time-span for a date as written, or for explicit bounds. Returns nil when no date is given.
    mutating func timeSpan(date: String?, earliest: String?, latest: String?, uri: String, field: String) -> (uri: String, label: String)? {
        let text = date?.trimmed ?? ""
        var begin: String?, end: String?, qualifiers: [String] = []
        var label = text
        if !text.isEmpty {
            switch HistoricalDate.parse(text) {
            case .span(let s):
                begin = s.begin.xsdDateTimeStart
                end = s.end.xsdDateTimeEnd
                qualifiers = Self.qualifierNotes(s.qualifiers)
            case .unparsed(_, let reason):
                problem(.warning, "unparsed-date", field: field, "date \"\(text)\" kept as text: \(reason)")
            }
        }
        // Explicit earliest/latest (LIDO) refine or replace the parsed bounds.
        if let e = earliest, case .span(let s) = HistoricalDate.parse(e) { begin = s.begin.xsdDateTimeStart }
        if let l = latest, case .span(let s) = HistoricalDate.parse(l) { end = s.end.xsdDateTimeEnd }
        if label.isEmpty {
            guard earliest != nil || latest != nil else { return nil }
            label = [earliest, latest].compactMap { $0 }.joined(separator: "/")
        }
        out.type(uri, CRM.E52_Time_Span, EDM.TimeSpan)
        out.text(uri, Terms.rdfsLabel, label)
        out.text(uri, Terms.prefLabel, label)
        if let begin {
            out.typed(uri, CRM.P82a_begin_of_the_begin, begin, NS.xsd + "dateTime")
            out.text(uri, EDM.begin, String(begin.prefix { $0 != "T" }))
        }
        if let end {
            out.typed(uri, CRM.P82b_end_of_the_end, end, NS.xsd + "dateTime")
            out.text(uri, EDM.end, String(end.prefix { $0 != "T" }))
        }
        for q in qualifiers { out.text(uri, CRM.P3_has_note, q, language: "en") }
        return (uri, label)
    }

    static func qualifierNotes(_ q: DateQualifiers) -> [String] {
        var notes: [String] = []
        if q.contains(.approximate) { notes.append("approximate") }
        if q.contains(.uncertain) { notes.append("uncertain") }
        if q.contains(.alternatives) { notes.append("one of several dates") }
        if q.contains(.floruit) { notes.append("period of activity") }
        if q.contains(.openStart) { notes.append("no earlier bound given") }
        if q.contains(.openEnd) { notes.append("no later bound given") }
        return notes
    }

    // MARK: Language tags

    /// The text with its language tag checked (BCP 47 shape) or the default language applied.
    mutating func checked(_ t: LangText, field: String) -> LangText {
        guard let lang = t.language?.trimmed, !lang.isEmpty else {
            return LangText(t.value, language: mapper.settings.defaultLanguage)
        }
        if Self.isLanguageTag(lang) { return LangText(t.value, language: lang) }
        problem(.warning, "bad-language-tag", field: field, "\"\(lang)\" is not a language tag; text kept without one")
        return LangText(t.value, language: nil)
    }

    static func isLanguageTag(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { p in (1...8).contains(p.count) && p.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
