/// One source record read from any format, before it becomes RDF.
///
/// Every reader (MARC, RUSMARC, LIDO, EAD, Dublin Core, CSV) fills this
/// neutral structure; ``RecordMapper`` turns it into CIDOC-CRM and EDM.
/// Keeping one middle model means each source format is a reader plus a
/// declarative profile, and the RDF modelling lives in one place.
///
/// Strings are kept exactly as the record gave them (after decoding from
/// the source encoding): nothing is transliterated or normalised here.
public struct HeritageRecord: Sendable, Equatable {
    /// The record's identifier within its dataset (MARC 001, LIDO lidoRecID,
    /// EAD unitid or id, OAI identifier, CSV id column). Minted URIs derive from it.
    public var id: String
    /// What the record describes, which decides its CIDOC-CRM class.
    public var kind: ObjectKind
    /// Europeana's edm:type (TEXT, IMAGE, SOUND, VIDEO, 3D).
    public var edmType: EDMType?
    /// Titles; the first is the preferred one.
    public var titles: [LangText] = []
    /// Identifiers other than `id`: ISBN, inventory number, call number, work ID.
    public var identifiers: [RecordIdentifier] = []
    /// Object or work types (E55_Type; dc:type).
    public var types: [Concept] = []
    /// Free-text descriptions and notes.
    public var descriptions: [LangText] = []
    /// Languages of the content, as ISO 639-2 or 639-1 codes or as written.
    public var languages: [String] = []
    /// Subjects: topics (dc:subject).
    public var subjects: [Concept] = []
    /// Places the record is about (dcterms:spatial, MARC 651, RUSMARC 607).
    public var subjectPlaces: [PlaceRef] = []
    /// Persons and groups the record is about (MARC 600/610, EAD controlaccess).
    public var subjectAgents: [AgentRef] = []
    /// What happened to the object: production, creation, publication, acquisition…
    public var events: [EventRecord] = []
    /// Physical extent or dimensions as written (MARC 300, EAD physdesc).
    public var extent: [String] = []
    /// Materials and techniques (E57_Material via P45; dcterms:medium).
    public var materials: [Concept] = []
    /// Edition statement (MARC 250).
    public var edition: String?
    /// Series the record's object belongs to, by title (MARC 490/830, RUSMARC 225).
    public var series: [LangText] = []
    /// Larger works the record's object is a part of, by title: the journal of an
    /// article, the collection of a story (MARC 773 `$t`).
    public var hosts: [LangText] = []
    /// Texts written on the object (LIDO `inscriptions`).
    public var inscriptions: [Inscription] = []
    /// What the record says of its object that is no event: Dublin Core
    /// relations (`dc:relation`, `dc:source`, `dcterms:references`…),
    /// `dcterms:provenance` and `dcterms:rightsHolder`, each under its term.
    public var statements: [RecordStatement] = []
    /// Links to the object online.
    public var links: [RecordLink] = []
    /// A rights statement URI (edm:rights), when the record or profile gives one.
    public var rights: String?
    /// The institution holding the object, when the record names it (LIDO repositoryName).
    public var holder: AgentRef?
    /// For archival units: the parent unit's record id (EAD nesting).
    public var parentID: String?
    /// For archival units: the level (fonds, series, file, item…).
    public var level: String?
    /// Where this record was read: file and line or record number, for reports.
    public var sourceLocation: String?
    /// Problems found while reading it (unknown roles, dates left as text…).
    public var problems: [RecordProblem] = []

    public init(id: String, kind: ObjectKind, edmType: EDMType? = nil) {
        self.id = id
        self.kind = kind
        self.edmType = edmType
    }
}

/// The kind of thing a record describes.
public enum ObjectKind: String, Sendable, Equatable, Codable {
    /// A museum object: crm:E22_Human-Made_Object.
    case physicalObject
    /// A published or written document (book, manuscript, map): crm:E31_Document.
    case document
    /// An archival unit (fonds, series, file): crm:E78_Curated_Holding.
    case archivalUnit
    /// A work of the mind with no carrier in view: crm:E73_Information_Object.
    case informationObject
}

/// Europeana's five object types.
public enum EDMType: String, Sendable, Equatable, Codable {
    case text = "TEXT", image = "IMAGE", sound = "SOUND", video = "VIDEO", threeD = "3D"
}

/// A text with an optional language tag (BCP 47, e.g. `ru`, `kk`, `uz-Latn`).
public struct LangText: Sendable, Hashable {
    public var value: String
    public var language: String?

    public init(_ value: String, language: String? = nil) {
        self.value = value
        self.language = language
    }
}

/// An identifier with its kind (`ISBN`, `inventory number`, `call number`).
/// Text written on an object: its transcription (in its language), its kind
/// (signature, dedication, mark…) and a description.
public struct Inscription: Sendable, Hashable {
    public var transcription: LangText?
    public var type: String?
    public var description: LangText?

    public init(transcription: LangText? = nil, type: String? = nil, description: LangText? = nil) {
        self.transcription = transcription
        self.type = type
        self.description = description
    }
}

/// A value under a Dublin Core term (the term's full IRI): a URI links, text is kept as text.
public struct RecordStatement: Sendable, Hashable {
    public var property: String
    public var value: LangText

    public init(_ property: String, _ value: LangText) {
        self.property = property
        self.value = value
    }
}

public struct RecordIdentifier: Sendable, Hashable {
    public var value: String
    public var type: String?

    public init(_ value: String, type: String? = nil) {
        self.value = value
        self.type = type
    }
}

/// A concept from a vocabulary or a local term (type, subject, material, role).
public struct Concept: Sendable, Hashable {
    /// Labels; the first is preferred.
    public var labels: [LangText]
    /// Authority URIs for the same concept (skos:exactMatch).
    public var authorityURIs: [String]

    public init(labels: [LangText], authorityURIs: [String] = []) {
        self.labels = labels
        self.authorityURIs = authorityURIs
    }

    public init(_ label: String, language: String? = nil, authorityURIs: [String] = []) {
        self.init(labels: [LangText(label, language: language)], authorityURIs: authorityURIs)
    }
}

/// The kind of an actor.
public enum AgentKind: String, Sendable, Hashable, Codable {
    case person, group, family, unknown
}

/// A person, family or corporate body as a record names it.
public struct AgentRef: Sendable, Hashable {
    /// Names; the first is preferred. Variants and alternate-script forms follow.
    public var names: [LangText]
    public var kind: AgentKind
    /// Life dates as written (`1828-1910`, `1758 или 1763-1848`), parsed by the mapper.
    public var lifeDates: String?
    /// Birth and death dates given separately (LIDO vitalDates, CSV columns).
    public var birthDate: String?
    public var deathDate: String?
    public var birthPlace: PlaceRef?
    public var deathPlace: PlaceRef?
    /// Authority URIs (VIAF, GND, ISNI, LC, ULAN, Wikidata…), already expanded to URIs.
    public var authorityURIs: [String]
    /// Nationality, gender or other descriptive notes, as written.
    public var notes: [LangText]

    public init(names: [LangText], kind: AgentKind = .person, lifeDates: String? = nil,
                authorityURIs: [String] = []) {
        self.names = names
        self.kind = kind
        self.lifeDates = lifeDates
        self.authorityURIs = authorityURIs
        self.notes = []
    }
}

/// A place as a record names it, with what is known of its position.
public struct PlaceRef: Sendable, Hashable {
    /// Names; the first is preferred.
    public var names: [LangText]
    public var authorityURIs: [String]
    public var latitude: Double?
    public var longitude: Double?
    /// The places it falls within, nearest first (city, then region, then country).
    public var broader: [PlaceRef]

    public init(names: [LangText], authorityURIs: [String] = [], latitude: Double? = nil,
                longitude: Double? = nil, broader: [PlaceRef] = []) {
        self.names = names
        self.authorityURIs = authorityURIs
        self.latitude = latitude
        self.longitude = longitude
        self.broader = broader
    }

    public init(_ name: String, language: String? = nil) {
        self.init(names: [LangText(name, language: language)])
    }
}

/// An actor taking part in an event, with the role as the record gives it.
public struct Participation: Sendable, Hashable {
    public var agent: AgentRef
    /// The role: a label (`author`, `гравёр`) and/or a code (`aut`, `070`), resolved by the profile.
    public var role: Role?

    public init(agent: AgentRef, role: Role? = nil) {
        self.agent = agent
        self.role = role
    }
}

/// A role in an event: a human label, a code from a list, and the list's URI.
public struct Role: Sendable, Hashable {
    public var label: String?
    public var code: String?
    /// A URI for the role (e.g. `http://id.loc.gov/vocabulary/relators/aut`).
    public var uri: String?

    public init(label: String? = nil, code: String? = nil, uri: String? = nil) {
        self.label = label
        self.code = code
        self.uri = uri
    }
}

/// What kind of event happened to the object.
public enum EventKind: String, Sendable, Hashable, Codable {
    /// Making of a physical thing: crm:E12_Production (P108_has_produced).
    case production
    /// Creation of a work or document's content: crm:E65_Creation (P94_has_created).
    case creation
    /// Publication: crm:E7_Activity typed as publication (P16_used_specific_object).
    case publication
    /// Change of ownership: crm:E8_Acquisition (P24_transferred_title_of).
    case acquisition
    /// Change of custody: crm:E10_Transfer_of_Custody (P30_transferred_custody_of).
    case transferOfCustody
    /// Any other activity involving the object: crm:E7_Activity (P12_occurred_in_the_presence_of).
    case activity
}

/// An event in the object's history.
public struct EventRecord: Sendable, Hashable {
    public var kind: EventKind
    /// The event type as the source names it (LIDO eventType term), for the label and E55 type.
    public var typeLabel: String?
    public var participants: [Participation]
    public var places: [PlaceRef]
    /// The date as written; the mapper parses it into a time-span.
    public var date: String?
    /// Explicit earliest/latest dates when the record gives them apart (LIDO earliestDate/latestDate).
    public var earliest: String?
    public var latest: String?
    /// Techniques used (P32_used_general_technique).
    public var techniques: [Concept]
    public var note: String?

    public init(kind: EventKind, typeLabel: String? = nil, participants: [Participation] = [],
                places: [PlaceRef] = [], date: String? = nil) {
        self.kind = kind
        self.typeLabel = typeLabel
        self.participants = participants
        self.places = places
        self.date = date
        self.techniques = []
    }
}

/// A link to the object or its description online.
public struct RecordLink: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A web page showing the object in context (edm:isShownAt).
        case shownAt
        /// A direct link to a digital representation (edm:isShownBy).
        case shownBy
        /// A thumbnail (edm:object).
        case preview
    }
    public var url: String
    public var kind: Kind

    public init(_ url: String, kind: Kind) {
        self.url = url
        self.kind = kind
    }
}

/// A problem met while reading or mapping one record.
public struct RecordProblem: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable { case error, warning }
    public var severity: Severity
    /// A short machine-friendly code: `missing-field`, `unparsed-date`, `unknown-role`…
    public var code: String
    /// Where in the record (`100$d`, `eventType`, `unitdate`).
    public var field: String?
    public var message: String

    public init(_ severity: Severity, _ code: String, field: String? = nil, _ message: String) {
        self.severity = severity
        self.code = code
        self.field = field
        self.message = message
    }
}
