import Foundation
import MnemoXML

/// Reads LIDO 1.0 and 1.1 records (`lido:lido` in `http://www.lido-schema.org`)
/// into ``HeritageRecord``s.
///
/// What is read:
/// - `lidoRecID` → `id` (and an identifier of type `lidoRecID`); `objectPublishedID`
///   and `repositorySet/workID` (type `inventory number` unless given) → identifiers.
/// - `objectWorkType`, `classification` → types (`classification` of type
///   `europeana:type` sets edm:type; of type `language` adds a language).
/// - `titleSet/appellationValue` → titles, preferred first, with `xml:lang`
///   (inherited from `descriptiveMetadata` when the element has none).
/// - `objectDescriptionSet` → descriptions; `displayObjectMeasurements` → extent;
///   `displayEdition` → edition; `displayState` → descriptions.
/// - `repositorySet` (the `current` one first) → holder.
/// - `eventSet/event` → events (see the profile's `eventTypes`), with actors in
///   role, dates, places (IDs, coordinates, `partOfPlace` chains), methods and
///   materials; `culture`, `periodName`, `eventName` and event descriptions go to the note.
/// - `subjectSet/subject` → subjects, subject agents and subject places.
/// - `inscriptions` → inscriptions (transcription with its language, type, description).
/// - `relatedWorkSet` → a `dcterms:relation` statement (or `dcterms:isPartOf` /
///   `dcterms:hasPart` when `relatedWorkRelType` says part): the related object's
///   web resource or URI identifier, else its display text.
/// - `recordInfoLink` → `shownAt`; `resourceRepresentation/linkResource` → `shownBy`/`preview`;
///   `rightsResource` (else `rightsWorkSet`) `rightsType` URI → rights.
///
/// A record without `lidoRecID` is skipped (``SkippedRecord``). Unknown event
/// types become ``EventKind/activity`` with an `unknown-event-type` warning;
/// unknown roles keep their term as label with an `unknown-role` warning;
/// index dates that are not ISO 8601 are kept and get a `malformed-date` warning.
public struct LIDOMapper: XMLRecordMapper {
    /// The LIDO namespace, the same for 1.0 and 1.1.
    public static let namespace = "http://www.lido-schema.org"

    /// What the event types, roles, object types and links of the records mean.
    public var profile: LIDOProfile

    public init(profile: LIDOProfile) {
        self.profile = profile
    }

    /// The local names of the record elements this mapper reads.
    public var recordNames: Set<String> { ["lido"] }

    public func map(_ node: XMLElementNode, ancestors: [XMLElementNode], source: String) throws -> HeritageRecord {
        let location = node.sourceLocation(in: source)
        let recIDs = node.children("lidoRecID")
        let preferred = recIDs.filter { $0.trimmedAttribute("pref")?.lowercased() == "preferred" } + recIDs
        guard let recID = preferred.lazy.compactMap(\.trimmedText).first else {
            throw SkippedRecord(location: location, reason: "the record has no lidoRecID")
        }
        var reader = LIDORecordReader(profile: profile,
                                      record: HeritageRecord(id: recID, kind: profile.defaults.kind ?? .physicalObject))
        reader.record.sourceLocation = location
        reader.read(node)
        return reader.record
    }
}

/// The state of reading one LIDO record; its parts live in the `LIDO*.swift` files.
struct LIDORecordReader {
    let profile: LIDOProfile
    var record: HeritageRecord
    /// The edm:type a `classification` of type `europeana:type` gave.
    var explicitEDMType: EDMType?
    /// Terms and URIs of object/work types and classifications, for the edm:type table.
    var typeKeys: [String] = []

    init(profile: LIDOProfile, record: HeritageRecord) {
        self.profile = profile
        self.record = record
    }

    mutating func read(_ lido: XMLElementNode) {
        let lang = lido.xmlLang
        for id in lido.children("lidoRecID").compactMap(\.trimmedText) {
            record.identifiers.appendIfAbsent(RecordIdentifier(id, type: "lidoRecID"))
        }
        for id in lido.children("objectPublishedID").compactMap(\.trimmedText) {
            record.identifiers.appendIfAbsent(RecordIdentifier(id, type: "objectPublishedID"))
        }
        var eventsRead = false
        for (dm, dmLang) in lido.elements(at: "descriptiveMetadata", lang: lang) {
            readClassification(dm, lang: dmLang)
            readIdentification(dm, lang: dmLang)
            // Repeated descriptiveMetadata (one per language) repeat the events: read them once.
            if !eventsRead, dm.first("eventWrap") != nil {
                readEvents(dm, lang: dmLang)
                eventsRead = true
            }
            readSubjects(dm, lang: dmLang)
            readRelatedWorks(dm, lang: dmLang)
        }
        for (am, amLang) in lido.elements(at: "administrativeMetadata", lang: lang) {
            readAdministrative(am, lang: amLang)
        }
        record.edmType = explicitEDMType ?? profile.edmType(for: typeKeys) ?? profile.defaults.edmType
    }

    mutating func warn(_ code: String, field: String, _ message: String) {
        record.problems.append(RecordProblem(.warning, code, field: field, message))
    }

    // MARK: objectClassificationWrap

    mutating func readClassification(_ dm: XMLElementNode, lang: String?) {
        for (n, l) in dm.elements(at: "objectClassificationWrap/objectWorkTypeWrap/objectWorkType", lang: lang) {
            addType(n, lang: l)
        }
        for (n, l) in dm.elements(at: "objectClassificationWrap/classificationWrap/classification", lang: lang) {
            let type = n.trimmedAttribute("type")?.lowercased()
            if type == "europeana:type" {
                let term = LIDOTerms.keys(of: n).lazy.compactMap { EDMType(rawValue: $0.uppercased()) }.first
                if let term { explicitEDMType = term }
            } else if type == "language" {
                for t in n.children("term").compactMap(\.trimmedText) { record.languages.appendIfAbsent(t) }
            } else {
                addType(n, lang: l)
            }
        }
    }

    private mutating func addType(_ n: XMLElementNode, lang: String?) {
        typeKeys += LIDOTerms.keys(of: n)
        if let c = LIDOTerms.concept(n, lang: lang) { record.types.appendIfAbsent(c) }
    }

    // MARK: objectIdentificationWrap

    mutating func readIdentification(_ dm: XMLElementNode, lang: String?) {
        let oiw = dm.elements(at: "objectIdentificationWrap", lang: lang)
        for (w, l) in oiw {
            record.titles.appendIfAbsent(contentsOf: LIDOTerms.appellations(w.elements(at: "titleWrap/titleSet/appellationValue", lang: l)))
            for (d, dl) in w.elements(at: "objectDescriptionWrap/objectDescriptionSet/descriptiveNoteValue", lang: l) {
                if let t = d.trimmedText { record.descriptions.appendIfAbsent(LangText(t, language: dl)) }
            }
            for (s, sl) in w.elements(at: "displayStateEditionWrap/displayState", lang: l) {
                if let t = s.trimmedText { record.descriptions.appendIfAbsent(LangText(t, language: sl)) }
            }
            if record.edition == nil {
                record.edition = w.first(path: "displayStateEditionWrap/displayEdition")?.trimmedText
            }
            readMeasurements(w)
            readRepositories(w, lang: l)
            readInscriptions(w, lang: l)
            for (m, ml) in w.elements(at: "objectMaterialsTechWrap/objectMaterialsTechSet/materialsTech", lang: l) {
                // Object-level techniques have no event to belong to: they count as materials.
                var techniques: [Concept] = []
                readMaterialsTech(m, lang: ml, techniques: &techniques)
                record.materials.appendIfAbsent(contentsOf: techniques)
            }
        }
    }

    private mutating func readMeasurements(_ w: XMLElementNode) {
        for set in w.all("objectMeasurementsWrap/objectMeasurementsSet") {
            let display = set.children("displayObjectMeasurements").compactMap(\.trimmedText)
            if !display.isEmpty {
                record.extent.appendIfAbsent(contentsOf: display)
                continue
            }
            // No display string: compose one per measurementsSet ("height 32 cm").
            for m in set.all("objectMeasurements/measurementsSet") {
                let parts = [m.first(path: "measurementType/term")?.trimmedText ?? m.first("measurementType")?.trimmedText,
                             m.first("measurementValue")?.trimmedText,
                             m.first(path: "measurementUnit/term")?.trimmedText ?? m.first("measurementUnit")?.trimmedText]
                let s = parts.compactMap { $0 }.joined(separator: " ")
                if !s.isEmpty { record.extent.appendIfAbsent(s) }
            }
        }
    }

    private mutating func readRepositories(_ w: XMLElementNode, lang: String?) {
        let sets = w.elements(at: "repositoryWrap/repositorySet", lang: lang)
        for (set, _) in sets {
            for id in set.children("workID") {
                guard let v = id.trimmedText else { continue }
                record.identifiers.appendIfAbsent(RecordIdentifier(v, type: id.trimmedAttribute("type") ?? profile.workIDType))
            }
        }
        guard record.holder == nil else { return }
        // The current repository first, then untyped ones, then any other type but a former one.
        func type(_ set: XMLElementNode) -> String { set.trimmedAttribute("type")?.lowercased() ?? "" }
        let ranked = sets.filter { type($0.node) == "current" } + sets.filter { type($0.node).isEmpty }
            + sets.filter { !["", "current"].contains(type($0.node)) && !type($0.node).contains("former") }
        for (set, l) in ranked {
            if let body = set.first("repositoryName"), let agent = LIDOActors.legalBody(body, lang: l) {
                record.holder = agent
                return
            }
        }
    }
}
