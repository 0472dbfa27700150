import Foundation
import MnemoSearch

/// A year known to lie within `low...high` (a time-span's outer bounds).
public struct YearRange: Hashable, Sendable, CustomStringConvertible {
    public let low: Int
    public let high: Int

    public init(low: Int, high: Int) {
        self.low = min(low, high)
        self.high = max(low, high)
    }

    /// How uncertain the year is: 0 for a known year, 9 for "the 1830s".
    public var spread: Int { high - low }

    /// Years between the two ranges; 0 when they overlap.
    public func gap(to other: YearRange) -> Int {
        if high < other.low { return other.low - high }
        if other.high < low { return low - other.high }
        return 0
    }

    public var description: String { low == high ? "\(low)" : "\(low)–\(high)" }
}

/// What one named graph says about one entity, in the form linking compares:
/// names, life years, places, authority identifiers, and for places and events
/// their own features. Built by ``ProfileExtractor``.
public struct EntityProfile: Sendable {
    /// The entity's IRI.
    public let iri: String
    /// The named graph the description comes from.
    public let graph: String
    public let kind: Kind
    /// Every name and label, original spelling, with language tags.
    public var names: [LabelValue] = []
    public var birth: YearRange?
    public var death: YearRange?
    /// Names of the birth and death places (their first label each).
    public var birthPlaces: [String] = []
    public var deathPlaces: [String] = []
    /// The IRIs of the birth and death places, to compare through place links.
    public var birthPlaceIRIs: [String] = []
    public var deathPlaceIRIs: [String] = []
    /// Authority identifiers, by scheme.
    public var identifiers: [String: Set<String>] = [:]
    /// Titles of works the entity took part in making (persons and groups), when cheap to find.
    public var works: [String] = []
    /// Roles it is recorded in (P14.1 in the role of, labels).
    public var roles: [String] = []
    /// Places: WGS84 latitude and longitude.
    public var latitude: Double?
    public var longitude: Double?
    /// Places: the names of the place it falls within (P89).
    public var parents: [String] = []
    public var parentIRIs: [String] = []
    /// Events: their specific class IRIs and P2 types.
    public var eventTypes: [String] = []
    /// Events: when (P4) and where (P7, names); participants' names (P11, P14).
    public var date: YearRange?
    public var eventPlaces: [String] = []
    public var participants: [String] = []

    public init(iri: String, graph: String, kind: Kind) {
        self.iri = iri
        self.graph = graph
        self.kind = kind
    }

    /// The label to show: an English or Latin-script one if any, else the first.
    public var displayName: String {
        names.first { $0.language == "en" }?.value
            ?? names.first { n in n.value.unicodeScalars.allSatisfy { $0.value < 0x250 } }?.value
            ?? names.first?.value ?? iri
    }

    /// All identifiers as sorted `scheme:value` strings.
    public var identifierList: [AuthorityIdentifier] {
        identifiers.flatMap { s, vs in vs.map { AuthorityIdentifier(scheme: s, value: $0) } }.sorted()
    }

    /// A stable digest of everything linking compares: equal profiles give
    /// equal fingerprints across runs and processes (FNV-1a 64 over a canonical text).
    public var fingerprint: String {
        var text = "\(kind.rawValue)\u{1}\(graph)\u{1}"
        text += names.map { $0.value + "@" + ($0.language ?? "") }.sorted().joined(separator: "\u{2}")
        text += "\u{1}\(birth?.description ?? "")\u{1}\(death?.description ?? "")"
        text += "\u{1}" + birthPlaces.sorted().joined(separator: "\u{2}") + "\u{1}" + deathPlaces.sorted().joined(separator: "\u{2}")
        text += "\u{1}" + identifierList.map(\.description).joined(separator: "\u{2}")
        text += "\u{1}" + works.sorted().joined(separator: "\u{2}") + "\u{1}" + roles.sorted().joined(separator: "\u{2}")
        text += "\u{1}\(latitude.map { String($0) } ?? "")\u{1}\(longitude.map { String($0) } ?? "")"
        text += "\u{1}" + parents.sorted().joined(separator: "\u{2}") + "\u{1}" + eventTypes.sorted().joined(separator: "\u{2}")
        text += "\u{1}\(date?.description ?? "")\u{1}" + eventPlaces.sorted().joined(separator: "\u{2}")
        text += "\u{1}" + participants.sorted().joined(separator: "\u{2}")
        return String(format: "%016llx", fnv1a64(text))
    }
}

/// FNV-1a, 64 bits, over the UTF-8 of `s`: a hash that is the same in every process.
func fnv1a64(_ s: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 {
        h ^= UInt64(b)
        h = h &* 0x100_0000_01b3
    }
    return h
}
