import Foundation
import MnemoCrosswalk
import MnemoRDF
import MnemoStore
import MnemoSyntax
import MnemoXML

/// Where converted records go.
public enum IngestTarget: @unchecked Sendable {
    /// A store: the dataset's graph is replaced, atomically, when every file has been read.
    case store(Store)
    /// An N-Quads file, written as records are converted (flat memory, nothing stored).
    case nquads(FileHandle)
    /// A TriG file, one block per record, written as records are converted: the
    /// same quads as N-Quads in about a third of the bytes (``CompactTriG``).
    case trig(FileHandle)
    /// Nowhere: convert and validate only.
    case none
}

/// Runs an ingest: reads every file through a ``Crosswalk``, reports each
/// record, and replaces the dataset's graph in one batch.
///
/// A bad record is reported and skipped; a file that breaks off (malformed
/// XML) keeps the records read before the fault and is reported. The graph
/// is replaced only once all files are read, so a failure in the store
/// leaves the previous version of the dataset in place.
public struct DatasetIngest {
    public let crosswalk: Crosswalk
    public let report: RecordReportWriter
    /// Called with the summary so far now and then (every 10,000 records).
    public var progress: ((IngestSummary) -> Void)?

    public init(crosswalk: Crosswalk, report: RecordReportWriter) {
        self.crosswalk = crosswalk
        self.report = report
    }

    /// What the run did to the store, when it wrote to one.
    public struct Result {
        public var summary: IngestSummary
        public var graph: String
        public var replace: GraphReplaceReport?
    }

    public func run(files: [URL], into target: IngestTarget) throws -> Result {
        var summary = IngestSummary()
        let graph = crosswalk.graph
        var writer: GraphWriter?
        if case .store(let s) = target { writer = s.graphWriter(graph) }
        let graphTerm = Array((" <" + graph + "> .\n").utf8)
        let trig = CompactTriG(base: crosswalk.mapper.minter.base + "id/", prefixes: NS.prefixes)
        if case .trig(let h) = target { try trig.header.withUnsafeBytes { try OutputFile.write($0, to: h) } }
        let sink = writer
        // What the worker threads prepare for each record besides its triples.
        let prepare: @Sendable (Crosswalk.Outcome) -> Prepared = { outcome in
            guard case .mapped(let m) = outcome else { return .nothing }
            switch target {
            case .store: return .ids(sink!.encode(m.triples.triples.lazy.map { ($0.s, $0.p, $0.o) }))
            case .nquads:
                var bytes: [UInt8] = []
                bytes.reserveCapacity(m.triples.triples.count * 180)
                for t in m.triples.triples {
                    t.s.appendNTriples(to: &bytes); bytes.append(0x20)
                    t.p.appendNTriples(to: &bytes); bytes.append(0x20)
                    t.o.appendNTriples(to: &bytes); bytes.append(contentsOf: graphTerm)
                }
                return .bytes(bytes)
            case .trig:
                var bytes: [UInt8] = []
                bytes.reserveCapacity(m.triples.triples.count * 64)
                trig.appendBlock(graph: graph, triples: m.triples.triples, to: &bytes)
                return .bytes(bytes)
            case .none: return .nothing
            }
        }
        // Every converted record is delivered to the one target, so a shared
        // entity needs describing only once per run.
        let pipeline = MappingPipeline(crosswalk: crosswalk, memo: SharedEntityMemo(), prepare: prepare)
        // Records' output gathered into writes of about a megabyte.
        var pending: [UInt8] = []
        func flush() throws {
            guard !pending.isEmpty else { return }
            switch target {
            case .nquads(let h), .trig(let h): try pending.withUnsafeBytes { try OutputFile.write($0, to: h) }
            default: break
            }
            pending.removeAll(keepingCapacity: true)
        }
        for file in files {
            summary.files += 1
            do {
                try pipeline.run(file: file) { outcome, prepared in
                    summary.recordsRead += 1
                    switch outcome {
                    case .mapped(let m):
                        summary.add(m)
                        report.write(RecordReport(stored: m))
                    case .skipped(let s):
                        summary.add(skipped: s)
                        report.write(RecordReport(skipped: s))
                    }
                    switch (prepared, target) {
                    case (.ids(let ids), _): writer?.append(ids)
                    case (.bytes(let b), .nquads), (.bytes(let b), .trig):
                        pending.append(contentsOf: b)
                        if pending.count >= 1 << 20 { try flush() }
                    default: break
                    }
                    if summary.recordsRead % 10_000 == 0 { progress?(summary) }
                }
            } catch let f as Crosswalk.FileFailure {
                summary.fileErrors.append(f.description)
                summary.problems["file-error", default: 0] += 1
                report.write(RecordReport(record: nil, location: f.file, status: .failed,
                                          problems: [RecordProblem(.error, "file-error", f.message)]))
            }
        }
        try flush()
        report.flush()
        var replace: GraphReplaceReport?
        if let writer { replace = try writer.commit() }
        return Result(summary: summary, graph: graph, replace: replace)
    }

    /// A record's output, prepared on a worker thread.
    enum Prepared: Sendable {
        case nothing
        case ids([QuadIDs])
        case bytes([UInt8])
    }
}
