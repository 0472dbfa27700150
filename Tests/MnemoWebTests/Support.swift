import CZlib
import Foundation
import MnemoRDF
import MnemoSPARQL
import MnemoSPARQLResults
import MnemoStore

/// The repository's root, found from this file's path.
let repoRoot: URL = {
    var dir = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    while dir.path != "/" {
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Fixtures/registry.nq").path) { return dir }
        dir.deleteLastPathComponent()
    }
    fatalError("repository root not found above \(#filePath)")
}()

let base = "https://data.mnemo.example/"

/// The four RDF fixtures imported as `scripts/run` does: each Turtle file into
/// `BASE/graph/NAME`, the registry's quads into their own graphs.
func fixtureStore(_ location: String = "memory:") throws -> Store {
    let store = try Store.open(location)
    try importFixtures(into: store)
    return store
}

func importFixtures(into store: Store) throws {
    for name in ["library-almaty.ttl", "museum-tashkent.ttl", "archive-kazan.ttl", "registry.nq"] {
        let stem = String(name.split(separator: ".")[0])
        try store.importFile(repoRoot.appendingPathComponent("Fixtures/" + name).path,
                             options: ImportOptions(graph: base + "graph/" + stem))
    }
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-web-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// Rows of a SELECT, as terms.
func select(_ store: Store, _ query: String) throws -> [[String: Term]] {
    guard case .solutions(let t) = try SPARQLEngine(store: store).query(query) else { return [] }
    return t.bindings
}

/// A single integer from a one-row SELECT.
func count(_ store: Store, _ query: String) throws -> Int {
    guard let row = try select(store, query).first, let v = row.values.first, case .literal(let l) = v else { return -1 }
    return Int(l.lexical) ?? -1
}

/// Inflates gzip data with zlib (windowBits 15 + 32: detect the gzip header).
func gunzip(_ data: [UInt8]) throws -> [UInt8] {
    var stream = z_stream()
    guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
        throw GzipTestError.failed
    }
    defer { inflateEnd(&stream) }
    var out: [UInt8] = []
    var input = data
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    let rc: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
        stream.next_in = inBuf.baseAddress
        stream.avail_in = UInt32(inBuf.count)
        var rc: Int32 = Z_OK
        repeat {
            rc = chunk.withUnsafeMutableBufferPointer { c in
                stream.next_out = c.baseAddress
                stream.avail_out = UInt32(c.count)
                return inflate(&stream, Z_NO_FLUSH)
            }
            out += chunk[0..<(chunk.count - Int(stream.avail_out))]
        } while rc == Z_OK
        return rc
    }
    guard rc == Z_STREAM_END else { throw GzipTestError.failed }
    return out
}

enum GzipTestError: Error { case failed }
