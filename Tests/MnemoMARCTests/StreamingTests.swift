import Foundation
import Testing
import MnemoMARC

/// Reads generated 20,000-record files in both formats and checks the count.
/// Throughput is printed for information; nothing here is a timed assertion.
@Suite struct StreamingTests {
    static let count = 20_000

    func temporaryFile(_ ext: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-marc-\(UUID()).\(ext)")
    }

    func report(_ what: String, _ n: Int, _ start: ContinuousClock.Instant) {
        let seconds = Double((ContinuousClock.now - start).components.attoseconds) / 1e18
            + Double((ContinuousClock.now - start).components.seconds)
        print("\(what): \(n) records in \(String(format: "%.2f", seconds)) s, \(Int(Double(n) / max(seconds, 1e-9))) records/s")
    }

    @Test func marcxmlStream() throws {
        let url = temporaryFile("xml")
        defer { try? FileManager.default.removeItem(at: url) }
        try MARCXMLWriter().write((0..<Self.count).lazy.map(SyntheticRecords.record), to: url)
        let start = ContinuousClock.now
        var n = 0, failures = 0
        var last: MARCRecord?
        try MARCXMLReader().read(url: url) { result in
            switch result {
            case .success(let r): n += 1; last = r
            case .failure: failures += 1
            }
        }
        report("MARCXML", n, start)
        #expect(n == Self.count)
        #expect(failures == 0)
        #expect(last == SyntheticRecords.record(Self.count - 1))
    }

    @Test func iso2709Stream() throws {
        let url = temporaryFile("mrc")
        defer { try? FileManager.default.removeItem(at: url) }
        try ISO2709Writer().write((0..<Self.count).lazy.map(SyntheticRecords.record), to: url)
        let start = ContinuousClock.now
        var n = 0, failures = 0
        var last: MARCRecord?
        for result in try ISO2709Reader(url: url) {
            switch result {
            case .success(let r): n += 1; last = r
            case .failure: failures += 1
            }
        }
        report("ISO 2709", n, start)
        #expect(n == Self.count)
        #expect(failures == 0)
        // The writer filled in the leader's lengths; the fields come back as written.
        #expect(last?.dataFields == SyntheticRecords.record(Self.count - 1).dataFields)
        #expect(last?.controlFields == SyntheticRecords.record(Self.count - 1).controlFields)
    }
}
