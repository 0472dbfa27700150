import Foundation

/// The `Fixtures/oai` directory of the repository, found by walking up from
/// this file (through symlinks, so a scratch package linking the test folder works).
public let oaiFixtures: URL = {
    var dir = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    while dir.path != "/" {
        let candidate = dir.appendingPathComponent("Fixtures/oai")
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("README.md").path) {
            return candidate
        }
        dir = dir.deletingLastPathComponent()
    }
    fatalError("Fixtures/oai not found above \(#filePath)")
}()

/// The repository root (the directory holding `Package.swift`), found by
/// walking up from this file, directly or through symlinks.
public let repositoryRoot: URL = {
    for start in [URL(fileURLWithPath: #filePath), URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()] {
        var dir = start.deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
    }
    fatalError("Package.swift not found above \(#filePath)")
}()
