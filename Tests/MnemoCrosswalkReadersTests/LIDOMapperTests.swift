import Foundation
import Testing
import MnemoCrosswalk
import MnemoXML

/// A language-tagged text, briefly.
func L(_ value: String, _ language: String? = nil) -> LangText { LangText(value, language: language) }

let relators = "http://id.loc.gov/vocabulary/relators/"

@Suite struct LIDO10Tests {
    let records: [String: HeritageRecord]
    let order: [String]

    init() throws {
        let mapper = LIDOMapper(profile: try ReaderFixtures.lidoProfile())
        let outcomes = try ReaderFixtures.read("lido/museum-tashkent-lido10.xml", with: mapper)
        order = outcomes.compactMap(\.record?.id)
        records = try ReaderFixtures.records("lido/museum-tashkent-lido10.xml", with: mapper)
    }

    @Test func readsEveryObject() {
        #expect(order == ["TAM-QM-1948-117", "TAM-FS-1994-031", "TAM-RS-2003-004"])
    }

    @Test func manuscriptIdentityTitlesAndTypes() throws {
        let r = try #require(records["TAM-QM-1948-117"])
        #expect(r.kind == .physicalObject)
        #expect(r.edmType == .text)  // objectWorkType "manuscript" through the profile's edmTypes
        #expect(r.sourceLocation == "museum-tashkent-lido10.xml:11:13")
        // Preferred first, unmarked next, alternates last; the first title inherits
        // xml:lang from descriptiveMetadata.
        #expect(r.titles == [
            L("Alisher Navoiy. «Xamsa». Qoʻlyozma nusxa", "uz-Latn"),
            L("Alisher Navoi, Khamsa, manuscript copy", "en"),
            L("Алишер Навоий. «Хамса». Қўлёзма нусха", "uz-Cyrl"),
            L("Алишер Навои. «Хамса». Рукописный список", "ru"),
        ])
        #expect(r.identifiers == [
            RecordIdentifier("TAM-QM-1948-117", type: "lidoRecID"),
            RecordIdentifier("https://collection.tam.example/object/QM-1948-117", type: "objectPublishedID"),
            RecordIdentifier("QM-1948-117", type: "inventory number"),
        ])
        #expect(r.types == [
            Concept(labels: [L("qoʻlyozma", "uz-Latn"), L("manuscript", "en")],
                    authorityURIs: ["http://vocab.getty.edu/aat/300028569"]),
            Concept("Sharq qoʻlyozmalari", language: "uz-Latn"),
        ])
        #expect(r.descriptions.map(\.language) == ["uz-Latn", "ru"])
        #expect(r.descriptions[1].value.hasPrefix("Полный список «Хамсы» Навои"))
        #expect(r.extent == ["312 varaq; 27 × 17 sm"])
        #expect(r.materials == [
            Concept(labels: [L("qogʻoz", "uz-Latn"), L("paper", "en")]),
            Concept(labels: [L("oltin", "uz-Latn"), L("gold", "en")]),
        ])
        #expect(r.holder == AgentRef(names: [
            L("Toshkent adabiy meros muzeyi", "uz-Latn"),
            L("Ташкентский музей литературного наследия", "ru"),
            L("Tashkent Museum of Literary Heritage", "en"),
        ], kind: .group))
        #expect(r.parentID == nil && r.level == nil && r.edition == nil)
    }

    @Test func manuscriptProductionWithScribeAndPlaceChain() throws {
        let r = try #require(records["TAM-QM-1948-117"])
        try #require(r.events.count == 2)
        var scribe = AgentRef(names: [L("Muhammad Yusuf Samarqandiy", "uz-Latn"),
                                      L("Муҳаммад Юсуф Самарқандий", "uz-Cyrl"),
                                      L("Мухаммад Юсуф Самарканди", "ru")],
                              kind: .person, authorityURIs: ["http://vocab.getty.edu/ulan/500999101"])
        scribe.birthDate = "c.1630"
        scribe.deathDate = "1665"
        scribe.notes = [L("attributed to", "en")]
        let samarqand = PlaceRef(
            names: [L("Samarqand", "uz-Latn"), L("Самарқанд", "uz-Cyrl"), L("Самарканд", "ru"), L("Samarkand", "en")],
            authorityURIs: ["http://vocab.getty.edu/tgn/7999001", "https://sws.geonames.org/9990001/"],
            latitude: 39.6542, longitude: 66.9597,
            broader: [
                PlaceRef(names: [L("Samarqand viloyati", "uz-Latn"), L("Samarkand Region", "en")],
                         authorityURIs: ["http://vocab.getty.edu/tgn/7999002"]),
                PlaceRef(names: [L("Oʻzbekiston", "uz-Latn"), L("Ўзбекистон", "uz-Cyrl"), L("Узбекистан", "ru"), L("Uzbekistan", "en")],
                         authorityURIs: ["http://www.wikidata.org/entity/Q265"]),
            ])
        var production = EventRecord(kind: .production, typeLabel: "Production",
                                     participants: [Participation(agent: scribe, role: Role(label: "scribe", uri: relators + "scr"))],
                                     places: [samarqand], date: "XVII asr oʻrtalari")
        production.earliest = "1640"
        production.latest = "1665"
        production.techniques = [Concept(labels: [L("nastaʼliq", "uz-Latn"), L("nastaliq script", "en")])]
        production.note = "Ashtarxoniylar davri"
        #expect(r.events[0] == production)
        // The life date «c.1630» is kept as written and reported.
        #expect(r.problems == [RecordProblem(.warning, "malformed-date", field: "vitalDatesActor/earliestDate",
            "life date «c.1630» of Muhammad Yusuf Samarqandiy is not an ISO 8601 date; kept as written")])
    }

    @Test func manuscriptPurchase() throws {
        let r = try #require(records["TAM-QM-1948-117"])
        var purchase = EventRecord(kind: .acquisition, typeLabel: "xarid", participants: [
            Participation(agent: AgentRef(names: [L("Yusufjon Mirzayev", "uz-Latn")], kind: .person),
                          role: Role(label: "seller", uri: relators + "sll")),
            Participation(agent: AgentRef(names: [L("Toshkent adabiy meros muzeyi", "uz-Latn")], kind: .group),
                          role: Role(label: "buyer")),
        ], places: [PlaceRef(names: [L("Samarqand", "uz-Latn")], authorityURIs: ["https://sws.geonames.org/9990001/"])],
           date: "1948-yil 14-iyun")
        purchase.earliest = "1948-06-14"
        purchase.latest = "1948-06-14"
        purchase.note = "Sotib olish dalolatnomasi № 17"
        #expect(r.events[1] == purchase)
    }

    @Test func manuscriptSubjectsLinksAndRights() throws {
        let r = try #require(records["TAM-QM-1948-117"])
        #expect(r.subjects == [Concept(labels: [L("sheʼriyat", "uz-Latn"), L("poetry", "en")])])
        var navoiy = AgentRef(names: [L("Alisher Navoiy", "uz-Latn"), L("Алишер Навои", "ru")], kind: .person,
                              authorityURIs: ["http://viaf.org/viaf/999000005"])
        navoiy.birthDate = "1441-02-09"
        navoiy.deathDate = "1501-01-03"
        #expect(r.subjectAgents == [navoiy])
        #expect(r.subjectPlaces == [PlaceRef("Hirot", language: "uz-Latn")])
        #expect(r.links == [
            RecordLink("https://collection.tam.example/object/QM-1948-117", kind: .shownAt),
            RecordLink("https://media.tam.example/iiif/QM-1948-117/full/max/0/default.jpg", kind: .shownBy),
            RecordLink("https://media.tam.example/iiif/QM-1948-117/full/200,/0/default.jpg", kind: .preview),
        ])
        #expect(r.rights == "http://creativecommons.org/licenses/by-sa/4.0/")
    }

    @Test func photographFromSemeyWithKazakhPlaceChain() throws {
        let r = try #require(records["TAM-FS-1994-031"])
        #expect(r.edmType == .image)
        #expect(r.titles == [
            L("Choʻqon Valixonov va Fyodor Dostoyevskiy", "uz-Latn"),
            L("Чокан Валиханов и Фёдор Достоевский", "ru"),
            L("Шоқан Уәлиханов пен Фёдор Достоевский", "kk"),
            L("Chokan Valikhanov and Fyodor Dostoevsky", "en"),
        ])
        // workIDs of every repository; the holder is the current one, not the former.
        #expect(r.identifiers == [
            RecordIdentifier("TAM-FS-1994-031", type: "lidoRecID"),
            RecordIdentifier("СКМ-1123", type: "former inventory number"),
            RecordIdentifier("FS-1994-031", type: "inventory number"),
        ])
        #expect(r.holder?.names == [L("Toshkent adabiy meros muzeyi", "uz-Latn")])
        #expect(r.extent == ["10,5 × 6,3 см (визитный формат)"])
        var photographer = AgentRef(names: [L("Лебедев, Иван Сергеевич", "ru"), L("Ivan Lebedev", "en")], kind: .person,
                                    authorityURIs: ["http://vocab.getty.edu/ulan/500999102"])
        photographer.birthDate = "1834"
        photographer.deathDate = "1887"
        photographer.notes = [L("Russian", "en"), L("male", "en")]
        let semey = PlaceRef(names: [L("Семей", "kk"), L("Семипалатинск", "ru"), L("Semey", "uz-Latn")],
                             authorityURIs: ["https://sws.geonames.org/9990002/"], latitude: 50.4111, longitude: 80.2275,
                             broader: [PlaceRef("Абай облысы", language: "kk"),
                                       PlaceRef(names: [L("Қазақстан", "kk"), L("Qozogʻiston", "uz-Latn")],
                                                authorityURIs: ["http://www.wikidata.org/entity/Q232"])])
        var production = EventRecord(kind: .production, typeLabel: "изготовление",
                                     participants: [Participation(agent: photographer, role: Role(label: "photographer", uri: relators + "pht"))],
                                     places: [semey], date: "1858")
        production.earliest = "1858"
        production.latest = "1858"
        production.techniques = [Concept("albumen print", language: "en")]
        var donation = EventRecord(kind: .acquisition, typeLabel: "http://terminology.lido-schema.org/lido00001",
                                   participants: [Participation(agent: AgentRef(names: [L("Gulnora Rahimova", "uz-Latn")], kind: .person),
                                                                role: Role(label: "donor", uri: relators + "dnr"))],
                                   date: "1994-yil 17-may")
        donation.earliest = "1994-05-17"
        donation.latest = "1994-05-17"
        #expect(r.events == [production, donation])
        #expect(r.materials.isEmpty)
        #expect(r.subjectAgents == [
            AgentRef(names: [L("Choʻqon Valixonov", "uz-Latn"), L("Шоқан Уәлиханов", "kk"), L("Чокан Валиханов", "ru")],
                     kind: .person, authorityURIs: ["http://viaf.org/viaf/999000002"]),
            AgentRef(names: [L("Фёдор Михайлович Достоевский", "ru"), L("Fyodor Dostoevsky", "en")],
                     kind: .person, authorityURIs: ["http://www.wikidata.org/entity/Q991"]),
        ])
        // No rights on the resource: the work's rights statement.
        #expect(r.rights == "http://creativecommons.org/publicdomain/mark/1.0/")
        #expect(r.links == [RecordLink("https://media.tam.example/iiif/FS-1994-031/full/max/0/default.jpg", kind: .shownBy)])
        #expect(r.problems.isEmpty)
    }

    @Test func portraitOfAbylaiKhan() throws {
        let r = try #require(records["TAM-RS-2003-004"])
        #expect(r.edmType == .image)  // classification of type europeana:type
        #expect(r.languages == ["kaz"])  // classification of type language
        #expect(r.titles == [L("Абылай хан портреті", "kk"), L("Портрет Абылай хана", "ru"),
                             L("Abulayxon portreti", "uz-Latn"), L("Portrait of Abylai Khan", "en")])
        #expect(r.types == [Concept(labels: [L("кескіндеме", "kk"), L("painting", "en")])])
        #expect(r.extent == ["height 80 cm", "width 60 cm"])
        let production = try #require(r.events.first)
        #expect(r.events.count == 1)
        #expect(production.participants.map(\.role) == [Role(label: "artist", uri: relators + "art")])
        #expect(production.participants.first?.agent.names == [L("Әбілхан Қастеев", "kk"), L("Абылхан Кастеев", "ru")])
        #expect(production.places == [PlaceRef(
            names: [L("Алматы", "kk"), L("Алма-Ата", "ru"), L("Almaty", "en")],
            authorityURIs: ["http://www.wikidata.org/entity/Q35493"], latitude: 43.2389, longitude: 76.8897,
            broader: [PlaceRef(names: [L("Қазақстан", "kk")], authorityURIs: ["http://www.wikidata.org/entity/Q232"])])])
        #expect((production.date, production.earliest, production.latest) == ("1950-жылдар", "1950", "1959"))
        #expect(r.materials.map(\.labels) == [[L("кенеп", "kk"), L("canvas", "en")], [L("майлы бояу", "kk"), L("oil paint", "en")]])
        var abylai = AgentRef(names: [L("Абылай хан", "kk"), L("Абылай-хан", "ru"), L("Abulayxon", "uz-Latn")], kind: .person)
        abylai.birthDate = "1711"
        abylai.deathDate = "1781"
        #expect(r.subjectAgents == [abylai])
        #expect(r.subjectPlaces == [PlaceRef(names: [L("Қазақстан", "kk")], authorityURIs: ["http://www.wikidata.org/entity/Q232"])])
        #expect(r.subjects == [Concept("XVIII ғасыр", language: "kk")])
        #expect(r.links == [RecordLink("https://collection.tam.example/object/RS-2003-004", kind: .shownAt)])
        #expect(r.rights == nil)
    }
}

@Suite struct LIDO11Tests {
    let records: [String: HeritageRecord]

    init() throws {
        records = try ReaderFixtures.records("lido/museum-almaty-lido11.xml", with: LIDOMapper(profile: try ReaderFixtures.lidoProfile()))
    }

    @Test func dombraWithUnknownRoleAndUnknownEventType() throws {
        let r = try #require(records["AMA-MI-1972-014"])
        #expect(r.edmType == .threeD)  // "musical instrument"
        #expect(r.titles == [L("Домбыра", "kk"), L("Домбра", "ru"), L("Dombra", "en")])
        #expect(r.identifiers == [RecordIdentifier("AMA-MI-1972-014", type: "lidoRecID"),
                                  RecordIdentifier("МА-1972-14", type: "inventory number")])
        var maker = AgentRef(names: [L("Зейнолла Қасымұлы", "kk"), L("Зейнолла Касымов", "ru")], kind: .person,
                             authorityURIs: ["http://vocab.getty.edu/ulan/500999104"])
        maker.birthDate = "1889"
        maker.deathDate = "1965"
        maker.birthPlace = PlaceRef("Қарқаралы", language: "kk")
        var production = EventRecord(kind: .production, typeLabel: "Жасалуы",
                                     participants: [Participation(agent: maker, role: Role(label: "ұста"))],
                                     places: [PlaceRef("Қарқаралы", language: "kk")], date: "1930 ж. шамасы")
        production.earliest = "1925"
        production.latest = "1935"
        production.techniques = [Concept(labels: [L("ағаш ою", "kk"), L("wood carving", "en")])]
        production.note = "қазақ"
        #expect(r.events == [production, EventRecord(kind: .activity, typeLabel: "Сараптама", date: "2015")])
        #expect(r.materials == [Concept(labels: [L("қарағай", "kk"), L("pine wood", "en")])])
        #expect(r.problems == [
            RecordProblem(.warning, "unknown-role", field: "roleActor", "role «ұста» is not in the profile's role table; kept as written"),
            RecordProblem(.warning, "unknown-event-type", field: "eventType", "event type «Сараптама» is not in the profile; read as an activity"),
        ])
        #expect(r.holder == AgentRef(names: [L("Алматы өнер музейі", "kk"), L("Almaty Museum of Arts", "en")], kind: .group,
                                     authorityURIs: ["https://museum-almaty.example/"]))
        #expect(r.links == [
            RecordLink("https://museum-almaty.example/kk/collection/AMA-MI-1972-014", kind: .shownAt),
            RecordLink("https://museum-almaty.example/media/AMA-MI-1972-014.jpg", kind: .shownBy),
        ])
        #expect(r.rights == "http://rightsstatements.org/vocab/InC/1.0/")  // skos:Concept in rightsResource
    }

    @Test func portraitCreationAndLoan() throws {
        let r = try #require(records["AMA-ZH-0231"])
        #expect(r.edmType == .image)
        #expect(r.titles == [L("Абай Құнанбайұлының портреті", "kk"), L("Портрет Абая Кунанбаева", "ru"),
                             L("Portrait of Abai Qunanbaiuly", "en")])
        #expect(r.types == [Concept(labels: [L("кескіндеме", "kk"), L("painting", "en")],
                                    authorityURIs: ["http://vocab.getty.edu/aat/300033618"])])
        #expect(r.identifiers.map(\.value) == ["AMA-ZH-0231", "https://museum-almaty.example/id/AMA-ZH-0231", "ЖК-231"])
        try #require(r.events.count == 2)
        let creation = r.events[0]
        #expect(creation.kind == .creation)
        #expect(creation.typeLabel == "Туындау")
        // A role given by a relator URI: the profile knows the term, the URI comes from the profile.
        #expect(creation.participants.map(\.role) == [Role(label: "artist", uri: relators + "art")])
        #expect(creation.participants.first?.agent.birthDate == "1904-04-01")
        #expect(creation.participants.first?.agent.authorityURIs == ["http://vocab.getty.edu/ulan/500999103"])
        var loan = EventRecord(kind: .transferOfCustody, typeLabel: "Loan", participants: [
            Participation(agent: AgentRef(names: [L("Алматы өнер музейі", "kk")], kind: .group),
                          role: Role(label: "lender", code: nil)),
            Participation(agent: AgentRef(names: [L("Toshkent adabiy meros muzeyi", "uz-Latn")], kind: .group),
                          role: Role(label: "borrower")),
        ], places: [PlaceRef(names: [L("Toshkent", "uz-Latn"), L("Ташкент", "kk")],
                             authorityURIs: ["http://www.wikidata.org/entity/Q269"], latitude: 41.3111, longitude: 69.2797)],
           date: "2019 ж. 3 наурыз – 30 маусым")
        loan.earliest = "2019-03-03"
        loan.latest = "2019-06-30"
        loan.note = "«Абай және Шығыс» көрмесі"
        #expect(r.events[1] == loan)
        #expect(r.subjectAgents == [AgentRef(names: [L("Абай Құнанбайұлы", "kk"), L("Абай Кунанбаев", "ru")], kind: .person,
                                             authorityURIs: ["http://viaf.org/viaf/999000001"])])
        // LIDO Terminology types of resourceRepresentation: lido00451 preview, lido00464 provided image.
        #expect(r.links == [
            RecordLink("https://museum-almaty.example/media/thumbs/AMA-ZH-0231.jpg", kind: .preview),
            RecordLink("https://museum-almaty.example/media/AMA-ZH-0231.jpg", kind: .shownBy),
        ])
        #expect(r.rights == "http://creativecommons.org/licenses/by/4.0/")
        #expect(r.problems.isEmpty)
    }

    @Test func lithographStateEditionAndPublication() throws {
        let r = try #require(records["AMA-GR-0088"])
        #expect(r.titles == [L("Вид города Верного", "ru"), L("Верный қаласының көрінісі", "kk")])
        #expect(r.edition == "Издание 1880 г.")
        #expect(r.descriptions == [L("II состояние", "ru")])
        #expect(r.identifiers.last == RecordIdentifier("ГР-88", type: "inventory number"))
        #expect(r.holder == nil)
        var publication = EventRecord(kind: .publication, typeLabel: "издание", participants: [
            Participation(agent: AgentRef(names: [L("Литография А. Ильина", "ru")], kind: .group),
                          role: Role(label: "printer", uri: relators + "prt")),
        ], places: [PlaceRef("Санкт-Петербург", language: "ru")], date: "1880")
        publication.earliest = "1880"
        publication.latest = "1880"
        #expect(r.events == [publication])
    }
}

@Suite struct LIDOProblemTests {
    @Test func skipsRecordWithoutIDAndReportsFaults() throws {
        let outcomes = try ReaderFixtures.read("lido/problem-records.xml", with: LIDOMapper(profile: try ReaderFixtures.lidoProfile()))
        try #require(outcomes.count == 3)
        let skipped = try #require(outcomes[0].skipped)
        #expect(skipped.location == "problem-records.xml:8:13")
        #expect(skipped.recordID == nil)
        #expect(skipped.reason == "the record has no lidoRecID")

        let r = try #require(outcomes[1].record)
        #expect(r.id == "TAM-XX-0001")
        #expect(r.titles.isEmpty)  // mapped anyway; the mapper's validation reports it
        let event = try #require(r.events.first)
        #expect((event.kind, event.date, event.earliest, event.latest) == (.production, "около 1950 г.", "1948-13-45", "ок. 1950"))
        #expect(event.places == [PlaceRef("Риштан", language: "ru")])
        #expect(r.links.isEmpty)
        #expect(r.problems.map(\.code) == ["malformed-date", "malformed-date", "malformed-coordinates", "unusable-link"])
        #expect(r.problems.map(\.field) == ["eventDate/date/earliestDate", "eventDate/date/latestDate", "gml:pos",
                                            "resourceRepresentation/linkResource"])
        #expect(r.problems.allSatisfy { $0.severity == .warning })

        #expect(outcomes[2].record?.titles == [L("Пиала с синей росписью", "ru")])
    }

    @Test func recordInOAIMetadataWithoutIDIsSkipped() throws {
        let xml = """
        <lido xmlns="http://www.lido-schema.org"><descriptiveMetadata xml:lang="en"/></lido>
        """
        let node = try XMLTree.parse(data: Data(xml.utf8))
        #expect(throws: SkippedRecord.self) {
            try LIDOMapper(profile: LIDOProfile()).map(node, ancestors: [], source: "oai:x")
        }
    }

    @Test func unknownEventTypeAndMissingEventType() throws {
        let xml = """
        <lido xmlns="http://www.lido-schema.org"><lidoRecID>x-1</lidoRecID>
        <descriptiveMetadata xml:lang="en"><eventWrap>
          <eventSet><event><eventType><term>Blessing</term></eventType></event></eventSet>
          <eventSet><event><eventDate><displayDate>1900</displayDate></eventDate></event></eventSet>
        </eventWrap></descriptiveMetadata></lido>
        """
        let r = try LIDOMapper(profile: LIDOProfile()).map(try XMLTree.parse(data: Data(xml.utf8)), ancestors: [], source: "t")
        #expect(r.events.map(\.kind) == [.activity, .activity])
        #expect(r.events.map(\.typeLabel) == ["Blessing", nil])
        #expect(r.problems.map(\.code) == ["unknown-event-type", "unknown-event-type"])
        #expect(r.problems.last?.message == "an event has no eventType; read as an activity")
    }

    @Test func descriptiveMetadataRepeatedPerLanguage() throws {
        let xml = """
        <lido:lido xmlns:lido="http://www.lido-schema.org">
          <lido:lidoRecID>x-2</lido:lidoRecID>
          <lido:lidoRecID lido:pref="preferred">TAM-X-2</lido:lidoRecID>
          <lido:descriptiveMetadata xml:lang="uz-Latn">
            <lido:objectIdentificationWrap><lido:titleWrap><lido:titleSet>
              <lido:appellationValue>Choynak</lido:appellationValue></lido:titleSet></lido:titleWrap></lido:objectIdentificationWrap>
            <lido:eventWrap><lido:eventSet><lido:event><lido:eventType><lido:term>ishlab chiqarish</lido:term></lido:eventType>
              <lido:eventDate><lido:displayDate>XIX asr</lido:displayDate></lido:eventDate></lido:event></lido:eventSet></lido:eventWrap>
          </lido:descriptiveMetadata>
          <lido:descriptiveMetadata xml:lang="ru">
            <lido:objectIdentificationWrap><lido:titleWrap><lido:titleSet>
              <lido:appellationValue>Чайник</lido:appellationValue></lido:titleSet></lido:titleWrap></lido:objectIdentificationWrap>
            <lido:eventWrap><lido:eventSet><lido:event><lido:eventType><lido:term>изготовление</lido:term></lido:eventType>
              <lido:eventDate><lido:displayDate>XIX век</lido:displayDate></lido:eventDate></lido:event></lido:eventSet></lido:eventWrap>
          </lido:descriptiveMetadata>
        </lido:lido>
        """
        let r = try LIDOMapper(profile: try ReaderFixtures.lidoProfile()).map(try XMLTree.parse(data: Data(xml.utf8)),
                                                                          ancestors: [], source: "t")
        #expect(r.id == "TAM-X-2")  // the preferred lidoRecID
        #expect(r.titles == [L("Choynak", "uz-Latn"), L("Чайник", "ru")])
        // The events of the second language version repeat the first: read once.
        #expect(r.events.map(\.date) == ["XIX asr"])
        #expect(r.events.map(\.kind) == [.production])
        #expect(r.problems.isEmpty)
    }

    @Test func profileLoadsWithTablesNormalised() throws {
        let p = try ReaderFixtures.lidoProfile()
        #expect(p.defaults.kind == .physicalObject)
        #expect(p.defaults.edmType == .image)
        #expect(p.eventKind(for: ["http://terminology.lido-schema.org/lido00007"]) == .production)
        #expect(p.eventKind(for: ["http://terminology.lido-schema.org/lido00012"]) == .creation)
        #expect(p.eventKind(for: ["http://terminology.lido-schema.org/lido00001"]) == .acquisition)
        #expect(p.eventKind(for: ["http://terminology.lido-schema.org/lido00228"]) == .publication)
        #expect(p.eventKind(for: ["Loan"]) == .transferOfCustody)
        #expect(p.eventKind(for: ["ПРИОБРЕТЕНИЕ"]) == .acquisition)
        #expect(p.eventKind(for: ["http://terminology.lido-schema.org/lido00225"]) == .activity)
        #expect(p.eventKind(for: ["Coronation"]) == nil)
        #expect(p.defaults.role(for: "Kotib")?.uri == relators + "scr")
        #expect(p.linkKind(forRepresentationType: "http://terminology.lido-schema.org/lido00451") == .preview)
        let decoded = try JSONDecoder().decode(LIDOProfile.self, from: Data(#"{"eventTypes": {"Blessing": "activity"}}"#.utf8))
        #expect(decoded.eventKind(for: ["blessing"]) == .activity)
        #expect(decoded.defaultResourceLink == .shownBy && decoded.workIDType == "inventory number")
    }
}
