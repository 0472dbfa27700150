import Foundation
import Testing

/// A process killed with SIGKILL in the middle of an import leaves the store
/// exactly as it was before that file.
@Suite(.serialized) struct CrashTests {
    @Test func sigkillDuringImportLeavesTheStoreAsBefore() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = "\(dir.path)/s.sqlite", store = "sqlite:\(path)"
        let fixture = fixtures.appendingPathComponent("library-almaty.ttl").path
        #expect(try MnemoProcess.run(["import", "--store", store, "--graph", "https://ex.org/lib", fixture]).status == 0)
        let before = try MnemoProcess.run(["export", "--store", store]).output
        let big = "\(dir.path)/big.nq"
        #expect(try MnemoProcess.run(["generate", "--quads", "300000", "--output", big]).status == 0)

        var killedMidway = 0
        for delay in [0.0, 0.15, 0.4, 0.8, 1.5] {
            let p = Process()
            p.executableURL = MnemoProcess.executable
            p.arguments = ["import", "--store", store, big]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            // Wait until the import's transaction has begun writing (SQLite's rollback journal exists).
            let deadline = Date().addingTimeInterval(30)
            while p.isRunning, !FileManager.default.fileExists(atPath: path + "-journal"), Date() < deadline {
                usleep(2_000)
            }
            if delay > 0 { usleep(UInt32(delay * 1_000_000)) }
            if p.isRunning {
                kill(p.processIdentifier, SIGKILL)
                p.waitUntilExit()
                if p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGKILL { killedMidway += 1 }
            } else {
                p.waitUntilExit()
            }
            if p.terminationReason == .uncaughtSignal {
                // The next open rolls back the interrupted transaction.
                let after = try MnemoProcess.run(["export", "--store", store])
                #expect(after.status == 0, "\(after.stderr)")
                #expect(after.output == before, "store changed after SIGKILL at +\(delay)s")
            } else {
                // The import finished before the kill: undo it for the next round.
                #expect(p.terminationStatus == 0)
                for g in 1...3 {
                    _ = try MnemoProcess.run(["drop", "--store", store, "--graph", "https://data.mnemo.example/graph/inst\(g)"])
                }
                #expect(try MnemoProcess.run(["export", "--store", store]).output == before)
            }
        }
        #expect(killedMidway >= 2, "the imports finished too fast to be interrupted")
        // After the crashes, the same file imports whole.
        let r = try MnemoProcess.run(["import", "--store", store, big])
        #expect(r.status == 0, "\(r.stderr)")
        let graphs = try MnemoProcess.run(["graphs", "--store", store]).output
        #expect(graphs.split(separator: "\n").count == 4, "\(graphs)")
    }
}
