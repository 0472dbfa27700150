import Foundation
import Testing
import MnemoCrosswalk
import MnemoXML

@Suite struct OAIDCTests {
    let outcomes: [ReaderFixtures.Outcome]

    init() throws {
        outcomes = try ReaderFixtures.read("dc/oai-dc-records.xml", with: DublinCoreMapper(profile: try ReaderFixtures.dcProfile()))
    }

    @Test func bookWithCreatorPublisherAndDate() throws {
        try #require(outcomes.count == 3)
        let r = try #require(outcomes[0].record)
        #expect(r.id == "almaty-lib:kk-1909-0001")
        #expect(r.kind == .document && r.edmType == .text)
        #expect(r.sourceLocation == "oai-dc-records.xml:9:125")
        #expect(r.titles == [L("Қазақ ақыны Ибраһим Құнанбайұлының өлеңі", "kk"),
                             L("Стихотворения казахского поэта Ибрагима Кунанбаева", "ru")])
        #expect(r.identifiers == [RecordIdentifier("almaty-lib:kk-1909-0001")])
        #expect(r.links == [RecordLink("https://elib.almaty.example/item/kk-1909-0001", kind: .shownAt)])
        // With a publisher, dc:date dates the publication.
        #expect(r.events == [
            EventRecord(kind: .creation, participants: [
                Participation(agent: AgentRef(names: [L("Абай Құнанбайұлы")], kind: .person, lifeDates: "1845-1904"),
                              role: Role(label: "creator", uri: relators + "cre")),
            ]),
            EventRecord(kind: .publication, participants: [
                Participation(agent: AgentRef(names: [L("Типография И. Бораганского", "ru")], kind: .unknown),
                              role: Role(label: "publisher", uri: relators + "pbl")),
            ], date: "1909"),
        ])
        #expect(r.subjects == [Concept("Қазақ поэзиясы", language: "kk"),
                               Concept(labels: [], authorityURIs: ["http://id.loc.gov/authorities/subjects/sh99000002"])])
        #expect(r.subjectPlaces == [PlaceRef("Санкт-Петербург", language: "ru")])
        #expect(r.descriptions == [L("Первое издание стихотворений Абая, напечатанное в Санкт-Петербурге.", "ru")])
        #expect(r.types == [Concept("Text")])
        #expect(r.languages == ["kaz"])
        #expect(r.extent == ["126 бет"])  // image/jpeg is a media type, not an extent
        #expect(r.rights == "http://creativecommons.org/publicdomain/mark/1.0/")
        #expect(r.problems.isEmpty)
    }

    @Test func photographWithRecordLanguageAndContributor() throws {
        let r = try #require(outcomes[1].record)
        #expect(r.id == "TAM-FS-1994-031")
        #expect(r.edmType == .image && r.kind == .document)
        #expect(r.titles == [L("Choʻqon Valixonov va Fyodor Dostoyevskiy", "uz-Latn"), L("Чокан Валиханов и Фёдор Достоевский", "ru")])
        // Without a publisher, dc:date dates the creation; creator and contributor take part in it.
        #expect(r.events == [EventRecord(kind: .creation, participants: [
            Participation(agent: AgentRef(names: [L("Лебедев, Иван Сергеевич", "ru")], kind: .unknown),
                          role: Role(label: "creator", uri: relators + "cre")),
            Participation(agent: AgentRef(names: [L("Gulnora Rahimova", "uz-Latn")], kind: .unknown),
                          role: Role(label: "contributor", uri: relators + "ctb")),
        ], date: "1858")])
        #expect(r.types == [Concept("Image", language: "uz-Latn"), Concept("fotosurat", language: "uz-Latn")])
        #expect(r.subjects == [Concept("Choʻqon Valixonov", language: "uz-Latn"), Concept("Достоевский, Фёдор Михайлович", language: "ru")])
        #expect(r.subjectPlaces == [PlaceRef("Semey", language: "uz-Latn")])
        #expect(r.extent == ["10,5 × 6,3 см"])
        #expect(r.languages == ["rus"])
        #expect(r.rights == nil)  // "Jamoat mulki" is not a URI
        #expect(r.links == [RecordLink("https://collection.tam.example/object/FS-1994-031", kind: .shownAt)])
    }

    @Test func recordWithOnlyAURLIdentifier() throws {
        let skipped = try #require(outcomes[2].skipped)
        #expect(skipped.location == "oai-dc-records.xml:48:13")
        #expect(skipped.reason == "the record has no dc:identifier other than URLs and no OAI identifier")

        // Over OAI-PMH the header identifier identifies it; the second dc:date has no event.
        var third: XMLElementNode?
        try XMLRecordReader(recordNames: ["dc"]).read(url: ReaderFixtures.fixture("dc/oai-dc-records.xml")) { node, _ in third = node }
        let mapper = DublinCoreMapper(profile: try ReaderFixtures.dcProfile())
        let r = try mapper.map(try #require(third), source: "oai", fallbackID: "oai:elib.almaty.example:kk-1942-0007")
        #expect(r.id == "oai:elib.almaty.example:kk-1942-0007")
        #expect(r.identifiers.isEmpty)
        #expect(r.links == [RecordLink("https://elib.almaty.example/item/kk-1942-0007", kind: .shownAt)])
        #expect(r.types == [Concept("мәтін")])
        #expect(r.edmType == .text && r.kind == .document)
        #expect(r.events.map(\.kind) == [.creation, .publication])
        #expect(r.events.map(\.date) == [nil, "1942"])
        #expect(r.events[0].participants.first?.agent == AgentRef(names: [L("Әуезов, Мұхтар")], kind: .person, lifeDates: "1897-1961"))
        #expect(r.problems == [RecordProblem(.warning, "extra-date", field: "dc:date", "date «1947» has no event to date; left out")])
    }

    @Test func getRecordResponseWithTheHeaderIdentifier() throws {
        let page = try XMLTree.parse(data: Data(contentsOf: ReaderFixtures.fixture("dc/oai-dc-getrecord.xml")))
        let record = try #require(page.first(path: "GetRecord/record"))
        let identifier = try #require(record.first(path: "header/identifier")?.text)
        let dc = try #require(record.first(path: "metadata/dc"))
        var mapper = DublinCoreMapper(profile: try ReaderFixtures.dcProfile())
        #expect(throws: SkippedRecord.self) { try mapper.map(dc, ancestors: [], source: "oai") }
        mapper.fallbackID = identifier
        let r = try mapper.map(dc, ancestors: [], source: "oai")
        #expect(r.id == "oai:archive-kazan.example:photo-0017")
        // "Physical object" → a physical object shown by images.
        #expect(r.kind == .physicalObject && r.edmType == .image)
        #expect(r.titles == [L("Торговый дом Юнусовых на Сенной площади", "ru"), L("Печән базарындагы Юнысовлар сәүдә йорты", "tt")])
        #expect(r.events == [EventRecord(kind: .creation, participants: [
            Participation(agent: AgentRef(names: [L("Юнусов, Ахмед")], kind: .unknown), role: Role(label: "creator", uri: relators + "cre")),
        ], date: "ок. 1905")])
        #expect(r.rights == "http://rightsstatements.org/vocab/NoC-OKLR/1.0/")
        #expect(r.subjectPlaces == [PlaceRef("Казань", language: "ru")])
    }
}

@Suite struct QualifiedDCTests {
    let records: [HeritageRecord]

    init() throws {
        let mapper = DublinCoreMapper(profile: try ReaderFixtures.dcProfile())
        #expect(mapper.recordNames == ["dc", "qualifieddc"])
        records = try ReaderFixtures.read("dc/qualified-dc.xml", with: mapper).compactMap(\.record)
    }

    @Test func photographWithDCTerms() throws {
        try #require(records.count == 2)
        let r = records[0]
        #expect(r.id == "KRIA-R-1147-2-0017")
        #expect(r.kind == .physicalObject && r.edmType == .image)  // the DCMI PhysicalObject URI
        #expect(r.titles == [L("Здание Казанского купеческого собрания", "ru"), L("The Kazan Merchants' Assembly building", "en")])
        #expect(r.events == [EventRecord(kind: .creation, participants: [
            Participation(agent: AgentRef(names: [L("Юнусов, Ахмед", "ru")], kind: .unknown), role: Role(label: "creator", uri: relators + "cre")),
        ], date: "ок. 1905")])
        #expect(r.subjectPlaces == [PlaceRef("Казань", language: "ru"),
                                    PlaceRef(names: [], authorityURIs: ["http://www.wikidata.org/entity/Q900"])])
        #expect(r.subjects == [Concept("начало XX в.", language: "ru")])
        #expect(r.types == [Concept(labels: [], authorityURIs: ["http://purl.org/dc/dcmitype/PhysicalObject"])])
        #expect(r.extent == ["13 × 18 см"])
        #expect(r.materials == [Concept("стеклянный негатив", language: "ru")])
        #expect(r.parentID == "R-1147-2")
        #expect(r.descriptions == [L("Вид с Воскресенской улицы; на переднем плане извозчики.", "ru")])
        #expect(r.rights == "http://creativecommons.org/publicdomain/mark/1.0/")
        #expect(r.languages == ["rus"])
    }

    @Test func bookWithCreatedIssuedAndATitleAsIsPartOf() throws {
        let r = records[1]
        #expect(r.id == "almaty-lib:kk-1942-0007")
        #expect(r.titles == [L("Абай жолы", "kk"), L("Путь Абая", "ru")])
        #expect(r.events == [
            EventRecord(kind: .creation, participants: [
                Participation(agent: AgentRef(names: [L("Әуезов, Мұхтар", "kk")], kind: .person, lifeDates: "1897-1961"),
                              role: Role(label: "creator", uri: relators + "cre")),
            ], date: "1937/1942"),
            EventRecord(kind: .publication, participants: [
                Participation(agent: AgentRef(names: [L("Қазақтың мемлекеттік көркем әдебиет баспасы", "kk")], kind: .unknown),
                              role: Role(label: "publisher", uri: relators + "pbl")),
            ], date: "1942"),
        ])
        #expect(r.parentID == nil)
        #expect(r.descriptions == [L("Бірінші кітап. Екінші кітап.", "kk"), L("Әуезов М. Шығармалар жинағы", "kk")])
        #expect(r.extent == ["648 б."])
        #expect(r.subjects == [Concept("Абай Құнанбайұлы", language: "kk")])
        #expect(r.rights == "http://rightsstatements.org/vocab/InC/1.0/")
        #expect(r.links == [RecordLink("https://elib.almaty.example/item/kk-1942-0007", kind: .shownAt)])
        #expect(r.problems.isEmpty)
    }

    @Test func profileTables() throws {
        let p = try ReaderFixtures.dcProfile()
        #expect(p.dateEvent == nil && p.creatorEvent == .creation)
        #expect(p.typeEntry(for: ["StillImage"]) == DublinCoreTypeEntry(edmType: .image))
        #expect(p.typeEntry(for: ["Sound"]) == DublinCoreTypeEntry(edmType: .sound, kind: .informationObject))
        #expect(p.typeEntry(for: ["http://purl.org/dc/dcmitype/MovingImage"])?.edmType == .video)
        #expect(p.typeEntry(for: ["Physical Object"]) == DublinCoreTypeEntry(edmType: .image, kind: .physicalObject))
        #expect(p.typeEntry(for: ["poem"]) == nil)
    }
}
