import Foundation

/// What to harvest and how patiently: the repository, the metadata format,
/// the selective-harvesting arguments, and the retry and timeout policy.
///
/// `from` and `until` are OAI-PMH UTCdatetime values, either `YYYY-MM-DD` or
/// `YYYY-MM-DDThh:mm:ssZ`; they are checked against the repository's
/// granularity once ``OAIClient/identify()`` has been fetched.
public struct OAIHarvestOptions: Sendable {
    /// The repository's base URL (the request arguments are appended to it).
    public var baseURL: URL
    /// The metadata format to request, e.g. `oai_dc`, `lido`, `marcxml`.
    public var metadataPrefix: String
    /// A setSpec to restrict the harvest to, e.g. `museum:manuscripts`.
    public var set: String?
    /// Lower bound (inclusive) on record datestamps.
    public var from: String?
    /// Upper bound (inclusive) on record datestamps.
    public var until: String?
    /// How many times one request is retried after a retryable failure.
    public var maxRetries: Int
    /// The first back-off delay; it doubles with each retry.
    public var initialBackoff: Duration
    /// The longest single wait, also the cap on a server's `Retry-After`.
    public var maxBackoff: Duration
    /// The time allowed for one HTTP request.
    public var timeout: Duration
    /// The `User-Agent` header sent with every request.
    public var userAgent: String

    /// The `User-Agent` sent unless another is given.
    public static let defaultUserAgent = "Mnemo/0.1 (OAI-PMH harvester)"

    public init(baseURL: URL, metadataPrefix: String = "oai_dc", set: String? = nil,
                from: String? = nil, until: String? = nil, maxRetries: Int = 5,
                initialBackoff: Duration = .seconds(1), maxBackoff: Duration = .seconds(60),
                timeout: Duration = .seconds(60), userAgent: String = OAIHarvestOptions.defaultUserAgent) {
        self.baseURL = baseURL
        self.metadataPrefix = metadataPrefix
        self.set = set
        self.from = from
        self.until = until
        self.maxRetries = maxRetries
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.timeout = timeout
        self.userAgent = userAgent
    }
}
