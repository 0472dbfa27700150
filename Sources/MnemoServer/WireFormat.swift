import MnemoSPARQLResults
import MnemoSyntax

/// The formats the endpoint writes, with the media types that ask for them
/// and the names the `format` parameter takes.
public enum WireFormat: String, CaseIterable, Sendable {
    case json, xml, csv, tsv, turtle, ntriples, nquads, trig, rdfxml, jsonld

    /// Formats for SELECT and ASK, in order of preference.
    static let solutionFormats: [WireFormat] = [.json, .xml, .csv, .tsv]
    /// Formats for CONSTRUCT and DESCRIBE (and graphs), in order of preference.
    static let graphFormats: [WireFormat] = [.turtle, .ntriples, .nquads, .trig, .rdfxml, .jsonld]

    /// The `Content-Type` sent.
    public var mediaType: String {
        switch self {
        case .json, .xml, .csv, .tsv: return ResultFormat(rawValue: rawValue)!.mediaType
        case .jsonld: return "application/ld+json"
        default: return rdfFormat!.mediaType + (self == .rdfxml ? "" : "; charset=utf-8")
        }
    }

    /// Media types that select this format in `Accept`, the registered one first.
    var acceptedTypes: [String] {
        switch self {
        case .json: return ["application/sparql-results+json", "application/json"]
        case .xml: return ["application/sparql-results+xml", "application/xml", "text/xml"]
        case .csv: return ["text/csv"]
        case .tsv: return ["text/tab-separated-values"]
        case .turtle: return ["text/turtle", "application/x-turtle"]
        case .ntriples: return ["application/n-triples", "text/plain"]
        case .nquads: return ["application/n-quads", "text/x-nquads"]
        case .trig: return ["application/trig"]
        case .rdfxml: return ["application/rdf+xml", "application/xml", "text/xml"]
        case .jsonld: return ["application/ld+json", "application/json"]
        }
    }

    /// The RDF syntax, for graph formats written by ``RDFWriter``.
    var rdfFormat: RDFFormat? {
        switch self {
        case .turtle: return .turtle
        case .ntriples: return .ntriples
        case .nquads: return .nquads
        case .trig: return .trig
        case .rdfxml: return .rdfxml
        default: return nil
        }
    }

    /// A `format=` parameter value: a name (`json`, `ttl`, `n-triples`, …) or a media type.
    init?(parameter: String, among allowed: [WireFormat]) {
        let p = parameter.lowercased()
        let names: [WireFormat: [String]] = [
            .json: ["json", "srj"], .xml: ["xml", "srx"], .csv: ["csv"], .tsv: ["tsv"],
            .turtle: ["turtle", "ttl"], .ntriples: ["ntriples", "n-triples", "nt"], .nquads: ["nquads", "n-quads", "nq"],
            .trig: ["trig"], .rdfxml: ["rdfxml", "rdf/xml", "rdf", "xml"], .jsonld: ["jsonld", "json-ld", "json"],
        ]
        guard let f = allowed.first(where: { names[$0]!.contains(p) || $0.acceptedTypes.contains(p) }) else { return nil }
        self = f
    }

    /// Negotiates among `allowed` from an `Accept` header; nil: nothing acceptable.
    static func negotiate(_ accept: String?, among allowed: [WireFormat]) -> WireFormat? {
        var offers: [String] = []
        var owner: [String: WireFormat] = [:]
        for f in allowed {
            for t in f.acceptedTypes where owner[t] == nil {
                owner[t] = f
                offers.append(t)
            }
        }
        // Registered types first, so `*/*` picks the preferred format.
        let ordered = allowed.map { $0.acceptedTypes[0] } + offers.filter { t in !allowed.contains { $0.acceptedTypes[0] == t } }
        return ContentNegotiation.choose(accept, offers: ordered).flatMap { owner[$0] }
    }
}
