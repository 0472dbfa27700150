/// A bibliographic, authority or holdings record in the ISO 2709 model:
/// a 24-character leader, control fields and data fields, each list in recorded order.
///
/// Readers also fill in where the record came from (``sourceEncoding``) and
/// what was repaired on the way (``warnings``); equality compares content only
/// (leader and fields), not that provenance.
///
/// ```swift
/// record.subfield("100", "a")          // "Толстой, Лев Николаевич,"
/// record.controlField("001")           // "ru-mnemo-0001"
/// for f in record.fields("700") { … }
/// ```
public struct MARCRecord: Sendable {
    /// The 24-character leader.
    public var leader: String
    /// Control fields (`00X`), in order.
    public var controlFields: [MARCControlField]
    /// Data fields, in order.
    public var dataFields: [MARCDataField]
    /// The encoding an ISO 2709 record was decoded from (nil for XML or built records).
    public var sourceEncoding: MARCEncoding?
    /// Problems the reader repaired or tolerated in this record.
    public var warnings: [String]

    /// A leader for a new record: text, monograph, UTF-8, ISO 2709 entry map `4500`.
    /// Writers fill in the lengths and the base address.
    public static let defaultLeader = "00000nam a2200000 i 4500"

    public init(leader: String = MARCRecord.defaultLeader, controlFields: [MARCControlField] = [],
                dataFields: [MARCDataField] = []) {
        self.leader = leader
        self.controlFields = controlFields
        self.dataFields = dataFields
        self.sourceEncoding = nil
        self.warnings = []
    }

    /// The data fields with this tag, in order.
    public func fields(_ tag: String) -> [MARCDataField] {
        dataFields.filter { $0.tag == tag }
    }

    /// The value of the first control field with this tag.
    public func controlField(_ tag: String) -> String? {
        controlFields.first { $0.tag == tag }?.value
    }

    /// The first value of subfield `code` in any field tagged `tag`.
    public func subfield(_ tag: String, _ code: Character) -> String? {
        for f in dataFields where f.tag == tag {
            if let v = f[code] { return v }
        }
        return nil
    }

    /// Every value of subfield `code` in fields tagged `tag`, in order.
    public func subfields(_ tag: String, _ code: Character) -> [String] {
        dataFields.flatMap { $0.tag == tag ? $0.values(code) : [] }
    }

    /// The leader's character at `position` (0-based), or a blank when the leader is short.
    public func leaderCharacter(_ position: Int) -> Character {
        guard position >= 0, position < leader.utf8.count else { return " " }
        let u = leader.utf8
        return Character(Unicode.Scalar(u[u.index(u.startIndex, offsetBy: position)]))
    }
}

extension MARCRecord: Equatable {
    /// Records are equal when leader and fields are equal.
    public static func == (a: MARCRecord, b: MARCRecord) -> Bool {
        a.leader == b.leader && a.controlFields == b.controlFields && a.dataFields == b.dataFields
    }
}
