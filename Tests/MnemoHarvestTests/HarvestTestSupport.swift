import MnemoTestSupport
import Foundation
import Synchronization
@testable import MnemoHarvest

/// A sleeper that records the delays it is asked for and returns at once.
final class RecordingSleeper: OAISleeper {
    private let delays = Mutex<[Duration]>([])
    var recorded: [Duration] { delays.withLock { $0 } }

    func sleep(for duration: Duration) async throws {
        delays.withLock { $0.append(duration) }
    }
}

/// Collects warnings handed to the client's callback.
final class WarningLog: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    func add(_ line: String) { lines.withLock { $0.append(line) } }
}

/// A transport answering from a script, one entry per request (the last repeats).
final class ScriptedTransport: OAITransport {
    enum Step: Sendable { case fail(URLError.Code), respond(Int, [String: String], String) }
    private let steps: [Step]
    private let count = Mutex(0)
    var calls: Int { count.withLock { $0 } }

    init(_ steps: [Step]) { self.steps = steps }

    func get(_ url: URL, headers: [String: String]) async throws -> (status: Int, headers: [String: String], body: Data) {
        let n = count.withLock { c in defer { c += 1 }; return c }
        switch steps[min(n, steps.count - 1)] {
        case .fail(let code): throw URLError(code)
        case .respond(let status, let headers, let body): return (status, headers, Data(body.utf8))
        }
    }
}

/// A running fixture server and the base URL of its repository.
struct FixtureRepository {
    let server: OAITestServer
    let baseURL: URL

    init(routes: [OAITestRoute] = OAITestServer.standardRoutes) throws {
        server = OAITestServer(root: oaiFixtures, routes: routes)
        let port = try server.start()
        baseURL = URL(string: "http://127.0.0.1:\(port)/oai")!
    }

    /// A client for this repository; retries wait through `sleeper`.
    func client(metadataPrefix: String = "oai_dc", set: String? = nil, from: String? = nil, until: String? = nil,
                maxRetries: Int = 5, sleeper: any OAISleeper = RecordingSleeper(),
                onWarning: (@Sendable (String) -> Void)? = nil) -> OAIClient {
        let options = OAIHarvestOptions(baseURL: baseURL, metadataPrefix: metadataPrefix, set: set, from: from,
                                        until: until, maxRetries: maxRetries, initialBackoff: .seconds(1),
                                        maxBackoff: .seconds(10), timeout: .seconds(20))
        return OAIClient(options: options, sleeper: sleeper, onWarning: onWarning)
    }

    /// Harvests everything the client selects, returning the records and the summary.
    static func harvest(_ client: OAIClient) async throws -> ([OAIRecord], OAIHarvestSummary) {
        var records: [OAIRecord] = []
        let summary = try await client.listRecords { records.append($0) }
        return (records, summary)
    }
}

/// The UTF-8 bytes of a string, for byte-exact comparisons (String `==` is
/// canonical equivalence, which would hide a normalization change).
func bytes(_ s: String?) -> [UInt8] { Array((s ?? "").utf8) }
