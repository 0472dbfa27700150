import Foundation
import Testing
import MnemoMARC

/// The committed binary fixtures are exactly what the generator writes today.
/// Run with `MNEMO_WRITE_MARC_FIXTURES=1` to rewrite them after a deliberate change.
@Suite struct FixtureGenerationTests {
    @Test func binaryFixturesAreByteStable() throws {
        let rewrite = ProcessInfo.processInfo.environment["MNEMO_WRITE_MARC_FIXTURES"] == "1"
        for (name, bytes) in try FixtureGenerator.files() {
            if rewrite { try bytes.write(to: Fixtures.url(name)) }
            let committed = try Fixtures.data(name)
            #expect(committed == bytes, "\(name) differs from the generator's output")
        }
    }

    @Test func generatorIsDeterministic() throws {
        let a = try FixtureGenerator.files().map(\.bytes)
        let b = try FixtureGenerator.files().map(\.bytes)
        #expect(a == b)
    }
}
