import Foundation
import MnemoSPARQLSyntax
import Testing

/// The W3C SPARQL syntax tests: positive tests must parse, negative ones must
/// be rejected. Known failures (none at present) would be listed here, each
/// with its reason.
private let knownFailures: [String: String] = [:]

/// Manifests holding syntax tests, relative to rdf-tests/sparql.
private let syntaxManifests = [
    "sparql10/syntax-sparql1/manifest.ttl",
    "sparql10/syntax-sparql2/manifest.ttl",
    "sparql10/syntax-sparql3/manifest.ttl",
    "sparql10/syntax-sparql4/manifest.ttl",
    "sparql10/syntax-sparql5/manifest.ttl",
    "sparql11/syntax-query/manifest.ttl",
    "sparql11/syntax-fed/manifest.ttl",
    "sparql11/aggregates/manifest.ttl",
    "sparql11/construct/manifest.ttl",
    "sparql11/grouping/manifest.ttl",
]

/// Directories whose query files (`*.rq`) all belong to evaluation tests and must parse.
private let evaluationDirectories = [
    "aggregates", "bind", "bindings", "cast", "construct", "exists", "functions", "grouping", "negation",
    "project-expression", "property-path", "subquery", "json-res", "csv-tsv-res",
].map { "sparql11/" + $0 }

/// Query files in those directories that no manifest lists and that use the
/// `path{n,m}` quantifier of a SPARQL 1.1 working draft, dropped from the
/// Recommendation: not valid SPARQL 1.1, so they must be rejected.
private let draftSyntaxFiles: Set<String> = [
    "property-path/path-2-1.rq", "property-path/path-2-3.rq", "property-path/path-3-1.rq",
    "property-path/path-3-2.rq", "property-path/path-3-4.rq", "property-path/pp04.rq",
    "property-path/pp05.rq", "property-path/pp13.rq", "property-path/pp15.rq",
]

@Suite struct W3CSyntaxTests {
    @Test(arguments: syntaxManifests)
    func syntaxManifest(_ path: String) throws {
        guard let root = W3CSuite.sparql else {
            Issue.record(Comment(rawValue: W3CSuite.missingMessage))
            return
        }
        let manifest = try TestManifest(root.appendingPathComponent(path))
        var passed = 0, failed = 0, skipped = 0
        for entry in manifest.entries where entry.kind == .positiveSyntax || entry.kind == .negativeSyntax {
            guard entry.counted, let file = entry.query else { skipped += 1; continue }
            let outcome = check(file, positive: entry.kind == .positiveSyntax)
            let key = file.lastPathComponent
            if let problem = outcome {
                failed += 1
                if knownFailures[key] == nil {
                    Issue.record("\(path): \(entry.name) (\(key)): \(problem)")
                }
            } else {
                passed += 1
                if knownFailures[key] != nil { Issue.record("\(key) is listed as a known failure but passes now") }
            }
        }
        print("\(path): \(passed) passed, \(failed) failed\(skipped > 0 ? ", \(skipped) skipped" : "")")
    }

    /// Every query file of the evaluation test directories is a valid query,
    /// except the negative syntax tests their manifests list and the draft-syntax files above.
    @Test func evaluationQueriesParse() throws {
        guard let root = W3CSuite.sparql else {
            Issue.record(Comment(rawValue: W3CSuite.missingMessage))
            return
        }
        var directories = evaluationDirectories.map { root.appendingPathComponent($0) }
        let sparql10 = root.appendingPathComponent("sparql10")
        for name in try FileManager.default.contentsOfDirectory(atPath: sparql10.path).sorted()
        where !name.hasPrefix("syntax-") {
            directories.append(sparql10.appendingPathComponent(name))
        }
        var total = 0, failed = 0
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let rejected = try negativeSyntaxActions(in: directory)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".rq") }.sorted()
            for name in files where !rejected.contains(name) {
                let key = directory.lastPathComponent + "/" + name
                let valid = !draftSyntaxFiles.contains(key)
                total += 1
                if let problem = check(directory.appendingPathComponent(name), positive: valid) {
                    failed += 1
                    Issue.record("\(key): \(problem)")
                }
            }
        }
        print("evaluation queries: \(total - failed) passed, \(failed) failed")
    }

    /// Query files that a directory's manifest lists as negative syntax tests.
    private func negativeSyntaxActions(in directory: URL) throws -> Set<String> {
        let url = directory.appendingPathComponent("manifest.ttl")
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let manifest = try TestManifest(url)
        return Set(manifest.entries.filter { $0.kind == .negativeSyntax }.compactMap { $0.query?.lastPathComponent })
    }

    /// Nil when the file behaves as expected, else what went wrong.
    private func check(_ file: URL, positive: Bool) -> String? {
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            return "cannot read \(file.path)"
        }
        do {
            _ = try SPARQLParser.parse(text, baseIRI: file.absoluteString)
            return positive ? nil : "parsed a query that must be rejected"
        } catch {
            return positive ? "rejected: \(error)" : nil
        }
    }
}
