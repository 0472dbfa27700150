import Foundation
import MnemoMARC

/// Builds the binary fixtures from the XML fixtures and ``FixtureRecords``.
/// `FixtureGenerationTests` checks the committed files against this output, and
/// rewrites them when `MNEMO_WRITE_MARC_FIXTURES=1` is set.
enum FixtureGenerator {
    static func files() throws -> [(name: String, bytes: Data)] {
        let utf8 = try Fixtures.xmlRecords("russian-utf8.xml") + Fixtures.xmlRecords("kazakh-uzbek.xml")
        let rusmarc = try Fixtures.xmlRecords("rusmarc.xml")
        return [
            ("utf8.mrc", try ISO2709Writer(encoding: .utf8).data(utf8)),
            // RUSMARC exports leave leader 9 blank whatever the encoding.
            ("rusmarc.mrc", try ISO2709Writer(encoding: .utf8, marksUTF8InLeader: false).data(rusmarc)),
            ("cp1251.mrc", try ISO2709Writer(encoding: .windows1251).data(FixtureRecords.cp1251)),
            ("marc8.mrc", try ISO2709Writer(encoding: .marc8).data(FixtureRecords.marc8)),
            ("bad.mrc", try bad()),
        ]
    }

    /// Three UTF-8 records; five bytes are cut from the second one's directory,
    /// so its directory is no longer a multiple of 12 bytes.
    static func bad() throws -> Data {
        let w = ISO2709Writer(encoding: .utf8)
        var broken = try w.encode(FixtureRecords.bad[1])
        broken.removeSubrange(24..<29)
        var out = Data(try w.encode(FixtureRecords.bad[0]))
        out.append(contentsOf: broken)
        out.append(contentsOf: try w.encode(FixtureRecords.bad[2]))
        return out
    }
}
