import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MnemoServer
import MnemoStore
import MnemoTestSupport
import NIOCore
import Testing

/// A live service over the three institutions' fixtures, each in its own
/// graph, and the registry (its own graphs), for the reconciliation API.
struct ReconcileHarness {
    static let library = "https://data.mnemo.example/graph/library-almaty"
    static let museum = "https://data.mnemo.example/graph/museum-tashkent"
    static let archive = "https://data.mnemo.example/graph/archive-kazan"
    let service: MnemoService
    let writeToken: String

    init() throws {
        let store = try Store.open("memory:")
        let fixtures = repositoryRoot.appendingPathComponent("Fixtures")
        for (file, graph) in [("library-almaty.ttl", Self.library), ("museum-tashkent.ttl", Self.museum), ("archive-kazan.ttl", Self.archive)] {
            try store.importFile(fixtures.appendingPathComponent(file).path, options: ImportOptions(graph: graph))
        }
        try store.importFile(fixtures.appendingPathComponent("registry.nq").path)
        var config = ServerConfiguration()
        config.port = 0
        config.accessLog = false
        let w = TokenStore.makeToken(label: "curator", role: .write)
        config.tokens = try TokenStore(text: w.line + "\n")
        service = MnemoService(store: store, configuration: config)
        writeToken = w.token
    }

    func run<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await service.makeApplication().test(.live, body)
    }
}

/// The reconciliation API schemas, one validator per version; a test fails saying where to put them when they are missing.
enum Schemas {
    static let validators: [String: JSONSchemaValidator] = {
        var out: [String: JSONSchemaValidator] = [:]
        for v in ["0.2", "1.0-draft"] {
            if let dir = ReconciliationSchemas.directory(v), let val = try? JSONSchemaValidator(directory: dir) { out[v] = val }
        }
        return out
    }()

    static func validator(_ version: String) throws -> JSONSchemaValidator {
        try #require(validators[version], "\(ReconciliationSchemas.missingMessage)")
    }

    /// Expects `text` to be valid under `schema` of `version`.
    static func check(_ text: String, _ schema: String, _ version: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let errors = try validator(version).errors(text, schema: schema)
        #expect(errors.isEmpty, "\(schema) \(version): \(errors.prefix(5).joined(separator: "; ")) in \(text.prefix(600))",
                sourceLocation: sourceLocation)
    }
}

func jsonObject(_ r: TestResponse) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any], "not a JSON object: \(r.text.prefix(300))")
}

extension String {
    /// The value of a JSON text as the `queries` or `extend` parameter of a query string.
    var param: String { encoded(self) }
}

let libraryValikhanov = "https://data.mnemo.example/library-almaty/person/2"
let archiveValikhanov = "https://data.mnemo.example/archive-kazan/person/valikhanov"
let museumValikhanov = "https://data.mnemo.example/museum-tashkent/agent/valixonov"
let personType = "http://www.cidoc-crm.org/cidoc-crm/E21_Person"
