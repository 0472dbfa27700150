import MnemoTestSupport
import Testing
@testable import MnemoHarvest

@Suite struct DatestampTests {
    @Test func recognisesBothGranularities() {
        #expect(OAIDatestamp.granularity(of: "2024-03-01") == .day)
        #expect(OAIDatestamp.granularity(of: "2024-03-01T12:30:00Z") == .second)
        for bad in ["2024-3-01", "2024-13-01", "2024-03-01T12:30:00", "2024-03-01 12:30:00Z", "01.03.2024",
                    "2024-03-01T25:00:00Z", ""] {
            #expect(OAIDatestamp.granularity(of: bad) == nil, "\(bad)")
        }
    }

    @Test func malformedFromIsRejected() {
        #expect(throws: OAIError.self) { try OAIDatestamp.fit(from: "yesterday", until: nil, repository: nil) }
        #expect(throws: OAIError.self) {
            try OAIDatestamp.fit(from: "2024-04-01", until: "2024-03-01", repository: .day)
        }
    }

    @Test func dayRepositoryGetsDays() throws {
        let fit = try OAIDatestamp.fit(from: "2024-03-01T12:30:00Z", until: "2024-03-31T23:00:00Z", repository: .day)
        #expect(fit.from == "2024-03-01" && fit.until == "2024-03-31")
        #expect(fit.warnings.count == 2)
        let unchanged = try OAIDatestamp.fit(from: "2024-03-01", until: nil, repository: .day)
        #expect(unchanged.from == "2024-03-01" && unchanged.warnings.isEmpty)
    }

    @Test func secondRepositoryKeepsTimestampsAndWidensMixedBounds() throws {
        let same = try OAIDatestamp.fit(from: "2024-03-01T12:30:00Z", until: nil, repository: .second)
        #expect(same.from == "2024-03-01T12:30:00Z" && same.warnings.isEmpty)
        let mixed = try OAIDatestamp.fit(from: "2024-03-01", until: "2024-03-31T12:00:00Z", repository: .second)
        #expect(mixed.from == "2024-03-01T00:00:00Z" && mixed.until == "2024-03-31T12:00:00Z")
        let mixed2 = try OAIDatestamp.fit(from: "2024-03-01T06:00:00Z", until: "2024-03-31", repository: .second)
        #expect(mixed2.until == "2024-03-31T23:59:59Z")
        #expect(mixed2.warnings.count == 1)
    }

    @Test func unknownRepositoryFallsBackToDaysForMixedBounds() throws {
        let fit = try OAIDatestamp.fit(from: "2024-03-01T06:00:00Z", until: "2024-03-31", repository: nil)
        #expect(fit.from == "2024-03-01" && fit.until == "2024-03-31")
        let alone = try OAIDatestamp.fit(from: "2024-03-01T06:00:00Z", until: nil, repository: nil)
        #expect(alone.from == "2024-03-01T06:00:00Z")
    }
}
