import MnemoXML

/// A set in a repository's set hierarchy (from `ListSets`).
public struct OAISet: Sendable, Equatable {
    /// The set's spec; `:` separates levels of the hierarchy (`museum:manuscripts`).
    public var setSpec: String
    /// A human-readable name.
    public var setName: String
    /// Optional descriptions, each the single child element of a `<setDescription>`.
    public var descriptions: [XMLElementNode]

    public init(setSpec: String, setName: String, descriptions: [XMLElementNode] = []) {
        self.setSpec = setSpec
        self.setName = setName
        self.descriptions = descriptions
    }
}
