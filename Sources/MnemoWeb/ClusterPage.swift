import MnemoRDF
import MnemoStore

/// One mapping between two records of an entity, as plain data for the merged view.
public struct ClusterLink: Sendable, Hashable {
    public var subject: String
    public var object: String
    public var status: String
    public var confidence: Double
    public var explanation: String
    public var curator: String?

    public init(subject: String, object: String, status: String, confidence: Double, explanation: String, curator: String? = nil) {
        self.subject = subject
        self.object = object
        self.status = status
        self.confidence = confidence
        self.explanation = explanation
        self.curator = curator
    }
}

/// The merged view of one entity: its records, the links joining them, and
/// what each institution (named graph) says about them, graph by graph.
/// Built by ``load(iri:members:links:pending:statements:store:)`` from plain
/// data; rendered by ``HTMLPage/render(cluster:baseURL:)``.
public struct ClusterPageView: Sendable {
    public struct Section: Sendable {
        public var graph: GraphRef
        /// (property, value) in the given order; blank-node subjects are given as `_:label`.
        public var statements: [LinkView]
        /// The record each statement is about, parallel to `statements`.
        public var subjects: [ResourceRef]
    }

    public var iri: String
    public var members: [ResourceRef]
    public var links: [(link: ClusterLink, subject: ResourceRef, object: ResourceRef)]
    public var pending: [(link: ClusterLink, subject: ResourceRef, object: ResourceRef)]
    public var sections: [Section]

    /// Names and institutions looked up in one snapshot of `store`; the statements grouped by graph
    /// (`""` is the default graph), graphs in the order first met.
    public static func load(iri: String, members: [String], links: [ClusterLink], pending: [ClusterLink] = [],
                            statements: [(subject: String, predicate: String, object: Term, graph: String)],
                            store: Store) -> ClusterPageView {
        let r = StoreReader(store: store)
        var refs: [Term: ResourceRef] = [:]
        func ref(_ t: Term) -> ResourceRef {
            if let x = refs[t] { return x }
            let x = r.id(t).map { r.ref($0) } ?? ResourceRef(term: t, labels: [])
            refs[t] = x
            return x
        }
        func triple(_ l: ClusterLink) -> (link: ClusterLink, subject: ResourceRef, object: ResourceRef) {
            (l, ref(.iri(l.subject)), ref(.iri(l.object)))
        }
        var order: [String] = []
        var byGraph: [String: [(String, String, Term)]] = [:]
        for s in statements {
            if byGraph[s.graph] == nil { order.append(s.graph) }
            byGraph[s.graph, default: []].append((s.subject, s.predicate, s.object))
        }
        let sections = order.map { g -> Section in
            let graph: GraphRef
            if !g.isEmpty, let gid = r.id(iri: g) {
                let about = members.compactMap { r.id(iri: $0) }
                var gr = r.graphRef(gid, about: about.first ?? gid)
                gr.statements = byGraph[g]!.count
                graph = gr
            } else {
                graph = GraphRef(iri: g, labels: g.isEmpty ? [Label(text: "the default graph", language: "en", property: "")] : [],
                                 institution: nil, statements: byGraph[g]!.count)
            }
            let rows = byGraph[g]!
            return Section(graph: graph,
                           statements: rows.map { LinkView(property: $0.1, value: ref($0.2), nested: []) },
                           subjects: rows.map { ref($0.0.hasPrefix("_:") ? .blank(String($0.0.dropFirst(2))) : .iri($0.0)) })
        }
        return ClusterPageView(iri: iri, members: members.map { ref(.iri($0)) }, links: links.map(triple),
                               pending: pending.map(triple), sections: sections)
    }
}

extension HTMLPage {
    /// The merged view of an entity as a page: no script, every text escaped, every IRI a link.
    public static func render(cluster v: ClusterPageView, baseURL: String = "https://data.mnemo.example/") -> String {
        let linker = IRILinker(base: baseURL)
        let title = v.members.first { $0.iri == v.iri }?.labels.preferred()?.text ?? v.iri
        var h = PageStyle.documentStart(title: "Merged view: " + title)
        h += "<h1>\(HTML.escape(title))</h1>\n<p><span class=\"kind\">Merged view</span> "
        h += "one entity as \(v.sections.filter { !$0.graph.iri.isEmpty }.count) source graph(s) describe it</p>\n"
        h += "<p class=\"iri\">\(HTML.escape(v.iri))</p>\n"
        h += "<h2>Records</h2>\n<ul class=\"members\">\n"
        for m in v.members {
            h += "<li>\(ref(m, linker)) <span class=\"iri\">\(HTML.escape(m.iri ?? ""))</span></li>\n"
        }
        h += "</ul>\n"
        func links(_ title: String, _ rows: [(link: ClusterLink, subject: ResourceRef, object: ResourceRef)]) -> String {
            guard !rows.isEmpty else { return "" }
            var h = "<h2>\(HTML.escape(title))</h2>\n<table class=\"links\">\n"
            h += "<tr><th>Records</th><th>Status</th><th>Why</th></tr>\n"
            for (l, s, o) in rows {
                h += "<tr><td>\(ref(s, linker)) = \(ref(o, linker))</td>"
                h += "<td><span class=\"kind\">\(HTML.escape(l.status))</span> <span class=\"datatype\">\(HTML.escape(confidenceText(l.confidence)))</span>"
                if let c = l.curator, !c.isEmpty { h += "<br><span class=\"datatype\">by \(HTML.escape(c))</span>" }
                h += "</td><td>\(HTML.escape(l.explanation))</td></tr>\n"
            }
            return h + "</table>\n"
        }
        h += links("Links", v.links)
        h += links("Waiting for review", v.pending)
        for s in v.sections {
            let label = s.graph.labels.preferred()
            h += "<h2 class=\"source\">"
            if s.graph.iri.isEmpty {
                h += HTML.escape(label?.text ?? "the default graph")
            } else {
                h += "<a href=\"\(HTML.escape(linker.href(s.graph.iri)))\"\(langAttr(label?.language))>\(HTML.escape(label?.text ?? linker.short(s.graph.iri)))</a>"
            }
            if let inst = s.graph.institution { h += " — " + ref(inst, linker) }
            h += " <span class=\"datatype\">(\(s.statements.count) statements)</span></h2>\n<table class=\"statements\">\n"
            for (subject, l) in zip(s.subjects, s.statements) {
                h += "<tr><td>\(ref(subject, linker))</td><th>\(link(l.property, linker))</th><td class=\"value\">\(ref(l.value, linker))</td></tr>\n"
            }
            h += "</table>\n"
        }
        h += "</main>\n<footer>As JSON: <a href=\"\(HTML.escape("/links/cluster?iri=" + percentEncode(v.iri) + "&format=json"))\" type=\"application/json\">this entity</a></footer>\n</body>\n</html>\n"
        return h
    }
}
