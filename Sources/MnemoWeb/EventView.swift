import MnemoRDF
import MnemoStore

/// A time-span as the data gives it: bounds and any label (e.g. "ca. 1909").
public struct TimeSpanView: Hashable, Sendable {
    public var term: Term
    /// `P82a_begin_of_the_begin` (or `edm:begin`), as lexical forms.
    public var begin: String?
    /// `P82b_end_of_the_end` (or `edm:end`).
    public var end: String?
    /// `P82_at_some_time_within`, when given.
    public var within: String?
    public var labels: [Label]

    /// "1845-08-10", "1937 – 1956", or the label when no bounds are known.
    public var display: String {
        switch (begin, end) {
        case let (b?, e?) where b == e: return b
        case let (b?, e?): return "\(b) – \(e)"
        case let (b?, nil): return "from \(b)"
        case let (nil, e?): return "until \(e)"
        case (nil, nil): return within ?? labels.preferred()?.text ?? ""
        }
    }
}

/// An event a resource takes part in, with how it takes part (the linking
/// property and its direction), when and where.
public struct EventView: Hashable, Sendable {
    public var event: ResourceRef
    /// The class IRIs of the event (E67_Birth, E12_Production, …).
    public var types: [String]
    /// The property linking the two.
    public var property: String
    /// True when the event is the subject (`event P98_brought_into_life person`);
    /// false when the resource points at the event (`person P98i_was_born event`).
    public var eventIsSubject: Bool
    public var timeSpans: [TimeSpanView]
    public var places: [ResourceRef]
}

extension StoreReader {
    /// True when `node` is an event: typed with an E5 class (or a class the
    /// store's ontology puts below E5 or edm:Event), or having a time-span.
    func isEvent(_ node: TermID, types ts: [String]? = nil) -> Bool {
        let ts = ts ?? types(node)
        if ts.contains(where: WebVocabulary.eventClasses.contains) { return true }
        if ts.contains(where: isEventSubclass) { return true }
        guard let p4 = id(iri: WebVocabulary.timeSpan) else { return false }
        return snapshot.estimateCount(QuadPattern(s: node, p: p4)) > 0
    }

    /// Follows `rdfs:subClassOf` up from `cls` to an event class (depth-bounded).
    func isEventSubclass(_ cls: String) -> Bool {
        guard let sub = id(iri: WebVocabulary.rdfsSubClassOf), let start = id(iri: cls) else { return false }
        var frontier = [start], seen: Set<TermID> = [start]
        for _ in 0..<16 where !frontier.isEmpty {
            var next: [TermID] = []
            for c in frontier {
                for sup in objects(c, sub) where seen.insert(sup).inserted {
                    if case .iri(let v) = term(sup), WebVocabulary.eventClasses.contains(v) { return true }
                    next.append(sup)
                }
            }
            frontier = next
        }
        return false
    }

    /// The events `node` takes part in, either way round.
    func events(of node: TermID, outgoing: [(p: TermID, o: TermID)], incoming: [(s: TermID, p: TermID)]) -> [EventView] {
        var out: [EventView] = []
        var seen = Set<TermID>()
        let typeID = id(iri: WebVocabulary.rdfType)
        func consider(_ e: TermID, _ p: TermID, eventIsSubject: Bool) {
            guard e != node, p != typeID, !dictionary.kind(e).isLiteralKind else { return }
            let ts = types(e)
            guard isEvent(e, types: ts), seen.insert(e).inserted else { return }
            out.append(EventView(event: ref(e), types: ts, property: term(p).iriString,
                                 eventIsSubject: eventIsSubject, timeSpans: timeSpans(of: e), places: places(of: e)))
        }
        for (p, o) in outgoing { consider(o, p, eventIsSubject: false) }
        for (s, p) in incoming { consider(s, p, eventIsSubject: true) }
        return out.sorted { ($0.timeSpans.first?.begin ?? "~") < ($1.timeSpans.first?.begin ?? "~") }
    }

    func timeSpans(of event: TermID) -> [TimeSpanView] {
        func first(_ s: TermID, _ props: [String]) -> String? {
            for p in props { if let o = objects(s, iri: p).first, case .literal(let l) = term(o) { return l.lexical } }
            return nil
        }
        var spans: [TimeSpanView] = []
        for ts in objects(event, iri: WebVocabulary.timeSpan) {
            spans.append(TimeSpanView(term: term(ts), begin: first(ts, [WebVocabulary.beginOfBegin, WebVocabulary.edmBegin]),
                                      end: first(ts, [WebVocabulary.endOfEnd, WebVocabulary.edmEnd]),
                                      within: first(ts, [WebVocabulary.atSomeTimeWithin]), labels: labels(of: ts)))
        }
        // EDM puts the bounds on the event itself.
        if spans.isEmpty, let b = first(event, [WebVocabulary.edmBegin]) {
            spans.append(TimeSpanView(term: term(event), begin: b, end: first(event, [WebVocabulary.edmEnd]), labels: []))
        }
        return spans
    }

    func places(of event: TermID) -> [ResourceRef] {
        [WebVocabulary.tookPlaceAt, WebVocabulary.edmHappenedAt, WebVocabulary.edmOccurredAt]
            .flatMap { objects(event, iri: $0) }.map(ref)
    }
}

extension TermKind {
    var isLiteralKind: Bool { self == .simpleLiteral || self == .langLiteral || self == .typedLiteral }
}

extension Term {
    /// The IRI, or the N-Triples spelling of anything else.
    var iriString: String { if case .iri(let v) = self { return v } else { return ntriples } }
}
