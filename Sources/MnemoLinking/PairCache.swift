import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scores of the pairs the last run compared, kept beside the store so
/// that a re-run after an ingest re-scores only pairs with a changed record.
/// A pair is found by a digest of both records' fingerprints (every feature
/// the score reads, plus, for persons, the place links their places are in),
/// so a stale entry can never be used for a changed pair: it is simply not
/// found. A missing or unreadable file means every pair is scored afresh.
final class PairCache: @unchecked Sendable {
    /// Per pair digest: the encoded score, or nil for a pair that was compared and dropped.
    private(set) var entries: [UInt64: String?] = [:]
    /// Names the file format and the scorer's version, so a cache of scores
    /// made by other rules is never read.
    static let magic = "mnemo-link-cache 1 scorer \(Scorer.version)\n"

    init() {}

    /// The cache in `path`; empty when the file is missing or not a cache of this version.
    static func load(_ path: String) -> PairCache {
        let cache = PairCache()
        guard let data = FileManager.default.contents(atPath: path), data.count >= magic.utf8.count,
              String(decoding: data.prefix(magic.utf8.count), as: UTF8.self) == magic else { return cache }
        let body = data.dropFirst(magic.utf8.count)
        for line in body.split(separator: UInt8(ascii: "\n")) {
            guard line.count >= 16, let key = UInt64(String(decoding: line.prefix(16), as: UTF8.self), radix: 16) else { continue }
            let rest = line.dropFirst(16)
            cache.entries[key] = rest.isEmpty ? .some(nil) : String(decoding: rest.dropFirst(), as: UTF8.self)
        }
        return cache
    }

    func merge(_ more: [(UInt64, String?)]) {
        for (k, v) in more { entries[k] = .some(v) }
    }

    /// Writes the cache atomically (a temporary file renamed over the old one).
    func save(_ path: String, keeping keys: Set<UInt64>) throws {
        var out = Data(Self.magic.utf8)
        for (k, v) in entries where keys.contains(k) {
            let hex = String(k, radix: 16)
            out.append(contentsOf: Array(repeating: UInt8(ascii: "0"), count: 16 - hex.utf8.count))
            out.append(contentsOf: hex.utf8)
            if let v { out.append(UInt8(ascii: "\t")); out.append(contentsOf: v.utf8) }
            out.append(UInt8(ascii: "\n"))
        }
        let tmp = path + ".tmp"
        try out.write(to: URL(fileURLWithPath: tmp))
        guard rename(tmp, path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// The digest of an ordered pair of record signatures.
    static func key(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for v in [a, b] {
            var x = v
            for _ in 0..<8 { h = (h ^ (x & 0xff)) &* 0x100_0000_01b3; x >>= 8 }
        }
        return h
    }
}

extension PairScore {
    /// One line, without tabs or line breaks: confidence, name, identifier flag, forbidden, features.
    var encoded: String {
        let fs = features.map { "\($0.name)\u{1f}\($0.weight)\u{1f}\($0.note)" }.joined(separator: "\u{1e}")
        return "\(confidence)\u{1d}\(name)\u{1d}\(byIdentifier ? 1 : 0)\u{1d}\(forbidden ?? "")\u{1d}\(fs)"
    }

    init?(encoded s: String) {
        let parts = s.split(separator: "\u{1d}", omittingEmptySubsequences: false)
        guard parts.count == 5, let c = Double(parts[0]), let n = Double(parts[1]) else { return nil }
        var features: [Feature] = []
        for f in parts[4].split(separator: "\u{1e}") {
            let x = f.split(separator: "\u{1f}", omittingEmptySubsequences: false)
            guard x.count == 3, let w = Double(x[1]) else { return nil }
            features.append(Feature(name: String(x[0]), weight: w, note: String(x[2])))
        }
        self.init(confidence: c, features: features, forbidden: parts[3].isEmpty ? nil : String(parts[3]),
                  byIdentifier: parts[2] == "1", name: n)
    }
}
