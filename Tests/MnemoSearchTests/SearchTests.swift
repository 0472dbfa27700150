import Foundation
import MnemoTestSupport
import MnemoRDF
import MnemoStore
import MnemoSPARQLFunctions
import Testing
@testable import MnemoSearch

/// The three fixture institutions in one store, one named graph each.
enum Fixture {
    static let library = "https://data.mnemo.example/graph/library-almaty"
    static let museum = "https://data.mnemo.example/graph/museum-tashkent"
    static let archive = "https://data.mnemo.example/graph/archive-kazan"

    static let index: NameIndex = {
        let store = try! Store.open("memory:")
        for (file, graph) in [("library-almaty", library), ("museum-tashkent", museum), ("archive-kazan", archive)] {
            _ = try! store.importFile(repository.appendingPathComponent("Fixtures/\(file).ttl").path, options: ImportOptions(graph: graph))
        }
        return NameIndex(store: store)
    }()

    static var repository: URL { repositoryRoot }
}

let libraryPerson = "https://data.mnemo.example/library-almaty/person/"

/// Searches as a researcher types them, over the fixtures.
@Suite struct SearchTests {
    let index = Fixture.index

    func iris(_ q: String, type: Kind? = nil, limit: Int = 20) -> [String] {
        index.search(q, type: type, limit: limit).map(\.iri)
    }

    @Test func latinQueryFindsAnEntityNamedOnlyInCyrillic() throws {
        // The archive names its printing house only as "Типография И. Бораганского"@ru.
        let hits = index.search("Tipografiya Boraganskogo")
        let hit = try #require(hits.first { $0.iri == "https://data.mnemo.example/archive-kazan/group/boragansky" })
        #expect(hit.matched.value == "Типография И. Бораганского")
        #expect(hit.how.contains(.transliteration))
        #expect(hit.kind == .group)
        #expect(hit.institutions == [Fixture.archive])
        #expect(hit.score > 0.8)
    }

    @Test func cyrillicQueryFindsAnEntityNamedOnlyInLatin() throws {
        // The museum's collector has one label, "Yusufjon Mirzayev"@uz-Latn.
        let hits = index.search("Юсуфжон Мирзаев")
        let hit = try #require(hits.first)
        #expect(hit.matched.value == "Yusufjon Mirzayev")
        #expect(hit.iri.hasSuffix("/collector-1"))
        #expect(hit.kind == .person)
        #expect(hit.institutions == [Fixture.museum])
    }

    @Test func kazakhLettersAndAppellations() throws {
        // "Ибраһим Құнанбайұлы"@kk is only an appellation (P1 → P190) of the library's Abai.
        let hits = index.search("Ibrahim Qunanbaiuly")
        let hit = try #require(hits.first)
        #expect(hit.iri == libraryPerson + "1")
        #expect(hit.matched.value == "Ибраһим Құнанбайұлы")
        #expect(hit.birthYear == 1845 && hit.deathYear == 1904)
        // Kazakh Cyrillic query for the place Шыңғыстау typed in Latin, and back.
        // Шыңғыстау (ы, ң, ғ) for the Latin "Chingiztau"-free query "Shyngghystau" (Kazakh-Latin/BGN's spelling).
        #expect(iris("Shyngghystau", type: .place).first == "https://data.mnemo.example/library-almaty/place/2")
        // ғ, ө, ү, ң: Qūnanbaiūly written with macrons, Mūhtar Äuezov.
        #expect(iris("Mukhtar Auezov").prefix(3).contains(libraryPerson + "4"))
        #expect(iris("Мұхтар Әуезов").contains("https://data.mnemo.example/archive-kazan/person/auezov"))
        // ұ and ә against u and a: the archive's Auezov has "Мұхтар Әуезов"@kk, found from a Russian spelling.
        #expect(iris("Мухтар Ауэзов", type: .person).prefix(3).contains("https://data.mnemo.example/archive-kazan/person/auezov"))
    }

    @Test func uzbekLatinVariants() throws {
        // Uzbek Latin oʻ, gʻ, x for kh: Choʻqon Valixonov is the museum's Valikhanov.
        let q = index.search("Choqon Valixonov")
        #expect(q.first?.institutions == [Fixture.museum])
        #expect(q.first?.matched.value == "Choʻqon Valixonov")
        // Cyrillic Uzbek ў and қ reach the Latin spelling.
        let c = try #require(index.search("Қўнонбоев", type: .person).first)
        #expect(c.institutions == [Fixture.museum])
        // gʻ against ғ: the place Afgʻoniston, asked for in Cyrillic.
        let a = try #require(index.search("Афгонистон", type: .place).first)
        #expect(a.labels.contains { $0.value == "Afgʻoniston" })
        #expect(a.how != [.exact])
    }

    @Test func spellingVariantsFindTheSamePerson() {
        for q in ["Valikhanov", "Valihanov", "Walikhanow", "Уәлиханов", "Валиханов"] {
            let found = index.search(q, type: .person)
            #expect(found.contains { $0.iri == libraryPerson + "2" }, "\(q)")
            #expect(found.count >= 3, "\(q): \(found.map(\.iri))")   // library, museum, archive
        }
        let s = index.search("Shokan Valikhanov", type: .person)
        #expect(s.first?.how.contains(.exact) == true || s.first?.how.contains(.variant) == true)
        #expect(s.prefix(3).contains { $0.iri == libraryPerson + "2" })
    }

    @Test func invertedHeadingsAndInitials() throws {
        let direct = try #require(index.search("Chokan Valikhanov").first { $0.iri == libraryPerson + "2" })
        #expect(direct.score == 1.0)
        #expect(direct.how == [.exact])
        let inverted = try #require(index.search("Valikhanov, Chokan").first { $0.iri == libraryPerson + "2" })
        #expect(inverted.how.contains(.reordered))
        #expect(inverted.score > 0.9 && inverted.score < 1.0)
        let initials = try #require(index.search("Valikhanov, Ch. Ch.").first { $0.iri == libraryPerson + "2" })
        #expect(initials.how.contains(.initials))
        #expect(initials.score > 0.7)
        // A heading with a patronymic and life dates, against labels without the patronymic.
        let heading = index.search("Валиханов, Чокан Чингисович, 1835-1865", type: .person)
        // The archive writes the heading's own form (exact); the library's birth year agrees with 1835.
        #expect(heading.first?.iri == "https://data.mnemo.example/archive-kazan/person/valikhanov")
        #expect(heading.first?.score == 1.0)
        let library = heading.first { $0.iri == libraryPerson + "2" }
        #expect(library?.birthYear == 1835)
        #expect((library?.score ?? 0) > 0.9)
        // An initial alone does not match everything.
        #expect(index.search("Ch.").isEmpty)
        // A wrong initial does not count as one.
        let wrong = index.search("Valikhanov, M.").first { $0.iri == libraryPerson + "2" }
        #expect(wrong.map { !$0.how.contains(.initials) } ?? true)
    }

    @Test func typeFilterAndLanguage() {
        let all = index.search("Abai", limit: 100)
        #expect(Set(all.compactMap(\.kind)).isSuperset(of: [.person, .place]))
        let places = index.search("Abai", type: .place, limit: 100)
        #expect(!places.isEmpty)
        #expect(places.allSatisfy { $0.kind == .place })
        #expect(places.contains { $0.labels.contains { $0.value == "Abai Region" } })
        let persons = index.search("Abai", type: .person, limit: 100)
        #expect(persons.allSatisfy { $0.kind == .person })
        #expect(persons.contains { $0.iri == libraryPerson + "1" })
        // The label shown follows lang=, else the query's script.
        let kk = index.search("Abai Qunanbaiuly", language: "kk").first
        #expect(kk?.label.language == "kk")
        let cyr = index.search("Абай Кунанбаев", type: .person).first
        #expect(cyr.map { NameIndex.isCyrillic($0.label.value) } == true)
        let lat = index.search("Abai Kunanbaev", type: .person).first
        #expect(lat.map { !NameIndex.isCyrillic($0.label.value) } == true)
    }

    @Test func rankingAndNonMatches() {
        let hits = index.search("Valikhanov")
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(index.search("Dostoevsky", type: .person).first?.labels.contains { $0.value == "Фёдор Михайлович Достоевский" } == true)
        #expect(index.search("Zzyzx Qwerty").isEmpty)
        #expect(index.search("Navoi", limit: 1).count == 1)
        #expect(index.search("   ").isEmpty)
    }
}

/// `mnemo:nameScore`, the name search as a SPARQL function.
@Suite struct NameScoreFunctionTests {
    let f = NameScoreFunction()
    func score(_ label: Term, _ query: String) throws -> Double {
        guard case .literal(let l) = try f.call([label, .string(query)]) else { return -1 }
        #expect(l.datatype == Vocabulary.xsd + "double")
        return Double(l.lexical) ?? -1
    }

    @Test func scoresAcrossScriptsAndSpellings() throws {
        #expect(try score(.langString("Валиханов, Чокан Чингисович", "ru"), "Chokan Valikhanov") > 0.7)
        #expect(try score(.langString("Chokan Valikhanov", "en"), "Шоқан Уәлиханов") > 0.5)
        #expect(try score(.langString("Абай Құнанбайұлы", "kk"), "Abai Qunanbaiuly") > 0.9)
        #expect(try score(.string("Abai Qunanbaiuly"), "Abai Qunanbaiuly") == 1)
        #expect(try score(.langString("Alisher Navoiy", "uz-latn"), "Valikhanov") == 0)
    }

    @Test func refusesWhatIsNotAName() {
        #expect(throws: ExpressionError.self) { try f.call([.iri("http://example.org/x"), .string("Abai")]) }
        #expect(throws: ExpressionError.self) { try f.call([.string("Abai")]) }
    }
}
