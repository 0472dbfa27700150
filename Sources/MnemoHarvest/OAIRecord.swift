import MnemoXML

/// One harvested record: its header, and its metadata unless it was deleted.
public struct OAIRecord: Sendable, Equatable {
    /// The item's unique identifier, e.g. `oai:example.org:123`.
    public var identifier: String
    /// The record's datestamp, at the repository's granularity.
    public var datestamp: String
    /// The sets the item belongs to.
    public var setSpecs: [String]
    /// True for `<header status="deleted">`; such records carry no metadata.
    public var isDeleted: Bool
    /// The single child element of `<metadata>` (`oai_dc:dc`, `lido:lido`, `marc:record`…).
    public var metadata: XMLElementNode?
    /// The child element of each `<about>` container.
    public var about: [XMLElementNode]

    public init(identifier: String, datestamp: String, setSpecs: [String] = [], isDeleted: Bool = false,
                metadata: XMLElementNode? = nil, about: [XMLElementNode] = []) {
        self.identifier = identifier
        self.datestamp = datestamp
        self.setSpecs = setSpecs
        self.isDeleted = isDeleted
        self.metadata = metadata
        self.about = about
    }
}
