import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `mnemo serve` as a user starts it: it prints its URL, answers over HTTP,
/// keeps what an authorized update wrote, and on SIGTERM finishes the
/// requests in flight before it exits.
@Suite struct ServeCLITests {
    /// A running `mnemo serve` child process and the URL it printed.
    /// Unchecked: after init it is only read (its URL) and its process signalled, from any task.
    final class Server: @unchecked Sendable {
        let process = Process()
        let url: URL
        private let out = Pipe()

        /// `accessLog`: standard error (the access log) goes to this file instead of nowhere, and `--quiet` is left out.
        init(_ args: [String], accessLog: URL? = nil) throws {
            process.executableURL = MnemoProcess.executable
            process.arguments = ["serve", "--port", "0"] + (accessLog == nil ? ["--quiet"] : []) + args
            process.standardOutput = out
            if let accessLog {
                FileManager.default.createFile(atPath: accessLog.path, contents: nil)
                process.standardError = try FileHandle(forWritingTo: accessLog)
            } else {
                process.standardError = FileHandle.nullDevice
            }
            try process.run()
            var line = Data()
            let deadline = Date().addingTimeInterval(30)
            while !line.contains(UInt8(ascii: "\n")), Date() < deadline {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            let text = String(decoding: line, as: UTF8.self)
            guard let range = text.range(of: #"http://[^ ]+/"#, options: .regularExpression), let u = URL(string: String(text[range])) else {
                process.terminate()
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "mnemo serve printed no URL: \(text)"])
            }
            url = u
        }

        func request(_ path: String, method: String = "GET", body: String? = nil, headers: [String: String] = [:]) async throws
            -> (status: Int, body: String) {
            var r = URLRequest(url: URL(string: path, relativeTo: url)!)
            r.httpMethod = method
            r.timeoutInterval = 60
            for (k, v) in headers { r.setValue(v, forHTTPHeaderField: k) }
            if let body { r.httpBody = Data(body.utf8) }
            let (data, response) = try await URLSession.shared.data(for: r)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        /// Polls `/health` until it reports a query running; false if none was seen before the deadline.
        func waitUntilAQueryRuns() async throws -> Bool {
            let deadline = ContinuousClock.now + .seconds(120)
            while ContinuousClock.now < deadline {
                if try await request("health").body.contains("\"queries_running\":1") { return true }
                try await Task.sleep(for: .milliseconds(5))
            }
            return false
        }

        deinit { if process.isRunning { process.terminate() } }
    }

    @Test func servesWritesAndDrainsOnSIGTERM() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = "sqlite:" + dir.appendingPathComponent("s.sqlite").path
        let tokens = dir.appendingPathComponent("tokens").path
        try MnemoProcess.run(["import", "--store", store, "--graph", "urn:lib", fixtures.appendingPathComponent("library-almaty.ttl").path])
        let made = try MnemoProcess.run(["token", "--label", "curator", "--role", "write", "--tokens", tokens])
        #expect(made.status == 0)
        let token = made.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.count == 64)
        #expect(!(try String(contentsOfFile: tokens, encoding: .utf8)).contains(token))

        let server = try Server(["--store", store, "--tokens", tokens])
        #expect(try await server.request("health").status == 200)
        let update = try await server.request("sparql", method: "POST", body: #"INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> "Ўзбек"@uz } }"#,
                                              headers: ["Content-Type": "application/sparql-update", "Authorization": "Bearer \(token)"])
        #expect(update.status == 200)

        // A query that takes a while (a cross product), in flight when SIGTERM arrives.
        let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g a ?i }"
        async let inFlight = server.request("sparql", method: "POST", body: slow,
                                            headers: ["Content-Type": "application/sparql-query", "Accept": "text/csv"])
        // On a loaded machine the request may be sent late: wait, by a clock's deadline, until the server says it runs.
        #expect(try await server.waitUntilAQueryRuns())
        kill(server.process.processIdentifier, SIGTERM)
        let answer = try await inFlight
        #expect(answer.status == 200)
        let expected = try MnemoProcess.run(["query", "--store", store, "--format", "csv", "-e", slow])
        #expect(answer.body == expected.output)
        #expect(answer.body.hasPrefix("n\r\n"))
        let deadline = Date().addingTimeInterval(20)
        while server.process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!server.process.isRunning)
        #expect(server.process.terminationStatus == 0)

        // What the update wrote is in the store of record.
        let check = try MnemoProcess.run(["query", "--store", store, "--format", "csv", "-e", #"ASK { GRAPH <urn:g> { <urn:s> <urn:p> "Ўзбек"@uz } }"#])
        #expect(check.output.contains("true"))
    }

    @Test func savesTheIndexOnceQuietSoAKilledServerReopensFromIt() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path, store = "sqlite:" + path
        let tokens = dir.appendingPathComponent("tokens").path
        try MnemoProcess.run(["import", "--store", store, "--graph", "urn:lib", fixtures.appendingPathComponent("library-almaty.ttl").path])
        let token = try MnemoProcess.run(["token", "--label", "c", "--role", "write", "--tokens", tokens]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        func sidecarTime() -> Date? {
            (try? FileManager.default.attributesOfItem(atPath: path + ".mnemo-index"))?[.modificationDate] as? Date
        }

        let server = try Server(["--store", store, "--tokens", tokens, "--index-save-delay", "0.2"])
        let before = sidecarTime()
        #expect(before != nil, "the import saved a sidecar")
        let update = try await server.request("sparql", method: "POST", body: #"INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> "Қазақ"@kk } }"#,
                                              headers: ["Content-Type": "application/sparql-update", "Authorization": "Bearer \(token)"])
        #expect(update.status == 200)
        // Quiet for 0.2 s (two looks at the store), the service saves the sidecar again.
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline, sidecarTime() == before { try await Task.sleep(for: .milliseconds(50)) }
        #expect(sidecarTime() != before)
        try await Task.sleep(for: .milliseconds(300))   // the rename is the last step; let it land
        kill(server.process.processIdentifier, SIGKILL)
        while server.process.isRunning { try await Task.sleep(for: .milliseconds(20)) }

        let check = try MnemoProcess.run(["query", "--store", store, "--time", "--format", "csv",
                                          "-e", #"ASK { GRAPH <urn:g> { <urn:s> <urn:p> "Қазақ"@kk } }"#])
        #expect(check.output.contains("true"))
        #expect(check.stderr.contains("from the sidecar"), "\(check.stderr)")
    }

    @Test func theAccessLogNamesTheTokenNeverShowsIt() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tokens = dir.appendingPathComponent("tokens").path
        let token = try MnemoProcess.run(["token", "--label", "curator", "--tokens", tokens]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let log = dir.appendingPathComponent("access.log")
        let server = try Server(["--store", "memory:", "--tokens", tokens], accessLog: log)
        let wrong = String(token.reversed())
        let ok = try await server.request("sparql", method: "POST", body: "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                                          headers: ["Content-Type": "application/sparql-update", "Authorization": "Bearer \(token)"])
        #expect(ok.status == 200)
        let refused = try await server.request("sparql", method: "POST", body: "CLEAR ALL",
                                               headers: ["Content-Type": "application/sparql-update", "Authorization": "Bearer \(wrong)"])
        #expect(refused.status == 401)
        kill(server.process.processIdentifier, SIGTERM)
        server.process.waitUntilExit()
        let text = try String(contentsOf: log, encoding: .utf8)
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(lines.count >= 2)
        #expect(lines.contains { $0.contains("\"status\":200") && $0.contains("\"token\":\"curator\"") })
        #expect(lines.contains { $0.contains("\"status\":401") })
        #expect(!text.contains(token))
        #expect(!text.contains(wrong))
    }

    @Test func refusesABadTokenFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tokens = dir.appendingPathComponent("tokens")
        try "curator write nothex 00\n".write(to: tokens, atomically: true, encoding: .utf8)
        let r = try MnemoProcess.run(["serve", "--store", "memory:", "--port", "0", "--tokens", tokens.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("tokens:1:"))
    }
}
