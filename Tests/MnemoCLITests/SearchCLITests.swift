import Foundation
import Testing

/// `mnemo search` as a researcher runs it.
@Suite(.serialized) struct SearchCLITests {
    @Test func searchesAStoreAcrossScripts() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = "sqlite:\(dir.path)/s.sqlite"
        for (file, graph) in [("library-almaty.ttl", "https://ex.org/library"), ("archive-kazan.ttl", "https://ex.org/archive")] {
            let r = try MnemoProcess.run(["import", "--store", store, "--graph", graph, fixtures.appendingPathComponent(file).path])
            #expect(r.status == 0, "\(r.stderr)")
        }
        // A Latin query finds the archive's printing house, named only in Russian.
        let table = try MnemoProcess.run(["search", "--store", store, "Boraganskogo Tipografiya"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.output.hasPrefix("score"))
        #expect(table.output.contains("https://data.mnemo.example/archive-kazan/group/boragansky"))
        #expect(table.output.contains("Типография И. Бораганского@ru"))
        // JSON, with the type filter: only persons, the library's Valikhanov with his birth year.
        let json = try MnemoProcess.run(["search", "--store", store, "--type", "person", "--format", "json", "--lang", "kk",
                                         "Valikhanov, Ch. Ch."])
        #expect(json.status == 0, "\(json.stderr)")
        let hits = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]])
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0["kind"] as? String == "person" })
        let lib = try #require(hits.first { $0["iri"] as? String == "https://data.mnemo.example/library-almaty/person/2" })
        #expect(lib["birthYear"] as? Int == 1835)
        #expect((lib["label"] as? [String: Any])?["language"] as? String == "kk")
        #expect((lib["how"] as? [String])?.contains("initials") == true)
        #expect(lib["institutions"] as? [String] == ["https://ex.org/library"])
        // Nothing found, and a bad type.
        let none = try MnemoProcess.run(["search", "--store", store, "Zzyzx"])
        #expect(none.status == 0)
        #expect(none.output.contains("no entity named like"))
        let bad = try MnemoProcess.run(["search", "--store", store, "--type", "building", "Abai"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("unknown type"))
    }
}
