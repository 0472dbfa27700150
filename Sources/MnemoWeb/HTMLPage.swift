import Foundation
import MnemoRDF

/// An RDF form of a page, offered as `<link rel="alternate">` and as a
/// link in the footer: the server answers `PATH?format=NAME` (and the same
/// media type through `Accept`) with the resource's concise bounded description.
public struct AlternateFormat: Sendable, Hashable {
    /// The `format` query parameter value.
    public var name: String
    public var mediaType: String
    public var title: String

    public static let all: [AlternateFormat] = [
        AlternateFormat(name: "turtle", mediaType: "text/turtle", title: "Turtle"),
        AlternateFormat(name: "ntriples", mediaType: "application/n-triples", title: "N-Triples"),
        AlternateFormat(name: "nquads", mediaType: "application/n-quads", title: "N-Quads"),
        AlternateFormat(name: "trig", mediaType: "application/trig", title: "TriG"),
        AlternateFormat(name: "jsonld", mediaType: "application/ld+json", title: "JSON-LD"),
        AlternateFormat(name: "rdfxml", mediaType: "application/rdf+xml", title: "RDF/XML"),
    ]
}

/// Server-rendered HTML5 for a ``ResourceView``: readable without
/// JavaScript, every IRI a link, every text escaped, each label in its language.
public enum HTMLPage {
    /// The page for `view`. `baseURL` decides which IRIs link to local paths;
    /// `pagePath` is where the page is served (default: the IRI's local path,
    /// or `/page?iri=…` for IRIs outside the base), used for the alternates.
    public static func render(_ view: ResourceView, baseURL: String = "https://data.mnemo.example/",
                              pagePath: String? = nil) -> String {
        let linker = IRILinker(base: baseURL)
        let path = pagePath ?? linker.localPath(view.iri) ?? "/page?iri=" + percentEncode(view.iri)
        let sep = path.contains("?") ? "&" : "?"
        let title = view.labels.preferred()
        var links = ""
        for f in AlternateFormat.all {
            links += "<link rel=\"alternate\" type=\"\(f.mediaType)\" href=\"\(HTML.escape(path + sep + "format=" + f.name))\" title=\"\(f.title)\">\n"
        }
        var h = PageStyle.documentStart(title: view.title, head: links)
        h += "<h1\(langAttr(title?.language))>\(HTML.escape(view.title))</h1>\n"
        h += "<p><span class=\"kind\">\(view.kind.title)</span> "
        h += view.types.map { link($0, linker) }.joined(separator: ", ")
        h += "</p>\n<p class=\"iri\">\(HTML.escape(view.iri))</p>\n"
        if !view.labels.isEmpty {
            h += "<h2>Names</h2>\n<ul class=\"labels\">\n"
            for l in view.labels {
                h += "<li><span class=\"lang\">\(HTML.escape(l.language ?? "—"))</span> "
                h += "<span\(langAttr(l.language))>\(HTML.escape(l.text))</span></li>\n"
            }
            h += "</ul>\n"
        }
        if !view.identifiers.isEmpty {
            h += "<h2>Identifiers</h2>\n<ul class=\"labels\">\n"
            for l in view.identifiers { h += "<li>\(HTML.escape(l.text))</li>\n" }
            h += "</ul>\n"
        }
        if !view.events.isEmpty { h += events(view.events, linker) }
        if !view.graphs.isEmpty { h += graphs(view.graphs, linker) }
        if let same = view.sameEntity, !same.members.isEmpty { h += sameEntity(same, linker) }
        h += "<h2>Statements</h2>\n" + table(view.outgoing, linker)
        if !view.incoming.isEmpty {
            h += "<h2>Referenced by</h2>\n<table class=\"incoming\">\n"
            for l in view.incoming {
                h += "<tr><td>\(ref(l.value, linker))</td><th>\(link(l.property, linker))</th></tr>\n"
            }
            h += "</table>\n"
            if view.incomingTruncated { h += "<p>Only the first \(ResourceView.incomingLimit) references are shown.</p>\n" }
        }
        h += "</main>\n<footer>This description as "
        h += AlternateFormat.all.map { "<a href=\"\(HTML.escape(path + sep + "format=" + $0.name))\" type=\"\($0.mediaType)\">\($0.title)</a>" }
            .joined(separator: " · ")
        h += "</footer>\n</body>\n</html>\n"
        return h
    }

    static func events(_ events: [EventView], _ linker: IRILinker) -> String {
        var h = "<h2>Events</h2>\n<table class=\"events\">\n<tr><th>Event</th><th>Date</th><th>Place</th></tr>\n"
        for e in events {
            var name = e.event
            if name.labels.isEmpty, let t = e.types.first {
                // An unnamed event reads as its class: "E67 Birth".
                let local = t.split(whereSeparator: { $0 == "/" || $0 == "#" }).last.map(String.init) ?? t
                name.labels = [Label(text: local.replacingOccurrences(of: "_", with: " "), language: "en", property: "")]
            }
            h += "<tr><td>\(ref(name, linker))<br><span class=\"datatype\">"
            h += (e.types.map { HTML.escape(linker.short($0)) } + [(e.eventIsSubject ? "" : "← ") + HTML.escape(linker.short(e.property))])
                .joined(separator: " · ")
            h += "</span></td><td>"
            h += e.timeSpans.map { "<time>\(HTML.escape($0.display))</time>" }.joined(separator: "<br>")
            h += "</td><td>" + e.places.map { ref($0, linker) }.joined(separator: "<br>") + "</td></tr>\n"
        }
        return h + "</table>\n"
    }

    static func graphs(_ graphs: [GraphRef], _ linker: IRILinker) -> String {
        var h = "<h2>Described in</h2>\n<ul class=\"graphs\">\n"
        for g in graphs {
            let label = g.labels.preferred()
            h += "<li><a href=\"\(HTML.escape(linker.href(g.iri)))\"\(langAttr(label?.language))>\(HTML.escape(label?.text ?? linker.short(g.iri)))</a>"
            if let inst = g.institution { h += " — " + ref(inst, linker) }
            h += " <span class=\"datatype\">(\(g.statements) statements)</span></li>\n"
        }
        return h + "</ul>\n"
    }

    static func table(_ links: [LinkView], _ linker: IRILinker) -> String {
        var h = "<table>\n"
        for l in links {
            h += "<tr><th>\(link(l.property, linker))</th><td class=\"value\">\(ref(l.value, linker))"
            if !l.nested.isEmpty { h += "<div class=\"nested\">" + table(l.nested, linker) + "</div>" }
            h += "</td></tr>\n"
        }
        return h + "</table>\n"
    }

    /// A term as HTML: an IRI as a link named by its label, a literal with its language or datatype.
    static func ref(_ r: ResourceRef, _ linker: IRILinker) -> String {
        switch r.term {
        case .iri(let iri):
            guard let label = r.labels.preferred() else { return link(iri, linker) }
            return "<a href=\"\(HTML.escape(linker.href(iri)))\" title=\"\(HTML.escape(iri))\"\(langAttr(label.language))>\(HTML.escape(label.text))</a>"
        case .blank(let b):
            let label = r.labels.preferred()
            return label.map { "<span\(langAttr($0.language))>\(HTML.escape($0.text))</span>" } ?? "<span class=\"iri\">_:\(HTML.escape(b))</span>"
        case .literal(let l):
            var h = "<span class=\"literal\"\(langAttr(l.language))>\(HTML.escape(l.lexical))</span>"
            if let lang = l.language { h += " <span class=\"lang\">@\(HTML.escape(lang))</span>" }
            else if l.datatype != Vocabulary.xsdString { h += " <span class=\"datatype\">\(link(l.datatype, linker))</span>" }
            return h
        }
    }

    static func link(_ iri: String, _ linker: IRILinker) -> String {
        "<a href=\"\(HTML.escape(linker.href(iri)))\">\(HTML.escape(linker.short(iri)))</a>"
    }

    static func langAttr(_ tag: String?) -> String {
        HTML.languageTag(tag).map { " lang=\"\($0)\"" } ?? ""
    }

    /// Percent-encodes everything but unreserved characters (for a query parameter).
    public static func percentEncode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: out.unicodeScalars.append(Unicode.Scalar(b))
            default: out += "%" + String(b >> 4, radix: 16, uppercase: true) + String(b & 15, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
