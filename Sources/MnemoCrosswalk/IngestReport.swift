import Foundation
import MnemoXML
import MnemoRDF

/// What happened to one record: stored or skipped, and the problems found.
/// Written one per line (JSON Lines) to the ingest's report file.
public struct RecordReport: Codable, Sendable {
    public var record: String?
    public var location: String?
    public var status: Status
    public var problems: [RecordProblem]

    public enum Status: String, Codable, Sendable { case stored, skipped, failed }

    public init(record: String?, location: String?, status: Status, problems: [RecordProblem]) {
        self.record = record
        self.location = location
        self.status = status
        self.problems = problems
    }

    /// The entry of a stored record, with the problems found in it.
    public init(stored m: MappedRecord, location: String? = nil) {
        self.init(record: m.recordID, location: location, status: .stored, problems: m.problems)
    }

    /// The entry of a skipped record, its reason as an error.
    public init(skipped s: SkippedRecord) {
        self.init(record: s.recordID, location: s.location, status: .skipped,
                  problems: [RecordProblem(.error, "skipped", s.reason)])
    }
}

/// Totals of an ingest or harvest run.
public struct IngestSummary: Sendable, Equatable {
    public var files = 0
    public var recordsRead = 0
    public var stored = 0
    public var skipped = 0
    /// Records removed (OAI-PMH deletions, or records gone from a re-ingested dataset).
    public var deleted = 0
    public var triples = 0
    /// Distinct persons, groups and places met, kept as 64-bit hashes of their URIs.
    public var persons = Set<UInt64>()
    public var groups = Set<UInt64>()
    public var places = Set<UInt64>()
    public var events = 0
    /// Problems by code (`unparsed-date`, `missing-field`…).
    public var problems: [String: Int] = [:]
    /// Files that could not be read to the end (malformed XML…), with the reason.
    public var fileErrors: [String] = []

    public init() {}

    /// Counts a skipped record.
    public mutating func add(skipped: SkippedRecord) {
        self.skipped += 1
        problems["skipped", default: 0] += 1
    }

    /// Counts what one mapped record holds.
    public mutating func add(_ m: MappedRecord) {
        stored += 1
        triples += m.triples.triples.count
        events += m.events
        for p in m.places { places.insert(URIMinter.hash64(p)) }
        for a in m.agents {
            if m.persons.contains(a) { persons.insert(URIMinter.hash64(a)) } else { groups.insert(URIMinter.hash64(a)) }
        }
        for p in m.problems { problems[p.code, default: 0] += 1 }
    }

    /// The summary as the CLI prints it.
    public var text: String {
        var lines = [
            "records read: \(recordsRead), stored: \(stored), skipped: \(skipped)" + (deleted > 0 ? ", deleted: \(deleted)" : ""),
            "persons: \(persons.count), groups: \(groups.count), places: \(places.count), events: \(events), triples: \(triples)",
        ]
        if !problems.isEmpty {
            lines.append("problems: " + problems.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        lines += fileErrors.map { "error: " + $0 }
        return lines.joined(separator: "\n")
    }
}

/// Writes record reports as JSON Lines, one object per record with sorted keys
/// (the same text `JSONEncoder` with `.sortedKeys` gives, written directly:
/// at thousands of records a second the encoder was a tenth of the run).
public final class RecordReportWriter: @unchecked Sendable {
    private let handle: FileHandle?
    private var buffer = ""

    /// Opens (truncating) `path`; nil writes nothing.
    public init(path: String?) throws {
        guard let path else { handle = nil; return }
        guard let h = OutputFile.open(path) else {
            throw SkippedRecord(location: path, reason: "cannot write the report file")
        }
        handle = h
    }

    public func write(_ r: RecordReport) {
        guard handle != nil else { return }
        buffer += "{"
        if let l = r.location { buffer += "\"location\":"; JSONString.append(l, to: &buffer); buffer += "," }
        buffer += "\"problems\":["
        for (i, p) in r.problems.enumerated() {
            if i > 0 { buffer += "," }
            buffer += "{\"code\":"; JSONString.append(p.code, to: &buffer)
            if let f = p.field { buffer += ",\"field\":"; JSONString.append(f, to: &buffer) }
            buffer += ",\"message\":"; JSONString.append(p.message, to: &buffer)
            buffer += ",\"severity\":\"\(p.severity.rawValue)\"}"
        }
        buffer += "]"
        if let id = r.record { buffer += ",\"record\":"; JSONString.append(id, to: &buffer) }
        buffer += ",\"status\":\"\(r.status.rawValue)\"}\n"
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    /// Writes what is buffered.
    public func flush() {
        guard let handle, !buffer.isEmpty else { return }
        handle.write(Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }

    deinit {
        flush()
        try? handle?.close()
    }
}
