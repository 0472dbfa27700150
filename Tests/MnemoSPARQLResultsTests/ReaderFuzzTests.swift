import Foundation
import MnemoRDF
import Testing
@testable import MnemoSPARQLResults

/// Malformed input must give errors, never crashes: each reader gets
/// thousands of damaged copies of a valid document.
@Suite struct ReaderFuzzTests {
    static let damageKinds = 4

    func damaged(_ bytes: [UInt8], _ rng: inout SplitMix) -> [UInt8] {
        var b = bytes
        for _ in 0..<Int(rng.next() % 4 + 1) {
            guard !b.isEmpty else { break }
            let i = Int(rng.next() % UInt64(b.count))
            switch rng.next() % UInt64(Self.damageKinds) {
            case 0: b[i] = UInt8(truncatingIfNeeded: rng.next())
            case 1: b.remove(at: i)
            case 2: b.insert([0x22, 0x3C, 0x3E, 0x5C, 0x09, 0x0A, 0x2C, 0x7B, 0x5D, 0xD0, 0x26][Int(rng.next() % 11)], at: i)
            default: b.removeSubrange(i...)
            }
        }
        return b
    }

    @Test(arguments: [ResultFormat.json, .xml, .csv, .tsv])
    func damagedDocumentsNeverCrash(_ format: ResultFormat) throws {
        let valid = Array(try format.string(.solutions(Fixtures.table)).utf8)
        var rng = SplitMix(seed: 7 &+ UInt64(format.rawValue.count))
        var errors = 0
        let rounds = format == .xml ? 600 : 3000
        for _ in 0..<rounds {
            let input = damaged(valid, &rng)
            do {
                _ = try format.read(Data(input))
            } catch let e as ResultsParseError {
                errors += 1
                #expect(e.line >= 1 && e.column >= 1 && !e.message.isEmpty)
            }
        }
        #expect(errors > 0)
    }
}
