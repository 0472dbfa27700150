import Foundation
@testable import MnemoMARC

/// Finds and reads the files under `Fixtures/marc/` of the repository.
enum Fixtures {
    /// `Fixtures/marc/`, found from this file's path (symbolic links resolved,
    /// so a scratch package linking to the sources finds the real repository).
    static let directory: URL = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().resolvingSymlinksInPath()
        // …/Tests/MnemoMARCTests/Support → repository root
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("Fixtures/marc", isDirectory: true)
    }()

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    /// Every result of reading an XML fixture, in order.
    static func readXML(_ name: String) throws -> [Result<MARCRecord, MARCReadError>] {
        var out: [Result<MARCRecord, MARCReadError>] = []
        try MARCXMLReader().read(url: url(name)) { out.append($0) }
        return out
    }

    /// The records of a well-formed XML fixture.
    static func xmlRecords(_ name: String) throws -> [MARCRecord] {
        try readXML(name).map { try $0.get() }
    }

    /// Every result of reading an ISO 2709 fixture, in order.
    static func readISO(_ name: String, encoding: MARCEncoding? = nil) throws -> [Result<MARCRecord, MARCReadError>] {
        Array(try ISO2709Reader(url: url(name), encoding: encoding))
    }

    /// The records of a well-formed ISO 2709 fixture.
    static func isoRecords(_ name: String, encoding: MARCEncoding? = nil) throws -> [MARCRecord] {
        try readISO(name, encoding: encoding).map { try $0.get() }
    }
}
