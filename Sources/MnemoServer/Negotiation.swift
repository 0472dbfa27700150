/// HTTP content negotiation over `Accept` (RFC 9110 §12.5.1): media ranges
/// with q-values and wildcards, the most specific range deciding each offer's
/// quality, ties going to the server's order of preference.
public enum ContentNegotiation {
    /// One media range of an `Accept` header.
    struct Range {
        var type: String
        var subtype: String
        var q: Double

        /// 3 for `type/subtype`, 2 for `type/*`, 1 for `*/*`.
        var specificity: Int { type == "*" ? 1 : (subtype == "*" ? 2 : 3) }

        func matches(_ type: String, _ subtype: String) -> Bool {
            (self.type == "*" || self.type == type) && (self.subtype == "*" || self.subtype == subtype)
        }
    }

    /// Parses an `Accept` header; malformed ranges are skipped.
    static func ranges(_ header: String) -> [Range] {
        header.split(separator: ",").compactMap { part in
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let media = fields.first, !media.isEmpty else { return nil }
            let pair = media.lowercased().split(separator: "/", maxSplits: 1).map(String.init)
            guard pair.count == 2, !pair[0].isEmpty, !pair[1].isEmpty else { return nil }
            var q = 1.0
            for f in fields.dropFirst() {
                let kv = f.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if kv.count == 2, kv[0].lowercased() == "q" { q = Double(kv[1]).map { min(max($0, 0), 1) } ?? 0 }
            }
            return Range(type: pair[0], subtype: pair[1], q: q)
        }
    }

    /// The offer to send: `offers` are media types (`type/subtype`, no
    /// parameters) in the server's order of preference. A missing or empty
    /// header accepts the first; nil means nothing acceptable (406).
    public static func choose(_ header: String?, offers: [String]) -> String? {
        guard let header, !header.trimmingCharacters(in: .whitespaces).isEmpty else { return offers.first }
        let ranges = ranges(header)
        if ranges.isEmpty { return offers.first }
        var best: (offer: String, q: Double)?
        for offer in offers {
            let pair = offer.lowercased().split(separator: "/", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            let matching = ranges.filter { $0.matches(pair[0], pair[1]) }
            guard let top = matching.max(by: { $0.specificity < $1.specificity }) else { continue }
            let q = matching.filter { $0.specificity == top.specificity }.map(\.q).max() ?? 0
            if q > 0, q > (best?.q ?? 0) { best = (offer, q) }
        }
        return best?.offer
    }
}

import Foundation
