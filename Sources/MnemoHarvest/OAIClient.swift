import Foundation
import MnemoXML
import Synchronization

/// An OAI-PMH 2.0 harvester for one repository.
///
/// ```swift
/// let client = OAIClient(options: OAIHarvestOptions(baseURL: url, metadataPrefix: "oai_dc", from: "2024-03-01"))
/// let repository = try await client.identify()      // also fits `from` to its granularity
/// let summary = try await client.listRecords { record in
///     if record.isDeleted { /* retract */ } else { /* convert record.metadata */ }
/// }
/// // next time: from = summary.responseDate
/// ```
///
/// Lists are followed page by page through their resumptionTokens; each page
/// is parsed and its records handed to the handler, in order, before the next
/// page is requested. Requests are retried as ``OAIHarvestOptions`` says.
public final class OAIClient: Sendable {
    /// The harvest's settings.
    public let options: OAIHarvestOptions
    private let fetcher: OAIRetryingFetcher
    private let onWarning: (@Sendable (String) -> Void)?
    private let identified = Mutex<OAIIdentify?>(nil)

    /// - Parameters:
    ///   - transport: the HTTP layer; by default a ``URLSessionTransport`` with `options.timeout`
    ///     (a transport given here keeps its own timeout).
    ///   - sleeper: how retries wait; by default `Task.sleep`.
    ///   - onWarning: told about adjustments made to the request (also listed in the summary).
    public init(options: OAIHarvestOptions, transport: (any OAITransport)? = nil,
                sleeper: any OAISleeper = TaskSleeper(), onWarning: (@Sendable (String) -> Void)? = nil) {
        self.options = options
        self.onWarning = onWarning
        self.fetcher = OAIRetryingFetcher(
            transport: transport ?? URLSessionTransport(timeout: options.timeout), sleeper: sleeper,
            maxRetries: max(0, options.maxRetries), initialBackoff: options.initialBackoff,
            maxBackoff: options.maxBackoff,
            headers: ["User-Agent": options.userAgent, "Accept": "text/xml, application/xml"])
    }

    /// The repository's `Identify` answer, once ``identify()`` has fetched it.
    public var repository: OAIIdentify? { identified.withLock { $0 } }

    /// Asks the repository to describe itself, and remembers the answer so later
    /// harvests send `from`/`until` at its granularity.
    public func identify() async throws -> OAIIdentify {
        let (page, url) = try await fetch(OAIRequest(verb: "Identify"))
        let result = try OAIDecoding.identify(page.content!, url: url)
        identified.withLock { $0 = result }
        return result
    }

    /// The metadata formats of the repository, or of one item when `identifier` is given.
    public func listMetadataFormats(identifier: String? = nil) async throws -> [OAIMetadataFormat] {
        let (page, _) = try await fetch(OAIRequest(verb: "ListMetadataFormats", [("identifier", identifier)]))
        return page.content!.children("metadataFormat").map(OAIDecoding.metadataFormat)
    }

    /// The repository's sets, every page of them.
    public func listSets() async throws -> [OAISet] {
        var sets: [OAISet] = []
        try await walkList(OAIRequest(verb: "ListSets"), emptyListAllowed: false) { page, _ in
            sets += page.content?.children("set").map(OAIDecoding.set) ?? []
        }
        return sets
    }

    /// One record by identifier, in `options.metadataPrefix`.
    public func getRecord(identifier: String) async throws -> OAIRecord {
        let request = OAIRequest(verb: "GetRecord", [("identifier", identifier), ("metadataPrefix", options.metadataPrefix)])
        let (page, url) = try await fetch(request)
        guard let record = page.content!.first("record") else {
            throw OAIError.invalidResponse(url: url, reason: "GetRecord without a <record>")
        }
        return try OAIDecoding.record(record, url: url)
    }

    /// Harvests the records selected by the options, following resumptionTokens
    /// until one is absent or empty. `noRecordsMatch` is an empty harvest, not an error.
    public func listRecords(_ handler: (OAIRecord) async throws -> Void) async throws -> OAIHarvestSummary {
        let fitted = try OAIDatestamp.fit(from: options.from, until: options.until, repository: repository?.granularity)
        var summary = OAIHarvestSummary(warnings: fitted.warnings)
        for w in fitted.warnings { onWarning?(w) }
        let first = OAIRequest(verb: "ListRecords", [
            ("metadataPrefix", options.metadataPrefix), ("set", options.set),
            ("from", fitted.from), ("until", fitted.until),
        ])
        try await walkList(first, emptyListAllowed: true) { page, url in
            summary.pages += 1
            if summary.pages == 1 { summary.responseDate = page.responseDate }
            if let size = page.resumptionToken?.completeListSize { summary.completeListSize = size }
            if let cursor = page.resumptionToken?.cursor { summary.cursor = cursor }
            for element in page.content?.children("record") ?? [] {
                let record = try OAIDecoding.record(element, url: url)
                summary.records += 1
                if record.isDeleted { summary.deleted += 1 }
                try await handler(record)
            }
        }
        return summary
    }

    /// Fetches and parses one response.
    private func fetch(_ request: OAIRequest, emptyListAllowed: Bool = false) async throws -> (OAIResponsePage, URL) {
        let url = try request.url(baseURL: options.baseURL)
        let body = try await fetcher.fetch(url)
        return (try OAIResponsePage(data: body, url: url, verb: request.verb, emptyListAllowed: emptyListAllowed), url)
    }

    /// Requests a list page by page: the first request, then verb + resumptionToken
    /// only, until the token is absent or empty. A token seen before is an error.
    private func walkList(_ first: OAIRequest, emptyListAllowed: Bool,
                          _ body: (OAIResponsePage, URL) async throws -> Void) async throws {
        var request = first
        var seen: Set<String> = []
        while true {
            let (page, url) = try await fetch(request, emptyListAllowed: emptyListAllowed)
            try await body(page, url)
            guard let token = page.resumptionToken?.value, !token.isEmpty else { return }
            guard seen.insert(token).inserted else {
                throw OAIError.repeatedResumptionToken(url: url, token: token)
            }
            request = .resume(verb: first.verb, token: token)
        }
    }
}
