import MnemoTestSupport
import Foundation
import Testing
@testable import MnemoHarvest

@Suite struct TransportTests {
    @Test func urlSessionTalksToTheLoopbackServer() async throws {
        let server = OAITestServer(root: oaiFixtures, routes: [
            OAITestRoute(["verb": "Identify"], .status(200, headers: ["Content-Type": "text/xml"], body: "<x>Абай</x>")),
        ])
        let port = try server.start()
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/oai?verb=Identify"))
        let (status, headers, body) = try await URLSessionTransport(timeout: .seconds(10)).get(url, headers: ["User-Agent": "Mnemo/test"])
        #expect(status == 200)
        #expect(String(decoding: body, as: UTF8.self) == "<x>Абай</x>")
        #expect(headers.first { $0.key.lowercased() == "content-type" }?.value == "text/xml")
        #expect(server.requests.first?.headers["user-agent"] == "Mnemo/test")
    }
}
