import Foundation
import MnemoRDF
import MnemoSyntax

/// How to read a file into the store.
public struct ImportOptions: Sendable {
    /// The syntax; nil: from the file's extension.
    public var format: RDFFormat?
    /// The named graph for triples (and default-graph quads); nil: the file's `file://` URL.
    public var graph: String?
    /// Skip bad statements and count them, instead of rejecting the file.
    public var lenient = false
    /// Base IRI for relative IRIs; nil: the file's URL.
    public var baseIRI: String?
    /// Called now and then with (statements parsed, seconds so far).
    public var progress: (@Sendable (Int, Double) -> Void)?

    public init(format: RDFFormat? = nil, graph: String? = nil, lenient: Bool = false, baseIRI: String? = nil,
                progress: (@Sendable (Int, Double) -> Void)? = nil) {
        self.format = format
        self.graph = graph
        self.lenient = lenient
        self.baseIRI = baseIRI
        self.progress = progress
    }
}

/// What an import did.
public struct ImportReport: Sendable {
    public var file: String
    public var format: RDFFormat
    /// The graph that received the file's triples.
    public var graph: String
    /// Statements read from the file.
    public var statements = 0
    /// Quads new to the store.
    public var added = 0
    /// Statements already in the store or repeated in the file.
    public var duplicates = 0
    /// Statements skipped in lenient mode, with where and why.
    public var skipped: [RDFSyntaxError] = []
    /// Wall-clock seconds.
    public var seconds = 0.0
}

extension Store {
    /// Imports one RDF file as one atomic batch.
    ///
    /// The file is parsed in a stream; its quads are written to the storage in
    /// one transaction after the whole file has parsed, then published to the
    /// index. A syntax error rejects the whole file (unless `lenient`) and
    /// leaves the store exactly as it was.
    ///
    /// Blank nodes are renamed with a prefix derived from the target graph and
    /// the file's bytes: stable within a file, distinct across files, and the
    /// same when the same file is imported into the same graph again, so a
    /// re-import adds nothing.
    public func importFile(_ path: String, options: ImportOptions = ImportOptions()) throws -> ImportReport {
        guard let format = options.format ?? RDFFormat(fileName: path) else {
            throw StoreError.badInput("\(path): cannot tell the RDF syntax from the file name; pass --format (turtle, ntriples, nquads, trig, rdfxml)")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw StoreError.badInput("\(path): no such readable file")
        }
        let graphIRI = options.graph ?? URL(fileURLWithPath: path).absoluteURL.absoluteString
        let prefix = try "b" + FileDigest.hex(ofFile: path, salt: graphIRI).prefix(16) + "_"
        let parseOptions = ParseOptions(baseIRI: options.baseIRI, lenient: options.lenient, blankNodePrefix: prefix)

        return try writeLock.withLock {
            try ensureOpen()
            let start = Date()
            var report = ImportReport(file: path, format: format, graph: graphIRI)
            let snap = snapshot
            let defaultGraph = dictionary.intern(.iri(graphIRI))
            var added: [QuadIDs] = []
            var lastProgress = start
            let parser = RaptorParser(format: format)
            let summary: ParseSummary
            do {
                summary = try parser.parse(file: path, options: parseOptions) { st in
                    var blankGraph = false
                    let ids: QuadIDs = dictionary.withWriter { w in
                        let s = w.intern(st.subject).id, p = w.intern(st.predicate).id, o = w.intern(st.object).id
                        var g = defaultGraph
                        if let gb = st.graph {
                            if gb.first == TermKind.blank.rawValue { blankGraph = true }
                            g = w.intern(gb).id
                        }
                        return QuadIDs(s, p, o, g)
                    }
                    if blankGraph {
                        let error = RDFSyntaxError(source: path, line: 0, column: 0,
                                                   message: "statement \(report.statements + 1): a blank node cannot name a graph in this store")
                        if options.lenient { report.skipped.append(error); return }
                        throw StoreError.syntax(error)
                    }
                    report.statements += 1
                    if snap.contains(ids) { report.duplicates += 1 } else { added.append(ids) }
                    if let progress = options.progress, report.statements & 0x3FFF == 0 {
                        let now = Date()
                        if now.timeIntervalSince(lastProgress) > 0.25 {
                            lastProgress = now
                            progress(report.statements, now.timeIntervalSince(start))
                        }
                    }
                }
            } catch let e as RDFSyntaxError {
                throw StoreError.syntax(e)
            }
            report.skipped.append(contentsOf: summary.skippedErrors)
            let unique = QuadIDs.sortedUnique(added)
            report.duplicates += added.count - unique.count
            try commit(added: unique, removed: [])
            report.added = unique.count
            report.seconds = Date().timeIntervalSince(start)
            return report
        }
    }
}

extension QuadIDs {
    /// Sorts and removes repeats.
    static func sortedUnique(_ quads: [QuadIDs]) -> [QuadIDs] {
        var keys = IndexSnapshot.sortedKeys(quads, .spog)
        var out: [QuadIDs] = []
        out.reserveCapacity(keys.count)
        var last: IndexKey?
        for k in keys where k != last {
            out.append(IndexOrder.spog.quad(k))
            last = k
        }
        keys.removeAll()
        return out
    }
}

/// A 64-bit digest of a file's bytes, for naming its blank nodes.
enum FileDigest {
    static func hex(ofFile path: String, salt: String) throws -> String {
        guard let fh = FileHandle(forReadingAtPath: path) else { throw StoreError.badInput("\(path): cannot open") }
        defer { try? fh.close() }
        var h1: UInt64 = 0xCBF2_9CE4_8422_2325, h2: UInt64 = 0x8422_2325_CBF2_9CE4
        func mix(_ bytes: UnsafeRawBufferPointer) {
            var i = 0
            while i + 8 <= bytes.count {
                let w = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                h1 = (h1 ^ w) &* 0x100_0000_01B3
                h2 = (h2 ^ (w &+ h1)) &* 0xBF58_476D_1CE4_E5B9
                h2 ^= h2 >> 29
                i += 8
            }
            while i < bytes.count {
                h1 = (h1 ^ UInt64(bytes[i])) &* 0x100_0000_01B3
                h2 = (h2 ^ h1) &* 0x94D0_49BB_1331_11EB
                i += 1
            }
        }
        Array(salt.utf8).withUnsafeBytes(mix)
        while true {
            let data = fh.readData(ofLength: 1 << 20)
            if data.isEmpty { break }
            data.withUnsafeBytes(mix)
        }
        let x = h1 ^ (h2 >> 1) ^ (h2 << 63)
        return String(format: "%016llx", x)
    }
}
