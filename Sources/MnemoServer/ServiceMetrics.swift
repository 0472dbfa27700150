import CoreMetrics
import Foundation
import Hummingbird
import Metrics
import MnemoRDF
import Prometheus

/// The service's metrics, in a Prometheus registry of its own (so two
/// services in one process, as in tests, do not mix their counts), made
/// through swift-metrics with the Prometheus factory.
final class ServiceMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    let queryTimeouts: CoreMetrics.Counter
    let inFlight: CoreMetrics.Gauge
    let storeQuads: CoreMetrics.Gauge
    let storeGraphs: CoreMetrics.Gauge

    init() {
        var f = PrometheusMetricsFactory(registry: registry)
        f.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .seconds(2), .seconds(5), .seconds(10), .seconds(30),
        ]
        factory = f
        queryTimeouts = CoreMetrics.Counter(label: "mnemo_query_timeouts_total", factory: f)
        inFlight = CoreMetrics.Gauge(label: "mnemo_queries_in_flight", factory: f)
        storeQuads = CoreMetrics.Gauge(label: "mnemo_store_quads", factory: f)
        storeGraphs = CoreMetrics.Gauge(label: "mnemo_store_graphs", factory: f)
    }

    /// Counts one answered request and records its latency.
    func record(route: String, method: String, status: Int, seconds: Double) {
        let labels = [("route", route), ("method", method), ("status", String(status))]
        CoreMetrics.Counter(label: "mnemo_http_requests_total", dimensions: labels, factory: factory).increment()
        Metrics.Timer(label: "mnemo_http_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            .recordNanoseconds(Int64(seconds * 1e9))
    }

    /// Counts a request refused before it was evaluated (`reason`: concurrency, body_too_large, uri_too_long, …).
    func rejected(_ reason: String) {
        CoreMetrics.Counter(label: "mnemo_rejected_requests_total", dimensions: [("reason", reason)], factory: factory).increment()
    }

    /// The Prometheus text exposition.
    func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

/// Times every request, counts it by route pattern, method and status, and
/// writes one JSON line of access log (never a header, so never a token).
struct ObservabilityMiddleware: RouterMiddleware {
    typealias Context = MnemoContext
    let metrics: ServiceMetrics
    let accessLog: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let status: Int
        let response: Response
        do {
            response = try await next(request, context)
            status = Int(response.status.code)
        } catch let e as any HTTPResponseError {
            status = Int(e.status.code)
            finish(request, context, status, start)
            throw e
        } catch {
            finish(request, context, 500, start)
            throw error
        }
        finish(request, context, status, start)
        return response
    }

    private func finish(_ request: Request, _ context: Context, _ status: Int, _ start: ContinuousClock.Instant) {
        let d = ContinuousClock.now - start
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        let route = context.endpointPath ?? (status == 404 ? "unmatched" : "other")
        metrics.record(route: route, method: request.method.rawValue, status: status, seconds: seconds)
        guard accessLog else { return }
        var line = "{\"time\":\(AccessLogText.quoted(AccessLogText.timestamp()))"
        line += ",\"id\":\(AccessLogText.quoted(context.id)),\"method\":\(AccessLogText.quoted(request.method.rawValue))"
        line += ",\"path\":\(AccessLogText.quoted(request.uri.path)),\"query_bytes\":\(request.uri.query?.utf8.count ?? 0)"
        line += ",\"status\":\(status),\"ms\":\(String(format: "%.3f", seconds * 1000))"
        if let who = context.principal { line += ",\"token\":\(AccessLogText.quoted(who.label))" }
        line += "}\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// JSON spelling for access-log lines.
enum AccessLogText {
    static func quoted(_ s: String) -> String {
        var out = ""
        JSONString.append(s, to: &out)
        return out
    }

    static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
    }
}
