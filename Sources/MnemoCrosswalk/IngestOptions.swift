import Foundation

/// How to convert a set of record files.
public struct IngestOptions: Sendable {
    public var format: SourceFormat
    /// The institution's short identifier (`nlrk`, `tashkent-museum`); part of every minted URI.
    public var institution: String
    /// The dataset within the institution; with the institution it names the graph.
    public var dataset: String
    /// The base of minted URIs.
    public var base: String
    /// An institution's profile variant (JSON); nil: the format's built-in profile.
    public var profile: URL?
    /// MARC ISO 2709 only: the character encoding, overriding detection.
    public var encoding: String?
    /// edm:rights for records that give none.
    public var rights: String?
    /// The data provider's name (edm:dataProvider); default: the institution id.
    public var dataProvider: String?
    /// Language tag for text that carries none.
    public var language: String?

    public init(format: SourceFormat, institution: String, dataset: String,
                base: String = "https://data.mnemo.example/", profile: URL? = nil, encoding: String? = nil,
                rights: String? = nil, dataProvider: String? = nil, language: String? = nil) {
        self.format = format
        self.institution = institution
        self.dataset = dataset
        self.base = base
        self.profile = profile
        self.encoding = encoding
        self.rights = rights
        self.dataProvider = dataProvider
        self.language = language
    }
}
