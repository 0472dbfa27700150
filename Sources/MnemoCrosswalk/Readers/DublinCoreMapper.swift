import Foundation
import MnemoXML

/// Reads simple Dublin Core (`oai_dc:dc`) and qualified Dublin Core
/// (`dc:` and `dcterms:` elements in a `qualifieddc` or similar container)
/// into ``HeritageRecord``s.
///
/// What is read (the `xml:lang` of each element, else the record's, is kept as its language):
/// - `id`: the first `dc:identifier` that is not an http(s) URL, else ``fallbackID``
///   (the OAI-PMH identifier); non-URL identifiers → identifiers, URLs → `shownAt` links.
/// - `title` → titles, then `dcterms:alternative`.
/// - `creator` (role `creator`) and `contributor` (role `contributor`) → participants
///   of a creation event dated by `dcterms:created`; `publisher` → a publication event
///   dated by `dcterms:issued`; the first `dc:date` dates the profile's `dateEvent`
///   (by default the publication when there is a publisher, else the creation) when
///   that event has no date of its own; further `dc:date`s get an `extra-date` warning.
/// - `subject` → subjects; `dcterms:temporal` → subjects; `coverage`, `dcterms:spatial` → subject places.
/// - `type` → types, and edm:type and kind through the profile's `types` table.
/// - `description`, `dcterms:abstract`, `dcterms:tableOfContents` → descriptions.
/// - `language` → languages; `dcterms:extent` and a `format` that is not a media
///   type → extent; `dcterms:medium` → materials.
/// - `dcterms:license`, `rights`, `dcterms:accessRights`: the first http(s) URI → rights.
/// - `dcterms:isPartOf`: a value without spaces (an identifier or URI) → `parentID`,
///   a title → descriptions.
///
/// - `relation`, `source` and the DCMI relation refinements (`references`,
///   `isVersionOf`, `hasFormat`…), `provenance`, `rightsHolder` → statements,
///   written on the ProvidedCHO under the same term (a URI as a link).
///
/// Not read: `modified` and the other dates (``HeritageRecord`` has no field for them).
public struct DublinCoreMapper: XMLRecordMapper {
    /// Dublin Core elements 1.1.
    public static let elementsNamespace = "http://purl.org/dc/elements/1.1/"
    /// DCMI terms.
    public static let termsNamespace = "http://purl.org/dc/terms/"
    /// The OAI-PMH `oai_dc` container.
    public static let oaiDCNamespace = "http://www.openarchives.org/OAI/2.0/oai_dc/"

    /// The record elements, roles and `dc:type` table to read with.
    public var profile: DublinCoreProfile
    /// The identifier to use when the record has no `dc:identifier` other than
    /// URLs: the OAI-PMH header identifier, which the harvester knows.
    public var fallbackID: String?

    public init(profile: DublinCoreProfile, fallbackID: String? = nil) {
        self.profile = profile
        self.fallbackID = fallbackID
    }

    /// The local names of the record elements this mapper reads.
    public var recordNames: Set<String> { Set(profile.recordElements) }

    /// Maps one record with `fallbackID` as the identifier of last resort (an OAI-PMH record).
    public func map(_ node: XMLElementNode, source: String, fallbackID: String?) throws -> HeritageRecord {
        var m = self
        m.fallbackID = fallbackID
        return try m.map(node, ancestors: [], source: source)
    }

    public func map(_ node: XMLElementNode, ancestors: [XMLElementNode], source: String) throws -> HeritageRecord {
        let fields = DublinCoreFields(node)
        let identifiers = fields.values("identifier")
        let location = node.sourceLocation(in: source)
        guard let id = identifiers.first(where: { !AuthorityURIs.isHTTPURI($0.text) })?.text ?? fallbackID else {
            throw SkippedRecord(location: location, reason: "the record has no dc:identifier other than URLs and no OAI identifier")
        }
        let typeValues = fields.values("type").map(\.text)
        let typeEntry = profile.typeEntry(for: typeValues)
        var record = HeritageRecord(id: id, kind: typeEntry?.kind ?? profile.defaults.kind ?? .document,
                                    edmType: typeEntry?.edmType ?? profile.defaults.edmType)
        record.sourceLocation = location
        for (v, _) in identifiers {
            if AuthorityURIs.isHTTPURI(v) {
                record.links.appendIfAbsent(RecordLink(v, kind: .shownAt))
            } else {
                record.identifiers.appendIfAbsent(RecordIdentifier(v))
            }
        }
        record.titles = unique(fields.values("title", "alternative").map { LangText($0.text, language: $0.lang) })
        record.descriptions = unique(fields.values("description", "abstract", "tableOfContents").map { LangText($0.text, language: $0.lang) })
        record.types = unique(fields.values("type").map(concept))
        record.subjects = unique((fields.values("subject") + fields.values("temporal")).map(concept))
        record.subjectPlaces = unique(fields.values("coverage", "spatial").map { v in
            AuthorityURIs.isHTTPURI(v.text) ? PlaceRef(names: [], authorityURIs: [v.text]) : PlaceRef(v.text, language: v.lang)
        })
        record.languages = unique(fields.values("language").map(\.text))
        record.extent = unique(fields.values("extent").map(\.text) + fields.values("format").map(\.text).filter { !Self.isMediaType($0) })
        record.materials = unique(fields.values("medium").map(concept))
        record.rights = fields.values("license", "rights", "accessRights").map(\.text).first(where: AuthorityURIs.isHTTPURI)
        for (v, l) in fields.values("isPartOf") {
            if record.parentID == nil, !v.contains(where: \.isWhitespace) {
                record.parentID = v
            } else {
                record.descriptions.appendIfAbsent(LangText(v, language: l))
            }
        }
        for name in ["relation", "source", "provenance", "rightsHolder"] + DC.relationTerms {
            for (v, l) in fields.values(name) { record.statements.appendIfAbsent(RecordStatement(DC.term(name), LangText(v, language: l))) }
        }
        record.events = events(fields, problems: &record.problems)
        return record
    }

    /// The creation and publication events.
    private func events(_ fields: DublinCoreFields, problems: inout [RecordProblem]) -> [EventRecord] {
        let dates = fields.values("date").map(\.text)
        var created = fields.values("created").first?.text
        var issued = fields.values("issued").first?.text
        var usedDates = 0
        let hasPublisher = !fields.values("publisher").isEmpty
        if let d = dates.first {
            let dateEvent = profile.dateEvent ?? (hasPublisher ? .publication : profile.creatorEvent)
            if dateEvent == .publication, issued == nil { issued = d; usedDates = 1 }
            else if dateEvent != .publication, created == nil { created = d; usedDates = 1 }
        }
        for d in dates.dropFirst(usedDates) {
            problems.append(RecordProblem(.warning, "extra-date", field: "dc:date", "date «\(d)» has no event to date; left out"))
        }
        var out: [EventRecord] = []
        let makers = participants(fields.values("creator"), roleKey: profile.creatorRole, problems: &problems)
            + participants(fields.values("contributor"), roleKey: profile.contributorRole, problems: &problems)
        if !makers.isEmpty || created != nil {
            out.append(EventRecord(kind: profile.creatorEvent, participants: makers, date: created))
        }
        let publishers = participants(fields.values("publisher"), roleKey: profile.publisherRole, problems: &problems)
        if !publishers.isEmpty || issued != nil {
            out.append(EventRecord(kind: .publication, participants: publishers, date: issued))
        }
        return out
    }

    private func participants(_ names: [(text: String, lang: String?)], roleKey: String,
                              problems: inout [RecordProblem]) -> [Participation] {
        guard let (role, known) = profile.defaults.readerRole(terms: [roleKey]) else { return [] }
        if !known && !names.isEmpty {
            problems.append(RecordProblem(.warning, "unknown-role", field: "dc:\(roleKey)",
                                          "role «\(roleKey)» is not in the profile's role table; kept as written"))
        }
        return unique(names.map { v in
            let (name, dates) = EADAccessPoints.splitLifeDates(v.text)
            let agent = AgentRef(names: [LangText(name, language: v.lang)], kind: dates == nil ? .unknown : .person,
                                 lifeDates: dates)
            return Participation(agent: agent, role: role)
        })
    }

    private func concept(_ v: (text: String, lang: String?)) -> Concept {
        AuthorityURIs.isHTTPURI(v.text) ? Concept(labels: [], authorityURIs: [v.text]) : Concept(v.text, language: v.lang)
    }

    private func unique<T: Equatable>(_ xs: [T]) -> [T] {
        var out: [T] = []
        out.appendIfAbsent(contentsOf: xs)
        return out
    }

    /// Whether a `dc:format` value is a media type (`image/jpeg`) rather than an extent.
    static func isMediaType(_ s: String) -> Bool {
        let parts = s.split(separator: "/")
        let registries: Set<String> = ["application", "audio", "image", "text", "video", "model", "multipart", "font"]
        return parts.count == 2 && registries.contains(parts[0].lowercased()) && !s.contains(" ")
    }
}

/// The Dublin Core elements of one record by local name, each text with its language.
struct DublinCoreFields {
    private var fields: [String: [(text: String, lang: String?)]] = [:]

    init(_ record: XMLElementNode) {
        let lang = record.xmlLang
        for e in record.elements {
            guard e.namespace == nil || e.namespace == DublinCoreMapper.elementsNamespace
                    || e.namespace == DublinCoreMapper.termsNamespace, let text = e.trimmedText else { continue }
            fields[e.name, default: []].append((text, e.xmlLang ?? lang))
        }
    }

    /// The values of the named elements, in the order of the names, then of the document.
    func values(_ names: String...) -> [(text: String, lang: String?)] {
        names.flatMap { fields[$0] ?? [] }
    }
}
