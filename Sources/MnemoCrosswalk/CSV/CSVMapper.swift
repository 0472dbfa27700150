import Foundation

/// Maps spreadsheet rows to ``HeritageRecord``s through a ``CSVProfile``.
public struct CSVMapper: Sendable {
    public let profile: CSVProfile
    /// Column index for each mapping of the profile, resolved from the header.
    let indexes: [Int]

    /// Resolves the profile's columns against a header row.
    public init(profile: CSVProfile, header: [String]) throws {
        self.profile = profile
        let names = header.map { $0.trimmed.lowercased() }
        var idx: [Int] = []
        var missing: [String] = []
        for c in profile.columns {
            if let i = names.firstIndex(of: c.column.trimmed.lowercased()) { idx.append(i) }
            else { missing.append(c.column); idx.append(-1) }
        }
        guard missing.isEmpty else {
            throw SkippedRecord(location: "header", reason: "the profile names columns the file lacks: \(missing.joined(separator: ", "))")
        }
        guard profile.columns.contains(where: { $0.slot == .id }) else {
            throw SkippedRecord(location: "profile", reason: "the profile maps no column to the id slot")
        }
        self.indexes = idx
    }

    /// Maps one row.
    public func map(_ row: [String], location: String) throws -> HeritageRecord {
        func values(_ c: CSVColumn, _ i: Int) -> [String] {
            guard i < row.count else { return [] }
            let cell = row[i].trimmed
            guard !cell.isEmpty else { return [] }
            guard let sep = c.split, !sep.isEmpty else { return [cell] }
            return cell.components(separatedBy: sep).map { $0.trimmed }
        }
        var cells: [(CSVColumn, [String])] = []
        for (c, i) in zip(profile.columns, indexes) { cells.append((c, values(c, i))) }
        func all(_ slot: CSVSlot) -> [(CSVColumn, [String])] { cells.filter { $0.0.slot == slot } }
        func first(_ slot: CSVSlot) -> String? { all(slot).lazy.flatMap(\.1).first }

        guard let id = first(.id) else {
            throw SkippedRecord(location: location, reason: "the id column is empty")
        }
        let d = profile.defaults
        var r = HeritageRecord(id: id, kind: d?.kind ?? .physicalObject, edmType: d?.edmType)
        r.sourceLocation = location
        if let t = first(.edmType) {
            if let e = EDMType(rawValue: t.uppercased()) { r.edmType = e }
            else { r.problems.append(RecordProblem(.warning, "bad-edm-type", field: "edmType", "\"\(t)\" is not an EDM type")) }
        }
        for (c, vs) in all(.title) { r.titles += vs.map { LangText($0, language: c.language ?? d?.language) } }
        for (c, vs) in all(.identifier) { r.identifiers += vs.map { RecordIdentifier($0, type: c.type ?? c.column) } }
        for (c, vs) in all(.type) { r.types += vs.map { Concept($0, language: c.language) } }
        for (c, vs) in all(.description) { r.descriptions += vs.map { LangText($0, language: c.language ?? d?.language) } }
        for (_, vs) in all(.language) { r.languages += vs }
        for (c, vs) in all(.subject) { r.subjects += vs.map { Concept($0, language: c.language) } }
        for (c, vs) in all(.subjectPlace) { r.subjectPlaces += vs.map { PlaceRef($0, language: c.language) } }
        for (c, vs) in all(.material) { r.materials += vs.map { Concept($0, language: c.language) } }
        for (_, vs) in all(.extent) { r.extent += vs }
        r.links += all(.shownAt).flatMap(\.1).map { RecordLink($0, kind: .shownAt) }
        r.links += all(.shownBy).flatMap(\.1).map { RecordLink($0, kind: .shownBy) }
        r.links += all(.preview).flatMap(\.1).map { RecordLink($0, kind: .preview) }
        r.rights = first(.rights)
        if let h = first(.holder) { r.holder = AgentRef(names: [LangText(h)], kind: .group) }

        // Creators: positions of split columns line up.
        let names = all(.creator)
        var participants: [Participation] = []
        for (c, vs) in names {
            for (k, name) in vs.enumerated() {
                var a = AgentRef(names: [LangText(name, language: c.language)], kind: .person)
                func at(_ slot: CSVSlot) -> String? {
                    guard let col = all(slot).first?.1 else { return nil }
                    let v = k < col.count ? col[k] : (col.count == 1 && vs.count == 1 ? col[0] : nil)
                    return (v?.isEmpty ?? true) ? nil : v
                }
                a.lifeDates = at(.creatorDates)
                a.birthDate = at(.creatorBirth)
                a.deathDate = at(.creatorDeath)
                if let auth = at(.creatorAuthority) {
                    if let u = AuthorityURIs.expand(source: nil, value: auth) { a.authorityURIs = [u] }
                    else { r.problems.append(RecordProblem(.warning, "unknown-authority", field: "creatorAuthority", "\"\(auth)\" is not a recognised authority URI or identifier")) }
                }
                let roleText = at(.creatorRole) ?? c.role
                participants.append(Participation(agent: a, role: roleText.map { Role(label: $0) }))
            }
        }
        let date = first(.productionDate)
        var places: [PlaceRef] = []
        if let p = first(.productionPlace) {
            var place = PlaceRef(p, language: all(.productionPlace).first?.0.language)
            if let auth = first(.productionPlaceAuthority), let u = AuthorityURIs.expand(source: nil, value: auth) { place.authorityURIs = [u] }
            if let la = first(.latitude).flatMap(Double.init), let lo = first(.longitude).flatMap(Double.init) {
                place.latitude = la
                place.longitude = lo
            }
            places.append(place)
        }
        if !participants.isEmpty || date != nil || !places.isEmpty {
            var e = EventRecord(kind: .production, participants: participants, places: places, date: date)
            e.techniques = all(.technique).flatMap { c, vs in vs.map { Concept($0, language: c.language) } }
            r.events.append(e)
        }
        let acqDate = first(.acquisitionDate), acqFrom = first(.acquisitionSource)
        if acqDate != nil || acqFrom != nil {
            var e = EventRecord(kind: .acquisition, typeLabel: first(.acquisitionMethod), date: acqDate)
            if let f = acqFrom {
                e.participants.append(Participation(agent: AgentRef(names: [LangText(f)], kind: .unknown), role: Role(label: "previous owner")))
            }
            r.events.append(e)
        }
        return r
    }
}
