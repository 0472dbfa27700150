import Foundation
import MnemoMARC

/// MARC 21 and RUSMARC records to ``HeritageRecord``s through a ``MARCProfile``.
///
/// Linked alternate-script fields (MARC 21 880) are read with the same
/// specification as the field they transcribe, and their values become
/// further titles or names with language tags telling the scripts apart
/// (`ru` for Cyrillic, `ru-Latn` for the romanised form).
public struct MARCCrosswalk: Sendable {
    public let profile: MARCProfile
    var defaults: ProfileDefaults { profile.defaults ?? ProfileDefaults() }

    public init(profile: MARCProfile) {
        self.profile = profile
    }

    /// Maps one record. `location` names the file and record number for reports.
    public func map(_ record: MARCRecord, location: String) throws -> HeritageRecord {
        let m = MARCIndex(record)
        guard let id = recordID(m) else {
            throw SkippedRecord(location: location, reason: "no record identifier (\((profile.id ?? []).map(\.tag).joined(separator: ", ")) is missing or empty)")
        }
        var r = HeritageRecord(id: id, kind: defaults.kind ?? .document, edmType: defaults.edmType ?? .text)
        r.sourceLocation = location
        for w in m.warnings { r.problems.append(RecordProblem(.warning, "encoding", field: nil, w)) }

        let languages = texts(m, profile.languages, each: true)
        r.languages = languages
        let lang = languages.first.flatMap(LanguageCodes.bcp47) ?? defaults.language

        for spec in profile.titles ?? [] {
            for f in fields(m, spec) {
                for v in MARCValues.values(f, subfields: spec.subfields, template: spec.template, join: spec.join) {
                    r.titles += scriptTagged(main: v, alternates: alternates(m, f).flatMap {
                        MARCValues.values($0, subfields: spec.subfields, template: spec.template, join: spec.join)
                    }, language: spec.language ?? lang)
                }
            }
        }
        for spec in profile.identifiers ?? [] {
            r.identifiers += texts(m, [spec]).map { RecordIdentifier($0, type: spec.type) }
        }
        r.edition = texts(m, profile.edition).first
        r.series = texts(m, profile.series).map { LangText($0, language: lang) }
        r.hosts = texts(m, profile.hosts).map { LangText($0, language: lang) }
        for spec in profile.relations ?? [] {
            guard let property = spec.property.map(DC.term) else { continue }
            for v in texts(m, [spec]) { r.statements.appendIfAbsent(RecordStatement(property, LangText(v, language: lang))) }
        }
        r.extent = texts(m, profile.extent)
        r.descriptions = texts(m, profile.notes).map { LangText($0, language: nil) }
        r.types = concepts(m, profile.types)
        r.subjects = concepts(m, profile.subjects)
        r.subjectPlaces = concepts(m, profile.subjectPlaces).map { PlaceRef(names: $0.labels, authorityURIs: $0.authorityURIs) }
        r.subjectAgents = (profile.subjectAgents ?? []).flatMap { spec in fields(m, spec).compactMap { agent(m, $0, spec, lang).map(\.agent) } }
        r.rights = texts(m, profile.rights).first { $0.hasPrefix("http") }
        for spec in profile.links ?? [] {
            for f in m.fields(spec.tag) where MARCValues.matches(f, ind1: spec.ind1, ind2: spec.ind2) {
                for code in spec.subfield { r.links += f.values(code).map { RecordLink($0.trimmed, kind: spec.kind) } }
            }
        }

        // Agents grouped by the event they take part in.
        var byEvent: [EventKind: [Participation]] = [:]
        var order: [EventKind] = []
        for spec in profile.agents ?? [] {
            for f in fields(m, spec) {
                guard let p = agent(m, f, spec, lang) else { continue }
                let kind = spec.event ?? p.implied ?? .creation
                if byEvent[kind] == nil { order.append(kind) }
                byEvent[kind, default: []].append(p.participation)
                if let problem = p.problem { r.problems.append(problem) }
            }
        }
        var events: [EventRecord] = order.map { EventRecord(kind: $0, participants: byEvent[$0] ?? []) }
        for spec in profile.publication ?? [] {
            for f in m.fields(spec.tag) where MARCValues.matches(f, ind1: spec.ind1, ind2: spec.ind2) {
                var e = EventRecord(kind: spec.event ?? .publication)
                if let c = spec.place { e.places = f.values(Character(c)).map(MARCValues.clean).filter { !$0.isEmpty }.map { PlaceRef($0) } }
                if let c = spec.agent {
                    e.participants = f.values(Character(c)).map(MARCValues.clean).filter { !$0.isEmpty }.map {
                        Participation(agent: AgentRef(names: [LangText($0)], kind: .group), role: spec.role.map { Role(label: $0) })
                    }
                }
                if let c = spec.date { e.date = f.values(Character(c)).map(Self.cleanDate).first { !$0.isEmpty } }
                if !e.places.isEmpty || !e.participants.isEmpty || e.date != nil { events.append(e) }
            }
        }
        if let fb = profile.fallbackDate, !events.contains(where: { $0.date != nil }), let d = texts(m, [fb]).first {
            if let i = events.firstIndex(where: { $0.kind == .publication }) { events[i].date = d }
            else { events.append(EventRecord(kind: .publication, date: d)) }
        }
        r.events = events
        return r
    }

    // MARK: Pieces

    func recordID(_ m: MARCIndex) -> String? {
        let specs = profile.id ?? [MARCFieldSpec(tag: "001")]
        return texts(m, specs).first
    }

    func fields(_ m: MARCIndex, _ spec: MARCFieldSpec) -> [MARCDataField] {
        let found = m.fields(spec.tag).filter { MARCValues.matches($0, ind1: spec.ind1, ind2: spec.ind2) }
        guard let embedded = spec.embedded else { return found }
        return found.flatMap { MARCValues.embeddedFields($0, tag: embedded) }
    }

    func fields(_ m: MARCIndex, _ spec: MARCAgentSpec) -> [MARCDataField] {
        m.fields(spec.tag).filter { MARCValues.matches($0, ind1: spec.ind1, ind2: spec.ind2) }
    }

    /// Every value the specs select, control fields included.
    func texts(_ m: MARCIndex, _ specs: [MARCFieldSpec]?, each: Bool = false) -> [String] {
        var out: [String] = []
        for spec in specs ?? [] {
            if spec.tag < "010", let v = m.controlField(spec.tag) {
                if let pos = spec.positions { if let p = MARCValues.positions(v, pos) { out.append(p) } }
                else if !v.trimmed.isEmpty { out.append(v.trimmed) }
                continue
            }
            for f in fields(m, spec) {
                out += MARCValues.values(f, subfields: spec.subfields, template: spec.template, join: spec.join, each: spec.each ?? each)
            }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    func concepts(_ m: MARCIndex, _ specs: [MARCFieldSpec]?) -> [Concept] {
        var out: [Concept] = []
        for spec in specs ?? [] {
            for f in fields(m, spec) {
                let auth = authorities(f, spec.authority)
                for v in MARCValues.values(f, subfields: spec.subfields, template: spec.template, join: spec.join ?? " -- ") {
                    let alt = alternates(m, f).flatMap { MARCValues.values($0, subfields: spec.subfields, template: spec.template, join: spec.join ?? " -- ") }
                    out.append(Concept(labels: [LangText(v, language: spec.language)] + alt.map { LangText($0, language: spec.language) },
                                       authorityURIs: auth))
                }
            }
        }
        return out
    }

    func authorities(_ f: MARCDataField, _ codes: String?) -> [String] {
        guard let codes else { return [] }
        return codes.flatMap { f.values($0) }.compactMap { AuthorityURIs.expand(source: nil, value: $0) }
    }

    /// The 880 fields transcribing `f` in another script.
    func alternates(_ m: MARCIndex, _ f: MARCDataField) -> [MARCDataField] {
        guard f.tag != "880", let link = f.linkage, link.linkingTag == "880" else { return [] }
        return m.fields("880").filter { $0.linkage?.linkingTag == f.tag && $0.linkage?.occurrence == link.occurrence }
    }

    struct AgentResult {
        var participation: Participation
        var agent: AgentRef
        var implied: EventKind?
        var problem: RecordProblem?
    }

    func agent(_ m: MARCIndex, _ f: MARCDataField, _ spec: MARCAgentSpec, _ lang: String?) -> AgentResult? {
        func name(_ field: MARCDataField) -> String? {
            let byTemplate = spec.name.contains("{")
            return MARCValues.values(field, subfields: byTemplate ? nil : spec.name, template: byTemplate ? spec.name : nil, join: " ").first
        }
        guard let main = name(f) else { return nil }
        let alts = alternates(m, f).compactMap(name)
        var a = AgentRef(names: alts.isEmpty ? [LangText(main)] : scriptTagged(main: main, alternates: alts, language: lang),
                         kind: spec.kind, authorityURIs: authorities(f, spec.authority))
        if let d = spec.dates { a.lifeDates = d.compactMap { f[$0] }.map(Self.cleanDate).first { !$0.isEmpty } }
        let label = spec.roleLabel.flatMap { c in c.compactMap { f[$0] }.first }.map(MARCValues.clean)
        let code = spec.roleCode.flatMap { c in c.compactMap { f[$0] }.first }?.trimmed
        var role: Role?
        var implied: EventKind?
        var problem: RecordProblem?
        if label != nil || code != nil {
            role = Role(label: label, code: code)
            let entries = [code, label].compactMap { $0 }.compactMap { defaults.role(for: $0) }
            if let e = entries.first {
                role = Role(label: e.label, code: code, uri: e.uri)
                implied = e.event
            } else {
                problem = RecordProblem(.warning, "unknown-role", field: "\(f.tag)$\(spec.roleCode ?? spec.roleLabel ?? "")",
                                        "role \"\(code ?? label ?? "")\" is not in the profile's role table")
            }
        } else if let d = spec.defaultRole {
            let e = defaults.role(for: d)
            role = Role(label: e?.label ?? d, code: d, uri: e?.uri)
        }
        return AgentResult(participation: Participation(agent: a, role: role), agent: a, implied: implied, problem: problem)
    }

    /// Tags a value and its alternate-script forms by script: `ru` for the
    /// language's usual script, `ru-Latn` / `uz-Cyrl` for the other.
    func scriptTagged(main: String, alternates: [String], language: String?) -> [LangText] {
        guard let language else { return [LangText(main)] + alternates.map { LangText($0) } }
        guard !alternates.isEmpty else { return [LangText(main, language: language)] }
        return ([main] + alternates).map { LangText($0, language: LanguageCodes.tag($0, language: language)) }
    }

    static func cleanDate(_ s: String) -> String {
        var v = s.trimmed
        while let last = v.last, ".,;:".contains(last) { v.removeLast() }
        return v.trimmed
    }
}

/// A record with its data fields grouped by tag, so that the thirty-odd
/// lookups a profile makes per record are not thirty scans of every field.
struct MARCIndex {
    let record: MARCRecord
    private let byTag: [String: [MARCDataField]]

    init(_ record: MARCRecord) {
        self.record = record
        self.byTag = Dictionary(grouping: record.dataFields, by: \.tag)
    }

    var warnings: [String] { record.warnings }
    func fields(_ tag: String) -> [MARCDataField] { byTag[tag] ?? [] }
    func controlField(_ tag: String) -> String? { record.controlField(tag) }
}
