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
