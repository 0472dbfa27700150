/// What sort of thing a resource is, for choosing how a page presents it.
/// Derived from the resource's CIDOC-CRM and EDM classes.
public enum ResourceKind: String, Sendable, CaseIterable {
    case person, group, place, event, object, collection, dataset, concept, other

    private static let crm = WebVocabulary.crm
    private static let edm = WebVocabulary.edm

    /// Classes per kind, in the order kinds are tried: a resource that is both
    /// an E78 Curated Holding and an E24 is a collection, one typed both
    /// E21 Person and edm:Agent a person.
    static let classes: [(ResourceKind, Set<String>)] = [
        (.person, [crm + "E21_Person", edm + "Agent", WebVocabulary.foaf + "Person"]),
        (.group, [crm + "E74_Group", crm + "E40_Legal_Body", WebVocabulary.foaf + "Organization"]),
        (.event, WebVocabulary.eventClasses),
        (.place, [crm + "E53_Place", edm + "Place"]),
        (.collection, [crm + "E78_Curated_Holding", WebVocabulary.dcterms + "Collection"]),
        (.object, Set(["E18_Physical_Thing", "E19_Physical_Object", "E22_Human-Made_Object", "E24_Physical_Human-Made_Thing",
                       "E31_Document", "E33_Linguistic_Object", "E36_Visual_Item", "E73_Information_Object",
                       "E84_Information_Carrier", "E89_Propositional_Object", "E90_Symbolic_Object"].map { crm + $0 })
            .union([edm + "ProvidedCHO", edm + "WebResource", WebVocabulary.ore + "Aggregation"])),
        (.dataset, [WebVocabulary.void + "Dataset", WebVocabulary.dcat + "Dataset", WebVocabulary.void + "Linkset"]),
        (.concept, [crm + "E55_Type", crm + "E56_Language", crm + "E57_Material", crm + "E58_Measurement_Unit",
                    WebVocabulary.skos + "Concept", WebVocabulary.skos + "ConceptScheme", edm + "Concept"]),
    ]

    /// The kind for a set of class IRIs; `isGraph` makes an untyped named graph a dataset.
    public static func of(types: [String], isGraph: Bool = false, isEvent: Bool = false) -> ResourceKind {
        let set = Set(types)
        for (kind, classes) in classes where !set.isDisjoint(with: classes) { return kind }
        if isEvent { return .event }
        if isGraph { return .dataset }
        return .other
    }

    /// A human-readable name, for page headings.
    public var title: String {
        switch self {
        case .person: return "Person"
        case .group: return "Group"
        case .place: return "Place"
        case .event: return "Event"
        case .object: return "Object"
        case .collection: return "Collection"
        case .dataset: return "Dataset"
        case .concept: return "Concept"
        case .other: return "Resource"
        }
    }
}
