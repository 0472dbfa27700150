import MnemoTestSupport
import Foundation
import Testing
@testable import MnemoHarvest

@Suite struct RepositoryInfoTests {
    @Test func identifyReadsEveryField() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        let client = repo.client()
        #expect(client.repository == nil)
        let identify = try await client.identify()
        #expect(identify.repositoryName == "Mnemo Test Repository (Almaty · Tashkent · Kazan)")
        #expect(identify.baseURL == "http://127.0.0.1/oai")
        #expect(identify.protocolVersion == "2.0")
        #expect(identify.earliestDatestamp == "2024-01-01")
        #expect(identify.deletedRecord == .persistent)
        #expect(identify.granularity == .day)
        #expect(identify.adminEmails == ["oai-admin@mnemo.example.org", "metadata@mnemo.example.org"])
        #expect(client.repository == identify)
        let request = try #require(repo.server.requests.first)
        #expect(request.rawQuery == "verb=Identify")
        #expect(request.path == "/oai")
        #expect(request.headers["user-agent"]?.hasPrefix("Mnemo/") == true)
    }

    @Test func identifyOfASecondGranularityRepository() async throws {
        let repo = try FixtureRepository(routes: [OAITestRoute(["verb": "Identify"], .file("identify-seconds.xml"))])
        defer { repo.server.stop() }
        let identify = try await repo.client().identify()
        #expect(identify.granularity == .second)
        #expect(identify.deletedRecord == .transient)
        #expect(identify.compression == ["gzip"])
        #expect(identify.earliestDatestamp == "2024-01-01T00:00:00Z")
    }

    @Test func listMetadataFormats() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        let formats = try await repo.client().listMetadataFormats()
        #expect(formats.map(\.metadataPrefix) == ["oai_dc", "lido", "marc21"])
        #expect(formats[0] == OAIMetadataFormat(metadataPrefix: "oai_dc",
                                                schema: "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
                                                metadataNamespace: "http://www.openarchives.org/OAI/2.0/oai_dc/"))
        #expect(formats[2].metadataNamespace == "http://www.loc.gov/MARC21/slim")
    }

    @Test func listSetsFollowsTheResumptionToken() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        let sets = try await repo.client().listSets()
        #expect(sets.map(\.setSpec) == ["library", "library:books", "museum", "museum:manuscripts",
                                        "archive", "archive:expeditions"])
        #expect(sets[3].setName == "Tashkent museum: manuscripts")
        let description = try #require(sets[0].descriptions.first)
        #expect(description.name == "dc")
        #expect(bytes(description.first("description")?.text)
                == bytes("Кітапхана қоры: қазақ әдебиетінің алғашқы басылымдары"))
        #expect(repo.server.requests.map(\.rawQuery) == ["verb=ListSets", "verb=ListSets&resumptionToken=sets%2F2"])
    }

    @Test func noSetHierarchyIsAnError() async throws {
        let repo = try FixtureRepository(routes: [OAITestRoute(["verb": "ListSets"], .file("error-noSetHierarchy.xml"))])
        defer { repo.server.stop() }
        let error = await #expect(throws: OAIError.self) { _ = try await repo.client().listSets() }
        guard case .protocolError(.noSetHierarchy, let message)? = error else {
            Issue.record("expected noSetHierarchy, got \(String(describing: error))")
            return
        }
        #expect(message == "This repository does not support sets.")
    }

    @Test func getRecordAndIdDoesNotExist() async throws {
        let repo = try FixtureRepository()
        defer { repo.server.stop() }
        let client = repo.client()
        let record = try await client.getRecord(identifier: "oai:mnemo.example.org:museum-tashkent/navoiy-xamsa")
        #expect(record.setSpecs == ["museum", "museum:manuscripts"])
        #expect(record.metadata?.children("title").map(\.text) == ["Xamsa", "Хамса"])
        #expect(repo.server.requests.last?.rawQuery == "verb=GetRecord&identifier=oai%3Amnemo.example.org%3Amuseum-tashkent%2Fnavoiy-xamsa&metadataPrefix=oai_dc")
        let error = await #expect(throws: OAIError.self) {
            _ = try await client.getRecord(identifier: "oai:mnemo.example.org:nowhere/0")
        }
        guard case .protocolError(.idDoesNotExist, _)? = error else {
            Issue.record("expected idDoesNotExist, got \(String(describing: error))")
            return
        }
    }
}
