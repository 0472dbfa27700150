import Foundation
import MnemoRDF
import MnemoStore
import Testing
@testable import MnemoWeb

@Suite struct DumpTests {
    func dump(_ catalog: DumpCatalog, _ entry: DumpEntry) throws -> (bytes: [UInt8], chunks: Int) {
        var bytes: [UInt8] = []
        var chunks = 0
        try catalog.write(entry, to: { chunk in
            #expect(chunk.count <= 1 << 16)
            bytes += chunk
            chunks += 1
        })
        return (bytes, chunks)
    }

    @Test func catalogListsStoreAndGraphs() throws {
        let store = try fixtureStore()
        let catalog = DumpCatalog(store: store, baseURL: base)
        let entries = catalog.entries
        #expect(entries.map(\.name).prefix(2) == ["mnemo-all.nq.gz", "mnemo-all.trig.gz"])
        let library = try #require(entries.first { $0.scope == .graph(base + "graph/library-almaty") && $0.format == .turtle })
        #expect(library.name.hasPrefix("graph-library-almaty-") && library.name.hasSuffix(".ttl.gz"))
        #expect(library.quads == 200)
        #expect(library.url == base + "dumps/" + library.name)
        #expect(entries.first { $0.scope == .graph(base + "graph/registry") }?.quads == 60)
        #expect(!entries.contains { $0.scope == .defaultGraph })
        #expect(entries.count == 2 + 5 * 2)
        #expect(catalog.entry(named: library.name)?.etag == library.etag)
        let json = catalog.indexJSON()
        #expect(json.contains("\"name\":\"\(library.name)\""))
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
        #expect(catalog.indexHTML().contains("href=\"/dumps/\(library.name)\""))
    }

    @Test func nquadsRoundTripIsByteExact() throws {
        let store = try fixtureStore()
        let catalog = DumpCatalog(store: store, baseURL: base)
        let graph = base + "graph/library-almaty"
        let entry = try #require(catalog.entries.first { $0.scope == .graph(graph) && $0.format == .nquads })
        let (gz, _) = try dump(catalog, entry)
        #expect(gz.prefix(2) == [0x1F, 0x8B])
        let text = String(decoding: try gunzip(gz), as: UTF8.self)
        let lines = Set(text.split(separator: "\n").map(String.init))
        let expected = Set(store.quads(graph: .iri(graph)).map(\.nquads))
        #expect(lines == expected)
        #expect(text.contains("\"Абай Құнанбайұлы\"@kk"))
        #expect(text.contains("\"Abai Qūnanbaiūly\"@kk-latn"))
        // Now measured: the size shows in the catalog.
        #expect(catalog.entry(named: entry.name)?.byteSize == gz.count)
        // The system's gzip agrees.
        let gzipPath = ["/usr/bin/gzip", "/bin/gzip"].first { FileManager.default.isExecutableFile(atPath: $0) }
        if let gzipPath {
            let dir = try temporaryDirectory()
            let file = dir.appendingPathComponent(entry.name)
            try Data(gz).write(to: file)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: gzipPath)
            p.arguments = ["-dc", file.path]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let out = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
            #expect(String(decoding: out, as: UTF8.self) == text)
        }
    }

    @Test func turtleAndTriGDumpsReimport() throws {
        let store = try fixtureStore()
        let catalog = DumpCatalog(store: store, baseURL: base)
        let dir = try temporaryDirectory()
        for entry in catalog.entries where entry.format != .nquads {
            let text = try gunzip(try dump(catalog, entry).bytes)
            let file = dir.appendingPathComponent(entry.format == .trig ? "d.trig" : "d.ttl")
            try Data(text).write(to: file)
            let copy = try Store.open("memory:")
            try copy.importFile(file.path, options: ImportOptions(graph: base + "graph/copy"))
            #expect(copy.snapshot.count == entry.quads, "\(entry.name)")
            let literals = { (s: Store) in Set(s.quads().map(\.object).filter(\.isLiteral)) }
            if entry.scope == .store { #expect(literals(copy) == literals(store)) }
        }
    }

    @Test func writingStreamsInManyChunks() throws {
        let store = try Store.open("memory:")
        var quads: [Quad] = []
        for i in 0..<30_000 {
            quads.append(Quad(.iri(base + "id/n/\(i)"), .iri(WebVocabulary.rdfsLabel),
                              .langString("Запись № \(i) — \(i &* 2_654_435_761 % 1_000_003)", "ru"), .iri(base + "graph/big")))
        }
        try store.add(quads)
        let catalog = DumpCatalog(store: store, baseURL: base)
        let entry = try #require(catalog.entries.first { $0.name == "mnemo-all.nq.gz" })
        let (gz, chunks) = try dump(catalog, entry)
        #expect(chunks > 3)
        let lines = try gunzip(gz).split(separator: 0x0A)
        #expect(lines.count == 30_000)
    }

    @Test func etagIsStableAcrossReopenAndChangesWithContent() throws {
        let dir = try temporaryDirectory()
        let location = "sqlite:" + dir.appendingPathComponent("s.sqlite").path
        var store = try fixtureStore(location)
        func tags(_ s: Store) -> [String: String] {
            Dictionary(uniqueKeysWithValues: DumpCatalog(store: s, baseURL: base).entries.map { ($0.name, $0.etag) })
        }
        let before = tags(store)
        store.close()
        store = try Store.open(location)
        #expect(tags(store) == before)
        // The same content imported in another order gives the same tags.
        let other = try Store.open("memory:")
        for name in ["registry.nq", "archive-kazan.ttl", "museum-tashkent.ttl", "library-almaty.ttl"] {
            let stem = String(name.split(separator: ".")[0])
            try other.importFile(repoRoot.appendingPathComponent("Fixtures/" + name).path,
                                 options: ImportOptions(graph: base + "graph/" + stem))
        }
        #expect(tags(other) == before)

        let catalog = DumpCatalog(store: store, baseURL: base)
        let first = catalog.entries
        let museum = base + "graph/museum-tashkent"
        try store.add([Quad(.iri(base + "id/new"), .iri(WebVocabulary.rdfsLabel), .langString("Янги", "uz-cyrl"), .iri(museum))])
        let second = catalog.entries
        for (a, b) in zip(first, second) {
            let touched = a.scope == .store || a.scope == .graph(museum)
            #expect((a.etag != b.etag) == touched, "\(a.name)")
            if touched { #expect(b.lastModified >= a.lastModified) } else { #expect(b.lastModified == a.lastModified) }
        }
        #expect(second.first { $0.scope == .graph(museum) }?.quads == 207)
        store.close()
    }
}
