import Foundation
import MnemoDates
import MnemoRDF

/// Turns a ``HeritageRecord`` into CIDOC-CRM and EDM triples, both views in
/// one set of resources: the object is at once a CRM object (E22, E31 or E78)
/// and an edm:ProvidedCHO; its agents are E21/E74 and edm:Agent; its places
/// E53 and edm:Place; its time-spans E52 and edm:TimeSpan. The EDM
/// ore:Aggregation sits beside the object at `…/aggregation`.
///
/// ```swift
/// let mapper = RecordMapper(minter: URIMinter(institution: "nlrk", dataset: "books"),
///                           settings: MappingSettings(dataProvider: "National Library"))
/// let mapped = mapper.map(record)
/// store.add(mapped.triples.quads(in: mapper.minter.graph))
/// ```
public struct RecordMapper: Sendable {
    public let minter: URIMinter
    public let settings: MappingSettings

    public init(minter: URIMinter, settings: MappingSettings) {
        self.minter = minter
        self.settings = settings
    }

    /// Maps one record: its triples, the problems found, and what it mentions.
    ///
    /// With a `memo` (one per ingest or harvest run), shared agents, places
    /// and concepts that an earlier record of the run described are referred
    /// to but not written again; see ``SharedEntityMemo``.
    public func map(_ record: HeritageRecord, memo: SharedEntityMemo? = nil) -> MappedRecord {
        var m = MappingRun(mapper: self, record: record, memo: memo)
        m.run()
        memo?.remember(m.newlyDescribed)
        return MappedRecord(recordID: record.id, object: m.object, triples: m.out, problems: m.problems,
                            agents: m.agents, persons: m.persons, places: m.places, events: m.eventCount)
    }
}

/// Settings of a mapping run that come from the command line or the profile.
public struct MappingSettings: Sendable {
    /// The institution providing the data (edm:dataProvider), as a name.
    public var dataProvider: String
    /// The aggregator (edm:provider).
    public var provider: String
    /// edm:rights when neither the record nor the profile gives one.
    public var rights: String?
    /// Language tag for text that carries none.
    public var defaultLanguage: String?
    /// The profile's shared settings: its role table above all.
    public var profile: ProfileDefaults?

    public init(dataProvider: String, provider: String = "Mnemo", rights: String? = nil,
                defaultLanguage: String? = nil, profile: ProfileDefaults? = nil) {
        self.dataProvider = dataProvider
        self.provider = provider
        self.rights = rights ?? profile?.rights
        self.defaultLanguage = defaultLanguage ?? profile?.language
        self.profile = profile
    }
}

/// The result of mapping one record.
public struct MappedRecord: Sendable {
    public var recordID: String
    /// The object's URI.
    public var object: String
    public var triples: TripleBuffer
    public var problems: [RecordProblem]
    /// URIs of the agents and places the record mentions, and how many events it has.
    public var agents: Set<String>
    /// The subset of `agents` that are persons.
    public var persons: Set<String>
    public var places: Set<String>
    public var events: Int
}
