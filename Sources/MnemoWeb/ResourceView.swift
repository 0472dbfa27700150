import Foundation
import MnemoRDF
import MnemoStore

/// A statement on a resource's page: a property and the resource or value
/// at its other end. Blank-node values carry their own statements, so that
/// an appellation or a dimension reads in place.
public struct LinkView: Hashable, Sendable {
    public var property: String
    public var value: ResourceRef
    /// The statements about a blank-node value (two levels deep at most).
    public var nested: [LinkView]
}

/// A named graph describing a resource, and who it comes from.
public struct GraphRef: Hashable, Sendable {
    public var iri: String
    /// The graph's own labels (`rdfs:label`, `dcterms:title` on the graph IRI).
    public var labels: [Label]
    /// The institution the graph comes from, when the store says or the
    /// graph IRI's layout (`BASE/graph/INSTITUTION/…`) names a described one.
    public var institution: ResourceRef?
    /// Statements about the resource in this graph.
    public var statements: Int
}

/// Everything a Linked Data page shows about one resource, read from one
/// snapshot of the store. Built by ``load(iri:store:)``; rendered by
/// ``HTMLPage/render(_:baseURL:pagePath:)``.
public struct ResourceView: Sendable {
    public var iri: String
    public var types: [String]
    public var kind: ResourceKind
    /// Names in every language present, language tags kept.
    public var labels: [Label]
    /// Identifiers (E42 symbolic content): shelfmarks, authority numbers.
    public var identifiers: [Label]
    public var events: [EventView]
    public var graphs: [GraphRef]
    /// `this → property → value`, `rdf:type` and labels included.
    public var outgoing: [LinkView]
    /// `subject → property → this`.
    public var incoming: [LinkView]
    /// True when incoming links were cut at ``incomingLimit``.
    public var incomingTruncated: Bool
    /// The records of other institutions linked to this one as the same
    /// entity (see ``withSameEntity(_:clusterPath:store:)``); nil when none are.
    public var sameEntity: SameEntityView? = nil

    /// At most this many incoming links are read (a popular place or type can have millions).
    public static let incomingLimit = 500

    /// The view of `iri`, or nil when no triple has it as subject or object.
    public static func load(iri: String, store: Store) -> ResourceView? {
        let r = StoreReader(store: store)
        guard let node = r.id(iri: iri), r.isMentioned(node) else { return nil }
        let out = r.outgoing(node)
        let inc = r.incoming(node, limit: incomingLimit + 1)
        let types = r.types(node)
        let isGraph = store.snapshot.estimateCount(QuadPattern(g: node)) > 0
        return ResourceView(
            iri: iri, types: types,
            kind: ResourceKind.of(types: types, isGraph: isGraph, isEvent: r.isEvent(node, types: types)),
            labels: r.labels(of: node), identifiers: r.identifiers(of: node),
            events: r.events(of: node, outgoing: out, incoming: inc),
            graphs: r.graphs(describing: node).map { r.graphRef($0, about: node) },
            outgoing: out.map { r.link($0.p, $0.o, depth: 2) },
            incoming: inc.prefix(incomingLimit).map { LinkView(property: r.term($0.p).iriString, value: r.ref($0.s), nested: []) },
            incomingTruncated: inc.count > incomingLimit)
    }

    /// The label to use as the page title.
    public var title: String { labels.preferred()?.text ?? iri }
}

extension StoreReader {
    func link(_ p: TermID, _ o: TermID, depth: Int) -> LinkView {
        var nested: [LinkView] = []
        if depth > 0, dictionary.kind(o) == .blank {
            nested = outgoing(o, limit: 50).map { link($0.p, $0.o, depth: depth - 1) }
        }
        return LinkView(property: term(p).iriString, value: ref(o), nested: nested)
    }

    func graphRef(_ g: TermID, about node: TermID) -> GraphRef {
        let iri = term(g).iriString
        return GraphRef(iri: iri, labels: labels(of: g), institution: institution(ofGraph: g, iri: iri),
                        statements: snapshot.estimateCount(QuadPattern(s: node, g: g)))
    }

    /// Who a graph comes from: `dcterms:publisher` (or `dcterms:creator`,
    /// `edm:dataProvider`) on the graph; else the `edm:dataProvider` of an
    /// aggregation in it; else, for a graph IRI laid out as
    /// `…/graph/NAME[/…]`, a described E74 Group whose IRI ends in `/NAME`.
    func institution(ofGraph g: TermID, iri: String) -> ResourceRef? {
        let providers = [WebVocabulary.dcterms + "publisher", WebVocabulary.dcterms + "creator", WebVocabulary.edm + "dataProvider"]
        for p in providers { if let o = objects(g, iri: p).first { return ref(o) } }
        if let agg = id(iri: WebVocabulary.ore + "Aggregation"), let type = id(iri: WebVocabulary.rdfType),
           let provider = id(iri: WebVocabulary.edm + "dataProvider") {
            var found: TermID?
            snapshot.forEach(matching: QuadPattern(p: type, o: agg, g: g)) { q in
                found = objects(q.s, provider).first
                return found == nil
            }
            if let found { return ref(found) }
        }
        guard let range = iri.range(of: "/graph/") else { return nil }
        let name = iri[range.upperBound...].split(separator: "/").first.map(String.init) ?? ""
        guard !name.isEmpty, let group = id(iri: WebVocabulary.crm + "E74_Group"),
              let type = id(iri: WebVocabulary.rdfType) else { return nil }
        var match: TermID?
        snapshot.forEachTriple(s: nil, p: type, o: group, in: .union(nil)) { s, _, _ in
            if case .iri(let v) = term(s), v.hasSuffix("/" + name) { match = s; return false }
            return true
        }
        return match.map(ref)
    }
}
