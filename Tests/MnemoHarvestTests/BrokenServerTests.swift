import MnemoTestSupport
import Foundation
import Testing
@testable import MnemoHarvest

@Suite struct BrokenServerTests {
    @Test func malformedPageNamesURLLineAndColumn() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        let error = await #expect(throws: OAIError.self) {
            _ = try await FixtureRepository.harvest(repo.client(set: "test:malformed"))
        }
        guard case .malformedXML(let url, let line, let column, _)? = error else {
            Issue.record("expected malformedXML, got \(String(describing: error))")
            return
        }
        #expect(url.absoluteString == repo.baseURL.absoluteString + "?verb=ListRecords&metadataPrefix=oai_dc&set=test%3Amalformed")
        #expect(line == 13)
        #expect(column > 30)
        #expect(error?.description.hasPrefix("\(url.absoluteString):13:\(column): malformed XML") == true)
    }

    @Test func htmlInsteadOfXML() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        let error = await #expect(throws: OAIError.self) {
            _ = try await FixtureRepository.harvest(repo.client(set: "test:html"))
        }
        guard case .malformedXML(_, let line, let column, _)? = error else {
            Issue.record("expected malformedXML, got \(String(describing: error))")
            return
        }
        #expect(line == 1)
        #expect(column > 1)
    }

    @Test func wellFormedButNotOAIPMH() async throws {
        let repo = try FixtureRepository(routes: [
            OAITestRoute(["verb": "Identify"], .status(200, body: "<rss version='2.0'><channel/></rss>")),
        ])
        defer { repo.server.stop() }
        let error = await #expect(throws: OAIError.self) { _ = try await repo.client().identify() }
        guard case .invalidResponse(_, let reason)? = error else {
            Issue.record("expected invalidResponse, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("<rss>"))
    }

    @Test func nonRetryableStatusGivesStatusAndSnippet() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        let sleeper = RecordingSleeper()
        let error = await #expect(throws: OAIError.self) {
            _ = try await FixtureRepository.harvest(repo.client(set: "test:forbidden", sleeper: sleeper))
        }
        guard case .httpStatus(_, 403, let snippet)? = error else {
            Issue.record("expected HTTP 403, got \(String(describing: error))")
            return
        }
        #expect(snippet.contains("403 Forbidden"))
        #expect(error?.description.contains("HTTP 403 from \(repo.baseURL.absoluteString)?verb=ListRecords") == true)
        #expect(sleeper.recorded.isEmpty)
        #expect(repo.server.requests.count == 1)
    }

    /// Without the protection this would never end, hence the time limit.
    @Test(.timeLimit(.minutes(1))) func repeatedResumptionTokenStopsTheLoop() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        var seen = 0
        let error = await #expect(throws: OAIError.self) {
            _ = try await repo.client(set: "test:loop").listRecords { _ in seen += 1 }
        }
        guard case .repeatedResumptionToken(_, let token)? = error else {
            Issue.record("expected repeatedResumptionToken, got \(String(describing: error))")
            return
        }
        #expect(token == "loop-token")
        #expect(seen == 2)
        #expect(repo.server.requests.count == 2)
    }
}
