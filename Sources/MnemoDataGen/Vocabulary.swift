/// Script (and language tag) indices used by the name tables.
enum Script {
    static let en = 0       // Latin, tagged @en
    static let ru = 1       // Russian Cyrillic, @ru
    static let kk = 2       // Kazakh Cyrillic, @kk
    static let uzLatn = 3   // Uzbek Latin (with U+02BB in oʻ gʻ), @uz-Latn
    static let uzCyrl = 4   // Uzbek Cyrillic, @uz-Cyrl
    static let count = 5
}

@inline(__always)
func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

/// Every constant byte string the generator writes: IRI prefixes, predicates
/// (with their surrounding spaces), classes, literal suffixes.
/// Built once per run so the hot loop only copies bytes.
struct Vocabulary {
    static let crm = "http://www.cidoc-crm.org/cidoc-crm/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    static let owl = "http://www.w3.org/2002/07/owl#"
    static let wgs84 = "http://www.w3.org/2003/01/geo/wgs84_pos#"
    static let geo = "http://www.opengis.net/ont/geosparql#"

    /// `<{base}inst{N}/`, per institution (0-based index, 1-based number).
    let instPrefix: [[UInt8]]
    /// ` <{base}graph/inst{N}> .\n`, per institution.
    let graphEnd: [[UInt8]]

    // Path segments after the institution prefix.
    let person = utf8("person/")
    let place = utf8("place/")
    let object = utf8("object/")
    let type = utf8("type/")

    // Tails that close a minted IRI.
    let close = utf8(">")
    let birth = utf8("/birth>")
    let birthTime = utf8("/birth/time>")
    let death = utf8("/death>")
    let deathTime = utf8("/death/time>")
    let name = utf8("/name/")
    let identifier = utf8("/id>")
    let production = utf8("/production>")
    let productionTime = utf8("/production/time>")

    // Predicates, written as " <iri> ".
    let rdfType = Vocabulary.predicate(rdf + "type")
    let label = Vocabulary.predicate(rdfs + "label")
    let exactMatch = Vocabulary.predicate(skos + "exactMatch")
    let sameAs = Vocabulary.predicate(owl + "sameAs")
    let p1 = Vocabulary.predicate(crm + "P1_is_identified_by")
    let p2 = Vocabulary.predicate(crm + "P2_has_type")
    let p3 = Vocabulary.predicate(crm + "P3_has_note")
    let p4 = Vocabulary.predicate(crm + "P4_has_time-span")
    let p7 = Vocabulary.predicate(crm + "P7_took_place_at")
    let p14 = Vocabulary.predicate(crm + "P14_carried_out_by")
    let p82a = Vocabulary.predicate(crm + "P82a_begin_of_the_begin")
    let p82b = Vocabulary.predicate(crm + "P82b_end_of_the_end")
    let p89 = Vocabulary.predicate(crm + "P89_falls_within")
    let p98 = Vocabulary.predicate(crm + "P98_brought_into_life")
    let p100 = Vocabulary.predicate(crm + "P100_was_death_of")
    let p108 = Vocabulary.predicate(crm + "P108_has_produced")
    let p168 = Vocabulary.predicate(crm + "P168_place_is_defined_by")
    let p190 = Vocabulary.predicate(crm + "P190_has_symbolic_content")
    let lat = Vocabulary.predicate(wgs84 + "lat")
    let long = Vocabulary.predicate(wgs84 + "long")

    // Classes, written as "<iri>".
    let e12 = utf8("<" + crm + "E12_Production>")
    let e21 = utf8("<" + crm + "E21_Person>")
    let e22 = utf8("<" + crm + "E22_Human-Made_Object>")
    let e41 = utf8("<" + crm + "E41_Appellation>")
    let e42 = utf8("<" + crm + "E42_Identifier>")
    let e52 = utf8("<" + crm + "E52_Time-Span>")
    let e53 = utf8("<" + crm + "E53_Place>")
    let e55 = utf8("<" + crm + "E55_Type>")
    let e67 = utf8("<" + crm + "E67_Birth>")
    let e69 = utf8("<" + crm + "E69_Death>")

    // External authorities.
    let wikidata = utf8("<http://www.wikidata.org/entity/Q")
    let geonames = utf8("<https://sws.geonames.org/")
    let slashClose = utf8("/>")

    // Literal endings: closing quote plus language tag or datatype.
    let langEnd: [[UInt8]] = ["en", "ru", "kk", "uz-Latn", "uz-Cyrl"].map { utf8("\"@" + $0) }
    let plainEnd = utf8("\"")
    let dateEnd = utf8("\"^^<" + xsd + "date>")
    let dateTimeEnd = utf8("\"^^<" + xsd + "dateTime>")
    let decimalEnd = utf8("\"^^<" + xsd + "decimal>")
    let wktEnd = utf8("\"^^<" + geo + "wktLiteral>")
    let wktStart = utf8("\"POINT(")
    let startOfDay = utf8("T00:00:00")
    let endOfDay = utf8("T23:59:59")

    init(base: String, institutions: Int) {
        instPrefix = (1...institutions).map { utf8("<" + base + "inst\($0)/") }
        graphEnd = (1...institutions).map { utf8(" <" + base + "graph/inst\($0)> .\n") }
    }

    static func predicate(_ iri: String) -> [UInt8] { utf8(" <" + iri + "> ") }
}
