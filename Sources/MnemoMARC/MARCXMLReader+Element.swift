import MnemoXML

extension MARCXMLReader {
    /// Converts one `record` element already in memory (an OAI-PMH `<metadata>`
    /// child) to a ``MARCRecord``; a record that breaks the model throws a
    /// ``MARCReadError`` with its line and column.
    public static func record(from node: XMLElementNode, source: String? = nil) throws -> MARCRecord {
        do {
            return try MARCXMLRecord.convert(node)
        } catch let f as MARCXMLRecord.Failure {
            throw MARCReadError(kind: .malformedRecord, source: source, recordNumber: nil,
                                line: f.line, column: f.column, message: f.message)
        }
    }
}
