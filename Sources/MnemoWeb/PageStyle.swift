/// The style sheet every Mnemo page carries inline (no external fetch),
/// and the start every page shares: head, site header, `<main>`.
enum PageStyle {
    /// `<!DOCTYPE html>` up to and including `<main>`: `title` (escaped here)
    /// ends in " — Mnemo"; `head` is extra markup for `<head>` (already
    /// escaped), `css` extra rules, `bodyAttributes` attributes for `<body>`
    /// (already escaped, with a leading space).
    static func documentStart(title: String, head: String = "", css extra: String = "", bodyAttributes: String = "",
                              endpointPath: String = "/sparql") -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(HTML.escape(title)) — Mnemo</title>\n" + head
        h += "<style>\n\(css)\n" + (extra.isEmpty ? "" : extra + "\n") + "</style>\n</head>\n"
        h += "<body\(bodyAttributes)>\n"
        h += "<header class=\"site\"><a href=\"/\">Mnemo</a><a href=\"\(HTML.escape(endpointPath))\">SPARQL</a><a href=\"/dumps\">Dumps</a></header>\n<main>\n"
        return h
    }

    static let css = """
    :root { --fg: #1d1d1f; --muted: #5f6368; --line: #dcdfe3; --accent: #1a5fb4; --bg: #fbfbfa; }
    * { box-sizing: border-box; }
    body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; color: var(--fg);
           background: var(--bg); margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; }
    header.site { display: flex; gap: 1.5rem; align-items: baseline; border-bottom: 1px solid var(--line); margin-bottom: 1rem; }
    header.site a { color: var(--muted); text-decoration: none; }
    h1 { font-size: 1.8rem; margin: .5rem 0 .25rem; }
    h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid var(--line); }
    a { color: var(--accent); overflow-wrap: anywhere; }
    .iri { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: .85rem; color: var(--muted); }
    .kind { display: inline-block; padding: 0 .5rem; border-radius: .75rem; background: #e8eef8; font-size: .85rem; }
    ul.labels { list-style: none; padding: 0; }
    ul.labels li { margin: .15rem 0; }
    .lang { display: inline-block; min-width: 3.5rem; color: var(--muted); font-size: .8rem; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
    th { font-weight: 600; color: var(--muted); width: 30%; }
    td.value .nested { margin: .25rem 0 0 1rem; font-size: .9rem; }
    .literal { white-space: pre-wrap; }
    .datatype { color: var(--muted); font-size: .8rem; }
    footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
    """
}
