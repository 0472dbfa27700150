import MnemoTestSupport
import Foundation
import Testing
@testable import MnemoHarvest

@Suite struct ProtocolErrorTests {
    @Test func cannotDisseminateFormat() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        let error = await #expect(throws: OAIError.self) {
            _ = try await FixtureRepository.harvest(repo.client(metadataPrefix: "mods"))
        }
        guard case .protocolError(.cannotDisseminateFormat, let message)? = error else {
            Issue.record("expected cannotDisseminateFormat, got \(String(describing: error))")
            return
        }
        #expect(message == "The metadata format \"mods\" is not supported by this repository.")
        #expect(error?.description == "OAI-PMH error cannotDisseminateFormat (the metadata format is not supported by the item or the repository): The metadata format \"mods\" is not supported by this repository.")
    }

    @Test func badResumptionTokenAfterAPage() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        var seen: [String] = []
        let error = await #expect(throws: OAIError.self) {
            _ = try await repo.client(set: "test:expired").listRecords { seen.append($0.identifier) }
        }
        guard case .protocolError(.badResumptionToken, _)? = error else {
            Issue.record("expected badResumptionToken, got \(String(describing: error))")
            return
        }
        #expect(seen == ["oai:mnemo.example.org:test/expiring-1"])
        #expect(repo.server.requests.last?.rawQuery == "verb=ListRecords&resumptionToken=expired-token")
    }

    /// Every code of section 3.6 becomes a typed error; `noRecordsMatch` is an
    /// empty list where a list is asked for, and an error elsewhere.
    @Test(arguments: OAIErrorCode.allCases)
    func errorElementsBecomeTypedErrors(code: OAIErrorCode) throws {
        let body = Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
          <responseDate>2024-05-01T12:00:00Z</responseDate>
          <request>http://127.0.0.1/oai</request>
          <error code="\(code.rawValue)">message for \(code.rawValue)</error>
        </OAI-PMH>
        """.utf8)
        let url = URL(string: "http://127.0.0.1/oai?verb=ListRecords")!
        do {
            _ = try OAIResponsePage(data: body, url: url, verb: "ListRecords", emptyListAllowed: false)
            Issue.record("no error thrown for \(code)")
        } catch OAIError.protocolError(let got, let message) {
            #expect(got == code)
            #expect(message == "message for \(code.rawValue)")
        }
        let list = try? OAIResponsePage(data: body, url: url, verb: "ListRecords", emptyListAllowed: true)
        #expect((list?.noRecordsMatch == true) == (code == .noRecordsMatch))
    }

    @Test func anUnknownErrorCodeIsReported() {
        let body = Data("<OAI-PMH xmlns='http://www.openarchives.org/OAI/2.0/'><error code='tooBusy'>later</error></OAI-PMH>".utf8)
        let url = URL(string: "http://127.0.0.1/oai?verb=Identify")!
        #expect(throws: OAIError.self) {
            _ = try OAIResponsePage(data: body, url: url, verb: "Identify", emptyListAllowed: false)
        }
    }
}
