/// A script named in MARC 21 linkage (`$6`) or in field 066: the MARC-8
/// script identification codes (`(N`, `(3`, `$1`, …) and ISO 15924 codes (`Cyrl`).
public enum MARCScript: Sendable, Equatable, Hashable {
    case latin, cyrillic, greek, hebrew, arabic, cjk
    /// A code this library does not name, kept as written.
    case other(String)

    /// Reads a script identification code; MARC-8 (`(N`) and ISO 15924 (`Cyrl`) forms.
    public init(code: String) {
        switch code {
        case "(B", "Latn": self = .latin
        case "(N", "(Q", "Cyrl": self = .cyrillic
        case "(S", "Grek": self = .greek
        case "(2", "Hebr": self = .hebrew
        case "(3", "(4", "Arab": self = .arabic
        case "$1", "Hani", "Hans", "Hant", "Jpan", "Kore", "Hang", "Hira", "Kana": self = .cjk
        default: self = .other(code)
        }
    }

    /// The MARC-8 script identification code (`(N` for Cyrillic), or the code as given.
    public var code: String {
        switch self {
        case .latin: "(B"
        case .cyrillic: "(N"
        case .greek: "(S"
        case .hebrew: "(2"
        case .arabic: "(3"
        case .cjk: "$1"
        case .other(let c): c
        }
    }
}

/// Subfield `$6` parsed: `880-01/(N` in a regular field names its 880
/// counterpart; `245-01/(N` in an 880 names the field it transcribes.
/// Occurrence `00` marks an 880 with no counterpart.
public struct MARCLinkage: Sendable, Equatable, Hashable {
    /// The tag of the linked field (`880` from a regular field; the regular tag from an 880).
    public var linkingTag: String
    /// The occurrence number pairing the two fields (`01`, `02`, …).
    public var occurrence: String
    /// The script of the alternate-script field, when given.
    public var script: MARCScript?
    /// True when the orientation code is `r` (right to left).
    public var rightToLeft: Bool

    /// Parses `TAG-NN[/script[/r]]`; nil when the value is not linkage.
    public init?(_ value: String) {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let head = parts[0].split(separator: "-", maxSplits: 1).map(String.init)
        guard head.count == 2, head[0].count == 3 else { return nil }
        // The occurrence may be followed by other characters (`01` in `880-01` only).
        let occ = String(head[1].prefix { $0.isASCII && $0.isNumber })
        guard !occ.isEmpty else { return nil }
        linkingTag = head[0]
        occurrence = occ
        script = parts.count > 1 && !parts[1].isEmpty ? MARCScript(code: parts[1]) : nil
        rightToLeft = parts.count > 2 && parts[2] == "r"
    }

    /// True when this link pairs with a field (occurrence is not `00`).
    public var isPaired: Bool { Int(occurrence) != 0 }
}

extension MARCRecord {
    /// The 880 fields holding `field` in another script (MARC 21 model A linkage):
    /// the 880s whose `$6` is `<field.tag>-NN` where `field`'s `$6` is `880-NN`.
    public func linkedAlternates(for field: MARCDataField) -> [MARCDataField] {
        guard field.tag != "880", let link = field.linkage, link.linkingTag == "880", link.isPaired
        else { return [] }
        return dataFields.filter { f in
            guard f.tag == "880", let back = f.linkage else { return false }
            return back.linkingTag == field.tag && Int(back.occurrence) == Int(link.occurrence)
        }
    }

    /// The regular field an 880 transcribes, or nil for an unpaired 880.
    public func linkedOriginal(for alternate: MARCDataField) -> MARCDataField? {
        guard alternate.tag == "880", let link = alternate.linkage, link.isPaired else { return nil }
        return dataFields.first { f in
            guard f.tag == link.linkingTag, let back = f.linkage else { return false }
            return back.linkingTag == "880" && Int(back.occurrence) == Int(link.occurrence)
        }
    }
}
