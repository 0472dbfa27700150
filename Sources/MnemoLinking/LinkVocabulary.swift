/// The IRIs linking reads and writes, by namespace.
public enum LinkVocabulary {
    public static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    public static let skos = "http://www.w3.org/2004/02/skos/core#"
    public static let owl = "http://www.w3.org/2002/07/owl#"
    public static let crm = "http://www.cidoc-crm.org/cidoc-crm/"
    public static let xsd = "http://www.w3.org/2001/XMLSchema#"
    public static let dcterms = "http://purl.org/dc/terms/"
    public static let wgs84 = "http://www.w3.org/2003/01/geo/wgs84_pos#"
    public static let sssom = "https://w3id.org/sssom/"
    public static let semapv = "https://w3id.org/semapv/vocab/"
    /// Mnemo's own terms for link state (fingerprints, decisions, review status).
    public static let mnemo = "https://w3id.org/mnemo/vocab#"

    public static let type = rdf + "type"
    public static let exactMatch = skos + "exactMatch"
    public static let sameAs = owl + "sameAs"

    /// Predicates whose literal objects are names of the subject.
    static let labelPredicates = [rdfs + "label", skos + "prefLabel", skos + "altLabel",
                                  "http://xmlns.com/foaf/0.1/name", "http://schema.org/name",
                                  "http://purl.org/dc/elements/1.1/title", "http://purl.org/dc/terms/title"]
    /// Predicates whose IRI objects may be authority records of the same thing.
    static let identityPredicates = [skos + "exactMatch", owl + "sameAs", "http://schema.org/sameAs",
                                     "http://www.w3.org/2000/01/rdf-schema#seeAlso"]
}
