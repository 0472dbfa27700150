import Foundation
import MnemoRDF

extension DumpCatalog {
    /// The dumps as JSON, for `GET /dumps` with `Accept: application/json`:
    /// `{"dumps":[{"name", "scope", "graph", "title", "format", "mediaType",
    /// "contentType", "url", "path", "quads", "etag", "lastModified", "byteSize"}]}`.
    /// `lastModified` is ISO 8601; `byteSize` is present once measured.
    public func indexJSON() -> String {
        let iso = ISO8601DateFormatter()
        var out = "{\"dumps\":["
        for (i, e) in entries.enumerated() {
            if i > 0 { out += "," }
            var fields: [(String, String)] = [
                ("name", json(e.name)), ("scope", json(e.scopeName)),
            ]
            if case .graph(let g) = e.scope { fields.append(("graph", json(g))) }
            fields += [
                ("title", json(e.title)), ("format", json(e.format.rawValue)), ("mediaType", json(e.format.mediaType)),
                ("contentType", json(e.contentType)), ("url", json(e.url)), ("path", json(e.path)),
                ("quads", String(e.quads)), ("etag", json(e.etag)), ("lastModified", json(iso.string(from: e.lastModified))),
            ]
            if let size = e.byteSize { fields.append(("byteSize", String(size))) }
            out += "\n{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
        }
        return out + "\n]}\n"
    }

    /// The dumps as an HTML5 page, for `GET /dumps`.
    public func indexHTML() -> String {
        var h = PageStyle.documentStart(
            title: "Data dumps",
            head: "<link rel=\"alternate\" type=\"application/json\" href=\"\(HTML.escape(pathPrefix))?format=json\">\n")
        h += """
        <h1>Data dumps</h1>
        <p>Every dump is gzip-compressed. Each ETag is a digest of the content, so it changes exactly when the data does.</p>
        <table>
        <tr><th>Data</th><th>Format</th><th>Statements</th><th>Modified</th><th>Download</th></tr>

        """
        for e in entries {
            h += "<tr><td>\(HTML.escape(e.title))"
            if case .graph(let g) = e.scope { h += "<br><span class=\"iri\">\(HTML.escape(g))</span>" }
            h += "</td><td>\(HTML.escape(e.format.mediaType))</td><td>\(e.quads)</td>"
            h += "<td><time>\(HTML.escape(e.lastModifiedHTTP))</time></td>"
            h += "<td><a href=\"\(HTML.escape(e.path))\" download>\(HTML.escape(e.name))</a>"
            if let size = e.byteSize { h += " <span class=\"datatype\">(\(size) bytes)</span>" }
            h += "</td></tr>\n"
        }
        return h + "</table>\n</main>\n</body>\n</html>\n"
    }

    private func json(_ s: String) -> String {
        var out = ""
        JSONString.append(s, to: &out)
        return out
    }
}

extension DumpEntry {
    /// `store`, `default` or `graph`.
    public var scopeName: String {
        switch scope {
        case .store: return "store"
        case .defaultGraph: return "default"
        case .graph: return "graph"
        }
    }
}
