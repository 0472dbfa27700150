import Foundation
import HummingbirdTesting
import MnemoWeb
import Testing

/// The query page in a real browser: headless Chromium loads
/// `/?query=…&run=1` from a live server over the fixture store, its script
/// runs the query against `/sparql` and renders the table, and the DOM
/// Chromium dumps after the page settles is checked.
///
/// Chromium comes from `scripts/bootstrap` (Debian package `chromium`);
/// `MNEMO_CHROMIUM` names another binary (and only it is tried). Without one the test fails, saying
/// so; `MNEMO_SKIP_BROWSER=1` skips it. `MNEMO_BROWSER_SCREENSHOT=/path.png`
/// also saves a screenshot of the page.
@Suite struct BrowserTests {
    static let skip = ProcessInfo.processInfo.environment["MNEMO_SKIP_BROWSER"] == "1"

    /// `MNEMO_CHROMIUM` when set (and only it), else the first of the usual paths that exists.
    static var chromium: String? {
        let candidates = ProcessInfo.processInfo.environment["MNEMO_CHROMIUM"].map { [$0] }
            ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// "Names of a person in every language and script".
    static let example = ExampleQuery.cidocCRM.first { $0.title.hasPrefix("Names of a person") }!

    @Test(.disabled(if: skip, "MNEMO_SKIP_BROWSER=1: the headless-browser test of the query page is skipped"))
    func queryPageRunsAnExampleInHeadlessChromium() async throws {
        guard let chromium = Self.chromium else {
            Issue.record("""
                headless Chromium not found (\(ProcessInfo.processInfo.environment["MNEMO_CHROMIUM"] ?? "/usr/bin/chromium")): run scripts/bootstrap, which installs the Debian \
                package chromium, or set MNEMO_CHROMIUM=/path/to/chrome, or MNEMO_SKIP_BROWSER=1 to skip this test
                """)
            return
        }
        let h = try ServerHarness()
        let dom = try await h.run { client -> String in
            let url = "http://127.0.0.1:\(client.port!)/?query=\(encoded(Self.example.query))&run=1"
            if let shot = ProcessInfo.processInfo.environment["MNEMO_BROWSER_SCREENSHOT"] {
                _ = try await Self.chromium(chromium, ["--screenshot=\(shot)", "--window-size=1200,900", url])
            }
            return try await Self.chromium(chromium, ["--dump-dom", url])
        }
        // The script ran the query and said how many rows came back.
        guard let status = dom.firstMatch(of: /id="status"[^>]*>(\d+) rows?</) else {
            Issue.record("no '#status' reading 'N rows' in the dumped DOM:\n\(dom.prefix(3000))")
            return
        }
        let n = Int(status.1)!
        #expect(n >= 1)
        #expect(dom.contains(#"<pre id="error" hidden="">"#) || dom.contains(#"<pre id="error" hidden>"#), "the page shows an error")
        // The results table: a header of the query's variables, one row per solution.
        guard let table = dom.firstMatch(of: /<table id="results">(.*?)<\/table>/.dotMatchesNewlines()) else {
            Issue.record("no <table id=\"results\"> in the dumped DOM")
            return
        }
        let html = String(table.1)
        #expect(html.hasPrefix("<tbody><tr><th>person</th><th>name</th><th>language</th></tr>")
                || html.hasPrefix("<tr><th>person</th><th>name</th><th>language</th></tr>"), "\(html.prefix(300))")
        #expect(html.matches(of: /<tr>/).count == n + 1)
        // A Cyrillic name, tagged with its language, and a person linking to its local page.
        #expect(html.contains(#"<td><span lang="kk" title="@kk">Абай Құнанбайұлы</span></td><td><span>kk</span></td>"#),
                "\(html.prefix(2000))")
        #expect(html.contains(#"<td><a href="/"#))
        #expect(dom.contains(#"<span id="timing">in "#))
    }

    /// The link `/?query=…&run=1` without a browser: the query lands escaped in
    /// the editor, `run` asks the script to run it, a bad escape is a 400.
    @Test func shareableQueryLinks() async throws {
        let h = try ServerHarness()
        try await h.run { client in
            let hostile = "ASK {} # </textarea><script>alert(1)</script> \"'&"
            let linked = try await client.execute(uri: "/?query=\(encoded(hostile))&run=1", method: .get)
            #expect(linked.status == .ok)
            #expect(linked.text.contains(" data-run-on-load=\"1\">"))
            #expect(linked.text.contains("ASK {} # &lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!linked.text.contains("<script>alert"))
            let filled = try await client.execute(uri: "/?query=\(encoded("ASK {}"))", method: .get)
            #expect(filled.text.contains(">ASK {}</textarea>"))
            #expect(!filled.text.contains("data-run-on-load=\"1\""))
            let plain = try await client.execute(uri: "/", method: .get)
            #expect(!plain.text.contains("data-run-on-load=\"1\""))
            #expect(plain.text.contains("Persons born in a place"))
            let bad = try await client.execute(uri: "/?query=%ZZ", method: .get)
            #expect(bad.status == .badRequest)
        }
    }

    /// Runs headless Chromium on `arguments` (ending with the URL) and returns its standard output.
    static func chromium(_ binary: String, _ arguments: [String]) async throws -> String {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout")
        let err = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
                             "--virtual-time-budget=10000"] + arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        // A browser that hangs is stopped after two minutes rather than holding the test run.
        let watchdog = Task { [process] in
            try await Task.sleep(for: .seconds(120))
            if process.isRunning { process.terminate() }
        }
        defer { watchdog.cancel() }
        // Waited for without blocking a thread: the live server answers the page's requests meanwhile.
        let status: Int32 = try await withCheckedThrowingContinuation { cont in
            process.terminationHandler = { cont.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { process.terminationHandler = nil; cont.resume(throwing: error) }
        }
        let stdout = try String(contentsOf: out, encoding: .utf8)
        if status != 0 {
            let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            throw BrowserError("chromium exited with \(status): \(stderr.suffix(2000))")
        }
        return stdout
    }

    struct BrowserError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}
