import Foundation
import MnemoTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MnemoServer
import MnemoStore
import NIOCore

/// A real Mnemo service on an ephemeral loopback port, over a fresh store
/// holding the library fixture in one named graph (or over a store the test
/// made), with a write token and a read token.
struct ServerHarness {
    static let graph = "https://data.mnemo.example/graph/library-almaty"
    let service: MnemoService
    let writeToken: String
    let readToken: String

    /// Over `store` when given, else over a fresh store holding the library fixture.
    init(store given: Store? = nil, configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        let store: Store
        if let given {
            store = given
        } else {
            store = try Store.open("memory:")
            try store.importFile(Self.repository.appendingPathComponent("Fixtures/library-almaty.ttl").path,
                                 options: ImportOptions(graph: Self.graph))
        }
        let w = TokenStore.makeToken(label: "curator", role: .write)
        let r = TokenStore.makeToken(label: "reader", role: .read)
        var config = ServerConfiguration()
        config.port = 0
        config.accessLog = false
        config.tokens = try TokenStore(text: w.line + "\n" + r.line + "\n")
        configure(&config)
        service = MnemoService(store: store, configuration: config)
        writeToken = w.token
        readToken = r.token
    }

    /// Runs `body` against the live server.
    func run<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await service.makeApplication().test(.live, body)
    }

    static var repository: URL { repositoryRoot }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

/// Percent-encodes a query-string value.
func encoded(_ s: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return s.addingPercentEncoding(withAllowedCharacters: allowed)!
}

func form(_ pairs: [(String, String)]) -> ByteBuffer {
    ByteBuffer(string: pairs.map { "\(encoded($0.0))=\(encoded($0.1))" }.joined(separator: "&"))
}

extension HTTPFields {
    static func bearer(_ token: String, _ more: HTTPFields = [:]) -> HTTPFields {
        var h = more
        h[.authorization] = "Bearer \(token)"
        return h
    }
}
