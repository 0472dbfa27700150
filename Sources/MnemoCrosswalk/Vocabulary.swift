/// The terms the crosswalks emit, one namespace per enum.
///
/// Every term used by ``RecordMapper`` is listed in ``CrosswalkTerms/all``,
/// and a test checks each against the declarations in `ontologies/`, so a
/// misspelt property fails the build instead of reaching a user's query.
public enum NS {
    public static let crm = "http://www.cidoc-crm.org/cidoc-crm/"
    public static let edm = "http://www.europeana.eu/schemas/edm/"
    public static let ore = "http://www.openarchives.org/ore/terms/"
    public static let dc = "http://purl.org/dc/elements/1.1/"
    public static let dcterms = "http://purl.org/dc/terms/"
    public static let skos = "http://www.w3.org/2004/02/skos/core#"
    public static let rdaGr2 = "http://rdvocab.info/ElementsGr2/"
    public static let wgs84 = "http://www.w3.org/2003/01/geo/wgs84_pos#"
    public static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    public static let xsd = "http://www.w3.org/2001/XMLSchema#"
    public static let geo = "http://www.opengis.net/ont/geosparql#"

    /// The namespaces above by their usual prefix names, for Turtle and TriG output.
    public static let prefixes: [String: String] = [
        "crm": crm, "edm": edm, "ore": ore, "dc": dc, "dcterms": dcterms, "skos": skos, "rdaGr2": rdaGr2,
        "wgs84_pos": wgs84, "rdf": rdf, "rdfs": rdfs, "xsd": xsd, "geo": geo,
    ]
}

/// CIDOC-CRM 7.1 classes and properties used by the crosswalks.
public enum CRM {
    static func t(_ local: String) -> String { NS.crm + local }
    // Classes
    public static let E7_Activity = t("E7_Activity")
    public static let E8_Acquisition = t("E8_Acquisition")
    public static let E10_Transfer_of_Custody = t("E10_Transfer_of_Custody")
    public static let E12_Production = t("E12_Production")
    public static let E21_Person = t("E21_Person")
    public static let E22_Human_Made_Object = t("E22_Human-Made_Object")
    public static let E31_Document = t("E31_Document")
    public static let E33_Linguistic_Object = t("E33_Linguistic_Object")
    public static let E34_Inscription = t("E34_Inscription")
    public static let E35_Title = t("E35_Title")
    public static let E41_Appellation = t("E41_Appellation")
    public static let E42_Identifier = t("E42_Identifier")
    public static let E52_Time_Span = t("E52_Time-Span")
    public static let E53_Place = t("E53_Place")
    public static let E55_Type = t("E55_Type")
    public static let E56_Language = t("E56_Language")
    public static let E57_Material = t("E57_Material")
    public static let E65_Creation = t("E65_Creation")
    public static let E67_Birth = t("E67_Birth")
    public static let E69_Death = t("E69_Death")
    public static let E73_Information_Object = t("E73_Information_Object")
    public static let E74_Group = t("E74_Group")
    public static let E78_Curated_Holding = t("E78_Curated_Holding")
    public static let PC14_carried_out_by = t("PC14_carried_out_by")
    // Properties
    public static let P01_has_domain = t("P01_has_domain")
    public static let P02_has_range = t("P02_has_range")
    public static let P1_is_identified_by = t("P1_is_identified_by")
    public static let P2_has_type = t("P2_has_type")
    public static let P3_has_note = t("P3_has_note")
    public static let P4_has_time_span = t("P4_has_time-span")
    public static let P7_took_place_at = t("P7_took_place_at")
    public static let P14_carried_out_by = t("P14_carried_out_by")
    public static let P14_1_in_the_role_of = t("P14.1_in_the_role_of")
    public static let P16_used_specific_object = t("P16_used_specific_object")
    public static let P22_transferred_title_to = t("P22_transferred_title_to")
    public static let P23_transferred_title_from = t("P23_transferred_title_from")
    public static let P24_transferred_title_of = t("P24_transferred_title_of")
    public static let P28_custody_surrendered_by = t("P28_custody_surrendered_by")
    public static let P29_custody_received_by = t("P29_custody_received_by")
    public static let P30_transferred_custody_of = t("P30_transferred_custody_of")
    public static let P32_used_general_technique = t("P32_used_general_technique")
    public static let P45_consists_of = t("P45_consists_of")
    public static let P46_is_composed_of = t("P46_is_composed_of")
    public static let P46i_forms_part_of = t("P46i_forms_part_of")
    public static let P106_is_composed_of = t("P106_is_composed_of")
    public static let P106i_forms_part_of = t("P106i_forms_part_of")
    public static let P50_has_current_keeper = t("P50_has_current_keeper")
    public static let P62_depicts = t("P62_depicts")
    public static let P72_has_language = t("P72_has_language")
    public static let P82a_begin_of_the_begin = t("P82a_begin_of_the_begin")
    public static let P82b_end_of_the_end = t("P82b_end_of_the_end")
    public static let P89_falls_within = t("P89_falls_within")
    public static let P94_has_created = t("P94_has_created")
    public static let P98_brought_into_life = t("P98_brought_into_life")
    public static let P100_was_death_of = t("P100_was_death_of")
    public static let P102_has_title = t("P102_has_title")
    public static let P108_has_produced = t("P108_has_produced")
    public static let P128_carries = t("P128_carries")
    public static let P129_is_about = t("P129_is_about")
    public static let P168_place_is_defined_by = t("P168_place_is_defined_by")
    public static let P190_has_symbolic_content = t("P190_has_symbolic_content")
}

/// EDM, ORE and the other vocabularies of Europeana's model.
public enum EDM {
    public static let ProvidedCHO = NS.edm + "ProvidedCHO"
    public static let WebResource = NS.edm + "WebResource"
    public static let Agent = NS.edm + "Agent"
    public static let Place = NS.edm + "Place"
    public static let TimeSpan = NS.edm + "TimeSpan"
    public static let aggregatedCHO = NS.edm + "aggregatedCHO"
    public static let dataProvider = NS.edm + "dataProvider"
    public static let provider = NS.edm + "provider"
    public static let rights = NS.edm + "rights"
    public static let isShownAt = NS.edm + "isShownAt"
    public static let isShownBy = NS.edm + "isShownBy"
    public static let object = NS.edm + "object"
    public static let type = NS.edm + "type"
    public static let begin = NS.edm + "begin"
    public static let end = NS.edm + "end"
    public static let Aggregation = NS.ore + "Aggregation"
}

/// Dublin Core elements and terms.
public enum DC {
    public static let title = NS.dc + "title"
    public static let creator = NS.dc + "creator"
    public static let contributor = NS.dc + "contributor"
    public static let publisher = NS.dc + "publisher"
    public static let date = NS.dc + "date"
    public static let description = NS.dc + "description"
    public static let identifier = NS.dc + "identifier"
    public static let language = NS.dc + "language"
    public static let subject = NS.dc + "subject"
    public static let type = NS.dc + "type"
    public static let created = NS.dcterms + "created"
    public static let issued = NS.dcterms + "issued"
    public static let spatial = NS.dcterms + "spatial"
    public static let extent = NS.dcterms + "extent"
    public static let medium = NS.dcterms + "medium"
    public static let isPartOf = NS.dcterms + "isPartOf"
    public static let hasPart = NS.dcterms + "hasPart"
    public static let relation = NS.dc + "relation"
    public static let source = NS.dc + "source"
    public static let provenance = NS.dcterms + "provenance"
    public static let rightsHolder = NS.dcterms + "rightsHolder"
    /// A Dublin Core term by name: a full IRI as is, `relation` and `source` in
    /// the elements namespace, any other name among the DCMI terms.
    public static func term(_ name: String) -> String {
        if name.contains(":") { return name }
        return name == "relation" || name == "source" ? NS.dc + name : NS.dcterms + name
    }

    /// The DCMI refinements of `dc:relation` the Dublin Core reader keeps, by local name.
    public static let relationTerms = [
        "isVersionOf", "hasVersion", "isReplacedBy", "replaces", "isRequiredBy", "requires",
        "isReferencedBy", "references", "isFormatOf", "hasFormat", "conformsTo",
    ]
}

/// SKOS, RDA Group 2, WGS84, RDF and RDFS terms.
public enum Terms {
    public static let rdfType = NS.rdf + "type"
    public static let rdfsLabel = NS.rdfs + "label"
    public static let skosConcept = NS.skos + "Concept"
    public static let prefLabel = NS.skos + "prefLabel"
    public static let altLabel = NS.skos + "altLabel"
    public static let exactMatch = NS.skos + "exactMatch"
    public static let note = NS.skos + "note"
    public static let dateOfBirth = NS.rdaGr2 + "dateOfBirth"
    public static let dateOfDeath = NS.rdaGr2 + "dateOfDeath"
    public static let placeOfBirth = NS.rdaGr2 + "placeOfBirth"
    public static let placeOfDeath = NS.rdaGr2 + "placeOfDeath"
    public static let lat = NS.wgs84 + "lat"
    public static let long = NS.wgs84 + "long"
    public static let wktLiteral = NS.geo + "wktLiteral"
}

/// Every class and property the crosswalks may emit.
public enum CrosswalkTerms {
    public static let all: [String] = [
        CRM.E7_Activity, CRM.E8_Acquisition, CRM.E10_Transfer_of_Custody, CRM.E12_Production,
        CRM.E21_Person, CRM.E22_Human_Made_Object, CRM.E31_Document, CRM.E33_Linguistic_Object, CRM.E34_Inscription,
        CRM.E35_Title, CRM.E41_Appellation, CRM.E42_Identifier, CRM.E52_Time_Span, CRM.E53_Place,
        CRM.E55_Type, CRM.E56_Language, CRM.E57_Material, CRM.E65_Creation, CRM.E67_Birth, CRM.E69_Death,
        CRM.E73_Information_Object, CRM.E74_Group, CRM.E78_Curated_Holding, CRM.PC14_carried_out_by,
        CRM.P01_has_domain, CRM.P02_has_range, CRM.P1_is_identified_by, CRM.P2_has_type, CRM.P3_has_note,
        CRM.P4_has_time_span, CRM.P7_took_place_at, CRM.P14_carried_out_by, CRM.P14_1_in_the_role_of,
        CRM.P16_used_specific_object, CRM.P22_transferred_title_to, CRM.P23_transferred_title_from,
        CRM.P24_transferred_title_of, CRM.P28_custody_surrendered_by, CRM.P29_custody_received_by,
        CRM.P30_transferred_custody_of, CRM.P32_used_general_technique, CRM.P45_consists_of,
        CRM.P46_is_composed_of, CRM.P46i_forms_part_of, CRM.P50_has_current_keeper, CRM.P62_depicts,
        CRM.P106_is_composed_of, CRM.P106i_forms_part_of,
        CRM.P72_has_language, CRM.P82a_begin_of_the_begin, CRM.P82b_end_of_the_end, CRM.P89_falls_within,
        CRM.P94_has_created, CRM.P98_brought_into_life, CRM.P100_was_death_of, CRM.P102_has_title,
        CRM.P108_has_produced, CRM.P128_carries, CRM.P129_is_about, CRM.P168_place_is_defined_by,
        CRM.P190_has_symbolic_content,
        EDM.ProvidedCHO, EDM.WebResource, EDM.Agent, EDM.Place, EDM.TimeSpan, EDM.aggregatedCHO,
        EDM.dataProvider, EDM.provider, EDM.rights, EDM.isShownAt, EDM.isShownBy, EDM.object, EDM.type,
        EDM.begin, EDM.end, EDM.Aggregation,
        DC.title, DC.creator, DC.contributor, DC.publisher, DC.date, DC.description, DC.identifier,
        DC.language, DC.subject, DC.type, DC.created, DC.issued, DC.spatial, DC.extent, DC.medium,
        DC.isPartOf, DC.hasPart, DC.relation, DC.source, DC.provenance, DC.rightsHolder,
        Terms.skosConcept, Terms.prefLabel, Terms.altLabel, Terms.exactMatch, Terms.note,
        Terms.dateOfBirth, Terms.dateOfDeath, Terms.placeOfBirth, Terms.placeOfDeath, Terms.lat, Terms.long,
    ] + DC.relationTerms.map(DC.term)
}
