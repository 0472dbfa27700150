import MnemoXML

/// Turns one XML record element into a ``HeritageRecord``.
///
/// The ingest pipeline streams a file with ``XMLRecordReader`` using
/// `recordNames`, and calls ``map(_:ancestors:source:)`` for each record;
/// the OAI-PMH harvester calls it with the element inside `<metadata>`.
public protocol XMLRecordMapper: Sendable {
    /// Local names of the record elements (`lido`, `c`, `c01`…, `dc`).
    var recordNames: Set<String> { get }
    /// Maps one record. `ancestors` are the enclosing open records (EAD), outermost first.
    /// `source` names the file or URL, for locations in reports.
    /// Throws ``SkippedRecord`` when the record cannot be used at all.
    func map(_ node: XMLElementNode, ancestors: [XMLElementNode], source: String) throws -> HeritageRecord
}

/// A record that could not be mapped: reported, skipped, and the batch goes on.
public struct SkippedRecord: Error, Sendable, CustomStringConvertible {
    /// The record's identifier when it could be read.
    public var recordID: String?
    /// `file:line:column` or `file#record-number`.
    public var location: String
    public var reason: String

    public init(recordID: String? = nil, location: String, reason: String) {
        self.recordID = recordID
        self.location = location
        self.reason = reason
    }

    public var description: String { "\(location): record \(recordID ?? "?") skipped: \(reason)" }
}
