/// A SPARQL query offered on the query page, with a title saying what it asks.
public struct ExampleQuery: Sendable, Hashable {
    public var title: String
    public var query: String

    public init(title: String, query: String) {
        self.title = title
        self.query = query
    }

    /// The prefixes, then a blank line (a string literal drops the newline before its closing quotes).
    static let prefixes = """
    PREFIX crm: <http://www.cidoc-crm.org/cidoc-crm/>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX owl: <http://www.w3.org/2002/07/owl#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>


    """

    /// Questions for CIDOC-CRM data, each answered by the Fixtures.
    public static let cidocCRM: [ExampleQuery] = [
        ExampleQuery(title: "Persons born in a place", query: prefixes + """
        SELECT ?person ?name ?place ?placeName ?date WHERE {
          ?birth a crm:E67_Birth ;
                 crm:P98_brought_into_life ?person ;
                 crm:P7_took_place_at ?place .
          OPTIONAL { ?person rdfs:label ?name FILTER(lang(?name) = "en") }
          OPTIONAL { ?place rdfs:label ?placeName FILTER(lang(?placeName) = "en") }
          OPTIONAL { ?birth crm:P4_has_time-span/crm:P82a_begin_of_the_begin ?date }
        }
        ORDER BY ?date
        """),
        ExampleQuery(title: "Births per decade", query: prefixes + """
        SELECT ?decade (COUNT(DISTINCT ?person) AS ?births) WHERE {
          ?birth a crm:E67_Birth ;
                 crm:P98_brought_into_life ?person ;
                 crm:P4_has_time-span/crm:P82a_begin_of_the_begin ?begin .
          BIND(FLOOR(YEAR(?begin) / 10) * 10 AS ?decade)
        }
        GROUP BY ?decade
        ORDER BY ?decade
        """),
        ExampleQuery(title: "Who produced or created what", query: prefixes + """
        SELECT ?thing ?thingName ?agent ?agentName ?activity WHERE {
          { ?activity a crm:E12_Production ; crm:P108_has_produced ?thing }
          UNION
          { ?activity a crm:E65_Creation ; crm:P94_has_created ?thing }
          ?activity crm:P14_carried_out_by ?agent .
          OPTIONAL { ?thing rdfs:label ?thingName FILTER(lang(?thingName) = "en") }
          OPTIONAL { ?agent rdfs:label ?agentName FILTER(lang(?agentName) = "en") }
        }
        ORDER BY ?agentName
        """),
        ExampleQuery(title: "Institutions describing the same person", query: prefixes + """
        SELECT DISTINCT ?person ?graph ?sameAs ?otherGraph WHERE {
          GRAPH ?graph { ?person a crm:E21_Person }
          ?person (owl:sameAs|^owl:sameAs|skos:exactMatch|^skos:exactMatch)+ ?sameAs .
          GRAPH ?otherGraph { ?sameAs a crm:E21_Person }
          FILTER(?graph != ?otherGraph)
        }
        ORDER BY ?person ?otherGraph
        """),
        ExampleQuery(title: "Names of a person in every language and script", query: prefixes + """
        SELECT ?person ?name (LANG(?name) AS ?language) WHERE {
          ?person a crm:E21_Person .
          { ?person rdfs:label ?name }
          UNION
          { ?person crm:P1_is_identified_by/crm:P190_has_symbolic_content ?name FILTER(LANG(?name) != "") }
        }
        ORDER BY ?person ?language
        LIMIT 200
        """),
        ExampleQuery(title: "Named graphs and their sizes", query: """
        SELECT ?graph (COUNT(*) AS ?statements) WHERE {
          GRAPH ?graph { ?s ?p ?o }
        }
        GROUP BY ?graph
        ORDER BY DESC(?statements)
        """),
    ]
}
