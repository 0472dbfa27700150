/// The SPARQL query page: one self-contained HTML5 document (inline CSS and
/// script, nothing fetched) with a query editor, example queries and a
/// results table.
///
/// What it expects of the server at `endpointPath` (SPARQL 1.1 Protocol):
/// - `POST` with `application/x-www-form-urlencoded` body `query=…` and
///   `Accept: application/sparql-results+json` for SELECT and ASK, or
///   `Accept: application/n-triples` for CONSTRUCT and DESCRIBE;
/// - a `400` whose body is the parser's or engine's error message as text;
/// - `GET endpointPath?query=…&format=NAME`, where the `format` parameter
///   overrides `Accept`, NAME one of `json`, `xml`, `csv`, `tsv` (results),
///   `turtle`, `ntriples`, `nquads`, `trig`, `rdfxml`, `jsonld` (graphs);
///   the download links and the script-free form use it.
///
/// `runOnLoad` makes the script run the editor's query as soon as the page
/// has loaded (the server sets it for shareable links, `/?query=…&run=1`).
///
/// Elements a browser test can read: `#query` (the textarea), `#run`,
/// `#status` (exactly "N rows" after a run, "Error" after a failure),
/// `#timing` ("in N ms"), `#error` (the server's message),
/// `#results` (the table), `#downloads`.
public enum QueryPage {
    /// The page. `baseURL` decides which result IRIs link to local pages.
    public static func html(endpointPath: String = "/sparql", examples: [ExampleQuery] = ExampleQuery.cidocCRM,
                            baseURL: String = "https://data.mnemo.example/", initialQuery: String? = nil,
                            runOnLoad: Bool = false) -> String {
        let first = initialQuery ?? examples.first?.query ?? "SELECT * WHERE { ?s ?p ?o } LIMIT 10"
        let attributes = " data-endpoint=\"\(HTML.escape(endpointPath))\" data-base=\"\(HTML.escape(baseURL))\""
            + (runOnLoad ? " data-run-on-load=\"1\"" : "")
        var h = PageStyle.documentStart(title: "SPARQL", css: css, bodyAttributes: attributes, endpointPath: endpointPath)
        h += """
        <h1>SPARQL query</h1>
        <form id="form" method="get" action="\(HTML.escape(endpointPath))">
        <label for="query">Query (Ctrl+Enter runs it)</label>
        <textarea id="query" name="query" rows="14" spellcheck="false">\(HTML.escape(first))</textarea>
        <div class="controls">
        <button id="run" type="submit">Run</button>
        <label>Format without script <select name="format">
        <option value="json">JSON</option><option value="xml">XML</option><option value="csv">CSV</option>
        <option value="tsv">TSV</option><option value="turtle">Turtle</option><option value="ntriples">N-Triples</option>
        <option value="jsonld">JSON-LD</option><option value="rdfxml">RDF/XML</option></select></label>
        <span id="status" role="status" aria-live="polite"></span> <span id="timing"></span>
        </div>
        </form>
        <pre id="error" hidden></pre>
        <p id="downloads"></p>
        <div class="scroll"><table id="results"></table></div>
        <h2>Examples</h2>
        <ul class="examples">

        """
        for (i, e) in examples.enumerated() {
            h += "<li><details><summary>\(HTML.escape(e.title))</summary>"
            h += "<pre class=\"example\" id=\"example-\(i)\">\(HTML.escape(e.query))</pre>"
            h += "<button type=\"button\" class=\"load\" data-example=\"example-\(i)\">Load this query</button></details></li>\n"
        }
        h += "</ul>\n</main>\n<script>\n\(QueryPageScript.source)\n</script>\n</body>\n</html>\n"
        return h
    }

    static let css = """
    label { display: block; color: var(--muted); font-size: .9rem; }
    .controls label { display: inline; margin-left: 1rem; }
    textarea { width: 100%; font: .9rem/1.4 ui-monospace, Menlo, monospace; padding: .5rem; border: 1px solid var(--line); tab-size: 2; }
    .controls { display: flex; gap: 1rem; align-items: center; margin: .5rem 0; flex-wrap: wrap; }
    button { font: inherit; padding: .3rem 1rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: .25rem; cursor: pointer; }
    button.load { background: #fff; color: var(--accent); }
    #status, #timing { color: var(--muted); }
    #error { color: #a51d2d; background: #fdecec; padding: .5rem; white-space: pre-wrap; }
    #downloads a { margin-right: .75rem; }
    .scroll { overflow-x: auto; }
    #results th { width: auto; }
    pre.example { background: #f2f3f5; padding: .5rem; overflow-x: auto; font-size: .85rem; }
    ul.examples { list-style: none; padding: 0; }
    """
}
