import Foundation
import MnemoRDF
import MnemoStore

/// A curator's verdict on a pair, kept in the decisions graph. Every later
/// `mnemo link` run honours it: a confirmed pair is linked with `owl:sameAs`,
/// a rejected one is never linked again.
public struct Decision: Sendable, Equatable {
    public enum Verdict: String, Sendable { case confirmed, rejected }

    /// The two IRIs, in code-point order.
    public let subject: String
    public let object: String
    public let verdict: Verdict
    /// Who decided (the token's label over HTTP, the user's name on the command line).
    public let curator: String
    /// When, as an xsd:dateTime.
    public let date: String
    public let note: String?

    /// A decision on `a` and `b`, in either order.
    public init(_ a: String, _ b: String, verdict: Verdict, curator: String, date: String, note: String? = nil) {
        (subject, object) = a < b ? (a, b) : (b, a)
        self.verdict = verdict
        self.curator = curator
        self.date = date
        self.note = note
    }

    static let v = LinkVocabulary.mnemo

    func triples(base: String) -> [(Term, Term, Term)] {
        let d = Term.iri(base + "decision/" + String(format: "%016llx", fnv1a64(subject + "\u{1}" + object)))
        var out: [(Term, Term, Term)] = [
            (d, .iri(LinkVocabulary.type), .iri(Self.v + "LinkDecision")),
            (d, .iri(Self.v + "subject"), .iri(subject)),
            (d, .iri(Self.v + "object"), .iri(object)),
            (d, .iri(Self.v + "verdict"), .string(verdict.rawValue)),
            (d, .iri(LinkVocabulary.dcterms + "creator"), .string(curator)),
            (d, .iri(LinkVocabulary.dcterms + "date"), .typed(date, LinkVocabulary.xsd + "dateTime")),
        ]
        if let note { out.append((d, .iri(LinkVocabulary.rdfs + "comment"), .string(note))) }
        return out
    }

    /// The decisions kept in a graph.
    public static func read(from store: Store, graph: String) -> [Decision] {
        var records: [String: [String: String]] = [:]
        for (s, p, o) in store.graphTriples(graph) {
            guard case .iri(let si) = s, case .iri(let pi) = p else { continue }
            switch o {
            case .iri(let x): records[si, default: [:]][pi] = x
            case .literal(let l): records[si, default: [:]][pi] = l.lexical
            default: break
            }
        }
        return records.sorted { $0.key < $1.key }.compactMap { _, r in
            guard let a = r[v + "subject"], let b = r[v + "object"], let verdict = r[v + "verdict"].flatMap(Verdict.init(rawValue:)) else { return nil }
            return Decision(a, b, verdict: verdict, curator: r[LinkVocabulary.dcterms + "creator"] ?? "",
                            date: r[LinkVocabulary.dcterms + "date"] ?? "", note: r[LinkVocabulary.rdfs + "comment"])
        }
    }

    /// The decision on `a` and `b` (in either order) kept in a graph, read by its IRI; nil when there is none.
    public static func read(_ a: String, _ b: String, from store: Store, graph: String, base: String) -> Decision? {
        let probe = Decision(a, b, verdict: .confirmed, curator: "", date: "")
        let node = probe.triples(base: base)[0].0
        var r: [String: String] = [:]
        for q in store.quads(subject: node, graph: .iri(graph)) {
            guard case .iri(let p) = q.predicate else { continue }
            switch q.object {
            case .iri(let x): r[p] = x
            case .literal(let l): r[p] = l.lexical
            default: break
            }
        }
        guard r[v + "subject"] == probe.subject, r[v + "object"] == probe.object,
              let verdict = r[v + "verdict"].flatMap(Verdict.init(rawValue:)) else { return nil }
        return Decision(probe.subject, probe.object, verdict: verdict, curator: r[LinkVocabulary.dcterms + "creator"] ?? "",
                        date: r[LinkVocabulary.dcterms + "date"] ?? "", note: r[LinkVocabulary.rdfs + "comment"])
    }

    /// Records `decision` in the decisions graph (replacing an earlier one on the
    /// same pair) and applies it to the links graph, both in one atomic
    /// transaction: a confirmed pair's mapping becomes `owl:sameAs` with the
    /// curator (made when the linker had not proposed the pair), a rejected
    /// pair's mapping and link are removed. Only the pair's own triples are
    /// read and written, so a decision costs the same however large the links
    /// graph; decisions recorded at once are applied one after another (the
    /// store's write lock holds while each reads and changes the graphs).
    public static func record(_ decision: Decision, in store: Store, options: LinkOptions) throws {
        try store.transaction { tx in
            let decisions = Term.iri(options.decisionsGraph), links = Term.iri(options.linksGraph)
            func quads(about subject: Term, in graph: Term) -> [Quad] {
                guard let s = tx.dictionary.lookup(subject), let g = tx.dictionary.lookup(graph) else { return [] }
                return tx.snapshot.quads(matching: QuadPattern(s: s, g: g)).map(store.decode)
            }
            let triples = decision.triples(base: options.base)
            tx.delete(quads(about: triples[0].0, in: decisions))
            tx.insert(triples.map { Quad($0.0, $0.1, $0.2, decisions) })

            let record = Term.iri(Mapping.recordIRI(base: options.base, decision.subject, decision.object))
            let old = quads(about: record, in: links)
            var values: [String: Term] = [:]
            for q in old { if case .iri(let p) = q.predicate { values[p] = q.object } }
            tx.delete(old)
            tx.delete([LinkVocabulary.exactMatch, LinkVocabulary.sameAs].map {
                Quad(.iri(decision.subject), .iri($0), .iri(decision.object), links)
            })
            guard decision.verdict == .confirmed else { return }
            var mapping = Mapping.parse(values) ?? Mapping(
                subject: decision.subject, object: decision.object, subjectGraph: "", objectGraph: "",
                subjectLabel: "", objectLabel: "", kind: "", confidence: 1, status: .confirmed,
                explanation: "confirmed by \(decision.curator)", subjectFingerprint: "", objectFingerprint: "",
                date: "", curator: nil)
            mapping.status = .confirmed
            mapping.curator = decision.curator
            mapping.date = String(decision.date.prefix(10))
            tx.insert(mapping.triples(base: options.base).map { Quad($0.0, $0.1, $0.2, links) })
        }
    }
}

/// Writing the links graph.
enum LinksGraph {
    static func write(_ mappings: [Mapping], to store: Store, options: LinkOptions) throws {
        let w = store.graphWriter(options.linksGraph)
        for m in mappings { for (s, p, o) in m.triples(base: options.base) { w.add(s, p, o) } }
        try w.commit()
    }
}
