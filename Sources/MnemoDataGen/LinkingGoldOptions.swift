/// Settings for one run of ``LinkingGoldGenerator/generate(_:quads:gold:)``.
///
/// Two runs with equal options produce byte-identical output.
public struct LinkingGoldOptions: Sendable {
    /// How many real persons to invent. Each is described by one to three
    /// institutions, so the number of person records is about 1.85 times this.
    public var persons: Int
    /// How many institutions describe them (at least 2; the styles of
    /// library, museum and archive repeat beyond three).
    public var institutions: Int = 3
    /// The seed of the pseudo-random generator.
    public var seed: UInt64 = 7
    /// The IRI every minted IRI starts with; ends with `/`.
    public var base: String = "https://data.mnemo.example/"

    /// Creates options; only the number of persons is required.
    public init(persons: Int, institutions: Int = 3, seed: UInt64 = 7, base: String = "https://data.mnemo.example/") {
        self.persons = persons
        self.institutions = institutions
        self.seed = seed
        self.base = base.hasSuffix("/") || base.hasSuffix("#") ? base : base + "/"
    }
}

/// One line of the gold standard: an IRI an institution minted for a real entity.
public struct GoldRecord: Sendable, Equatable {
    /// `person` or `place`.
    public var kind: String
    /// The real entity, e.g. `person-17`; equal for every IRI of one entity.
    public var entity: String
    /// The institution's named graph.
    public var graph: String
    /// The IRI the institution minted.
    public var iri: String
    /// Why this entity is hard, when it is: `namesake`, `father-son`,
    /// `surname-city`, `homonym-place`; empty otherwise.
    public var trap: String

    /// The gold file's line for this record (tab-separated, no escaping needed: IRIs hold no tabs).
    public var tsvLine: String { "\(kind)\t\(entity)\t\(graph)\t\(iri)\t\(trap)\n" }

    /// The header line of the gold file.
    public static let tsvHeader = "kind\tentity\tgraph\tiri\ttrap\n"
}

/// What one run wrote.
public struct LinkingGoldSummary: Sendable, Equatable {
    /// Quads written.
    public var quads: Int
    /// Real persons and the person records describing them.
    public var persons: Int, personRecords: Int
    /// Real places and the place records describing them.
    public var places: Int, placeRecords: Int
    /// Persons made as traps: namesakes, fathers' sons, surname-and-city neighbours.
    public var traps: Int
}
