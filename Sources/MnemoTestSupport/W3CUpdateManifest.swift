import Foundation
import MnemoRDF

/// A W3C SPARQL 1.1 Update test manifest: syntax tests (the request is the
/// action) and evaluation tests (`ut:request` with the dataset before, and
/// the dataset expected after, as `ut:data` and `ut:graphData` files).
/// Read with the ``TestGraph`` of W3CManifest.swift.
public struct UpdateManifest {
    public enum Kind: Sendable { case positiveSyntax, negativeSyntax, evaluation, other(String) }

    /// A dataset as files: the default graph's, and each named graph's with its IRI.
    public struct Dataset: Sendable {
        public var defaultFiles: [URL] = []
        public var named: [(iri: String, file: URL)] = []
    }

    public struct Test: Sendable {
        public var id: String
        public var name: String
        public var kind: Kind
        public var withdrawn: Bool
        public var request: URL?
        public var before = Dataset()
        public var after = Dataset()
    }

    public var tests: [Test] = []

    public static let ut = "http://www.w3.org/2009/sparql/tests/test-update#"
    public static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"

    public init(url: URL) throws {
        let graph = try TestGraph(turtle: url)
        let mf = Manifest.mf
        guard let manifest = graph.subjects(Manifest.rdf + "type", .iri(mf + "Manifest")).first,
              let entries = graph.object(manifest, mf + "entries") else { return }
        for entry in graph.list(entries) {
            let type = graph.object(entry, Manifest.rdf + "type")
            let kind: Kind
            switch type {
            case .iri(mf + "PositiveUpdateSyntaxTest11"), .iri(mf + "PositiveSyntaxTest11"): kind = .positiveSyntax
            case .iri(mf + "NegativeUpdateSyntaxTest11"), .iri(mf + "NegativeSyntaxTest11"): kind = .negativeSyntax
            case .iri(mf + "UpdateEvaluationTest"), .iri(Self.ut + "UpdateEvaluationTest"): kind = .evaluation
            default: kind = .other(type?.ntriples ?? "no type")
            }
            let approval = graph.object(entry, Manifest.dawgt + "approval")
            var test = Test(id: graph.iri(entry) ?? "?", name: graph.string(graph.object(entry, mf + "name")) ?? "?", kind: kind,
                            withdrawn: approval == .iri(Manifest.dawgt + "Withdrawn") || approval == .iri(Manifest.dawgt + "NotApproved"))
            if let action = graph.object(entry, mf + "action") {
                if case .iri(let iri) = action {
                    test.request = URL(string: iri)
                } else {
                    test.request = graph.object(action, Self.ut + "request").flatMap(graph.url)
                    test.before = Self.dataset(action, graph)
                }
            }
            if let result = graph.object(entry, mf + "result") { test.after = Self.dataset(result, graph) }
            tests.append(test)
        }
    }

    private static func dataset(_ node: Term, _ graph: TestGraph) -> Dataset {
        var d = Dataset()
        d.defaultFiles = graph.objects(node, ut + "data").compactMap(graph.url)
        for g in graph.objects(node, ut + "graphData") {
            guard let file = graph.object(g, ut + "graph").flatMap(graph.url),
                  let iri = graph.string(graph.object(g, rdfs + "label")) else { continue }
            d.named.append((iri, file))
        }
        return d
    }
}
