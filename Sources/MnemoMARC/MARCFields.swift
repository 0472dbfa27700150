/// A control field (tags `001`–`009` in MARC 21, `001`–`005` in UNIMARC):
/// a tag and an unstructured value, with no indicators or subfields.
public struct MARCControlField: Sendable, Equatable, Hashable {
    /// The three-character tag.
    public var tag: String
    /// The field's value, exactly as recorded (fixed-length fields keep their blanks).
    public var value: String

    public init(tag: String, value: String) {
        self.tag = tag
        self.value = value
    }
}

/// One subfield of a data field: a one-character code and its value.
public struct MARCSubfield: Sendable, Equatable, Hashable {
    /// The subfield code (`a`, `d`, `6`, …).
    public var code: Character
    /// The value, decoded to Unicode (NFC where it came from MARC-8).
    public var value: String

    public init(code: Character, value: String) {
        self.code = code
        self.value = value
    }
}

/// A variable data field: tag, two indicators and subfields in recorded order.
///
/// The same shape serves MARC 21, UNIMARC and RUSMARC, which share ISO 2709.
///
/// ```swift
/// let f = MARCDataField("100", "1", " ", [("a", "Толстой, Лев Николаевич,"), ("d", "1828-1910")])
/// f["d"]            // "1828-1910"
/// ```
public struct MARCDataField: Sendable, Equatable, Hashable {
    /// The three-character tag.
    public var tag: String
    /// First indicator (blank is `" "`).
    public var ind1: Character
    /// Second indicator (blank is `" "`).
    public var ind2: Character
    /// The subfields, in recorded order.
    public var subfields: [MARCSubfield]

    public init(tag: String, ind1: Character = " ", ind2: Character = " ", subfields: [MARCSubfield]) {
        self.tag = tag
        self.ind1 = ind1
        self.ind2 = ind2
        self.subfields = subfields
    }

    /// A field from `(code, value)` pairs, for terse construction.
    public init(_ tag: String, _ ind1: Character = " ", _ ind2: Character = " ",
                _ subfields: [(Character, String)]) {
        self.init(tag: tag, ind1: ind1, ind2: ind2,
                  subfields: subfields.map { MARCSubfield(code: $0.0, value: $0.1) })
    }

    /// The value of the first subfield with this code.
    public subscript(code: Character) -> String? {
        subfields.first { $0.code == code }?.value
    }

    /// The values of every subfield with this code, in order.
    public func values(_ code: Character) -> [String] {
        subfields.compactMap { $0.code == code ? $0.value : nil }
    }

    /// The parsed `$6` linkage, when the field has one.
    public var linkage: MARCLinkage? {
        self["6"].flatMap(MARCLinkage.init)
    }

    /// The script a linked field's `$6` declares (`(N` Cyrillic and so on).
    public var alternateScript: MARCScript? { linkage?.script }
}
