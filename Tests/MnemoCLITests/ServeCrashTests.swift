import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import MnemoRDF
import MnemoStore
import Synchronization
import Testing

/// `mnemo serve` killed with SIGKILL while clients stream SPARQL updates at it.
///
/// What SQLite promises here: each update is one SQLite transaction in the
/// default rollback-journal mode (`journal_mode=delete`) with `PRAGMA synchronous=NORMAL`. The
/// synchronous setting only governs when SQLite calls fsync, which matters
/// for an operating-system crash or a power cut. A killed *process* loses
/// nothing the kernel already holds: every write(2) SQLite made is in the
/// page cache and reaches the file. So after a process kill, a transaction
/// whose COMMIT returned is durable (the journal was deleted, the pages are
/// written), and one that had not finished COMMIT leaves a hot journal that
/// the next connection rolls back before reading (WAL with NORMAL would give the
/// same for a kill; only power loss may drop its last commits). Mnemo answers 200 only
/// after `Store.commit` returned, so: every acknowledged update must be there
/// in full after a restart, and every unanswered one either wholly or not at all.
@Suite(.serialized) struct ServeCrashTests {
    static let triplesPerGroup = 50
    static let graphs = 3

    @Test func sigkillMidStreamKeepsEveryUpdateAtomicAndAcknowledgedOnesDurable() async throws {
        let env = ProcessInfo.processInfo.environment
        let kills = env["MNEMO_FAULT_KILLS"].flatMap(Int.init) ?? 20
        let seed = env["MNEMO_FAULT_SEED"].flatMap(UInt64.init) ?? UInt64(Date().timeIntervalSince1970 * 1000)
        print("ServeCrashTests: \(kills) kills, seed \(seed) (MNEMO_FAULT_KILLS, MNEMO_FAULT_SEED)")
        var rng = SplitMix64(seed: seed)

        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = "\(dir.path)/s.sqlite", store = "sqlite:\(path)"
        let tokens = "\(dir.path)/tokens"
        let token = try makeToken(label: "crash-writer", role: "write", file: tokens)
        let ledger = Ledger()
        let session = URLSession(configuration: {
            let c = URLSessionConfiguration.ephemeral
            c.timeoutIntervalForRequest = 20
            c.httpMaximumConnectionsPerHost = 8
            return c
        }())
        defer { session.finishTasksAndInvalidate() }

        var server = try ServeProcess(store: store, arguments: ["--tokens", tokens, "--quiet"], logPath: "\(dir.path)/serve-0.log")
        var landed = 0, vanished = 0, acknowledged = 0, killedMidWrite = 0
        let started = Date()
        for round in 1...kills {
            let delayMs = Int.random(in: 20...400, using: &rng)
            let streamSeed = rng.next()
            let url = server.baseURL
            ledger.resume()
            // Three clients at once, so the kill often finds more than one update in flight.
            async let a: Void = stream(session, url: url, token: token, ledger: ledger, seed: streamSeed)
            async let b: Void = stream(session, url: url, token: token, ledger: ledger, seed: streamSeed &+ 1)
            async let c: Void = stream(session, url: url, token: token, ledger: ledger, seed: streamSeed &+ 2)
            try await Task.sleep(for: .milliseconds(delayMs))
            ledger.halt()
            server.stop(SIGKILL)
            if FileManager.default.fileExists(atPath: path + "-journal") { killedMidWrite += 1 }
            _ = await (a, b, c)
            #expect(server.process.terminationReason == .uncaughtSignal, "round \(round): the server had exited on its own: \(server.logTail)")

            server = try ServeProcess(store: store, arguments: ["--tokens", tokens, "--quiet"], logPath: "\(dir.path)/serve-\(round).log")
            let counts = try await groupCounts(session, url: server.baseURL)
            let outcome = ledger.resolve(counts)
            for problem in outcome.problems { Issue.record("round \(round) (seed \(seed), delay \(delayMs) ms): \(problem)") }
            landed += outcome.landed
            vanished += outcome.vanished
            acknowledged += outcome.acknowledged
            if !outcome.problems.isEmpty { break }
        }
        let expected = ledger.presentGroups()
        server.stop(SIGTERM)
        #expect(server.process.terminationReason == .exit && server.process.terminationStatus == 0, "\(server.logTail)")

        // The store of record itself, opened in this process: exactly the acknowledged and landed groups.
        let opened = try Store.open(store)
        defer { opened.close() }
        var fromStore: [Int: Int] = [:]
        var strays: [Quad] = []
        for q in opened.quads() {
            if let k = Self.group(of: q) { fromStore[k, default: 0] += 1 } else { strays.append(q) }
        }
        #expect(strays.isEmpty, "quads nobody wrote: \(strays.prefix(5))")
        #expect(Set(fromStore.keys) == expected, "groups in the store \(fromStore.keys.sorted()) vs expected \(expected.sorted())")
        #expect(fromStore.values.allSatisfy { $0 == Self.triplesPerGroup }, "a group is partly there: \(fromStore.filter { $0.value != Self.triplesPerGroup })")

        let seconds = Date().timeIntervalSince(started)
        print("ServeCrashTests: \(kills) SIGKILLs in \(String(format: "%.1f", seconds)) s (\(killedMidWrite) with a rollback journal on disk); "
              + "\(acknowledged) updates acknowledged (all present), in flight at the kill: \(landed) landed whole, \(vanished) vanished whole; "
              + "\(expected.count) groups (\(expected.count * Self.triplesPerGroup) quads) in the store at the end")
        #expect(acknowledged > 0, "no update was ever acknowledged: the kills came too early")
    }

    // MARK: The client side

    /// Sends updates until the ledger halts; each one inserts a fresh group and some delete an acknowledged one.
    func stream(_ session: URLSession, url: String, token: String, ledger: Ledger, seed: UInt64) async {
        var rng = SplitMix64(seed: seed)
        while let (k, j) = ledger.begin(deleting: Int.random(in: 0..<3, using: &rng) == 0) {
            var text = ""
            if let j {
                let gj = "<urn:g/\(j % Self.graphs)>"
                if Bool.random(using: &rng) {
                    text += "DELETE DATA { GRAPH \(gj) {\n" + Self.triples(j) + "} } ;\n"
                } else {
                    text += "DELETE { GRAPH \(gj) { ?s ?p ?o } } WHERE { GRAPH \(gj) { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"urn:\(j)/\")) } } ;\n"
                }
            }
            text += "INSERT DATA { GRAPH <urn:g/\(k % Self.graphs)> {\n" + Self.triples(k) + "} }\n"
            var request = URLRequest(url: URL(string: "\(url)/sparql")!)
            request.httpMethod = "POST"
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            if j == nil && Int.random(in: 0..<4, using: &rng) == 0 {
                // The other write path: a Graph Store Protocol merge of the group into its graph.
                request.url = URL(string: "\(url)/rdf-graph-store?graph=urn:g/\(k % Self.graphs)")!
                request.setValue("application/n-triples", forHTTPHeaderField: "Content-Type")
                request.httpBody = Data(Self.triples(k).utf8)
            } else if Bool.random(using: &rng) {
                request.setValue("application/sparql-update", forHTTPHeaderField: "Content-Type")
                request.httpBody = Data(text.utf8)
            } else {
                request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
                request.httpBody = Data(("update=" + RawHTTP.percentEncode(text)).utf8)
            }
            do {
                let (body, response) = try await session.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                ledger.answered(k, status: status, body: String(decoding: body, as: UTF8.self))
            } catch {
                ledger.unanswered(k)  // the server died (or never got it): landed or vanished, to be seen
            }
        }
    }

    static func triples(_ k: Int) -> String {
        (0..<triplesPerGroup).map { "<urn:\(k)/\($0)> <urn:p> \"\(k)-\($0), Кириллица\" .\n" }.joined()
    }

    /// The group number of a quad this test wrote (nil for any other quad).
    static func group(of q: Quad) -> Int? {
        guard case .iri(let s) = q.subject, s.hasPrefix("urn:"), q.predicate == .iri("urn:p") else { return nil }
        let parts = s.dropFirst(4).split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let i = Int(parts[1]), (0..<triplesPerGroup).contains(i),
              q.object == .string("\(k)-\(i), Кириллица"), q.graph == .iri("urn:g/\(k % graphs)") else { return nil }
        return k
    }

    /// Quads per group, read over HTTP (the Graph Store Protocol, as N-Triples); checks
    /// that nothing else is in the store (`/health` counts every quad).
    func groupCounts(_ session: URLSession, url: String) async throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        var total = 0
        for g in 0..<Self.graphs {
            var request = URLRequest(url: URL(string: "\(url)/rdf-graph-store?graph=urn:g/\(g)")!)
            request.setValue("application/n-triples", forHTTPHeaderField: "Accept")
            let (body, response) = try await session.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            if status == 404 { continue }
            #expect(status == 200, "GET graph urn:g/\(g): \(status)")
            for t in try parseNTriples(String(decoding: body, as: UTF8.self)) {
                total += 1
                let q = Quad(t.subject, t.predicate, t.object, .iri("urn:g/\(g)"))
                guard let k = Self.group(of: q) else {
                    Issue.record("a quad nobody wrote: \(q)")
                    continue
                }
                counts[k, default: 0] += 1
            }
        }
        let (health, _) = try await session.data(from: URL(string: "\(url)/health")!)
        let text = String(decoding: health, as: UTF8.self)
        #expect(text.contains("\"quads\":\(total),"), "the store holds quads outside the test's graphs: \(text) vs \(total)")
        return counts
    }
}

/// What the clients sent and what they were told, shared by the client tasks.
final class Ledger: Sendable {
    struct Outcome {
        var landed = 0, vanished = 0, acknowledged = 0
        var problems: [String] = []
    }

    private struct State {
        var running = false
        var next = 1
        /// Groups known to be in the store.
        var present: Set<Int> = []
        /// Groups an update in flight deletes (not offered to another delete).
        var claimed: Set<Int> = []
        /// Updates sent and not yet resolved: the group each deletes, if any.
        var pending: [Int: Int?] = [:]
        /// Updates that got no answer.
        var unanswered: Set<Int> = []
        var acknowledged: [Int] = []
        var problems: [String] = []
    }

    private let state = Mutex(State())

    func resume() { state.withLock { $0.running = true } }
    func halt() { state.withLock { $0.running = false } }

    /// The next update's group and, when `deleting`, an acknowledged group for it to delete; nil once halted.
    func begin(deleting: Bool) -> (Int, Int?)? {
        state.withLock { s in
            guard s.running else { return nil }
            let k = s.next
            s.next += 1
            var j: Int?
            if deleting, let victim = s.present.subtracting(s.claimed).randomElement() {
                j = victim
                s.claimed.insert(victim)
            }
            s.pending[k] = j
            return (k, j)
        }
    }

    func answered(_ k: Int, status: Int, body: String) {
        state.withLock { s in
            guard let j = s.pending.removeValue(forKey: k) else { return }
            if (200..<300).contains(status) {
                s.present.insert(k)
                if let j {
                    s.present.remove(j)
                    s.claimed.remove(j)
                }
                s.acknowledged.append(k)
            } else {
                // A refusal must change nothing; keep it to check, as if it had vanished.
                s.problems.append("update \(k) was refused with \(status): \(body.prefix(300))")
                s.pending[k] = j
                s.unanswered.insert(k)
            }
        }
    }

    func unanswered(_ k: Int) { state.withLock { _ = $0.unanswered.insert(k) } }

    /// Settles every update of the round against the store's group counts after the restart.
    func resolve(_ counts: [Int: Int]) -> Outcome {
        state.withLock { s in
            var out = Outcome()
            out.problems = s.problems
            s.problems.removeAll()
            out.acknowledged = s.acknowledged.count
            s.acknowledged.removeAll()
            let full = ServeCrashTests.triplesPerGroup
            for (k, n) in counts where n != full {
                out.problems.append("group \(k) has \(n) of its \(full) quads")
            }
            for (k, j) in s.pending.sorted(by: { $0.key < $1.key }) {
                let n = counts[k] ?? 0
                if n == full {
                    out.landed += 1
                    s.present.insert(k)
                    if let j {
                        if (counts[j] ?? 0) != 0 { out.problems.append("update \(k) landed but the group \(j) it deletes is still there (\(counts[j]!) quads)") }
                        s.present.remove(j)
                    }
                } else if n == 0 {
                    out.vanished += 1
                    if let j, counts[j] != full {
                        out.problems.append("update \(k) vanished but the group \(j) it deletes lost quads (\(counts[j] ?? 0) left)")
                    }
                }
                if let j { s.claimed.remove(j) }
            }
            s.pending.removeAll()
            s.unanswered.removeAll()
            let there = Set(counts.filter { $0.value > 0 }.keys)
            if there != s.present {
                let missing = s.present.subtracting(there).sorted(), extra = there.subtracting(s.present).sorted()
                out.problems.append("groups acknowledged but missing: \(missing); groups nobody should have: \(extra)")
                s.present = there
            }
            return out
        }
    }

    func presentGroups() -> Set<Int> { state.withLock { $0.present } }
}
