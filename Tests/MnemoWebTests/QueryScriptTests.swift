import Foundation
import Testing
@testable import MnemoWeb

/// Runs the query page's script under Node (when installed) with a minimal
/// stand-in for the DOM and `fetch`, the way a browser would drive it.
@Suite struct QueryScriptTests {
    static let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A tiny DOM: elements with children, attributes, textContent and listeners.
    static let harness = #"""
    function El(tag) { this.tag = tag; this.children = []; this.attrs = {}; this.listeners = {}; this._text = ""; this.hidden = false; }
    Object.defineProperty(El.prototype, "textContent", {
      get: function () { return this._text + this.children.map(function (c) { return c.textContent; }).join(""); },
      set: function (v) { this._text = String(v); this.children = []; } });
    El.prototype.appendChild = function (c) { this.children.push(c); return c; };
    El.prototype.getAttribute = function (n) { return this.attrs[n]; };
    El.prototype.setAttribute = function (n, v) { this.attrs[n] = v; };
    El.prototype.addEventListener = function (t, f) { this.listeners[t] = f; };
    var ids = {};
    ["query", "status", "timing", "error", "results", "downloads", "form"].forEach(function (id) { ids[id] = new El(id); });
    ids.query.value = "SELECT ?s WHERE { ?s ?p ?o }";
    var body = new El("body");
    body.attrs["data-endpoint"] = "/sparql"; body.attrs["data-base"] = "https://data.mnemo.example/";
    global.document = { body: body, getElementById: function (id) { return ids[id]; },
      createElement: function (t) { return new El(t); }, querySelectorAll: function () { return []; } };
    global.performance = { now: function () { return 0; } };
    var sent;
    global.fetch = function (url, opts) { sent = opts; return Promise.resolve(global.nextResponse); };
    function respond(ok, status, text) { global.nextResponse = { ok: ok, status: status, statusText: "", text: function () { return Promise.resolve(text); } }; }
    function tick() { return new Promise(function (r) { setTimeout(r, 10); }); }
    """#

    static let scenario = #"""
    respond(true, 200, JSON.stringify({ head: { vars: ["s", "name"] }, results: { bindings: [
      { s: { type: "uri", value: "https://data.mnemo.example/id/a" }, name: { type: "literal", value: "<b>Абай</b>", "xml:lang": "kk" } },
      { s: { type: "uri", value: "http://viaf.org/viaf/1" } } ] } }));
    ids.form.listeners.submit({ preventDefault: function () {} });
    tick().then(function () {
      var out = [ids.status.textContent, sent.headers.Accept, ids.results.children.length,
                  ids.results.children[1].children[0].children[0].href, ids.results.children[1].children[1].children[0].lang,
                  ids.results.children[1].children[1].textContent, ids.downloads.children.length];
      respond(false, 400, "Parse error at line 1: expected WHERE");
      ids.query.value = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }";
      ids.form.listeners.submit({ preventDefault: function () {} });
      return tick().then(function () {
        out.push(ids.status.textContent, ids.error.textContent, ids.error.hidden, sent.headers.Accept);
        console.log(JSON.stringify(out));
      });
    });
    """#

    @Test func runsAQueryAndReportsRowsAndErrors() throws {
        guard let node = Self.node else { return }
        let html = QueryPage.html()
        let start = try #require(html.range(of: "<script>\n")), end = try #require(html.range(of: "</script>"))
        let script = Self.harness + html[start.upperBound..<end.lowerBound] + Self.scenario
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("page.js")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: node)
        p.arguments = [file.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(p.terminationStatus == 0, "\(text)")
        let out = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any], "\(text)")
        #expect(out[0] as? String == "2 rows")
        #expect(out[1] as? String == "application/sparql-results+json")
        #expect(out[2] as? Int == 3)  // a header row and two rows
        #expect(out[3] as? String == "/id/a")
        #expect(out[4] as? String == "kk")
        #expect(out[5] as? String == "<b>Абай</b>")  // text, not markup
        #expect(out[6] as? Int == 4)
        #expect(out[7] as? String == "Error")
        #expect(out[8] as? String == "Parse error at line 1: expected WHERE")
        #expect(out[9] as? Bool == false)
        #expect(out[10] as? String == "application/n-triples")
    }
}
