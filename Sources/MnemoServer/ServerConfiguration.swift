import Foundation

/// How `mnemo serve` runs: where it listens, what it allows, its limits.
public struct ServerConfiguration: Sendable {
    /// The interface to bind (default loopback only).
    public var host = "127.0.0.1"
    /// The port; 0 picks a free one (the bound port is reported when the server starts).
    public var port = 8080
    /// The IRI prefix of the resources Mnemo minted; a request path under it dereferences
    /// the IRI `baseURI + path` (without the leading slash).
    public var baseURI = "https://data.mnemo.example/"
    /// Refuse every write, whatever the token.
    public var readOnly = false
    /// Who may write (and, with `protectReads`, read).
    public var tokens = TokenStore()
    /// Reads also need a token (of either role).
    public var protectReads = false
    /// Seconds a query may run.
    public var queryTimeout: Double = 30
    /// Queries and updates evaluated at once; more wait in line.
    public var maxConcurrent = 8
    /// Seconds a request may wait in line for a place; then 503 with
    /// `Retry-After`. 0 refuses at once when every place is taken.
    public var queueTimeout: Double = 2
    /// Largest request body accepted (bytes); more gets 413.
    public var maxBodyBytes = 16 * 1024 * 1024
    /// Longest request target (path and query string) accepted; more gets 414.
    public var maxURILength = 64 * 1024
    /// The directory SPARQL `LOAD` may read files from; nil: LOAD is refused.
    public var loadDirectory: URL?
    /// Write one JSON line per request to standard error.
    public var accessLog = true
    /// Seconds a `sqlite:` store must stay without writes before the service
    /// saves its index sidecar (so that a restart after a crash opens fast);
    /// 0 saves only on shutdown.
    public var indexSaveDelay: Double = 30

    public init() {}
}
