import Foundation
import MnemoCrosswalk
import MnemoHarvest
import MnemoRDF
import MnemoStore

/// Harvests an OAI-PMH repository into a dataset's graph.
///
/// A full harvest (no `from`) replaces the graph with what the repository
/// holds now. An incremental harvest (`from`) changes only what changed:
/// the triples of every updated or deleted record are taken out (everything
/// under the record's URI), the new versions go in, and shared agents,
/// places and concepts no remaining record refers to are removed. Either
/// way the graph changes in one atomic batch after the last page.
public struct DatasetHarvest: Sendable {
    public let crosswalk: Crosswalk
    public let report: RecordReportWriter

    public init(crosswalk: Crosswalk, report: RecordReportWriter) {
        self.crosswalk = crosswalk
        self.report = report
    }

    public struct Result: Sendable {
        public var summary: IngestSummary
        public var oai: OAIHarvestSummary
        public var graph: String
        public var replace: GraphReplaceReport
    }

    public func run(client: OAIClient, into store: Store) async throws -> Result {
        let incremental = client.options.from != nil
        var summary = IngestSummary()
        var triples: [TripleBuffer.Triple] = []
        var touched = Set<String>()
        let source = client.options.baseURL.absoluteString
        // Every mapped record's triples go into the graph, so a shared entity needs describing once per run.
        let memo = SharedEntityMemo()
        let oai = try await client.listRecords { rec in
            summary.recordsRead += 1
            touched.insert(rec.identifier)
            if rec.isDeleted {
                summary.deleted += 1
                report.write(RecordReport(record: rec.identifier, location: source, status: .stored,
                                          problems: [RecordProblem(.warning, "deleted", "deleted in the repository; removed")]))
                return
            }
            guard let md = rec.metadata else {
                let s = SkippedRecord(recordID: rec.identifier, location: source, reason: "the record has no metadata")
                summary.add(skipped: s)
                report.write(RecordReport(skipped: s))
                return
            }
            switch crosswalk.map(metadata: md, identifier: rec.identifier, source: "\(source) \(rec.identifier)", memo: memo) {
            case .mapped(let m):
                summary.add(m)
                report.write(RecordReport(stored: m, location: source))
                triples += m.triples.triples
            case .skipped(let s):
                var s = s
                s.recordID = s.recordID ?? rec.identifier
                summary.add(skipped: s)
                report.write(RecordReport(skipped: s))
            }
        }
        report.flush()
        let graph = crosswalk.graph
        var content: [(Term, Term, Term)]
        if incremental {
            let minter = crosswalk.mapper.minter
            let owners = Set(touched.map { minter.object($0) })
            func ownedByTouched(_ t: Term) -> Bool {
                guard case .iri(let u) = t, u.hasPrefix(minter.recordPrefix) else { return false }
                var end = u.endIndex
                if let slash = u[u.index(u.startIndex, offsetBy: minter.recordPrefix.count)...].firstIndex(of: "/") { end = slash }
                return owners.contains(String(u[..<end]))
            }
            content = store.graphTriples(graph).filter { !ownedByTouched($0.0) }
            content += triples.map { ($0.s, $0.p, $0.o) }
            content = GraphGarbage.collect(content, minter: minter)
        } else {
            content = triples.map { ($0.s, $0.p, $0.o) }
        }
        let replace = try store.replaceGraph(graph, with: content)
        return Result(summary: summary, oai: oai, graph: graph, replace: replace)
    }
}

/// Removes shared entities (agents, places, concepts, web resources) that no
/// record of the graph refers to any more, with everything beneath them.
enum GraphGarbage {
    static func collect(_ triples: [(Term, Term, Term)], minter: URIMinter) -> [(Term, Term, Term)] {
        let shared = minter.base + "id/"
        // The entity a subject belongs to: nil for record-owned subjects (always kept).
        func group(_ t: Term) -> String? {
            guard case .iri(let u) = t else { return nil }
            if u.hasPrefix(minter.recordPrefix) { return nil }
            guard u.hasPrefix(shared) else { return u }
            // base/id/{inst}/{kind}/{key}[/…] or base/id/language/{code}
            let rest = u.dropFirst(shared.count).split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
            let n = rest.first == "language" ? 2 : 3
            return shared + rest.prefix(n).joined(separator: "/")
        }
        var bySubjectGroup: [String: [Int]] = [:]
        var live = Set<String>()
        var queue: [String] = []
        for (i, t) in triples.enumerated() {
            if let g = group(t.0) { bySubjectGroup[g, default: []].append(i) }
        }
        func reach(_ o: Term) {
            guard case .iri = o, let g = group(o), bySubjectGroup[g] != nil, live.insert(g).inserted else { return }
            queue.append(g)
        }
        for t in triples where group(t.0) == nil { reach(t.2) }
        while let g = queue.popLast() {
            for i in bySubjectGroup[g] ?? [] { reach(triples[i].2) }
        }
        return triples.filter { t in group(t.0).map { live.contains($0) } ?? true }
    }
}
