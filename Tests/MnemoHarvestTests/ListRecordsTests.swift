import MnemoTestSupport
import Foundation
import Synchronization
import Testing
@testable import MnemoHarvest

@Suite struct ListRecordsTests {
    static let allIdentifiers = [
        "oai:mnemo.example.org:library-almaty/abai-qara-sozder",
        "oai:mnemo.example.org:museum-tashkent/navoiy-xamsa",
        "oai:mnemo.example.org:archive-kazan/tukay-letters",
        "oai:mnemo.example.org:library-almaty/auezov-abai-joly",
        "oai:mnemo.example.org:museum-tashkent/ulugbek-zij",
        "oai:mnemo.example.org:archive-kazan/valikhanov-diary",
        "oai:mnemo.example.org:museum-tashkent/navoiy-portrait",
        "oai:mnemo.example.org:library-almaty/altynsarin-reader",
    ]

    @Test func fullHarvestOverThreePages() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        let (records, summary) = try await FixtureRepository.harvest(repo.client())

        #expect(records.map(\.identifier) == Self.allIdentifiers)
        #expect(records.map(\.isDeleted) == [false, false, true, false, false, false, true, false])
        #expect(records.filter(\.isDeleted).allSatisfy { $0.metadata == nil })
        #expect(records.map(\.datestamp) == ["2024-01-10", "2024-01-15", "2024-01-20", "2024-02-01",
                                             "2024-02-11", "2024-02-20", "2024-03-05", "2024-03-12"])
        #expect(records.map(\.setSpecs) == [
            ["library", "library:books"], ["museum", "museum:manuscripts"], ["archive"],
            ["library", "library:books"], ["museum", "museum:manuscripts"], ["archive", "archive:expeditions"],
            ["museum"], ["library", "library:books"],
        ])

        // The metadata is the oai_dc:dc element itself, its text byte for byte.
        let abai = try #require(records[0].metadata)
        #expect(abai.name == "dc")
        #expect(abai.namespace == "http://www.openarchives.org/OAI/2.0/oai_dc/")
        #expect(abai.first("title")?.namespace == "http://purl.org/dc/elements/1.1/")
        #expect(bytes(abai.first("title")?.text) == bytes("Қара сөздер"))
        #expect(bytes(abai.first("creator")?.text) == bytes("Абай Құнанбайұлы"))
        #expect(abai.first("title")?.attribute("lang") == "kk")
        #expect(records[1].metadata?.children("title").map { bytes($0.text) } == [bytes("Xamsa"), bytes("Хамса")])
        #expect(bytes(records[1].metadata?.first("creator")?.text) == bytes("Alisher Navoiy"))
        #expect(bytes(records[3].metadata?.first("creator")?.text) == bytes("Мұхтар Әуезов"))
        #expect(bytes(records[4].metadata?.first("creator")?.text) == bytes("Mirzo Ulugʻbek"))
        #expect(bytes(records[5].metadata?.first("title")?.text) == bytes("Дневник поездки в Кульджу"))
        #expect(bytes(records[7].metadata?.first("creator")?.text) == bytes("Ыбырай Алтынсарин"))

        // <about> containers hand over their child element.
        let provenance = try #require(records[4].about.first)
        #expect(provenance.name == "provenance")
        #expect(provenance.first(path: "originDescription/identifier")?.text == "oai:tashkent-museum.example.org:ms-0042")
        #expect(records[0].about.isEmpty)

        #expect(summary == OAIHarvestSummary(pages: 3, records: 8, deleted: 2, responseDate: "2024-05-01T10:00:00Z",
                                             completeListSize: 8, cursor: 6, warnings: []))
    }

    @Test func continuationRequestsCarryOnlyVerbAndToken() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        _ = try await FixtureRepository.harvest(repo.client())
        let requests = repo.server.requests
        #expect(requests.map(\.rawQuery) == [
            "verb=ListRecords&metadataPrefix=oai_dc",
            "verb=ListRecords&resumptionToken=oai_dc%2F2024%2Bpage%3D2%20of%203",
            "verb=ListRecords&resumptionToken=oai_dc%2F2024%2Bpage%3D3%20of%203",
        ])
        // The server decodes '+' as a space, as form-handling servers do: the
        // token only survives because the client sent it as %2B.
        #expect(requests[1].arguments == ["verb": "ListRecords", "resumptionToken": OAITestServer.page2Token])
        #expect(requests[2].arguments == ["verb": "ListRecords", "resumptionToken": OAITestServer.page3Token])
    }

    @Test func eachPageIsHandedOverBeforeTheNextIsFetched() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        var requestsSeen: [Int] = []
        _ = try await repo.client().listRecords { _ in requestsSeen.append(repo.server.requests.count) }
        #expect(requestsSeen == [1, 1, 1, 2, 2, 2, 3, 3])
    }

    @Test func incrementalHarvestFrom() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        let (records, summary) = try await FixtureRepository.harvest(repo.client(from: "2024-03-01"))
        #expect(records.map(\.identifier) == Array(Self.allIdentifiers.suffix(2)))
        #expect(records.map(\.isDeleted) == [true, false])
        #expect(summary.pages == 1 && summary.records == 2 && summary.deleted == 1)
        #expect(summary.responseDate == "2024-06-01T10:00:00Z")
        #expect(summary.completeListSize == nil)
        #expect(repo.server.requests.map(\.rawQuery) == ["verb=ListRecords&metadataPrefix=oai_dc&from=2024-03-01"])
    }

    @Test func timestampIsTruncatedForADayGranularityRepository() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        let log = WarningLog()
        let client = repo.client(from: "2024-03-01T12:30:00Z", onWarning: { log.add($0) })
        _ = try await client.identify()
        let (records, summary) = try await FixtureRepository.harvest(client)
        #expect(records.count == 2)
        #expect(repo.server.requests.last?.arguments["from"] == "2024-03-01")
        #expect(log.all == ["from 2024-03-01T12:30:00Z truncated to 2024-03-01: the repository's granularity is YYYY-MM-DD"])
        #expect(summary.warnings == log.all)
    }

    @Test func selectiveHarvestBySet() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        let (records, summary) = try await FixtureRepository.harvest(repo.client(set: "museum"))
        #expect(records.map(\.identifier) == [Self.allIdentifiers[1], Self.allIdentifiers[4], Self.allIdentifiers[6]])
        #expect(records.allSatisfy { $0.setSpecs.contains("museum") })
        #expect(summary.deleted == 1)
        #expect(repo.server.requests.map(\.rawQuery) == ["verb=ListRecords&metadataPrefix=oai_dc&set=museum"])
    }

    @Test func noRecordsMatchIsAnEmptyHarvest() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        var calls = 0
        let summary = try await repo.client(from: "2030-01-01").listRecords { _ in calls += 1 }
        #expect(calls == 0)
        #expect(summary == OAIHarvestSummary(pages: 1, records: 0, deleted: 0, responseDate: "2030-01-02T08:00:00Z"))
    }

    @Test func handlerErrorsStopTheHarvest() async throws {
        struct Stop: Error {}
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        await #expect(throws: Stop.self) {
            _ = try await repo.client().listRecords { record in
                if record.isDeleted { throw Stop() }
            }
        }
        #expect(repo.server.requests.count == 1)
    }
}
