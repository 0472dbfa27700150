import Foundation
import Testing
import MnemoCrosswalk
import MnemoXML

@Suite struct EADWithNamespaceTests {
    static let file = "ead/kazan-yunusov-family.xml"
    let outcomes: [ReaderFixtures.Outcome]
    let records: [String: HeritageRecord]

    init() throws {
        let eadid = try EADMapper.findingAidID(at: ReaderFixtures.fixture(Self.file))
        let mapper = EADMapper(profile: try ReaderFixtures.eadProfile(), findingAidID: eadid)
        outcomes = try ReaderFixtures.read(Self.file, with: mapper)
        var byID: [String: HeritageRecord] = [:]
        for r in outcomes.compactMap(\.record) { byID[r.id] = r }
        records = byID
    }

    @Test func findingAidIDIsReadFromTheHeader() throws {
        #expect(try EADMapper.findingAidID(at: ReaderFixtures.fixture(Self.file)) == "RU-KRIA-R-1147")
    }

    @Test func everyUnitIsMappedInDeliveryOrder() {
        #expect(outcomes.allSatisfy { $0.record != nil })
        #expect(outcomes.compactMap(\.record?.id) == [
            "r1147-1-I-a/1", "д. 14/1/1", "д. 14/1/2/1", "д. 14/1/2", "д. 14/1", "д. 14",
            "r1147-1-I-a/2/1", "r1147-1-I-a/2", "r1147-1-I-a", "Р-1147/1/I",
            "Р-1147/1/II/1", "Р-1147/1/II", "op1", "Р-1147/2", "Р-1147",
        ])
    }

    @Test func nineLevelsOfNestingFormOneParentChain() throws {
        var chain: [String] = []
        var id: String? = "д. 14/1/2/1"
        while let current = id {
            chain.append(current)
            id = records[current]?.parentID
        }
        #expect(chain == ["д. 14/1/2/1", "д. 14/1/2", "д. 14/1", "д. 14", "r1147-1-I-a/2/1", "r1147-1-I-a/2",
                          "r1147-1-I-a", "Р-1147/1/I", "op1", "Р-1147"])
        #expect(chain.compactMap { records[$0]?.level } == ["item", "приложение", "часть", "file", "подгруппа",
                                                            "группа дел", "подраздел", "subseries", "series", "fonds"])
        #expect(chain.allSatisfy { records[$0]?.kind == .archivalUnit && records[$0]?.edmType == .text })
    }

    @Test func fondsDescription() throws {
        let r = try #require(records["Р-1147"])
        #expect(r.parentID == nil)
        #expect(r.sourceLocation == "kazan-yunusov-family.xml:18:26")
        #expect(r.titles == [L("Юнусовы, казанские купцы, семья")])
        #expect(r.identifiers == [RecordIdentifier("Р-1147", type: "unitid"), RecordIdentifier("RU-KRIA-R-1147", type: "eadid")])
        #expect(r.extent == ["2 описи", "148 ед. хр."])
        #expect(r.languages == ["rus", "tat", "ara"])
        #expect(r.descriptions == [
            L("Документы торгового дома Юнусовых и членов семьи."),
            L("Торговая переписка, векселя и расписки, родословные документы, фотографии.\nДокументы на татарском языке написаны арабским письмом."),
        ])
        #expect(r.holder == AgentRef(names: [L("Казанский региональный исторический архив")], kind: .group))
        var family = AgentRef(names: [L("Юнусовы, семья казанских купцов"), L("Юнусовы (семья)")], kind: .family)
        family.notes = [L("Купеческая семья, известная в Казани с XVIII в.; владельцы торгового дома и благотворители.")]
        var creation = EventRecord(kind: .creation, participants: [
            Participation(agent: family, role: Role(label: "originator", uri: relators + "org")),
        ], date: "XVII в. – 1917")
        creation.earliest = "1601"
        creation.latest = "1917"
        // custodhist and acqinfo: provenance events with their text as the note.
        var custody = EventRecord(kind: .transferOfCustody)
        custody.note = "До 1918 г. документы хранились в семье; в 1930 г. переданы в Центральный архив Татарской АССР."
        var acquisition = EventRecord(kind: .acquisition, participants: [
            Participation(agent: AgentRef(names: [L("Амины Юнусовой"), L("Юнусова, Амина")], kind: .person), role: Role(label: "former owner")),
        ], date: "1930")
        acquisition.note = "Поступили от Амины Юнусовой в 1930 г."
        acquisition.earliest = "1930"
        acquisition.latest = "1930"
        #expect(r.events == [creation, custody, acquisition])
        #expect(r.problems.isEmpty)
    }

    @Test func controlAccessWithAuthorityNumbers() throws {
        let r = try #require(records["Р-1147"])
        #expect(r.subjectAgents == [
            AgentRef(names: [L("Юнусов Ибрагим"), L("Юнусов, Ибрагим")], kind: .person, lifeDates: "1758 или 1763-1848",
                     authorityURIs: ["http://viaf.org/viaf/999000010"]),
            AgentRef(names: [L("Марджани, Шигабутдин")], kind: .person, lifeDates: "1818-1889",
                     authorityURIs: ["http://id.loc.gov/authorities/names/n99000001"]),
            AgentRef(names: [L("Казанское купеческое общество")], kind: .group, authorityURIs: ["https://d-nb.info/gnd/9990001-X"]),
            AgentRef(names: [L("Апанаевы")], kind: .family),
        ])
        #expect(r.subjectPlaces == [
            PlaceRef(names: [L("Казань")], authorityURIs: ["http://www.wikidata.org/entity/Q900"]),
            PlaceRef(names: [L("Казанская губерния")], authorityURIs: ["https://sws.geonames.org/9990010/"]),
        ])
        // Nested controlaccess: subjects and occupations → subjects, genreform → types.
        #expect(r.subjects == [
            Concept("Купечество -- Россия -- Казань", authorityURIs: ["http://id.loc.gov/authorities/subjects/sh99000001"]),
            Concept("Благотворительность"),
            Concept("Купцы"),
        ])
        #expect(r.types == [Concept("Деловая переписка")])
    }

    @Test func unitDatesAndOrigination() throws {
        let section = try #require(records["Р-1147/1/I"])
        #expect(section.parentID == "op1")
        var event = EventRecord(kind: .creation, participants: [
            Participation(agent: AgentRef(names: [L("Ибрагим Юнусов"), L("Юнусов, Ибрагим")], kind: .person,
                                          lifeDates: "1758 или 1763-1848"),
                          role: Role(label: "creator", uri: relators + "cre")),
        ], date: "1758 или 1763-1848")
        event.earliest = "1758"
        event.latest = "1848"
        #expect(section.events == [event])

        let shajara = try #require(records["Р-1147/1/II/1"])
        #expect(shajara.titles == [L("Шәҗәрә (родословие) рода Юнусовых")])
        #expect(shajara.events.map { [$0.date, $0.earliest, $0.latest] } == [["XVII в.", "1601", "1700"]])
        #expect(shajara.types == [Concept("Шәҗәрә")])
        #expect(shajara.languages == ["tat", "ara"])

        // A single normal date is both bounds.
        let bill = try #require(records["д. 14/1/1"])
        #expect(bill.events.map { [$0.date, $0.earliest, $0.latest] } == [["2 марта 1825 г.", "1825-03-02", "1825-03-02"]])

        let receipt = try #require(records["д. 14/1/2/1"])
        #expect(receipt.titles == [L("Расписка в получении денег")])
        #expect(receipt.languages == ["tat"])
        #expect(receipt.descriptions == [L("Расписка на татарском языке (арабская графика) с подписью Ибрагима Юнусова.")])
    }

    @Test func identifiersOfComponents() throws {
        // @id wins over unitid; a unitid identifies; otherwise parent id + position.
        #expect(records["op1"]?.identifiers == [RecordIdentifier("Р-1147/1", type: "unitid")])
        #expect(records["д. 14"]?.identifiers == [RecordIdentifier("д. 14", type: "unitid")])
        #expect(records["д. 14"]?.extent == ["22 л."])
        #expect(records["r1147-1-I-a/1"]?.identifiers == [])
        #expect(records["r1147-1-I-a/1"]?.titles == [L("Переписка с конторой Нижегородской ярмарки")])
        #expect(records["r1147-1-I-a/2"]?.titles == [L("Векселя и расписки")])
    }

    @Test func photographSeriesWithDigitalObjectsAndUnknownRole() throws {
        let r = try #require(records["Р-1147/2"])
        #expect(r.parentID == "Р-1147")
        #expect(r.extent == ["56 фотографий"])
        #expect(r.links == [
            RecordLink("https://archive-kazan.example/media/R-1147-2.jpg", kind: .shownBy),
            RecordLink("https://archive-kazan.example/media/thumbs/R-1147-2.jpg", kind: .preview),
        ])
        #expect(r.events.first?.participants == [
            Participation(agent: AgentRef(names: [L("Юнусов, Ахмед")], kind: .person), role: Role(label: "фотограф-любитель")),
        ])
        #expect(r.problems == [RecordProblem(.warning, "unknown-role", field: "origination",
                                             "role «фотограф-любитель» is not in the profile's role table; kept as written")])
    }

    @Test func readingTwiceGivesTheSameIdentifiers() throws {
        let mapper = EADMapper(profile: try ReaderFixtures.eadProfile(), findingAidID: "RU-KRIA-R-1147")
        let first = try ReaderFixtures.read(Self.file, with: mapper).compactMap(\.record?.id)
        let second = try ReaderFixtures.read(Self.file, with: mapper).compactMap(\.record?.id)
        #expect(first == second)
        #expect(first == outcomes.compactMap(\.record?.id))
    }
}

@Suite struct EADWithoutNamespaceTests {
    static let file = "ead/almaty-kasteev-nonamespace.xml"

    @Test func unnumberedComponentsAndTheEadidAsFondsID() throws {
        let mapper = EADMapper(profile: try ReaderFixtures.eadProfile(),
                               findingAidID: try EADMapper.findingAidID(at: ReaderFixtures.fixture(Self.file)))
        let outcomes = try ReaderFixtures.read(Self.file, with: mapper)
        #expect(outcomes.compactMap(\.record).map { [$0.id, $0.parentID ?? "-", $0.level ?? "-"] } == [
            ["1500-1-12/1", "1500-1-12", "item"],
            ["kasteev-sketch-2", "1500-1-12", "item"],
            ["1500-1-12", "KZ-AOA-F-1500/1", "file"],
            ["KZ-AOA-F-1500/1", "KZ-AOA-F-1500", "series"],
            ["1500-2/1", "1500-2", "file"],
            ["1500-2", "KZ-AOA-F-1500", "series"],
            ["KZ-AOA-F-1500", "-", "fonds"],
        ])
        var records: [String: HeritageRecord] = [:]
        for r in outcomes.compactMap(\.record) { records[r.id] = r }

        let fonds = try #require(records["KZ-AOA-F-1500"])
        #expect(fonds.identifiers == [RecordIdentifier("KZ-AOA-F-1500", type: "eadid")])
        #expect(fonds.titles == [L("Қастеев Әбілхан (1904–1973), суретші")])
        #expect(fonds.languages == ["kaz", "rus"])
        var creation = EventRecord(kind: .creation, participants: [
            Participation(agent: AgentRef(names: [L("Қастеев, Әбілхан")], kind: .person, lifeDates: "1904-1973",
                                          authorityURIs: ["http://vocab.getty.edu/ulan/500999103"]),
                          role: Role(label: "originator", uri: relators + "org")),
        ], date: "1924-1973")
        creation.earliest = "1924"
        creation.latest = "1973"
        #expect(fonds.events == [creation])
        #expect(fonds.subjectPlaces == [PlaceRef(names: [L("Алматы")], authorityURIs: ["http://www.wikidata.org/entity/Q35493"]),
                                        PlaceRef(names: [L("Жаркент")])])
        #expect(fonds.subjectAgents == [AgentRef(names: [L("Абай Құнанбайұлы")], kind: .person, lifeDates: "1845-1904",
                                                 authorityURIs: ["http://viaf.org/viaf/999000001"])])
        #expect(fonds.subjects == [Concept("Кескіндеме")])
        #expect(fonds.types == [Concept("Эскиздер")])
        #expect(fonds.descriptions == [L("Суретшінің шығармашылық және өмірбаяндық құжаттары, эскиздер, хаттар.")])

        let sketches = try #require(records["1500-1-12"])
        #expect(sketches.extent == ["14 п.", "30 × 21 см"])
        #expect(sketches.links == [RecordLink("https://archive-almaty.example/media/1500-1-12.jpg", kind: .shownBy)])
        #expect(records["kasteev-sketch-2"]?.titles == [L("Акварель эскизі"), L("Эскиз акварелью")])

        let biography = try #require(records["1500-2"])
        #expect(biography.events.first?.participants.map(\.role) == [Role(label: "collector", uri: relators + "col")])
        #expect(biography.events.first?.date == nil)
        #expect(records["1500-2/1"]?.languages == ["орыс тілі"])  // a language without langcode: its text
        #expect(records["1500-2/1"]?.events.map { [$0.earliest, $0.latest] } == [["1938", "1938"]])
    }

    @Test func withoutTheEadidTheFondsAndItsUnidentifiedChildrenAreSkipped() throws {
        let outcomes = try ReaderFixtures.read(Self.file, with: EADMapper(profile: try ReaderFixtures.eadProfile()))
        let skipped = outcomes.compactMap(\.skipped)
        #expect(skipped.map(\.location) == ["almaty-kasteev-nonamespace.xml:38:24", "almaty-kasteev-nonamespace.xml:14:26"])
        #expect(skipped.last?.reason == "the record has no id attribute, no unitid and no eadid")
        #expect(skipped.first?.reason == "the component has no id attribute and no unitid, and no enclosing record has an identifier")
        // Components with their own identifiers are still read; under the fonds they have no parent id.
        #expect(outcomes.compactMap(\.record?.id) == ["1500-1-12/1", "kasteev-sketch-2", "1500-1-12", "1500-2/1", "1500-2"])
        #expect(outcomes.compactMap(\.record).first { $0.id == "1500-2" }?.parentID == nil)
    }

    @Test func wholeEADDocumentFromOAIGivesItsArchdesc() throws {
        let root = try XMLTree.parse(data: Data(contentsOf: ReaderFixtures.fixture(Self.file)))
        let r = try EADMapper(profile: try ReaderFixtures.eadProfile()).map(root, ancestors: [], source: "oai:almaty:1500")
        #expect(r.id == "KZ-AOA-F-1500")
        #expect(r.level == "fonds")
        #expect(r.sourceLocation == "oai:almaty:1500:14:26")
    }

    @Test func profileDefaults() throws {
        let p = try ReaderFixtures.eadProfile()
        #expect(p.dateEvent == .creation && p.originationRole == "creator")
        #expect(p.defaults.kind == .archivalUnit && p.defaults.edmType == .text)
        #expect(p.defaults.role(for: "Фондообразователь")?.label == "originator")
        #expect(EADMapper(profile: p).recordNames == ["archdesc", "c", "c01", "c02", "c03", "c04", "c05", "c06",
                                                      "c07", "c08", "c09", "c10", "c11", "c12"])
    }
}
