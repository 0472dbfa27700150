import MnemoTestSupport
import Foundation
import Testing
@testable import MnemoHarvest

@Suite struct RequestTests {
    @Test func tokenWithReservedCharactersIsPercentEncoded() throws {
        let request = OAIRequest.resume(verb: "ListRecords", token: "a+b/c=d e&f?g#h%i:j;k~l")
        #expect(request.query == "verb=ListRecords&resumptionToken=a%2Bb%2Fc%3Dd%20e%26f%3Fg%23h%25i%3Aj%3Bk~l")
        let url = try request.url(baseURL: URL(string: "http://127.0.0.1:8080/oai")!)
        #expect(url.absoluteString == "http://127.0.0.1:8080/oai?" + request.query)
    }

    @Test func argumentsInOrderAndAbsentOnesLeftOut() throws {
        let request = OAIRequest(verb: "ListRecords", [("metadataPrefix", "oai_dc"), ("set", "museum:қолжазбалар"),
                                                       ("from", nil), ("until", "2024-03-31")])
        #expect(request.query == "verb=ListRecords&metadataPrefix=oai_dc&set=museum%3A%D2%9B%D0%BE%D0%BB%D0%B6%D0%B0%D0%B7%D0%B1%D0%B0%D0%BB%D0%B0%D1%80&until=2024-03-31")
    }

    @Test func baseURLWithItsOwnQuery() throws {
        let identify = OAIRequest(verb: "Identify")
        #expect(try identify.url(baseURL: URL(string: "http://dbs.example.org/oai/?repository=WDB")!).absoluteString
                == "http://dbs.example.org/oai/?repository=WDB&verb=Identify")
        #expect(try identify.url(baseURL: URL(string: "http://example.org/oai?")!).absoluteString
                == "http://example.org/oai?verb=Identify")
    }

    @Test func serverReceivesTheTokenIntact() async throws {
        let token = "set=museum&from=2024 01/+x=="
        let page = """
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2024-05-01T10:00:00Z</responseDate>
        <ListRecords><resumptionToken>\(token.replacingOccurrences(of: "&", with: "&amp;"))</resumptionToken></ListRecords></OAI-PMH>
        """
        let last = """
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2024-05-01T10:00:01Z</responseDate>
        <ListRecords><resumptionToken/></ListRecords></OAI-PMH>
        """
        let repo = try FixtureRepository(routes: [
            OAITestRoute(["verb": "ListRecords", "metadataPrefix": "oai_dc"], .status(200, body: page)),
            OAITestRoute(["verb": "ListRecords", "resumptionToken": token], .status(200, body: last)),
        ])
        defer { repo.server.stop() }
        let summary = try await repo.client().listRecords { _ in }
        #expect(summary.pages == 2)
        #expect(repo.server.requests[1].arguments == ["verb": "ListRecords", "resumptionToken": token])
        #expect(repo.server.requests[1].rawQuery
                == "verb=ListRecords&resumptionToken=set%3Dmuseum%26from%3D2024%2001%2F%2Bx%3D%3D")
    }
}
