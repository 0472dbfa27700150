import MnemoRDF

/// The IRIs the publishing layer reads and writes: CIDOC-CRM and EDM for
/// resource pages, VoID, DCAT and Dublin Core terms for dataset descriptions.
/// Kept here so that MnemoWeb depends on the store alone, not on the crosswalk.
public enum WebVocabulary {
    public static let crm = "http://www.cidoc-crm.org/cidoc-crm/"
    public static let edm = "http://www.europeana.eu/schemas/edm/"
    public static let ore = "http://www.openarchives.org/ore/terms/"
    public static let dc = "http://purl.org/dc/elements/1.1/"
    public static let dcterms = "http://purl.org/dc/terms/"
    public static let skos = "http://www.w3.org/2004/02/skos/core#"
    public static let owl = "http://www.w3.org/2002/07/owl#"
    public static let foaf = "http://xmlns.com/foaf/0.1/"
    public static let schema = "http://schema.org/"
    public static let void = "http://rdfs.org/ns/void#"
    public static let dcat = "http://www.w3.org/ns/dcat#"
    public static let rdf = Vocabulary.rdf
    public static let rdfs = Vocabulary.rdfs
    public static let xsd = Vocabulary.xsd

    public static let rdfType = Vocabulary.rdfType
    public static let rdfsLabel = rdfs + "label"
    public static let rdfsSubClassOf = rdfs + "subClassOf"

    /// Properties whose literal values name a resource, best first.
    public static let labelProperties: [String] = [
        skos + "prefLabel", rdfsLabel, dcterms + "title", dc + "title", foaf + "name", schema + "name",
        skos + "altLabel", edm + "prefLabel",
    ]

    /// Properties leading to a naming node (an E41 Appellation, an E35 Title)
    /// whose symbolic content is a label.
    public static let appellationProperties: [String] = [crm + "P1_is_identified_by", crm + "P102_has_title"]
    public static let symbolicContent = crm + "P190_has_symbolic_content"
    public static let identifierClass = crm + "E42_Identifier"

    public static let timeSpan = crm + "P4_has_time-span"
    public static let tookPlaceAt = crm + "P7_took_place_at"
    public static let beginOfBegin = crm + "P82a_begin_of_the_begin"
    public static let endOfEnd = crm + "P82b_end_of_the_end"
    public static let atSomeTimeWithin = crm + "P82_at_some_time_within"
    public static let edmBegin = edm + "begin"
    public static let edmEnd = edm + "end"
    public static let edmHappenedAt = edm + "happenedAt"
    public static let edmOccurredAt = edm + "occurredAt"

    /// CIDOC-CRM 7.1 classes that are E5 Event or below it, and EDM's event.
    /// A store holding the CRM RDFS is also asked through `rdfs:subClassOf`.
    public static let eventClasses: Set<String> = Set([
        "E5_Event", "E7_Activity", "E8_Acquisition", "E9_Move", "E10_Transfer_of_Custody", "E11_Modification",
        "E12_Production", "E13_Attribute_Assignment", "E14_Condition_Assessment", "E15_Identifier_Assignment",
        "E16_Measurement", "E17_Type_Assignment", "E63_Beginning_of_Existence", "E64_End_of_Existence",
        "E65_Creation", "E66_Formation", "E67_Birth", "E68_Dissolution", "E69_Death", "E79_Part_Addition",
        "E80_Part_Removal", "E81_Transformation", "E83_Type_Creation", "E85_Joining", "E86_Leaving",
        "E87_Curation_Activity", "E6_Destruction", "E96_Purchase", "E98_Currency",
    ].map { crm + $0 } + [edm + "Event"])
}
