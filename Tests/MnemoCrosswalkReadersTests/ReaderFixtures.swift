import Foundation
import MnemoCrosswalk
import MnemoXML

/// Finds the repository's fixtures and built-in profiles, and reads fixture files
/// through ``XMLRecordReader`` and a mapper, as the ingest pipeline does.
enum ReaderFixtures {
    /// The repository root: the nearest folder above this file holding both
    /// `Package.swift` and `Fixtures/`. Symlinks in this file's path are resolved
    /// first, so the tests also run from a scratch package that links them in.
    static let root: URL = {
        let here = URL(fileURLWithPath: #filePath)
        for start in [here.resolvingSymlinksInPath(), here] {
            var dir = start.deletingLastPathComponent()
            while dir.path != "/" {
                let fm = FileManager.default
                if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
                   fm.fileExists(atPath: dir.appendingPathComponent("Fixtures").path) {
                    return dir
                }
                dir = dir.deletingLastPathComponent()
            }
        }
        fatalError("no folder with Package.swift and Fixtures/ above \(here.path)")
    }()

    static func fixture(_ path: String) -> URL { root.appendingPathComponent("Fixtures/\(path)") }

    static func profile(_ name: String) -> URL {
        root.appendingPathComponent("Sources/MnemoCrosswalk/Profiles/\(name).json")
    }

    static func lidoProfile() throws -> LIDOProfile { try LIDOProfile.load(from: profile("lido")) }
    static func eadProfile() throws -> EADProfile { try EADProfile.load(from: profile("ead")) }
    static func dcProfile() throws -> DublinCoreProfile { try DublinCoreProfile.load(from: profile("dublin-core")) }

    /// What reading one record gave.
    enum Outcome {
        case mapped(HeritageRecord)
        case skipped(SkippedRecord)

        var record: HeritageRecord? { if case .mapped(let r) = self { r } else { nil } }
        var skipped: SkippedRecord? { if case .skipped(let s) = self { s } else { nil } }
    }

    /// Every record of a fixture file, in delivery order; `source` is the name
    /// used in locations (the file's name, so the expectations do not depend on where the repository is).
    static func read(_ path: String, with mapper: some XMLRecordMapper) throws -> [Outcome] {
        let url = fixture(path)
        var out: [Outcome] = []
        try XMLRecordReader(recordNames: mapper.recordNames).read(url: url) { node, ancestors in
            do {
                out.append(.mapped(try mapper.map(node, ancestors: ancestors, source: url.lastPathComponent)))
            } catch let s as SkippedRecord {
                out.append(.skipped(s))
            }
        }
        return out
    }

    /// The mapped records of a fixture file by id.
    static func records(_ path: String, with mapper: some XMLRecordMapper) throws -> [String: HeritageRecord] {
        var byID: [String: HeritageRecord] = [:]
        for r in try read(path, with: mapper).compactMap(\.record) { byID[r.id] = r }
        return byID
    }
}
