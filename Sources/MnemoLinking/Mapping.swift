import MnemoRDF
import MnemoSearch
import MnemoStore

/// One scored pair as the links graph keeps it: an SSSOM-style mapping record.
public struct Mapping: Sendable, Equatable {
    /// How far a mapping has come.
    public enum Status: String, Sendable, CaseIterable {
        /// Made by `mnemo link` at or above `--accept`: a `skos:exactMatch`.
        case accepted
        /// Between `--review` and `--accept`, or refused to keep a cluster coherent: no link until a curator decides.
        case review
        /// A curator confirmed it: an `owl:sameAs`.
        case confirmed
    }

    /// The two IRIs, in code-point order.
    public let subject: String
    public let object: String
    public var subjectGraph: String
    public var objectGraph: String
    public var subjectLabel: String
    public var objectLabel: String
    public var kind: String
    public var confidence: Double
    public var status: Status
    /// The features that decided it (see ``PairScore/explanation``).
    public var explanation: String
    public var subjectFingerprint: String
    public var objectFingerprint: String
    /// The day it was first made as it is now (`YYYY-MM-DD`).
    public var date: String
    /// For a confirmed mapping: who confirmed it.
    public var curator: String?

    /// The predicate it asserts, if any.
    public var predicate: String? {
        switch status {
        case .accepted: return LinkVocabulary.exactMatch
        case .confirmed: return LinkVocabulary.sameAs
        case .review: return nil
        }
    }

    /// The same mapping apart from its date: a re-run that finds this keeps the old date.
    func sameContent(_ o: Mapping) -> Bool {
        var a = self
        a.date = o.date
        return a == o
    }

    /// The IRI of the mapping record of a pair, stable across runs.
    static func recordIRI(base: String, _ a: String, _ b: String) -> String {
        base + "mapping/" + String(format: "%016llx", fnv1a64(a + "\u{1}" + b))
    }

    /// The triples of the links graph for this mapping: the link itself and its record.
    func triples(base: String) -> [(Term, Term, Term)] {
        let m = Term.iri(Self.recordIRI(base: base, subject, object))
        let s = LinkVocabulary.sssom, v = LinkVocabulary.mnemo
        var out: [(Term, Term, Term)] = []
        if let p = predicate { out.append((.iri(subject), .iri(p), .iri(object))) }
        func lit(_ p: String, _ value: String) { out.append((m, .iri(p), .string(value))) }
        out.append((m, .iri(LinkVocabulary.type), .iri(s + "Mapping")))
        out.append((m, .iri(s + "subject_id"), .iri(subject)))
        out.append((m, .iri(s + "predicate_id"), .iri(predicate ?? LinkVocabulary.exactMatch)))
        out.append((m, .iri(s + "object_id"), .iri(object)))
        lit(s + "subject_label", subjectLabel)
        lit(s + "object_label", objectLabel)
        out.append((m, .iri(s + "subject_source"), .iri(subjectGraph)))
        out.append((m, .iri(s + "object_source"), .iri(objectGraph)))
        let justification = status == .confirmed ? "ManualMappingCuration" : "CompositeMatching"
        out.append((m, .iri(s + "mapping_justification"), .iri(LinkVocabulary.semapv + justification)))
        out.append((m, .iri(s + "confidence"), .typed(Self.decimal(confidence), LinkVocabulary.xsd + "double")))
        lit(s + "comment", explanation)
        lit(s + "mapping_tool", "mnemo link")
        out.append((m, .iri(s + "mapping_date"), .typed(date, LinkVocabulary.xsd + "date")))
        if let curator { lit(s + "author_label", curator) }
        lit(v + "status", status.rawValue)
        lit(v + "kind", kind)
        lit(v + "subjectFingerprint", subjectFingerprint)
        lit(v + "objectFingerprint", objectFingerprint)
        return out
    }

    static func decimal(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 1000
        return String(r)
    }

    /// The mapping records in a links graph.
    public static func read(from store: Store, graph: String) -> [Mapping] {
        var records: [String: [String: Term]] = [:]
        for (s, p, o) in store.graphTriples(graph) {
            guard case .iri(let si) = s, case .iri(let pi) = p, si.contains("/mapping/") else { continue }
            records[si, default: [:]][pi] = o
        }
        return records.sorted(by: { $0.key < $1.key }).compactMap { parse($0.value) }
    }

    /// The mapping records of a links graph that name `iri` as subject or
    /// object, read through the index (not the whole graph): for a page or a
    /// cluster, where the links graph may hold millions of triples.
    public static func read(involving iri: String, from store: Store, graph: String) -> [Mapping] {
        let g = Term.iri(graph), s = LinkVocabulary.sssom
        var ids = Set<Term>()
        for p in ["subject_id", "object_id"] {
            for q in store.quads(predicate: .iri(s + p), object: .iri(iri), graph: g) { ids.insert(q.subject) }
        }
        var out: [Mapping] = []
        for id in ids {
            guard case .iri(let record) = id, record.contains("/mapping/") else { continue }
            var r: [String: Term] = [:]
            for q in store.quads(subject: id, graph: g) { if case .iri(let p) = q.predicate { r[p] = q.object } }
            if let m = parse(r) { out.append(m) }
        }
        return out.sorted { ($0.subject, $0.object) < ($1.subject, $1.object) }
    }

    /// One mapping record's values by predicate IRI, as a mapping (nil when it lacks its IRIs or status).
    static func parse(_ r: [String: Term]) -> Mapping? {
        let s = LinkVocabulary.sssom, v = LinkVocabulary.mnemo
        func text(_ p: String) -> String? {
            switch r[p] {
            case .iri(let x): return x
            case .literal(let l): return l.lexical
            default: return nil
            }
        }
        guard let a = text(s + "subject_id"), let b = text(s + "object_id"),
              let st = text(v + "status").flatMap(Status.init(rawValue:)) else { return nil }
        return Mapping(subject: a, object: b, subjectGraph: text(s + "subject_source") ?? "",
                       objectGraph: text(s + "object_source") ?? "",
                       subjectLabel: text(s + "subject_label") ?? "", objectLabel: text(s + "object_label") ?? "",
                       kind: text(v + "kind") ?? "", confidence: Double(text(s + "confidence") ?? "") ?? 0,
                       status: st, explanation: text(s + "comment") ?? "",
                       subjectFingerprint: text(v + "subjectFingerprint") ?? "",
                       objectFingerprint: text(v + "objectFingerprint") ?? "",
                       date: text(s + "mapping_date") ?? "", curator: text(s + "author_label"))
    }
}
