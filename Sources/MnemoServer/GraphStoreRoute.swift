import Foundation
import HTTPTypes
import Hummingbird
import MnemoRDF
import MnemoStore
import MnemoSyntax
import NIOCore

/// The SPARQL 1.1 Graph Store HTTP Protocol at `/rdf-graph-store`, with
/// indirect graph identification (`?graph=IRI` or `?default`).
///
/// - GET / HEAD: the graph in the negotiated RDF syntax; 404 for a named graph with no triples.
/// - PUT: replaces the graph with the body (201 when the graph is new, 204 otherwise).
/// - POST: merges the body into the graph (201 / 204); POST without a graph
///   parameter creates a new graph and answers 201 with its IRI in `Location`.
/// - DELETE: removes the graph (204; 404 when there is none).
///
/// Each write is one atomic transaction. The body's syntax comes from its
/// `Content-Type` (415 when unknown); a syntax error answers 400 with its
/// line and column and changes nothing. Blank nodes in a body are fresh.
/// A named graph exists while it holds a triple: a store of quads keeps no empty graphs.
extension MnemoService {
    static let graphStorePath = "/rdf-graph-store"

    func addGraphStoreRoutes(_ router: Router<MnemoContext>) {
        let path = RouterPath(stringLiteral: Self.graphStorePath)
        router.get(path) { request, context in try await self.graphStore(request, context) }
        router.head(path) { request, context in try await self.graphStore(request, context) }
        router.put(path) { request, context in try await self.graphStore(request, context) }
        router.post(path) { request, context in try await self.graphStore(request, context) }
        router.delete(path) { request, context in try await self.graphStore(request, context) }
    }

    /// Which graph a request names: nil for the default graph.
    enum GraphTarget {
        case defaultGraph
        case named(String)
        case service
    }

    func graphTarget(_ params: FormParameters) throws -> GraphTarget {
        let graph = try params.single("graph")
        switch (graph, params.has("default")) {
        case (let g?, false):
            guard Self.isAbsoluteIRI(g) else { throw ServiceError.badRequest("graph must be an absolute IRI, not '\(g)'") }
            return .named(g)
        case (nil, true): return .defaultGraph
        case (nil, false): return .service
        default: throw ServiceError.badRequest("give either graph=IRI or default, not both")
        }
    }

    func graphStore(_ request: Request, _ context: MnemoContext) async throws -> Response {
        var request = request
        let params = try FormParameters(request.uri.query ?? "")
        var target = try graphTarget(params)
        switch request.method {
        case .get, .head:
            if case .service = target { throw ServiceError.badRequest("name a graph: ?graph=IRI or ?default") }
            return try await readGraph(target, request)
        case .put, .post, .delete:
            try requireWriter(context)
            var created: String?
            if case .service = target {
                guard request.method == .post else { throw ServiceError.badRequest("name a graph: ?graph=IRI or ?default") }
                let iri = mintGraphIRI()
                created = iri
                target = .named(iri)
            }
            var quads: [Quad] = []
            if request.method != .delete {
                let body = try await ProtocolRequest.bodyText(&request, maxBody: configuration.maxBodyBytes)
                quads = try await parseGraphBody(body, contentType: request.headers[.contentType], target: target)
            }
            let method = request.method
            let existed = try await blocking { [store, target, quads] in
                try store.transaction { tx -> Bool in
                    let g = Self.graphID(target, tx.dictionary, create: true)!
                    let old = tx.quads(inGraph: g)
                    if method == .delete, old.isEmpty, case .named(let iri) = target {
                        throw ServiceError(.notFound, "there is no graph <\(iri)>")
                    }
                    if method != .post { tx.delete(old) }
                    tx.insert(quads)
                    return !old.isEmpty
                }
            }
            var headers: HTTPFields = [:]
            if let created { headers[.location] = created }
            let isNew = !existed && method != .delete
            if case .defaultGraph = target { return Response(status: .noContent, headers: headers) }
            return Response(status: isNew ? .created : .noContent, headers: headers)
        default:
            throw ServiceError(.methodNotAllowed, "use GET, HEAD, PUT, POST or DELETE",
                               headers: [.allow: "GET, HEAD, PUT, POST, DELETE, OPTIONS"])
        }
    }

    private func readGraph(_ target: GraphTarget, _ request: Request) async throws -> Response {
        let quads: [Quad] = try await blocking { [store] in
            guard let g = Self.graphID(target, store.dictionary, create: false) else { return [] }
            return store.snapshot.quads(matching: QuadPattern(g: g)).map { q in
                Quad(store.dictionary.term(q.s), store.dictionary.term(q.p), store.dictionary.term(q.o))
            }
        }
        if quads.isEmpty, case .named(let iri) = target { throw ServiceError(.notFound, "there is no graph <\(iri)>") }
        return try rdfResponse(quads, request)
    }

    /// The graph's id (0 for the default graph); for an IRI the store has
    /// never seen, a new id with `create`, else nil.
    static func graphID(_ target: GraphTarget, _ dictionary: TermDictionary, create: Bool) -> TermID? {
        switch target {
        case .defaultGraph, .service: return 0
        case .named(let iri): return dictionary.lookup(.iri(iri)) ?? (create ? dictionary.intern(.iri(iri)) : nil)
        }
    }

    /// Parses a request body into quads of the target graph (graph names in
    /// N-Quads or TriG bodies are ignored). A `multipart/form-data` body is
    /// one RDF document per part, each in the syntax of its `Content-Type` or file name.
    func parseGraphBody(_ body: String, contentType: String?, target: GraphTarget) async throws -> [Quad] {
        var documents: [(text: String, format: RDFFormat, source: String)] = []
        if ProtocolRequest.mediaType(contentType) == "multipart/form-data" {
            for (i, part) in try MultipartForm(body: body, contentType: contentType!).parts.enumerated() {
                let name = "part \(i + 1)" + (part.fileName.map { " (\($0))" } ?? "")
                guard let format = Self.rdfFormat(part.contentType) ?? part.fileName.flatMap({ RDFFormat(fileName: $0) }) else {
                    throw ServiceError.unsupportedMediaType(part.contentType, expected: Self.rdfMediaTypes)
                }
                documents.append((part.content, format, name))
            }
        } else {
            guard let format = Self.rdfFormat(contentType) else {
                throw ServiceError.unsupportedMediaType(contentType, expected: Self.rdfMediaTypes + ["multipart/form-data"])
            }
            documents.append((body, format, "the body"))
        }
        let graph: Term?, base: String
        if case .named(let iri) = target { (graph, base) = (.iri(iri), iri) } else { (graph, base) = (nil, configuration.baseURI) }
        let prefix = "b" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased() + "_"
        let docs = documents
        return try await blocking {
            var quads: [Quad] = []
            for (n, doc) in docs.enumerated() {
                do {
                    let options = ParseOptions(baseIRI: base, blankNodePrefix: prefix + "\(n)_")
                    try RaptorParser(format: doc.format).parse(string: doc.text, sourceName: doc.source, options: options) { st in
                        let q = st.quad
                        quads.append(Quad(q.subject, q.predicate, q.object, graph))
                    }
                } catch let e as RDFSyntaxError {
                    throw ServiceError.badRequest("\(doc.source) (\(doc.format.rawValue)) has a syntax error at line \(e.line), column \(e.column): \(e.message)")
                }
            }
            return quads
        }
    }

    /// The RDF syntax a `Content-Type` names, or nil.
    static func rdfFormat(_ contentType: String?) -> RDFFormat? {
        let media = ProtocolRequest.mediaType(contentType) ?? ""
        return WireFormat.allCases.first { $0.rdfFormat != nil && $0.acceptedTypes.contains(media) }?.rdfFormat
    }

    static let rdfMediaTypes = WireFormat.graphFormats.compactMap { $0.rdfFormat?.mediaType }

    func mintGraphIRI() -> String {
        let base = configuration.baseURI.hasSuffix("/") ? configuration.baseURI : configuration.baseURI + "/"
        return base + "graph/uploaded/" + UUID().uuidString.lowercased()
    }

    static func isAbsoluteIRI(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":"), colon != s.startIndex else { return false }
        let scheme = s[..<colon]
        return scheme.first!.isLetter && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
            && !s.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" })
    }

    /// Runs blocking work on a worker thread and returns its result, holding a
    /// place at the gate meanwhile (503 when none comes free in time).
    func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await enterGate()
        defer { gate.leave() }
        return try await workers.runIfActive(body)
    }
}
