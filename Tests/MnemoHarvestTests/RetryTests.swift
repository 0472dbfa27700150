import MnemoTestSupport
import Foundation
import Testing
@testable import MnemoHarvest

@Suite struct RetryTests {
    @Test func serviceUnavailableHonoursRetryAfter() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        let sleeper = RecordingSleeper()
        let (records, _) = try await FixtureRepository.harvest(repo.client(set: "archive", sleeper: sleeper))
        #expect(sleeper.recorded == [.seconds(1)])
        #expect(records.map(\.identifier) == ["oai:mnemo.example.org:archive-kazan/tukay-letters",
                                             "oai:mnemo.example.org:archive-kazan/valikhanov-diary"])
        #expect(repo.server.requests.map(\.rawQuery) == Array(repeating: "verb=ListRecords&metadataPrefix=oai_dc&set=archive", count: 2))
    }

    @Test func realRetryAfterOfOneSecond() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        let clock = ContinuousClock()
        let start = clock.now
        let (records, _) = try await FixtureRepository.harvest(repo.client(set: "archive", sleeper: TaskSleeper()))
        let elapsed = clock.now - start
        #expect(records.count == 2)
        // A real wait happened. No upper bound: under a loaded test run the
        // wake-up can be late; the cap itself is tested with a recording sleeper.
        #expect(elapsed >= .milliseconds(950))
    }

    @Test func retryAfterIsCappedByMaxBackoff() async throws {
        let repo = try FixtureRepository(routes: [
            OAITestRoute(["verb": "Identify"], .status(503, headers: ["Retry-After": "3600"]), .file("identify.xml")),
        ])
        defer { repo.server.stop() }
        let sleeper = RecordingSleeper()
        _ = try await repo.client(sleeper: sleeper).identify()
        #expect(sleeper.recorded == [.seconds(10)])
    }

    @Test func retriesExhaustedNamesURLAndLastStatus() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        let sleeper = RecordingSleeper()
        let error = await #expect(throws: OAIError.self) {
            _ = try await FixtureRepository.harvest(repo.client(set: "test:down", maxRetries: 4, sleeper: sleeper))
        }
        guard case .retriesExhausted(let url, let attempts, let status, _)? = error else {
            Issue.record("expected retriesExhausted, got \(String(describing: error))")
            return
        }
        #expect(attempts == 5)
        #expect(status == 500)
        #expect(url.absoluteString.hasSuffix("/oai?verb=ListRecords&metadataPrefix=oai_dc&set=test%3Adown"))
        #expect(error?.description == "gave up on \(url.absoluteString) after 5 attempts; last failure: HTTP 500")
        // Exponential back-off from 1 s, capped at 10 s.
        #expect(sleeper.recorded == [.seconds(1), .seconds(2), .seconds(4), .seconds(8)])
        #expect(repo.server.requests.count == 5)
    }

    @Test func networkErrorsAreRetried() async throws {
        let transport = ScriptedTransport([
            .fail(.cannotConnectToHost), .fail(.timedOut), .respond(502, [:], "bad gateway"),
            .respond(200, [:], try String(contentsOf: oaiFixtures.appendingPathComponent("identify.xml"), encoding: .utf8)),
        ])
        let sleeper = RecordingSleeper()
        let client = OAIClient(options: OAIHarvestOptions(baseURL: URL(string: "http://repository.invalid/oai")!),
                               transport: transport, sleeper: sleeper)
        let identify = try await client.identify()
        #expect(identify.granularity == .day)
        #expect(transport.calls == 4)
        #expect(sleeper.recorded == [.seconds(1), .seconds(2), .seconds(4)])
        #expect(OAIRetryingFetcher.describe(URLError(.timedOut)) == "timed out (URLError -1001)")
    }

    @Test func droppedConnectionsAreRetriedThenReported() async throws {
        let repo = try FixtureRepository(routes: [
            OAITestRoute(["verb": "Identify"], .hangUp, .file("identify.xml")),
            OAITestRoute(["verb": "ListSets"], .hangUp),
        ])
        defer { repo.server.stop() }
        let sleeper = RecordingSleeper()
        let client = repo.client(maxRetries: 2, sleeper: sleeper)
        #expect(try await client.identify().granularity == .day)
        #expect(sleeper.recorded == [.seconds(1)])

        let error = await #expect(throws: OAIError.self) { _ = try await client.listSets() }
        guard case .retriesExhausted(_, 3, nil, let message?)? = error else {
            Issue.record("expected retriesExhausted with a network error, got \(String(describing: error))")
            return
        }
        #expect(message.contains("(URLError "))
        #expect(sleeper.recorded == [.seconds(1), .seconds(1), .seconds(2)])
        #expect(repo.server.requests.count == 5)
    }

    @Test func backoffDoublesUpToTheCap() {
        let fetcher = OAIRetryingFetcher(transport: ScriptedTransport([]), sleeper: RecordingSleeper(), maxRetries: 9,
                                         initialBackoff: .milliseconds(500), maxBackoff: .seconds(5), headers: [:])
        #expect((0..<7).map(fetcher.backoff) == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4),
                                                 .seconds(5), .seconds(5), .seconds(5)])
        #expect(fetcher.backoff(200) == .seconds(5))
    }

    @Test func retryAfterAsSecondsOrHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_714_557_600) // 2024-05-01T10:00:00Z
        #expect(OAIRetryAfter.delay("1", now: now) == .seconds(1))
        #expect(OAIRetryAfter.delay(" 120 ", now: now) == .seconds(120))
        #expect(OAIRetryAfter.delay("Wed, 01 May 2024 10:00:30 GMT", now: now) == .seconds(30))
        #expect(OAIRetryAfter.delay("Wednesday, 01-May-24 10:01:00 GMT", now: now) == .seconds(60))
        #expect(OAIRetryAfter.delay("Wed May  1 10:00:05 2024", now: now) == .seconds(5))
        #expect(OAIRetryAfter.delay("Wed, 01 May 2024 09:00:00 GMT", now: now) == .zero)
        #expect(OAIRetryAfter.delay("soon", now: now) == nil)
        #expect(OAIRetryAfter.delay("-5", now: now) == nil)
    }
}
