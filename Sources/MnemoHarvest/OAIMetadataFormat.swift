/// A metadata format a repository can disseminate (from `ListMetadataFormats`).
public struct OAIMetadataFormat: Sendable, Equatable {
    /// The prefix used in requests, e.g. `oai_dc`.
    public var metadataPrefix: String
    /// The URL of the format's XML Schema.
    public var schema: String
    /// The namespace URI of the format's root element.
    public var metadataNamespace: String

    public init(metadataPrefix: String, schema: String, metadataNamespace: String) {
        self.metadataPrefix = metadataPrefix
        self.schema = schema
        self.metadataNamespace = metadataNamespace
    }
}
