/// The query page's script: no libraries, DOM built with `textContent`
/// (never `innerHTML`), so result values cannot inject markup.
enum QueryPageScript {
    static let source = #"""
    (function () {
      "use strict";
      var body = document.body;
      var endpoint = body.getAttribute("data-endpoint");
      var base = body.getAttribute("data-base");
      var editor = document.getElementById("query");
      var statusEl = document.getElementById("status");
      var timingEl = document.getElementById("timing");
      var errorEl = document.getElementById("error");
      var table = document.getElementById("results");
      var downloads = document.getElementById("downloads");

      function isGraphQuery(q) {
        var text = q.replace(/#[^\n]*/g, " ").replace(/<[^>]*>/g, " ").replace(/"[^"]*"/g, " ");
        return /\b(CONSTRUCT|DESCRIBE)\b/i.test(text);
      }
      function href(iri) {
        return iri.indexOf(base) === 0 && iri.length > base.length ? "/" + iri.slice(base.length) : iri;
      }
      function cell(term) {
        var td = document.createElement("td");
        if (!term) return td;
        if (term.type === "uri") {
          var a = document.createElement("a");
          a.href = href(term.value);
          a.textContent = term.value;
          td.appendChild(a);
        } else if (term.type === "bnode") {
          td.textContent = "_:" + term.value;
        } else {
          var span = document.createElement("span");
          span.textContent = term.value;
          if (term["xml:lang"]) { span.lang = term["xml:lang"]; span.title = "@" + term["xml:lang"]; }
          else if (term.datatype) { span.title = term.datatype; }
          td.appendChild(span);
        }
        return td;
      }
      function render(vars, rows) {
        table.textContent = "";
        var head = document.createElement("tr");
        vars.forEach(function (v) { var th = document.createElement("th"); th.textContent = v; head.appendChild(th); });
        table.appendChild(head);
        rows.forEach(function (row) {
          var tr = document.createElement("tr");
          vars.forEach(function (v) { tr.appendChild(cell(row[v])); });
          table.appendChild(tr);
        });
      }
      // One N-Triples term at the start of s: [term, rest].
      function term(s) {
        s = s.replace(/^\s+/, "");
        var m;
        if ((m = /^<([^>]*)>/.exec(s))) return [{ type: "uri", value: m[1] }, s.slice(m[0].length)];
        if ((m = /^_:(\S+)/.exec(s))) return [{ type: "bnode", value: m[1] }, s.slice(m[0].length)];
        if ((m = /^"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?/.exec(s))) {
          var value = m[1].replace(/\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})|\\(.)/g, function (all, u, U, c) {
            if (u || U) return String.fromCodePoint(parseInt(u || U, 16));
            return { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" }[c] || c;
          });
          var t = { type: "literal", value: value };
          if (m[2]) t["xml:lang"] = m[2];
          if (m[3]) t.datatype = m[3];
          return [t, s.slice(m[0].length)];
        }
        return [null, ""];
      }
      function triples(text) {
        return text.split("\n").filter(function (l) { return /\S/.test(l) && !/^\s*#/.test(l); }).map(function (line) {
          var a = term(line), b = term(a[1]), c = term(b[1]);
          return { subject: a[0], predicate: b[0], object: c[0] };
        });
      }
      function showDownloads(q, graph) {
        downloads.textContent = "Download: ";
        var formats = graph ? [["turtle", "Turtle"], ["ntriples", "N-Triples"], ["jsonld", "JSON-LD"], ["rdfxml", "RDF/XML"]]
                            : [["json", "JSON"], ["xml", "XML"], ["csv", "CSV"], ["tsv", "TSV"]];
        formats.forEach(function (f) {
          var a = document.createElement("a");
          a.href = endpoint + "?query=" + encodeURIComponent(q) + "&format=" + f[0];
          a.textContent = f[1];
          a.setAttribute("download", "");
          downloads.appendChild(a);
        });
      }
      function run() {
        var q = editor.value, graph = isGraphQuery(q), started = performance.now();
        statusEl.textContent = "Running…";
        timingEl.textContent = "";
        errorEl.hidden = true;
        fetch(endpoint, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded",
                     "Accept": graph ? "application/n-triples" : "application/sparql-results+json" },
          body: "query=" + encodeURIComponent(q)
        }).then(function (resp) {
          return resp.text().then(function (text) {
            var ms = Math.round(performance.now() - started);
            if (!resp.ok) throw new Error(text || (resp.status + " " + resp.statusText));
            var n;
            if (graph) {
              var ts = triples(text);
              render(["subject", "predicate", "object"], ts);
              n = ts.length;
            } else {
              var json = JSON.parse(text);
              if (typeof json.boolean === "boolean") {
                render(["boolean"], [{ boolean: { type: "literal", value: String(json.boolean) } }]);
                n = 1;
              } else {
                render(json.head.vars || [], json.results.bindings);
                n = json.results.bindings.length;
              }
            }
            statusEl.textContent = n + (n === 1 ? " row" : " rows");
            timingEl.textContent = "in " + ms + " ms";
            showDownloads(q, graph);
          });
        }).catch(function (err) {
          statusEl.textContent = "Error";
          errorEl.textContent = err.message;
          errorEl.hidden = false;
          table.textContent = "";
        });
      }
      document.getElementById("form").addEventListener("submit", function (e) { e.preventDefault(); run(); });
      editor.addEventListener("keydown", function (e) {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); return; }
        if (e.key === "Tab" && !e.shiftKey) {
          e.preventDefault();
          var s = editor.selectionStart, end = editor.selectionEnd;
          editor.value = editor.value.slice(0, s) + "  " + editor.value.slice(end);
          editor.selectionStart = editor.selectionEnd = s + 2;
        }
      });
      Array.prototype.forEach.call(document.querySelectorAll("button.load"), function (b) {
        b.addEventListener("click", function () {
          editor.value = document.getElementById(b.getAttribute("data-example")).textContent;
          editor.focus();
        });
      });
      if (body.getAttribute("data-run-on-load") === "1") run();
    })();
    """#
}
