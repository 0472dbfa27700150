import Foundation
import MnemoRDF
import MnemoStore

/// What a dump holds.
public enum DumpScope: Hashable, Sendable {
    /// Every quad of the store.
    case store
    /// The unnamed default graph.
    case defaultGraph
    /// One named graph, by IRI.
    case graph(String)
}

/// The syntax of a dump (always gzipped).
public enum DumpFormat: String, Sendable, CaseIterable {
    case nquads, turtle, trig

    public var fileExtension: String {
        switch self {
        case .nquads: return "nq.gz"
        case .turtle: return "ttl.gz"
        case .trig: return "trig.gz"
        }
    }

    /// The media type of the uncompressed content (served with `Content-Encoding: gzip`
    /// or as the file's type with `.gz`).
    public var mediaType: String {
        switch self {
        case .nquads: return "application/n-quads"
        case .turtle: return "text/turtle"
        case .trig: return "application/trig"
        }
    }
}

/// One downloadable dump: a scope in a format, with the validators a
/// server needs (`ETag`, `Last-Modified`) and the snapshot it describes,
/// so that what is written is exactly what the ETag names.
public struct DumpEntry: Sendable {
    public var scope: DumpScope
    public var format: DumpFormat
    /// A stable file-like name, e.g. `graph-library-almaty-3f2a91c0.nq.gz`.
    public var name: String
    /// The path under which the server offers it (`/dumps/NAME`).
    public var path: String
    /// The absolute download URL (`baseURL` + path without its leading slash).
    public var url: String
    /// Quads (for the store and TriG) or triples (for one graph).
    public var quads: Int
    /// A strong validator, quoted as HTTP wants it: `"<32 hex digits>-<format>"`.
    public var etag: String
    public var lastModified: Date
    /// The compressed size, once a complete write of this content has been measured; nil before.
    public var byteSize: Int?
    /// The graph IRI's label in the store, when it has one.
    public var title: String
    let snapshot: IndexSnapshot
    let graphID: TermID?

    /// `application/gzip`: the type of the file as downloaded.
    public var contentType: String { "application/gzip" }

    /// `Last-Modified` as HTTP writes it (IMF-fixdate).
    public var lastModifiedHTTP: String { DumpEntry.httpDate(lastModified) }

    static func httpDate(_ d: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return f.string(from: d)
    }
}

/// File-like names for graphs: a readable slug and a short hash of the full IRI,
/// so that two IRIs with the same slug still get different names.
enum DumpName {
    static func slug(_ iri: String, base: String) -> String {
        var rest = iri.hasPrefix(base) ? String(iri.dropFirst(base.count)) : iri
        if let r = rest.range(of: "://") { rest = String(rest[r.upperBound...]) }
        var out = ""
        var dash = false
        for c in rest.lowercased().unicodeScalars {
            if ("a"..."z").contains(c) || ("0"..."9").contains(c) {
                out.unicodeScalars.append(c)
                dash = false
            } else if !dash, !out.isEmpty {
                out += "-"
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > 60 { out = String(out.prefix(60)) }
        return out.isEmpty ? "graph" : out
    }

    /// FNV-1a 32 of the IRI's bytes, 8 hex digits: stable across runs.
    static func shortHash(_ s: String) -> String {
        var h: UInt32 = 0x811C_9DC5
        for b in s.utf8 { h ^= UInt32(b); h &*= 0x0100_0193 }
        let x = String(h, radix: 16)
        return String(repeating: "0", count: 8 - x.count) + x
    }

    static func stem(for scope: DumpScope, base: String) -> String {
        switch scope {
        case .store: return "mnemo-all"
        case .defaultGraph: return "default-graph"
        case .graph(let iri): return slug(iri, base: base) + "-" + shortHash(iri)
        }
    }
}
