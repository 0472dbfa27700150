import Foundation

/// Mints the URIs of everything a crosswalk emits, deterministically: the
/// same record gives the same URIs every time, so re-ingesting a dataset
/// replaces its graph instead of duplicating it.
///
/// Layout under `base` (default `https://data.mnemo.example/`):
/// - `graph/{institution}/{dataset}`: the named graph of one dataset;
/// - `id/{institution}/{dataset}/{record}`: the object, with everything that
///   belongs to that record alone beneath it (`…/title/1`, `…/event/1`,
///   `…/event/1/time`, `…/aggregation`);
/// - `id/{institution}/agent|place|concept/{key}`: contextual entities shared
///   by the institution's records, keyed by authority URI when the record
///   gives one, otherwise by name (and life dates, or broader places).
public struct URIMinter: Sendable {
    public var base: String
    public var institution: String
    public var dataset: String

    public init(base: String = "https://data.mnemo.example/", institution: String, dataset: String) {
        self.base = base.hasSuffix("/") ? base : base + "/"
        self.institution = URIMinter.segment(institution)
        self.dataset = URIMinter.segment(dataset)
    }

    /// The dataset's named graph.
    public var graph: String { "\(base)graph/\(institution)/\(dataset)" }

    /// The prefix every record-owned URI of this dataset starts with.
    public var recordPrefix: String { "\(base)id/\(institution)/\(dataset)/" }

    /// The object a record describes.
    public func object(_ recordID: String) -> String { recordPrefix + URIMinter.segment(recordID) }

    /// True when `uri` belongs to the record `recordID` (the object or something beneath it).
    public func belongs(_ uri: String, to recordID: String) -> Bool {
        let o = object(recordID)
        return uri == o || uri.hasPrefix(o + "/")
    }

    /// A shared contextual entity (`agent`, `place`, `concept`) with a stable identity string.
    public func shared(_ kind: String, identity: String) -> String {
        "\(base)id/\(institution)/\(kind)/\(URIMinter.hash(identity))"
    }

    /// A language (E56_Language), shared by every institution.
    public func language(_ code: String) -> String { "\(base)id/language/\(URIMinter.segment(code.lowercased()))" }

    /// A path segment: unreserved ASCII kept, everything else percent-encoded (UTF-8).
    public static func segment(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out.isEmpty ? "_" : out
    }

    /// FNV-1a 64 of the UTF-8 bytes, as 16 hex digits: short, stable across runs and platforms.
    public static func hash(_ s: String) -> String {
        String(hash64(s), radix: 16).leftPadded(to: 16)
    }

    /// FNV-1a 64 of the UTF-8 bytes.
    public static func hash64(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01b3
        }
        return h
    }
}

extension String {
    func leftPadded(to n: Int) -> String {
        count >= n ? self : String(repeating: "0", count: n - count) + self
    }
}
