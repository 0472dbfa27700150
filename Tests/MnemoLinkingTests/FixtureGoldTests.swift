import Foundation
import Testing
@testable import MnemoLinking
import MnemoStore
import MnemoSyntax
import MnemoTestSupport

/// Linking the three hand-written fixture datasets, scored against the
/// hand-checked `Fixtures/linking-gold.tsv` (Abai, Valikhanov, Navoi… in
/// Cyrillic, Latin and Uzbek spellings; Semey = Semipalatinsk; Verny = Almaty).
@Suite struct FixtureGoldTests {
    @Test func fixturesLinkAsTheGoldSays() throws {
        let store = try Store.open("memory:")
        for name in ["library-almaty", "museum-tashkent", "archive-kazan"] {
            _ = try store.importFile(repositoryRoot.appendingPathComponent("Fixtures/\(name).ttl").path,
                                     options: ImportOptions(graph: "urn:fixture:\(name)"))
        }
        let options = LinkOptions(base: "https://data.mnemo.example/")
        _ = try Linker(store: store, options: options).run()

        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/linking-gold.tsv"), encoding: .utf8)
        var gold: [(kind: String, entity: String, iri: String)] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let c = line.split(separator: "\t").map(String.init)
            gold.append((kind: c[0], entity: c[1], iri: "https://data.mnemo.example/" + c[2]))
        }
        let persons = LinkerTests.quality(store, gold, kind: "person")
        let places = LinkerTests.quality(store, gold, kind: "place")
        print("fixtures: persons precision \(persons.precision) recall \(persons.recall); places precision \(places.precision) recall \(places.recall) \(places.wrong)")
        #expect(persons.precision == 1 && persons.recall == 1, "\(persons.wrong)")
        #expect(places.precision == 1, "\(places.wrong)")
        #expect(places.recall == 1)
    }
}
