import Foundation
import MnemoDates
import MnemoRDF

/// The state of mapping one record: the triples so far and the problems found.
struct MappingRun {
    let mapper: RecordMapper
    let record: HeritageRecord
    let object: String
    var out = TripleBuffer()
    var problems: [RecordProblem]
    var agents = Set<String>()
    var persons = Set<String>()
    /// Contextual entities already described in this record: each is written once.
    var described = Set<String>()
    var places = Set<String>()
    var eventCount = 0
    /// dc:creator / dc:contributor / dc:publisher statements for the CHO.
    var creators: [String] = []
    /// The run's memo of shared entities already described, if any.
    let memo: SharedEntityMemo?
    /// Every agent, person and place mention, in order (what a memo entry replays).
    var mentions: [Mention] = []
    /// Every key ``firstDescription(_:)`` accepted, in order; and how many it refused.
    var describedLog: [String] = []
    var repeats = 0
    /// Shared entities this record described, for the memo once the record is done.
    var newlyDescribed: [(SharedEntityMemo.Key, SharedEntityMemo.Entry)] = []

    init(mapper: RecordMapper, record: HeritageRecord, memo: SharedEntityMemo? = nil) {
        self.mapper = mapper
        self.memo = memo
        self.record = record
        self.object = mapper.minter.object(record.id)
        self.problems = record.problems
    }

    var minter: URIMinter { mapper.minter }

    mutating func problem(_ severity: RecordProblem.Severity, _ code: String, field: String?, _ message: String) {
        problems.append(RecordProblem(severity, code, field: field, message))
    }

    mutating func run() {
        objectCore()
        titles()
        series()
        inscriptions()
        statements()
        identifiers()
        for (i, e) in record.events.enumerated() { event(e, uri: "\(object)/event/\(i + 1)") }
        aboutness()
        archivalHierarchy()
        aggregation()
        validate()
    }

    // MARK: The object

    mutating func objectCore() {
        switch record.kind {
        case .physicalObject: out.type(object, CRM.E22_Human_Made_Object)
        case .document: out.type(object, CRM.E31_Document)
        case .archivalUnit: out.type(object, CRM.E78_Curated_Holding)
        case .informationObject: out.type(object, CRM.E73_Information_Object)
        }
        out.type(object, EDM.ProvidedCHO)
        if let t = record.edmType { out.text(object, EDM.type, t.rawValue) }
        for t in record.types {
            let c = concept(t, extraClass: nil)
            out.iri(object, CRM.P2_has_type, c)
            out.iri(object, DC.type, c)
        }
        for d in record.descriptions {
            let d = checked(d, field: "description")
            out.text(object, CRM.P3_has_note, d)
            out.text(object, DC.description, d)
        }
        for x in record.extent {
            out.text(object, CRM.P3_has_note, x)
            out.text(object, DC.extent, x)
        }
        if let e = record.edition { out.text(object, CRM.P3_has_note, e) }
        for m in record.materials {
            let c = concept(m, extraClass: CRM.E57_Material)
            out.iri(object, CRM.P45_consists_of, c)
            out.iri(object, DC.medium, c)
        }
        for code in record.languages {
            let code = code.trimmed
            guard !code.isEmpty else { continue }
            out.text(object, DC.language, code)
            if record.kind == .document || record.kind == .informationObject {
                let l = minter.language(code)
                out.type(object, CRM.E33_Linguistic_Object)
                out.type(l, CRM.E56_Language)
                out.text(l, Terms.rdfsLabel, code)
                out.iri(object, CRM.P72_has_language, l)
            }
        }
        if let h = record.holder {
            let a = agent(h, field: "holder")
            out.iri(object, CRM.P50_has_current_keeper, a)
        }
    }

    mutating func titles() {
        for (i, t) in record.titles.enumerated() {
            let t = checked(t, field: "title")
            let uri = "\(object)/title/\(i + 1)"
            out.type(uri, CRM.E35_Title)
            out.text(uri, CRM.P190_has_symbolic_content, t)
            out.iri(object, CRM.P102_has_title, uri)
            out.text(object, DC.title, t)
            if i == 0 { out.text(object, Terms.rdfsLabel, t) }
        }
    }

    mutating func identifiers() {
        var all = [RecordIdentifier(record.id, type: "record identifier")]
        for i in record.identifiers where !all.contains(i) { all.append(i) }
        for (n, id) in all.enumerated() {
            let uri = "\(object)/identifier/\(n + 1)"
            out.type(uri, CRM.E42_Identifier)
            out.text(uri, CRM.P190_has_symbolic_content, id.value)
            if let t = id.type { out.iri(uri, CRM.P2_has_type, concept(Concept(t, language: "en"), extraClass: nil)) }
            out.iri(object, CRM.P1_is_identified_by, uri)
            out.text(object, DC.identifier, id.value)
        }
    }

    // MARK: Subjects and hierarchy

    mutating func aboutness() {
        guard !record.subjects.isEmpty || !record.subjectPlaces.isEmpty || !record.subjectAgents.isEmpty else { return }
        // A physical object depicts; an information object is about. An
        // archival unit carries a content (E73) that is about its subjects.
        let aboutProperty: String
        var carrier = object
        switch record.kind {
        case .physicalObject: aboutProperty = CRM.P62_depicts
        case .document, .informationObject: aboutProperty = CRM.P129_is_about
        case .archivalUnit:
            aboutProperty = CRM.P129_is_about
            carrier = "\(object)/content"
            out.type(carrier, CRM.E73_Information_Object)
            out.iri(object, CRM.P128_carries, carrier)
        }
        for s in record.subjects {
            let c = concept(s, extraClass: nil)
            out.iri(carrier, aboutProperty, c)
            out.iri(object, DC.subject, c)
        }
        for p in record.subjectPlaces {
            let u = place(p, field: "subject place")
            out.iri(carrier, aboutProperty, u)
            out.iri(object, DC.spatial, u)
        }
        for a in record.subjectAgents {
            let u = agent(a, field: "subject agent")
            out.iri(carrier, aboutProperty, u)
            out.iri(object, DC.subject, u)
        }
    }

    mutating func archivalHierarchy() {
        if let level = record.level { out.iri(object, CRM.P2_has_type, concept(Concept(level, language: "en"), extraClass: nil)) }
        guard let parent = record.parentID else { return }
        let p = minter.object(parent)
        out.iri(p, CRM.P46_is_composed_of, object)
        out.iri(object, CRM.P46i_forms_part_of, p)
        out.iri(object, DC.isPartOf, p)
    }

    // MARK: EDM aggregation and validation

    mutating func aggregation() {
        let agg = "\(object)/aggregation"
        out.type(agg, EDM.Aggregation)
        out.iri(agg, EDM.aggregatedCHO, object)
        out.text(agg, EDM.dataProvider, record.holder?.names.first?.value ?? mapper.settings.dataProvider)
        out.text(agg, EDM.provider, mapper.settings.provider)
        if let r = record.rights ?? mapper.settings.rights {
            if Self.isAbsoluteURI(r) { out.iri(agg, EDM.rights, r) } else {
                problem(.warning, "bad-rights", field: "rights", "edm:rights must be a URI; got \"\(r)\"")
            }
        }
        for link in record.links {
            guard Self.isAbsoluteURI(link.url) else {
                problem(.warning, "bad-link", field: "link", "not an absolute URL: \"\(link.url)\"")
                continue
            }
            switch link.kind {
            case .shownAt: out.iri(agg, EDM.isShownAt, link.url)
            case .shownBy:
                out.iri(agg, EDM.isShownBy, link.url)
                out.type(link.url, EDM.WebResource)
            case .preview:
                out.iri(agg, EDM.object, link.url)
                out.type(link.url, EDM.WebResource)
            }
        }
    }

    /// True for an absolute IRI with an authority (`scheme://host…`) or a URN,
    /// holding no character an IRI may not contain (spaces, controls, `<>"{}|\^``).
    /// Non-ASCII letters are allowed: these are IRIs, not URIs.
    static func isAbsoluteURI(_ s: String) -> Bool {
        let u = s.utf8
        guard let colon = u.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = u[..<colon]
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        guard let first = scheme.first, isLetter(first), scheme.count <= 32,
              scheme.allSatisfy({ isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                  || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return false }
        let rest = u[u.index(after: colon)...]
        let forbidden = rest.contains { b in
            switch b {
            case 0...0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"),
                 UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"):
                return true
            default: return false
            }
        }
        guard !forbidden else { return false }
        if scheme.count == 3, scheme.map({ $0 | 0x20 }).elementsEqual("urn".utf8) { return !rest.isEmpty }
        guard rest.starts(with: "//".utf8) else { return false }
        let authority = rest.dropFirst(2).prefix {
            $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#")
        }
        // The host, without user info and port, must not be empty.
        let hostAndPort = authority.lastIndex(of: UInt8(ascii: "@")).map { authority[authority.index(after: $0)...] } ?? authority
        return !(hostAndPort.isEmpty || hostAndPort.first == UInt8(ascii: ":"))
    }
}
