import Foundation

/// A declarative MARC mapping: which tags and subfields feed which parts of
/// a ``HeritageRecord``. The built-in `marc21` and `rusmarc` profiles are
/// instances of it; an institution's local tag is a variant file, not code.
///
/// Subfield selections are written either as `subfields` (codes taken in the
/// field's own order, joined by `join`) or as a `template` such as
/// `"{a}, {g|b}"`: each `{x}` is the first subfield `x` (`{g|b}`: `$g`, else
/// `$b`), and the text before a placeholder is written only when the
/// placeholder has a value. Trailing ISBD punctuation (` /`, ` :`, `,`…) is
/// removed from every value.
public struct MARCProfile: Codable, Sendable {
    public var defaults: ProfileDefaults?
    /// Where the record id is (default `001`).
    public var id: [MARCFieldSpec]?
    public var titles: [MARCFieldSpec]?
    public var identifiers: [MARCFieldSpec]?
    public var agents: [MARCAgentSpec]?
    public var publication: [MARCEventSpec]?
    public var edition: [MARCFieldSpec]?
    public var series: [MARCFieldSpec]?
    public var hosts: [MARCFieldSpec]?
    /// Linking entries kept as Dublin Core relations: each spec's ``MARCFieldSpec/property``
    /// names the term (MARC 21 775 → `hasVersion`, 776 → `hasFormat`, 780 → `replaces`…).
    public var relations: [MARCFieldSpec]?
    public var extent: [MARCFieldSpec]?
    public var languages: [MARCFieldSpec]?
    public var subjects: [MARCFieldSpec]?
    public var subjectAgents: [MARCAgentSpec]?
    public var subjectPlaces: [MARCFieldSpec]?
    public var types: [MARCFieldSpec]?
    public var notes: [MARCFieldSpec]?
    public var links: [MARCLinkSpec]?
    public var rights: [MARCFieldSpec]?
    /// A control-field date used when no publication field gives one (MARC 21 008/07-10).
    public var fallbackDate: MARCFieldSpec?
}

/// A selection of values from one tag.
public struct MARCFieldSpec: Codable, Sendable {
    public var tag: String
    /// Subfield codes to take, in the field's order (`"abnp"`).
    public var subfields: String?
    /// A template (`"{a} : {e}"`); wins over `subfields`.
    public var template: String?
    /// Separator between subfields taken with `subfields` (default a space).
    public var join: String?
    /// Each listed subfield as its own value instead of one joined value (041 $a $a).
    public var each: Bool?
    /// Only fields with these indicators (a blank is `" "`, `"*"` or absent means any).
    public var ind1: String?
    public var ind2: String?
    /// For control fields: character positions `"35-37"` (0-based, inclusive).
    public var positions: String?
    /// Identifier type, for identifier specs.
    public var type: String?
    /// The subfield holding an authority identifier or URI (`"0"`).
    public var authority: String?
    /// Language tag for the values.
    public var language: String?
    /// For relation specs: the Dublin Core term the values go under, as a DCMI
    /// term's local name (`hasFormat`, `replaces`), `relation` or `source`, or a full IRI.
    public var property: String?
    /// RUSMARC and UNIMARC linking fields (4XX): read the field embedded after
    /// `$1` with this tag (`"200"` for the linked record's title) as if it
    /// stood alone, instead of the linking field's own subfields.
    public var embedded: String?
}

/// An agent field: name, dates, role, authority, and the event it takes part in.
public struct MARCAgentSpec: Codable, Sendable {
    public var tag: String
    public var kind: AgentKind
    /// The name's template (`"{a}, {g|b}"`) or subfields (`"abcq"`).
    public var name: String
    public var dates: String?
    /// Subfields holding the role as text (`"e"`) and as a code (`"4"`).
    public var roleLabel: String?
    public var roleCode: String?
    public var authority: String?
    /// The event this agent takes part in (default `creation`).
    public var event: EventKind?
    /// The role when the field gives none (`"aut"` for a 100).
    public var defaultRole: String?
    public var ind1: String?
    public var ind2: String?
}

/// A field describing an event such as publication (260, 264, 210).
public struct MARCEventSpec: Codable, Sendable {
    public var tag: String
    public var place: String?
    public var agent: String?
    public var date: String?
    public var event: EventKind?
    /// The role of the agent (`"publisher"`).
    public var role: String?
    public var ind1: String?
    public var ind2: String?
}

/// A link field (856): the URL subfield and what kind of link it is.
public struct MARCLinkSpec: Codable, Sendable {
    public var tag: String
    public var subfield: String
    public var kind: RecordLink.Kind
    public var ind1: String?
    public var ind2: String?
}
