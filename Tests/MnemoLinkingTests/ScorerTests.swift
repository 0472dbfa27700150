import Testing
@testable import MnemoLinking
import MnemoSearch

@Suite struct ScorerTests {
    func record(_ iri: String, _ graph: Int32, _ names: [String], birth: Int? = nil, death: Int? = nil, viaf: String? = nil) -> LinkRecord {
        var p = EntityProfile(iri: iri, graph: "urn:g\(graph)", kind: .person)
        p.names = names.map { LabelValue(value: $0, language: nil) }
        if let birth { p.birth = YearRange(low: birth, high: birth) }
        if let death { p.death = YearRange(low: death, high: death) }
        if let viaf { p.identifiers["viaf"] = [viaf] }
        return LinkRecord(p, graph: graph, memo: TokenMemo())
    }

    @Test func crossScriptNamesAndDatesScoreHigh() {
        let s = Scorer(records: [record("urn:a", 0, ["Валиханов, Чокан Чингисович"], birth: 1835),
                                 record("urn:b", 1, ["Chokan Valikhanov"], birth: 1835)])
        let score = s.score(0, 1)
        #expect(score.name >= 0.85)
        #expect(score.confidence >= 0.85)
        #expect(score.explanation.contains("birth"))
    }

    @Test func datesFarApartForbidAndIdentifiersDecide() {
        let s = Scorer(records: [record("urn:a", 0, ["Ivanov, Ivan"], birth: 1800, viaf: "1"),
                                 record("urn:b", 1, ["Ivan Ivanov"], birth: 1850, viaf: "2"),
                                 record("urn:c", 1, ["Ivan Ivanov"], viaf: "1")])
        #expect(s.score(0, 1).forbidden != nil)
        #expect(s.score(0, 1).confidence == 0)
        #expect(s.score(0, 2).byIdentifier)
        #expect(s.score(0, 2).confidence == 1)
    }

    @Test func namesOfAManAndAWomanForbidUnlessAnIdentifierDecides() {
        func gender(_ n: String) -> NameGender? { record("urn:x", 0, [n]).gender }
        #expect(gender("Иванова, Мария Петровна") == .female)
        #expect(gender("Ivanov, M.") == .male)
        #expect(gender("Abkiyeva, Shaxon") == .female)
        #expect(gender("Temkhon Abang kyzy") == .female)
        #expect(gender("Әбаң ұлы, Темхан") == .male)
        #expect(gender("Nurmur oʻgʻli, Janmat") == .male)
        #expect(gender("Чокан Валиханов") == .male)
        #expect(gender("Abai") == nil)
        #expect(gender("Иванова, Иван Петрович") == nil, "contradicting marks say nothing")
        let s = Scorer(records: [record("urn:a", 0, ["Абхаов, Шахан"], viaf: "7"),
                                 record("urn:b", 1, ["Abkhaova, Shakhan"]),
                                 record("urn:c", 1, ["Abkhaova, Shakhan"], viaf: "7")])
        #expect(s.score(0, 1).forbidden?.contains("man") == true, "\(s.score(0, 1).explanation)")
        #expect(s.score(0, 2).byIdentifier, "a shared identifier still decides")
    }

    @Test func aLifeCannotEndBeforeItBeginsOrLastOver110Years() {
        let s = Scorer(records: [record("urn:a", 0, ["Muloyeva, Mukhan"], birth: 1712),
                                 record("urn:b", 1, ["Мулоева, Мухан"], death: 1856),
                                 record("urn:c", 1, ["Мулоева, Мухан"], death: 1700),
                                 record("urn:d", 1, ["Мулоева, Мухан"], death: 1790)])
        #expect(s.score(0, 1).forbidden?.contains("144 years") == true, "\(s.score(0, 1).explanation)")
        #expect(s.score(0, 2).forbidden?.contains("before the birth") == true)
        #expect(s.score(0, 3).forbidden == nil)
    }

    @Test func aPatronymicFromTheOwnForenameMeansAFatherOfTheSameName() {
        #expect(record("urn:a", 0, ["Касбиов, Гультай Гультаевич"]).namedAfterFather)
        #expect(record("urn:a", 0, ["Жорліов, Шабай Шабай ұлы"]).namedAfterFather)
        #expect(!record("urn:a", 0, ["Иванов, Пётр Иванович"]).namedAfterFather, "the surname is not the forename")
        #expect(!record("urn:a", 0, ["Валиханов, Чокан Чингисович"]).namedAfterFather)
        #expect(!record("urn:a", 0, ["Қасбиов, Гултой"]).namedAfterFather)
    }

    @Test func blockingMeetsAbbreviatedAndCyrillicNames() {
        let rs = [record("urn:a", 0, ["Валиханов, Чокан"]), record("urn:b", 1, ["Valikhanov, Ch."]),
                  record("urn:c", 2, ["Chokan Valikhanov"]), record("urn:d", 1, ["Abai Kunanbaev"])]
        let b = Blocking(rs, cap: 100, window: 10)
        let pairs = Set(b.pairs.map { "\($0.0)-\($0.1)" })
        #expect(pairs.contains("0-1") && pairs.contains("0-2") && pairs.contains("1-2"))
        #expect(!pairs.contains("0-3"))
    }
}

@Suite struct EventAndWorkScoreTests {
    let crm = "http://www.cidoc-crm.org/cidoc-crm/"

    func event(_ iri: String, _ graph: Int32, _ name: String, _ type: String, year: Int?, place: String?, participant: String?) -> LinkRecord {
        var p = EntityProfile(iri: iri, graph: "urn:g\(graph)", kind: .event)
        p.names = [LabelValue(value: name, language: nil)]
        p.eventTypes = [crm + type, crm + "E5_Event"]
        p.date = year.map { YearRange(low: $0, high: $0) }
        p.eventPlaces = place.map { [$0] } ?? []
        p.participants = participant.map { [$0] } ?? []
        return LinkRecord(p, graph: graph, memo: TokenMemo())
    }

    @Test func eventsMeetByKindDatePlaceAndParticipants() {
        let s = Scorer(records: [
            event("urn:e1", 0, "Выставка Абая", "E8_Acquisition", year: 1945, place: "Алма-Ата", participant: "Абай Кунанбаев"),
            event("urn:e2", 1, "Abai exhibition", "E8_Acquisition", year: 1945, place: "Alma-Ata", participant: "Abai Kunanbayev"),
            event("urn:e3", 1, "Abai exhibition", "E8_Acquisition", year: 1970, place: "Alma-Ata", participant: "Abai Kunanbayev"),
            event("urn:e4", 1, "Выставка Абая", "E67_Birth", year: 1945, place: nil, participant: nil),
        ])
        let same = s.score(0, 1)
        #expect(same.forbidden == nil)
        for f in ["date", "place", "participants"] { #expect(same.explanation.contains(f), "\(same.explanation)") }
        #expect(s.score(0, 2).forbidden?.contains("dated") == true)
        // An acquisition against a birth: E5_Event is generic, the specific kinds differ.
        #expect(s.score(0, 3).forbidden?.contains("kinds of event") == true, "\(s.score(0, 3).explanation)")
        #expect(same.confidence > s.score(0, 2).confidence)
    }

    @Test func aWorkInCommonCountsForPersons() {
        func person(_ iri: String, _ g: Int32, _ name: String, works: [String]) -> LinkRecord {
            var p = EntityProfile(iri: iri, graph: "urn:g\(g)", kind: .person)
            p.names = [LabelValue(value: name, language: nil)]
            p.works = works
            return LinkRecord(p, graph: g, memo: TokenMemo())
        }
        let s = Scorer(records: [person("urn:a", 0, "Ауэзов, Мухтар", works: ["Путь Абая"]),
                                 person("urn:b", 1, "Mukhtar Auezov", works: ["Put Abaya"]),
                                 person("urn:c", 1, "Mukhtar Auezov", works: ["Karagoz"])])
        let with = s.score(0, 1), without = s.score(0, 2)
        #expect(with.explanation.contains("works"), "\(with.explanation)")
        #expect(!without.explanation.contains("works"))
        #expect(with.confidence > without.confidence)
    }
}

@Suite struct PlaceScoreTests {
    @Test func placeNamesAcrossScriptsMeet() {
        var a = EntityProfile(iri: "urn:p1", graph: "urn:g1", kind: .place)
        a.names = [LabelValue(value: "Суллисай", language: "ru")]
        a.parents = ["Дильраская область"]
        var b = EntityProfile(iri: "urn:p2", graph: "urn:g2", kind: .place)
        b.names = [LabelValue(value: "Sullisay", language: "en")]
        b.parents = ["Dilra Region"]
        let memo = TokenMemo()
        let rs = [LinkRecord(a, graph: 0, memo: memo), LinkRecord(b, graph: 1, memo: memo)]
        let blocks = Blocking(rs, cap: 10, window: 5)
        #expect(blocks.pairs.count == 1, "\(Blocking.keys(rs[0])) vs \(Blocking.keys(rs[1]))")
        let s = Scorer(records: rs).score(0, 1)
        #expect(s.confidence >= 0.8, "\(s.explanation)")
    }
}
