/// A repository's answer to `Identify`.
public struct OAIIdentify: Sendable, Equatable {
    /// A human-readable name for the repository.
    public var repositoryName: String
    /// The base URL the repository states for itself.
    public var baseURL: String
    /// The OAI-PMH version, `2.0`.
    public var protocolVersion: String
    /// The oldest datestamp in the repository, at its granularity.
    public var earliestDatestamp: String
    /// Whether and how deletions are reported.
    public var deletedRecord: OAIDeletedRecordSupport
    /// The finest datestamp the repository accepts in `from`/`until`.
    public var granularity: OAIGranularity
    /// The administrators' e-mail addresses.
    public var adminEmails: [String]
    /// Compression encodings offered (`gzip`, `deflate`), if any.
    public var compression: [String]

    public init(repositoryName: String, baseURL: String, protocolVersion: String, earliestDatestamp: String,
                deletedRecord: OAIDeletedRecordSupport, granularity: OAIGranularity,
                adminEmails: [String], compression: [String] = []) {
        self.repositoryName = repositoryName
        self.baseURL = baseURL
        self.protocolVersion = protocolVersion
        self.earliestDatestamp = earliestDatestamp
        self.deletedRecord = deletedRecord
        self.granularity = granularity
        self.adminEmails = adminEmails
        self.compression = compression
    }
}

/// How a repository keeps track of deleted records (section 2.5.1).
public enum OAIDeletedRecordSupport: String, Sendable, Equatable {
    /// Deletions are not reported.
    case no
    /// Deletions are reported and kept forever.
    case persistent
    /// Deletions may be reported, but not necessarily kept.
    case transient
}

/// The finest datestamp a repository supports (section 3.3).
public enum OAIGranularity: String, Sendable, Equatable {
    /// Days: `YYYY-MM-DD`.
    case day = "YYYY-MM-DD"
    /// Seconds: `YYYY-MM-DDThh:mm:ssZ`.
    case second = "YYYY-MM-DDThh:mm:ssZ"
}
