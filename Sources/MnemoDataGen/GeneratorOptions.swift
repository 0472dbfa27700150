/// Settings for one run of ``CRMDataGenerator/generate(_:to:)``.
///
/// Two runs with equal options produce byte-identical output.
public struct GeneratorOptions: Sendable {
    /// The number of quads to write at least. The generator stops after the
    /// entity during which this count was reached, so the output may be a few
    /// quads longer; ``GeneratorSummary/quads`` reports the exact count.
    /// A value of zero or less writes nothing.
    public var quads: Int

    /// How many institutions (named graphs) the data is spread over; values
    /// below 1 are treated as 1. Institution numbers start at 1.
    public var institutions: Int = 3

    /// The seed of the pseudo-random generator; equal seeds give equal output.
    public var seed: UInt64 = 42

    /// The IRI every minted IRI starts with, e.g. `https://data.mnemo.example/`.
    /// A `/` is appended when it ends with neither `/` nor `#`. It must start
    /// with a scheme and must not contain characters that N-Quads forbids in
    /// IRIs; see ``CRMDataGenerator/isValidBase(_:)`` (a precondition).
    public var base: String = "https://data.mnemo.example/"

    /// Creates options; only the quad count is required.
    public init(quads: Int, institutions: Int = 3, seed: UInt64 = 42, base: String = "https://data.mnemo.example/") {
        self.quads = quads
        self.institutions = institutions
        self.seed = seed
        self.base = base
    }
}

/// What one run of ``CRMDataGenerator/generate(_:to:)`` wrote.
///
/// Entity counts are counts of minted IRIs: a pooled person described by two
/// institutions counts twice, as does a place that every institution's
/// gazetteer holds.
public struct GeneratorSummary: Sendable, Equatable {
    /// The exact number of quads (= lines) written.
    public var quads: Int
    /// The number of `crm:E21_Person` IRIs written, over all institutions.
    public var persons: Int
    /// The number of `crm:E53_Place` IRIs written, over all institutions.
    public var places: Int
    /// The number of `crm:E22_Human-Made_Object` IRIs written, over all institutions.
    public var objects: Int

    /// Creates a summary from its counts.
    public init(quads: Int, persons: Int, places: Int, objects: Int) {
        self.quads = quads
        self.persons = persons
        self.places = places
        self.objects = objects
    }
}
