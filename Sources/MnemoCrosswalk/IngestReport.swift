import Foundation

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
    public var persons = Set<String>()
    public var groups = Set<String>()
    public var places = Set<String>()
    public var events = 0
    /// Problems by code (`unparsed-date`, `missing-field`…).
    public var problems: [String: Int] = [:]
    /// Files that could not be read to the end (malformed XML…), with the reason.
    public var fileErrors: [String] = []

    public init() {}

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

/// Writes record reports as JSON Lines.
public final class RecordReportWriter: @unchecked Sendable {
    private let handle: FileHandle?
    private let encoder: JSONEncoder

    /// Opens (truncating) `path`; nil writes nothing.
    public init(path: String?) throws {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let path else { handle = nil; return }
        guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
            throw SkippedRecord(location: path, reason: "cannot write the report file")
        }
        handle = h
    }

    public func write(_ r: RecordReport) {
        guard let handle, var data = try? encoder.encode(r) else { return }
        data.append(0x0A)
        handle.write(data)
    }

    deinit { try? handle?.close() }
}
