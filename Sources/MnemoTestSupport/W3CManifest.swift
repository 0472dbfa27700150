import Foundation
import MnemoRDF
import MnemoSyntax

/// A W3C test manifest read into memory: its tests, in manifest order.
public struct Manifest {
    public enum Kind: Sendable { case positiveSyntax, negativeSyntax, evaluation, other(String) }

    public struct Test: Sendable {
        public var id: String
        public var name: String
        public var kind: Kind
        public var approved: Bool
        public var withdrawn: Bool
        public var query: URL?
        public var data: [URL]
        public var graphData: [URL]
        public var result: URL?
        /// `mf:resultCardinality mf:LaxCardinality`: only the distinct rows must match (REDUCED).
        public var laxCardinality = false
    }

    public var tests: [Test] = []

    public static let mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
    public static let qt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
    public static let dawgt = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#"
    public static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    public init(url: URL) throws {
        let graph = try TestGraph(turtle: url)
        guard let manifest = graph.subjects(Self.rdf + "type", .iri(Self.mf + "Manifest")).first else { return }
        guard let entries = graph.object(manifest, Self.mf + "entries") else { return }
        for entry in graph.list(entries) {
            let type = graph.object(entry, Self.rdf + "type")
            let kind: Kind
            switch type {
            case .iri(Self.mf + "PositiveSyntaxTest"), .iri(Self.mf + "PositiveSyntaxTest11"): kind = .positiveSyntax
            case .iri(Self.mf + "NegativeSyntaxTest"), .iri(Self.mf + "NegativeSyntaxTest11"): kind = .negativeSyntax
            case .iri(Self.mf + "QueryEvaluationTest"), .iri(Self.mf + "CSVResultFormatTest"): kind = .evaluation
            default: kind = .other(type?.ntriples ?? "no type")
            }
            let approval = graph.object(entry, Self.dawgt + "approval")
            var test = Test(id: graph.iri(entry) ?? "?", name: graph.string(graph.object(entry, Self.mf + "name")) ?? "?",
                            kind: kind, approved: approval == .iri(Self.dawgt + "Approved"),
                            withdrawn: approval == .iri(Self.dawgt + "Withdrawn") || approval == .iri(Self.dawgt + "NotApproved"),
                            query: nil, data: [], graphData: [], result: nil)
            if let action = graph.object(entry, Self.mf + "action") {
                if case .iri(let iri) = action {
                    test.query = URL(string: iri)
                } else {
                    test.query = graph.object(action, Self.qt + "query").flatMap(graph.url)
                    test.data = graph.objects(action, Self.qt + "data").compactMap(graph.url)
                    test.graphData = graph.objects(action, Self.qt + "graphData").compactMap(graph.url)
                }
            }
            test.result = graph.object(entry, Self.mf + "result").flatMap(graph.url)
            test.laxCardinality = graph.object(entry, Self.mf + "resultCardinality") == .iri(Self.mf + "LaxCardinality")
            tests.append(test)
        }
    }
}

/// A small in-memory triple set read with Raptor, for manifests and RDF result sets.
public struct TestGraph: Sendable {
    public var triples: [Quad] = []
    private var bySubject: [Term: [Quad]] = [:]

    public init(turtle url: URL) throws {
        try self.init(url: url, format: RDFFormat(fileName: url.path) ?? .turtle)
    }

    public init(url: URL, format: RDFFormat) throws {
        try RaptorParser(format: format).parse(file: url.path, options: ParseOptions(baseIRI: url.absoluteString)) { st in
            triples.append(st.quad)
        }
        for t in triples { bySubject[t.subject, default: []].append(t) }
    }

    public func objects(_ s: Term, _ p: String) -> [Term] {
        (bySubject[s] ?? []).filter { $0.predicate == .iri(p) }.map(\.object)
    }

    public func object(_ s: Term, _ p: String) -> Term? { objects(s, p).first }

    public func subjects(_ p: String, _ o: Term) -> [Term] {
        triples.filter { $0.predicate == .iri(p) && $0.object == o }.map(\.subject)
    }

    /// The members of an RDF collection.
    public func list(_ head: Term) -> [Term] {
        var out: [Term] = []
        var node = head
        while node != .iri(Manifest.rdf + "nil"), let first = object(node, Manifest.rdf + "first") {
            out.append(first)
            guard let rest = object(node, Manifest.rdf + "rest") else { break }
            node = rest
        }
        return out
    }

    public func iri(_ t: Term) -> String? { if case .iri(let v) = t { return v }; return nil }
    public func url(_ t: Term) -> URL? { iri(t).flatMap(URL.init(string:)) }
    public func string(_ t: Term?) -> String? { if case .literal(let l)? = t { return l.lexical }; return nil }
}
