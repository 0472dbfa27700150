import Foundation
import MnemoXML

/// Reads EAD 2002 finding aids, with the namespace `urn:isbn:1-931666-22-9`
/// or without one, into one ``HeritageRecord`` per `archdesc` and component
/// (`c`, `c01`…`c12`), all of kind ``ObjectKind/archivalUnit`` by default.
///
/// What is read:
/// - `id`: the `id` attribute, else `did/unitid`, else (for `archdesc`) the
///   finding aid's `eadid`, else the parent's id + `/` + the component's
///   position among its siblings (1-based). `parentID` is the id of the nearest
///   enclosing record; `level` is `@level` (or `@otherlevel`), never inherited.
/// - `unitid` → identifiers (type from `@type`, else `unitid`); `eadid` → an identifier of `archdesc`.
/// - `unittitle` → titles; `scopecontent` and `abstract` → descriptions;
///   `physdesc/extent` (and `dimensions`) → extent; `langmaterial/language` → languages (`@langcode`).
/// - `unitdate` (text; `@normal` `1850/1870` → earliest/latest) and `origination`
///   names → one event of the profile's `dateEvent` kind, names in role
///   (`@role`, `origination/@label`, else the profile's `originationRole`).
/// - `controlaccess`: `persname`/`corpname`/`famname`/`name` → subject agents,
///   `geogname` → subject places, `subject`/`occupation`/`function` → subjects,
///   `genreform` → types; `authfilenumber` with `source`/`rules` → authority URIs.
/// - `did/repository` → holder; `dao`/`daoloc` `href` → `shownBy` (`preview` when its role says thumbnail).
/// - `bioghist` → a note on the `origination` names (a description when there are none);
///   `custodhist` → a transfer of custody and `acqinfo` → an acquisition, each with
///   its text as the note, its first `date` and the names in it as former owners.
///
/// Records must be mapped in the order ``XMLRecordReader`` delivers them, so
/// that positions of components without identifiers are counted right.
public struct EADMapper: XMLRecordMapper {
    /// The EAD 2002 namespace.
    public static let namespace = "urn:isbn:1-931666-22-9"
    /// Component element names: `c` and `c01`…`c12`.
    public static let componentNames: Set<String> = Set(["c"] + (1...12).map { String(format: "c%02d", $0) })

    /// The event kind, origination role and role table to read with.
    public var profile: EADProfile
    /// The finding aid's `eadid`, which `eadheader` gives outside any record:
    /// set it (see ``findingAidID(at:)``) to identify an `archdesc` without `unitid`
    /// and to add it to its identifiers.
    public var findingAidID: String?
    private let siblings = EADSiblingCounter()

    public init(profile: EADProfile, findingAidID: String? = nil) {
        self.profile = profile
        self.findingAidID = findingAidID
    }

    /// The local names of the record elements this mapper reads.
    public var recordNames: Set<String> { Self.componentNames.union(["archdesc"]) }

    /// The first `eadid` of an EAD file, read without reading the rest.
    public static func findingAidID(at url: URL) throws -> String? {
        struct Found: Error { var id: String? }
        do {
            try XMLRecordReader(recordNames: ["eadid"]).read(url: url) { node, _ in throw Found(id: node.trimmedText) }
        } catch let found as Found {
            return found.id
        }
        return nil
    }

    public func map(_ node: XMLElementNode, ancestors: [XMLElementNode], source: String) throws -> HeritageRecord {
        // A whole `ead` document (as OAI-PMH delivers it): its archdesc, identified by its eadid.
        if node.name == "ead" {
            guard let archdesc = node.first("archdesc") else {
                throw SkippedRecord(location: node.sourceLocation(in: source), reason: "the EAD document has no archdesc")
            }
            var inner = self
            inner.findingAidID = node.first(path: "eadheader/eadid")?.trimmedText ?? findingAidID
            return try inner.map(archdesc, ancestors: [], source: source)
        }
        defer { siblings.forgetChildren(of: node, source: source) }
        if let parent = ancestors.last { _ = siblings.position(of: node, in: parent, source: source) }
        let location = node.sourceLocation(in: source)
        guard let id = identifier(of: node, ancestors: ancestors[...], source: source) else {
            throw SkippedRecord(location: location, reason: ancestors.isEmpty
                ? "the record has no id attribute, no unitid and no eadid"
                : "the component has no id attribute and no unitid, and no enclosing record has an identifier")
        }
        var record = HeritageRecord(id: id, kind: profile.defaults.kind ?? .archivalUnit,
                                    edmType: profile.defaults.edmType)
        record.sourceLocation = location
        if let parent = ancestors.last {
            record.parentID = identifier(of: parent, ancestors: ancestors.dropLast(), source: source)
        }
        record.level = node.trimmedAttribute("level").map { level in
            level == "otherlevel" ? node.trimmedAttribute("otherlevel") ?? level : level
        }
        var reader = EADRecordReader(profile: profile, record: record)
        reader.read(node)
        if node.name == "archdesc", let eadid = findingAidID {
            reader.record.identifiers.appendIfAbsent(RecordIdentifier(eadid, type: "eadid"))
        }
        return reader.record
    }

    /// The record's own identifier, else one derived from its parent's.
    private func identifier(of node: XMLElementNode, ancestors: ArraySlice<XMLElementNode>, source: String) -> String? {
        if let id = node.trimmedAttribute("id") ?? node.first("did")?.children("unitid").lazy.compactMap(\.trimmedText).first {
            return id
        }
        if node.name == "archdesc" { return findingAidID }
        guard let parent = ancestors.last,
              let parentID = identifier(of: parent, ancestors: ancestors.dropLast(), source: source) else { return nil }
        return "\(parentID)/\(siblings.position(of: node, in: parent, source: source))"
    }
}
