import Foundation
import MnemoRDF
import Synchronization

/// `mnemo serve` as a child process on an ephemeral port, for end-to-end
/// tests that talk to it over real sockets (and kill it).
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    /// The server's standard error (its log), kept in a file for diagnostics.
    let logPath: String

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var isRunning: Bool { process.isRunning }
    var pid: Int32 { process.processIdentifier }

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `mnemo serve --store STORE --port 0 --quiet EXTRA…` and waits (up to `timeout`)
    /// for the line announcing the URL on standard output.
    init(store: String, arguments: [String] = [], logPath: String, timeout: TimeInterval = 60) throws {
        self.logPath = logPath
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = MnemoProcess.executable
        process.arguments = ["serve", "--store", store, "--port", "0"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: logPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()

        // Read standard output on a thread until the announcement (or EOF).
        let box = LineBox()
        let reader = Thread {
            var buffer = Data()
            let handle = out.fileHandleForReading
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                if buffer.contains(UInt8(ascii: "\n")) { break }
            }
            box.set(String(decoding: buffer, as: UTF8.self))
            // Keep draining so the child never blocks on a full pipe.
            while !handle.availableData.isEmpty {}
        }
        reader.start()
        guard box.wait(timeout: timeout), let line = box.get() else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw StartFailure(description: "mnemo serve did not announce itself within \(timeout) s; log: \(Self.tail(logPath))")
        }
        guard let range = line.range(of: #"at http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression),
              let p = Int(line[range].dropFirst("at http://127.0.0.1:".count).dropLast()) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw StartFailure(description: "unexpected first line from mnemo serve: '\(line)'; log: \(Self.tail(logPath))")
        }
        port = p
    }

    /// Sends `signal` and waits for the process to end.
    func stop(_ signal: Int32 = SIGTERM) {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
    }

    /// The last bytes of the server's log.
    var logTail: String { Self.tail(logPath) }

    static func tail(_ path: String, bytes: Int = 4000) -> String {
        guard let d = FileManager.default.contents(atPath: path) else { return "(no log)" }
        return String(decoding: d.suffix(bytes), as: UTF8.self)
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// One string handed from a reader thread, with a timed wait.
private final class LineBox: Sendable {
    private let value = Mutex<String?>(nil)
    private let ready = DispatchSemaphore(value: 0)

    func set(_ s: String) {
        value.withLock { $0 = s }
        ready.signal()
    }

    func get() -> String? { value.withLock { $0 } }

    func wait(timeout: TimeInterval) -> Bool { ready.wait(timeout: .now() + timeout) == .success }
}

/// Makes a token with `mnemo token` and returns it.
func makeToken(label: String, role: String, file: String) throws -> String {
    let r = try MnemoProcess.run(["token", "--label", label, "--role", role, "--tokens", file])
    guard r.status == 0 else { throw ServeProcess.StartFailure(description: "mnemo token failed: \(r.stderr)") }
    return r.output.trimmingCharacters(in: .whitespacesAndNewlines)
}

