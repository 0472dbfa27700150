import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import MnemoRDF
import MnemoSPARQL
import MnemoLinking
import MnemoSearch
import MnemoStore
import MnemoSyntax
import NIOCore
import NIOPosix
import MnemoWeb
import Synchronization

/// Mnemo's HTTP service over one store: the SPARQL 1.1 Protocol (query and
/// update) at `/sparql`, the Graph Store Protocol at `/rdf-graph-store`,
/// Linked Data pages for the IRIs under the base URI, dumps, VoID, the
/// query page, the links' review loop and merged views under `/links/`,
/// `/health` and `/metrics`.
///
/// Queries and updates run on worker threads, never on the event loops;
/// readers work on immutable index snapshots, so they never wait for each
/// other or for a write in progress.
///
/// ```swift
/// let service = MnemoService(store: try Store.open("sqlite:mnemo.sqlite"), configuration: ServerConfiguration())
/// try await service.run { url in print("Mnemo is serving \(url)") }
/// ```
public final class MnemoService: Sendable {
    public let store: Store
    public let configuration: ServerConfiguration
    let engine: SPARQLEngine
    let metrics = ServiceMetrics()
    let gate: ConcurrencyGate
    let workers: NIOThreadPool
    /// The dumps on offer; one per service, since it caches their digests per snapshot.
    let dumps: DumpCatalog
    /// The VoID description of the last snapshot it was made for.
    let voidCache = SnapshotMemo<[Quad]>()
    /// The name index of the last snapshot searched.
    let searchIndex = SnapshotMemo<NameIndex>()
    /// The reconciliation facts of the last snapshot reconciled against (built over `searchIndex`'s index).
    let reconcileIndex = SnapshotMemo<Reconciler>()
    /// The mapping records of the links graph, as of the last snapshot reviewed or exported.
    let linkMappings = SnapshotMemo<[Mapping]>()

    public init(store: Store, configuration: ServerConfiguration) {
        self.store = store
        self.configuration = configuration
        engine = SPARQLEngine(store: store, extensions: [NameScoreFunction()])
        gate = ConcurrencyGate(limit: configuration.maxConcurrent, queueTimeout: configuration.queueTimeout)
        workers = NIOThreadPool(numberOfThreads: max(1, configuration.maxConcurrent))
        workers.start()
        let base = configuration.baseURI.hasSuffix("/") ? configuration.baseURI : configuration.baseURI + "/"
        dumps = DumpCatalog(store: store, baseURL: base, pathPrefix: "/dumps/")
    }

    /// The router with every route and middleware.
    public func makeRouter() -> Router<MnemoContext> {
        let router = Router(context: MnemoContext.self)
        router.add(middleware: TextErrorMiddleware())
        router.add(middleware: ObservabilityMiddleware(metrics: metrics, accessLog: configuration.accessLog))
        router.add(middleware: LimitsMiddleware(maxURILength: configuration.maxURILength, metrics: metrics))
        router.add(middleware: CORSMiddleware(
            allowOrigin: .all,
            allowHeaders: [.accept, .authorization, .contentType, .ifNoneMatch],
            allowMethods: [.get, .head, .post, .put, .delete, .options],
            exposedHeaders: ["Content-Type", "ETag", "Last-Modified", "Retry-After", "Location", "Content-Location"],
            maxAge: .seconds(86400)))
        router.add(middleware: AuthMiddleware(tokens: configuration.tokens, protectReads: configuration.protectReads))

        router.get("/sparql") { request, context in try await self.sparql(request, context) }
        router.head("/sparql") { request, context in try await self.sparql(request, context) }
        router.post("/sparql") { request, context in try await self.sparql(request, context) }
        router.get("/health") { _, _ in self.health() }
        router.get("/metrics") { _, _ in self.metricsResponse() }
        addGraphStoreRoutes(router)
        addPublishingRoutes(router)
        addSearchRoutes(router)
        addReconcileRoutes(router)
        addLinkRoutes(router)
        addLinkedDataRoutes(router)
        return router
    }

    /// The Hummingbird application: binds to the configured address when run.
    /// `onRunning` receives the service's URL once it accepts connections.
    public func makeApplication(onRunning: @escaping @Sendable (String) async -> Void = { _ in })
        -> Application<RouterResponder<MnemoContext>> {
        let host = configuration.host
        // NIO's HTTP decoder counts the request target against its header limits (80 KiB by
        // default) and past them Hummingbird closes the connection after a bare 400. Read heads
        // up to a mebibyte beyond `maxURILength`, so an over-long target reaches the limits
        // middleware and gets its 414 with a message saying what to do instead.
        let headLimit = max(80 * 1024, configuration.maxURILength) + 1024 * 1024
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [DecoderErrorHandler()],
            httpDecoderConfiguration: .init(maxHeaderFieldSize: headLimit, maxHeaderListSize: headLimit))
        return Application(
            router: makeRouter(),
            server: .http1(configuration: http1),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "Mnemo"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                await onRunning("http://\(shown):\(port)/")
            },
            logger: logger)
    }

    /// Hummingbird's own log: its start-up line and warnings; only warnings without the access log.
    private var logger: Logger {
        var l = Logger(label: "mnemo.http")
        l.logLevel = configuration.accessLog ? .info : .warning
        return l
    }

    /// Binds, serves until SIGTERM or SIGINT (draining in-flight requests), then stops the workers.
    public func run(onRunning: @escaping @Sendable (String) async -> Void = { _ in }) async throws {
        let app = makeApplication(onRunning: onRunning)
        let saver = Task { await saveIndexWhenQuiet() }
        defer { saver.cancel() }
        do {
            try await app.runService()
        } catch {
            try? await workers.shutdownGracefully()
            throw error
        }
        try? await workers.shutdownGracefully()
    }

    /// Saves the store's index sidecar once the store has had no write for
    /// ``ServerConfiguration/indexSaveDelay`` seconds, and again after each
    /// later burst of writes, until cancelled. The save runs on a worker
    /// thread; readers go on meanwhile, writers wait for it.
    func saveIndexWhenQuiet() async {
        let delay = configuration.indexSaveDelay
        guard delay > 0 else { return }
        var lastStamp: UInt64?
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(Int(delay * 1000)))
            let store = self.store
            // On a worker thread: the state is read under the store's write lock, which a long update may hold.
            guard !Task.isCancelled, let state = try? await blocking({ store.indexState }) else { return }
            defer { lastStamp = state.stamp }
            // Unsaved, and no write since the last look: quiet for at least `delay`.
            guard !state.saved, state.stamp == lastStamp else { continue }
            _ = try? await blocking { store.saveIndex() }
        }
    }

    /// Stops the worker threads of a service whose application has stopped
    /// (``run(onRunning:)`` does this itself); for callers that run
    /// ``makeApplication(onRunning:)`` directly, such as tests starting many services.
    public func shutdown() async {
        try? await workers.shutdownGracefully()
    }

    func sparql(_ request: Request, _ context: MnemoContext) async throws -> Response {
        var request = request
        let req = try await ProtocolRequest.read(&request, maxBody: configuration.maxBodyBytes)
        switch req.operation {
        case .query(let text): return try await answerQuery(text, req, request)
        case .update(let text):
            try requireWriter(context)
            return try await runUpdate(text, req)
        case .describeService:
            let offers = ["text/html"] + WireFormat.graphFormats.map { $0.acceptedTypes[0] }
            if let accept = request.headers[.accept], ContentNegotiation.choose(accept, offers: offers) == "text/html" {
                return queryPage(request)
            }
            return try describeService(request)
        }
    }

    func health() -> Response {
        let snap = store.snapshot
        let body = "{\"status\":\"ok\",\"quads\":\(snap.count),\"queries_running\":\(gate.inUse),\"queries_waiting\":\(gate.waiting)}\n"
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    func metricsResponse() -> Response {
        metrics.storeQuads.record(store.snapshot.count)
        metrics.storeGraphs.record(store.snapshot.namedGraphs().count)
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
    }

    /// The service description, Turtle unless `Accept` asks for another RDF syntax.
    func describeService(_ request: Request) throws -> Response {
        let endpoint = "\(configuration.baseURI.hasSuffix("/") ? String(configuration.baseURI.dropLast()) : configuration.baseURI)/sparql"
        return try rdfResponse(ServiceDescription.quads(endpoint: endpoint, store: store, extensionFunctions: engine.extensions.map(\.iri)), request,
                               prefixes: [("sd", ServiceDescription.sd), ("void", ServiceDescription.void)])
    }

    /// Quads as a whole response in the RDF syntax `Accept` asks for (406 when none).
    func rdfResponse(_ quads: [Quad], _ request: Request, prefixes: [(String, String)] = [],
                     format chosen: WireFormat? = nil, extraHeaders: HTTPFields = [:]) throws -> Response {
        guard let format = chosen ?? WireFormat.negotiate(request.headers[.accept], among: WireFormat.graphFormats) else {
            throw ServiceError.notAcceptable(WireFormat.graphFormats)
        }
        var bytes: [UInt8] = []
        let stream = try ResultStream(format: format, prefixes: prefixes + Store.commonPrefixes) { bytes.append(contentsOf: $0) }
        for q in quads { try stream.triple(q) }
        try stream.finish()
        var headers = extraHeaders
        headers[.contentType] = format.mediaType
        headers[.vary] = "Accept"
        return Response(status: .ok, headers: headers,
                        body: request.method == .head ? .init() : .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// Refuses over-long request targets (414) before any route sees them.
struct LimitsMiddleware: RouterMiddleware {
    typealias Context = MnemoContext
    let maxURILength: Int
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.description.utf8.count > maxURILength {
            metrics.rejected("uri_too_long")
            throw ServiceError(.uriTooLong, "the request target is longer than \(maxURILength) bytes; send the query with POST")
        }
        return try await next(request, context)
    }
}

/// Gives every refusal a plain-text message, as ``ServiceError`` does: the
/// errors Hummingbird raises itself (404 for a path or method no route
/// serves, its request-decoding 400s, `NIOTooManyBytesError`'s 413) come
/// with an empty body or as JSON otherwise.
struct TextErrorMiddleware: RouterMiddleware {
    typealias Context = MnemoContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let e as ServiceError {
            throw e
        } catch let e as HTTPError {
            throw ServiceError(e.status, e.body ?? Self.message(e.status, request), headers: e.headers)
        } catch let e as any HTTPResponseError {
            throw ServiceError(e.status, Self.message(e.status, request))
        }
    }

    static func message(_ status: HTTPResponse.Status, _ request: Request) -> String {
        switch status {
        case .notFound: return "nothing here answers \(request.method.rawValue) \(request.uri.path)"
        default: return "\(status.code) \(status.reasonPhrase) (\(request.method.rawValue) \(request.uri.path))"
        }
    }
}
