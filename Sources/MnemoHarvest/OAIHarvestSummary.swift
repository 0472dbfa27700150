/// What a completed `ListRecords` harvest went through.
public struct OAIHarvestSummary: Sendable, Equatable {
    /// Response pages fetched (a `noRecordsMatch` answer counts as one).
    public var pages: Int
    /// Records handed to the handler, deleted ones included.
    public var records: Int
    /// How many of those were deleted records.
    public var deleted: Int
    /// The `responseDate` of the first page: the `from` of the next incremental harvest.
    public var responseDate: String?
    /// The repository's `completeListSize`, when it gave one.
    public var completeListSize: Int?
    /// The `cursor` of the last resumptionToken that had one.
    public var cursor: Int?
    /// Adjustments made to the request (e.g. `from` truncated to the repository's granularity).
    public var warnings: [String]

    public init(pages: Int = 0, records: Int = 0, deleted: Int = 0, responseDate: String? = nil,
                completeListSize: Int? = nil, cursor: Int? = nil, warnings: [String] = []) {
        self.pages = pages
        self.records = records
        self.deleted = deleted
        self.responseDate = responseDate
        self.completeListSize = completeListSize
        self.cursor = cursor
        self.warnings = warnings
    }
}
