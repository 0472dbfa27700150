import MnemoRDF
import MnemoStore

/// One link of a resource to a record of the same entity elsewhere, as plain
/// data: whoever links records (the HTTP service, from the links graph)
/// says which, and MnemoWeb looks up their names and institutions.
public struct SameEntityLink: Sendable, Hashable {
    /// The other record.
    public var iri: String
    /// The named graph it is described in, when known.
    public var graph: String?
    /// `accepted`, `confirmed` (or `review`).
    public var status: String
    public var confidence: Double
    /// The member it is linked through, when it is not linked to this resource directly.
    public var via: String?

    public init(iri: String, graph: String?, status: String, confidence: Double, via: String? = nil) {
        self.iri = iri
        self.graph = graph
        self.status = status
        self.confidence = confidence
        self.via = via
    }
}

/// The section "The same entity elsewhere" of a resource's page: the other
/// records of its entity, each with its institution and the link's status.
public struct SameEntityView: Sendable {
    public struct Member: Sendable, Hashable {
        public var resource: ResourceRef
        public var graph: GraphRef?
        public var status: String
        public var confidence: Double
        public var via: ResourceRef?
    }

    public var members: [Member]
    /// Where the merged view of the entity is served (`/links/cluster?iri=…`).
    public var clusterPath: String

    /// Resolves `links` (names, graphs and their institutions) in one snapshot of `store`.
    public static func load(_ links: [SameEntityLink], clusterPath: String, store: Store) -> SameEntityView {
        let r = StoreReader(store: store)
        func ref(_ iri: String) -> ResourceRef {
            r.id(iri: iri).map { r.ref($0) } ?? ResourceRef(term: .iri(iri), labels: [])
        }
        let members = links.map { l -> Member in
            var graph: GraphRef?
            if let g = l.graph, !g.isEmpty {
                if let gid = r.id(iri: g) {
                    graph = r.graphRef(gid, about: r.id(iri: l.iri) ?? gid)
                } else {
                    graph = GraphRef(iri: g, labels: [], institution: nil, statements: 0)
                }
            }
            return Member(resource: ref(l.iri), graph: graph, status: l.status, confidence: l.confidence, via: l.via.map(ref))
        }
        return SameEntityView(members: members, clusterPath: clusterPath)
    }
}

extension ResourceView {
    /// This view with the section "The same entity elsewhere" filled from `links`.
    public func withSameEntity(_ links: [SameEntityLink], clusterPath: String, store: Store) -> ResourceView {
        var v = self
        v.sameEntity = links.isEmpty ? nil : SameEntityView.load(links, clusterPath: clusterPath, store: store)
        return v
    }
}

extension HTMLPage {
    static func sameEntity(_ s: SameEntityView, _ linker: IRILinker) -> String {
        var h = "<h2 id=\"same-entity\">The same entity elsewhere</h2>\n<table class=\"same-entity\">\n"
        h += "<tr><th>Record</th><th>Institution</th><th>Link</th></tr>\n"
        for m in s.members {
            h += "<tr><td>\(ref(m.resource, linker))<br><span class=\"iri\">\(HTML.escape(m.resource.iri ?? ""))</span></td><td>"
            if let g = m.graph {
                let label = g.labels.preferred()
                h += "<a href=\"\(HTML.escape(linker.href(g.iri)))\"\(langAttr(label?.language))>\(HTML.escape(label?.text ?? linker.short(g.iri)))</a>"
                if let inst = g.institution { h += " — " + ref(inst, linker) }
            } else {
                h += "—"
            }
            h += "</td><td><span class=\"kind\">\(HTML.escape(m.status))</span> "
            h += "<span class=\"datatype\">confidence \(HTML.escape(confidenceText(m.confidence)))</span>"
            if let via = m.via { h += "<br><span class=\"datatype\">through</span> " + ref(via, linker) }
            h += "</td></tr>\n"
        }
        h += "</table>\n<p><a href=\"\(HTML.escape(s.clusterPath))\">The merged view of this entity</a>: what every institution says about it, by source.</p>\n"
        return h
    }

    /// A confidence as the links graph writes it: at most three decimals.
    static func confidenceText(_ c: Double) -> String {
        let r = (c * 1000).rounded() / 1000
        return String(r)
    }
}
