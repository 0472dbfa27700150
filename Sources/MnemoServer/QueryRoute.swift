import Foundation
import HTTPTypes
import Hummingbird
import MnemoSPARQL
import MnemoSPARQLResults
import MnemoSPARQLSyntax
import NIOCore

extension MnemoService {
    /// Answers a SPARQL query: parse (400 with the located message), choose
    /// the format (`format=` or `Accept`; 406), take a place at the gate
    /// (503), evaluate on a worker thread and stream the answer. The status
    /// is sent once the first chunk of the answer exists, so an error found
    /// before then (most timeouts, any evaluation error) gets its own status.
    func answerQuery(_ text: String, _ req: ProtocolRequest, _ request: Request) async throws -> Response {
        var query: Query
        do { query = try SPARQLParser.parse(text, baseIRI: configuration.baseURI) } catch let e as SPARQLSyntaxError {
            throw ServiceError.badRequest("query syntax error at \(e.description)")
        }
        var selection = DatasetSelection()
        if !req.defaultGraphs.isEmpty || !req.namedGraphs.isEmpty {
            // The protocol's dataset takes precedence over the query's FROM (§2.1.4).
            query.dataset = nil
            selection = DatasetSelection(defaultGraphs: req.defaultGraphs, namedGraphs: req.namedGraphs)
        }
        let limits = try queryLimits(req)
        if let explain = try req.parameters.single("explain"), !["false", "0", "no"].contains(explain.lowercased()) {
            return try await explainQuery(query, selection, limits, request)
        }
        let allowed = query.form.isGraphForm ? WireFormat.graphFormats : WireFormat.solutionFormats
        let format: WireFormat
        if let name = try req.parameters.single("format") {
            guard let f = WireFormat(parameter: name, among: allowed) else {
                throw ServiceError.badRequest("format '\(name)' cannot be produced for this query; use one of "
                                              + allowed.map(\.rawValue).joined(separator: ", "))
            }
            format = f
        } else {
            guard let f = WireFormat.negotiate(request.headers[.accept], among: allowed) else {
                throw ServiceError.notAcceptable(allowed)
            }
            format = f
        }
        let headers: HTTPFields = [.contentType: format.mediaType, .vary: "Accept"]
        if request.method == .head { return Response(status: .ok, headers: headers) }

        let pipe = ChunkPipe()
        try await startWork { [engine, metrics, query, selection] in
            do {
                let stream = try ResultStream(format: format) { try pipe.send($0) }
                try engine.evaluate(query, dataset: selection, limits: limits, into: stream)
                try stream.finish()
                pipe.finish()
            } catch {
                if case QueryError.timeout = error { metrics.queryTimeouts.increment() }
                pipe.finish(error)
            }
        }
        let start = await pipe.waitForStart()
        if !start.hasData, let failure = start.failure { throw Self.serviceError(failure) }
        return Response(status: .ok, headers: headers, body: pipe.responseBody())
    }

    /// Runs the query and answers with its plan as text (`explain=true`):
    /// estimated and actual rows, calls and time per operator.
    func explainQuery(_ query: Query, _ selection: DatasetSelection, _ limits: QueryLimits,
                      _ request: Request) async throws -> Response {
        let headers: HTTPFields = [.contentType: "text/plain; charset=utf-8"]
        if request.method == .head { return Response(status: .ok, headers: headers) }
        let pipe = ChunkPipe()
        try await startWork { [engine, query, selection] in
            do {
                let text = try engine.explain(query, dataset: selection, limits: limits).description + "\n"
                try Array(text.utf8).withUnsafeBytes { try pipe.send($0) }
                pipe.finish()
            } catch {
                pipe.finish(error)
            }
        }
        let start = await pipe.waitForStart()
        if !start.hasData, let failure = start.failure { throw Self.serviceError(failure) }
        return Response(status: .ok, headers: headers, body: pipe.responseBody())
    }

    /// The limits of one query: the service's, lowered by a `timeout=` parameter (seconds).
    func queryLimits(_ req: ProtocolRequest) throws -> QueryLimits {
        var timeout = configuration.queryTimeout
        if let t = try req.parameters.single("timeout") {
            guard let v = Double(t), v > 0 else { throw ServiceError.badRequest("timeout must be a positive number of seconds, not '\(t)'") }
            timeout = min(timeout, v)
        }
        return QueryLimits(timeout: timeout)
    }

    /// Runs blocking work on a worker thread, holding a place at the gate
    /// until it ends; 503 with `Retry-After` when no place comes free in time.
    func startWork(_ work: @escaping @Sendable () -> Void) async throws {
        try await enterGate()
        workers.submit { [gate, metrics] _ in
            work()
            gate.leave()
            metrics.inFlight.record(gate.inUse)
        }
    }

    /// Takes a place at the gate, or throws 503 with `Retry-After`.
    func enterGate() async throws {
        guard await gate.enter() else {
            metrics.rejected("concurrency")
            throw ServiceError(.serviceUnavailable,
                               "the service is evaluating \(gate.limit) requests already"
                               + (gate.queueTimeout > 0 ? " and none finished within \(gate.queueTimeout) s" : "")
                               + "; try again shortly",
                               headers: [.retryAfter: "1"])
        }
        metrics.inFlight.record(gate.inUse)
    }

    /// The status and message for an error from evaluation.
    static func serviceError(_ error: any Error) -> any Error {
        switch error {
        case let e as ServiceError: return e
        case let e as SPARQLSyntaxError: return ServiceError.badRequest("syntax error at \(e.description)")
        case let e as QueryError:
            switch e {
            case .timeout: return ServiceError(.serviceUnavailable, "query timeout: \(e.description)")
            case .tooManyResults, .tooMuchMemory: return ServiceError(.serviceUnavailable, e.description)
            case .unsupported, .evaluation: return ServiceError.badRequest(e.description)
            }
        default: return ServiceError(.internalServerError, "the request failed: \(error)")
        }
    }
}
