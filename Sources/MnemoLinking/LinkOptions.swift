import MnemoSearch

/// The settings of one `mnemo link` run.
public struct LinkOptions: Sendable {
    /// The kinds to link. Places are linked before persons, so that persons can
    /// compare their places of birth and death through the place links.
    public var kinds: Set<Kind> = [.person, .place]
    /// Pairs scoring at least this become `skos:exactMatch` links.
    public var accept = 0.9
    /// Pairs scoring at least this, and less than `accept`, go to the review list.
    public var review = 0.7
    /// Blocks (records sharing a name key) larger than this are compared by a
    /// sorted neighbourhood of `window` instead of every pair.
    public var blockCap = 100
    public var window = 24
    /// Where the scores of compared pairs are kept between runs (nil: nowhere,
    /// every run scores every pair). `mnemo link` keeps them beside an SQLite store.
    public var cachePath: String?
    /// The named graph the links are written to.
    public var linksGraph: String
    /// The named graph curators' decisions are kept in.
    public var decisionsGraph: String
    /// The base of the IRIs minted for mapping records.
    public var base: String

    /// Options for a store whose minted IRIs start with `base` (ending in `/`).
    public init(base: String) {
        let b = base.hasSuffix("/") ? base : base + "/"
        self.base = b
        linksGraph = b + "graph/links"
        decisionsGraph = b + "graph/link-decisions"
    }
}
