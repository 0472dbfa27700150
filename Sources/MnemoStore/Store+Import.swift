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
    /// Wall-clock seconds, in all and for the parse, the storage write and the index update.
    public var seconds = 0.0
    public var parseSeconds = 0.0
    public var writeSeconds = 0.0
    public var indexSeconds = 0.0
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
    @discardableResult
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
            // Quads new to the store, in file order; `seen` drops repeats within the file.
            var added: [QuadIDs] = []
            var seen = Set<QuadIDs>()
            var pending: [QuadIDs] = []
            var pendingTerms = NewTerms()
            let batchSize = 50_000
            var lastProgress = start
            var writeSeconds = 0.0
            let backend = self.backend
            let dictionary = self.dictionary

            try backend.begin()
            // The storage writer inserts batches inside the open transaction while parsing goes on.
            let pipeline = BatchPipeline<([QuadIDs], NewTerms)> { batch in
                let t = Date()
                try backend.insert(batch.0, newTerms: batch.1, dictionary: dictionary)
                writeSeconds += Date().timeIntervalSince(t)
            }
            do {
                let summary = try RaptorParser(format: format).parse(file: path, options: parseOptions) { st in
                    var blankGraph = false
                    let ids: QuadIDs = dictionary.withWriter { w in
                        func intern(_ bytes: UnsafeRawBufferPointer) -> TermID {
                            let (id, new) = w.intern(bytes)
                            if new {
                                var datatype: TermID = 0
                                if bytes[0] == TermKind.typedLiteral.rawValue, let zero = bytes.firstIndex(of: 0) {
                                    datatype = Store.internDatatype(bytes, zero, &w, &pendingTerms)
                                }
                                pendingTerms.append(id, bytes, datatype: datatype)
                            }
                            return id
                        }
                        let s = intern(st.subject), p = intern(st.predicate), o = intern(st.object)
                        var g = defaultGraph
                        if let gb = st.graph {
                            if gb.first == TermKind.blank.rawValue { blankGraph = true }
                            g = intern(gb)
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
                    if snap.contains(ids) || !seen.insert(ids).inserted {
                        report.duplicates += 1
                    } else {
                        added.append(ids)
                        pending.append(ids)
                        if pending.count >= batchSize {
                            try pipeline.submit((pending, pendingTerms))
                            pending.removeAll(keepingCapacity: true)
                            pendingTerms.removeAll()
                        }
                    }
                    if let progress = options.progress, report.statements & 0x3FFF == 0 {
                        let now = Date()
                        if now.timeIntervalSince(lastProgress) > 0.25 {
                            lastProgress = now
                            progress(report.statements, now.timeIntervalSince(start))
                        }
                    }
                }
                report.skipped.append(contentsOf: summary.skippedErrors)
                if !pending.isEmpty || !pendingTerms.isEmpty { try pipeline.submit((pending, pendingTerms)) }
                report.parseSeconds = Date().timeIntervalSince(start)
                try pipeline.finish()
                let t = Date()
                try backend.commit()
                report.writeSeconds = writeSeconds + Date().timeIntervalSince(t)
            } catch {
                pipeline.cancel()
                backend.rollback()
                if let e = error as? RDFSyntaxError { throw StoreError.syntax(e) }
                throw error
            }
            seen.removeAll()
            dictionary.trim()
            let t = Date()
            publish { $0.adding(added) }
            report.indexSeconds = Date().timeIntervalSince(t)
            report.added = added.count
            report.seconds = Date().timeIntervalSince(start)
            return report
        }
    }
}

extension Store {
    /// Interns the datatype IRI of the typed literal `bytes` (split at `zero`), recording it when new.
    static func internDatatype(_ bytes: UnsafeRawBufferPointer, _ zero: Int, _ w: inout TermDictionary.Writer,
                               _ pending: inout NewTerms) -> TermID {
        var iri = [TermKind.iri.rawValue]
        iri.append(contentsOf: bytes[1..<zero])
        return iri.withUnsafeBytes { b in
            let (id, new) = w.intern(b)
            if new { pending.append(id, b) }
            return id
        }
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
