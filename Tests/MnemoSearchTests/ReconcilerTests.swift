import Foundation
import MnemoStore
import MnemoTestSupport
import Testing
@testable import MnemoSearch

/// The reconciler's logic without HTTP: identifiers, types, scoring and
/// `match`, over the three fixture institutions.
@Suite struct ReconcileTests {
    static let reconciler: Reconciler = {
        let store = try! Store.open("memory:")
        for (file, graph) in [("library-almaty", Fixture.library), ("museum-tashkent", Fixture.museum), ("archive-kazan", Fixture.archive)] {
            _ = try! store.importFile(Fixture.repository.appendingPathComponent("Fixtures/\(file).ttl").path, options: ImportOptions(graph: graph))
        }
        return Reconciler(index: NameIndex(store: store), store: store, snapshot: store.snapshot)
    }()
    let r = Self.reconciler
    let person = ReconcileType.of(.person)

    @Test func authorityIRIs() {
        #expect(AuthorityScheme.parse("http://viaf.org/viaf/999000002")! == (.viaf, "999000002"))
        #expect(AuthorityScheme.parse("https://www.wikidata.org/wiki/q269")! == (.wikidata, "Q269"))
        #expect(AuthorityScheme.parse("https://d-nb.info/gnd/118540238/")! == (.gnd, "118540238"))
        #expect(AuthorityScheme.parse("http://id.loc.gov/authorities/names/n79021164.html")! == (.lc, "n79021164"))
        #expect(AuthorityScheme.parse("http://vocab.getty.edu/tgn/7001302")! == (.tgn, "7001302"))
        #expect(AuthorityScheme.parse("https://sws.geonames.org/1526384/")! == (.geonames, "1526384"))
        #expect(AuthorityScheme.parse("https://data.mnemo.example/library-almaty/person/2") == nil)
        #expect(ReconcileType.resolve("crm:E21_Person") == person)
        #expect(ReconcileType.resolve("Person") == person)
        #expect(ReconcileType.resolve("E53_Place")?.kind == .place)
        #expect(ReconcileType.resolve("E99_Nothing") == nil)
    }

    @Test func birthYearAndIdentifierScores() throws {
        let plain = r.reconcile(ReconcileQuery(name: "Mukhtar Auezov", types: [person]))
        #expect(plain.count == 2)
        #expect(plain.allSatisfy { $0.score == 90 && !$0.match })   // two exact namesakes: not sure
        let year = r.reconcile(ReconcileQuery(name: "Mukhtar Auezov", types: [person],
                                              conditions: [ReconcileCondition(property: .birthYear, values: [.number(1897)])]))
        #expect(year.first?.id == "https://data.mnemo.example/library-almaty/person/4")
        #expect(year.first?.score == 100)
        #expect(year.first?.features.last == ReconcileFeature(id: "birthYear", name: "Birth year", value: 1))
        #expect(year.first?.match == false)   // 100 against 90: not 15 ahead
        let conflict = r.reconcile(ReconcileQuery(name: "Mukhtar Auezov", types: [person],
                                                  conditions: [ReconcileCondition(property: .birthYear, values: [.text("1950")])]))
        #expect(conflict.first?.id == "https://data.mnemo.example/archive-kazan/person/auezov")
        #expect(conflict.last?.score == 60)
        #expect(conflict.first?.match == true)   // 90, the other 30 behind
        // A conflicting VIAF number is strongly against; the equal one decides.
        let viaf = r.reconcile(ReconcileQuery(name: "Mukhtar Auezov", types: [person],
                                              conditions: [ReconcileCondition(property: .viaf, values: [.text("viaf:999000001")])]))
        // The Auezovs carry another VIAF number; the Abais, found by theirs, come first.
        #expect(viaf.filter { $0.name.contains("Auezov") }.map(\.score) == [27, 27])
        #expect(viaf.prefix(3).allSatisfy { $0.score == 100 && $0.features.contains { $0.id == "viaf" && $0.value == 1 } })
        #expect(!viaf.contains { $0.match })
        let byIRI = r.reconcile(ReconcileQuery(name: nil, conditions: [
            ReconcileCondition(property: .identifier, values: [.entity(id: "http://viaf.org/viaf/999000005", name: nil)])]))
        #expect(byIRI.map(\.id) == ["https://data.mnemo.example/museum-tashkent/agent/navoiy"])
        #expect(byIRI.first?.match == true)
        #expect(byIRI.first?.score == 100)
    }

    @Test func placesInstitutionsAndRequiredConditions() throws {
        // Abai's birth place in the library's record, by a Cyrillic name.
        let born = r.reconcile(ReconcileQuery(name: "Abai", types: [person],
                                              conditions: [ReconcileCondition(property: .birthPlace, values: [.text("Чингизтау")])]))
        #expect(born.first?.id == "https://data.mnemo.example/library-almaty/person/1")
        #expect(born.first?.features.contains { $0.id == "birthPlace" && $0.value >= 0.8 } == true)
        // Required: only candidates that satisfy the condition remain.
        let only = r.reconcile(ReconcileQuery(name: "Abai Kunanbayev", types: [person], conditions: [
            ReconcileCondition(property: .institution, values: [.text("museum-tashkent")], required: true)]))
        #expect(only.map(\.id) == ["https://data.mnemo.example/museum-tashkent/agent/abai"])
        #expect(only.first?.match == true)
        // `none`: candidates born in none of the years given (those without a birth year too).
        let notThen = r.reconcile(ReconcileQuery(name: "Abai", types: [person], conditions: [
            ReconcileCondition(property: .birthYear, values: [.number(1845), .number(1846)], required: true, quantifier: .none)]))
        #expect(notThen.isEmpty)
        let notNow = r.reconcile(ReconcileQuery(name: "Abai", types: [person], conditions: [
            ReconcileCondition(property: .birthYear, values: [.number(1900)], required: true, quantifier: .none)]))
        #expect(notNow.count == 3)
        // `all`: every value must agree.
        let both = r.reconcile(ReconcileQuery(name: "Abai", types: [person], conditions: [
            ReconcileCondition(property: .institution, values: [.text("library-almaty"), .text("archive-kazan")], required: true, quantifier: .all)]))
        #expect(both.isEmpty)
        // `should` does not filter by type; the limit holds.
        let any = r.reconcile(ReconcileQuery(name: "Abai", types: [person], typeStrict: .should, limit: 20))
        let place = try #require(any.first { $0.type?.kind == .place })
        #expect(any.prefix(3).allSatisfy { $0.type == person })
        #expect(place.score < 60)
        #expect(r.reconcile(ReconcileQuery(name: "Abai", limit: 2)).count == 2)
        // A batch answers in the order asked, the same as one by one.
        let qs = (0..<100).map { ReconcileQuery(name: ["Abai", "Валиханов", "Tashkent", "Navoi"][$0 % 4], limit: 3) }
        #expect(r.reconcile(batch: qs).map { $0.map(\.id) } == qs.map { r.reconcile($0).map(\.id) })
        // Timing, without HTTP or JSON: a thousand queries of a dozen names, some with a birth year.
        let names = ["Валиханов Чокан", "Abai Kunanbaev", "Alisher Navoi", "Ауэзов", "Ibrai Altynsarin", "Abdulla Qodiriy",
                     "Tashkent", "Семей", "Kazan", "Saint Petersburg", "Xamsa", "Dostoevsky"]
        let thousand = (0..<1000).map { i in
            ReconcileQuery(name: names[i % names.count], limit: 5,
                           conditions: i % 4 == 0 ? [ReconcileCondition(property: .birthYear, values: [.number(Double(1800 + i % 100))])] : [])
        }
        let start = ContinuousClock.now
        let answers = r.reconcile(batch: thousand)
        print("reconciler: 1000 queries in \(ContinuousClock.now - start) (no HTTP, no JSON)")
        #expect(answers.count == 1000 && answers.allSatisfy { !$0.isEmpty })
    }

    @Test func records() throws {
        let rec = try #require(r.record("https://data.mnemo.example/library-almaty/person/1"))
        #expect(rec.birthYear == 1845 && rec.deathYear == 1904)
        #expect(rec.birthPlaces.map(\.name) == ["Shyngystau"])
        #expect(rec.deathPlaces.map(\.id) == ["https://data.mnemo.example/library-almaty/place/2"])
        #expect(rec.identifiers == ["http://viaf.org/viaf/999000001"])
        #expect(rec.institutions == [Fixture.library])
        #expect(r.record("urn:nothing") == nil)
    }
}
