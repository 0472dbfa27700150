import Foundation
import Testing

/// `mnemo link` and `mnemo links` as a curator uses them: link, review, confirm,
/// re-link (the confirmation stays), export SSSOM.
@Suite struct LinkCLITests {
    @Test func linkReviewConfirmAndExport() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("records.nq").path
        let gold = dir.appendingPathComponent("gold.tsv").path
        let store = "sqlite:" + dir.appendingPathComponent("s.sqlite").path
        #expect(try MnemoProcess.run(["generate-gold", "--persons", "150", "-o", data, "--gold", gold]).status == 0)
        #expect(try MnemoProcess.run(["import", "--store", store, data]).status == 0)

        let linked = try MnemoProcess.run(["link", "--store", store])
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(linked.output.contains("person: "))
        #expect(linked.output.contains("pairs compared"))

        let export = try MnemoProcess.run(["links", "export", "--store", store, "--format", "sssom", "--include-review"])
        #expect(export.output.hasPrefix("# curie_map:"))
        let rows = export.output.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
        let review = try #require(rows.first { $0.contains("skos:relatedMatch") } ?? rows.first)
        // Expand the pair's CURIEs through the export's own curie_map.
        var prefixes: [String: String] = [:]
        for line in export.output.split(separator: "\n") where line.hasPrefix("#   ") {
            let body = line.dropFirst(4)
            let cut = body.firstIndex(of: ":")!
            prefixes[String(body[..<cut])] = body[body.index(cut, offsetBy: 2)...].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        let cells = review.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        func expand(_ c: String) -> String { let p = c.split(separator: ":", maxSplits: 1).map(String.init); return prefixes[p[0]]! + p[1] }
        let a = expand(cells[0]), b = expand(cells[3])

        let listed = try MnemoProcess.run(["links", "review", "--store", store, "--all", "--limit", "100000"])
        #expect(listed.output.contains(a) && listed.output.contains(b))

        let confirmed = try MnemoProcess.run(["links", "confirm", "--store", store, "--curator", "ana", a, b])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(try MnemoProcess.run(["link", "--store", store]).status == 0)
        let after = try MnemoProcess.run(["links", "export", "--store", store, "--format", "sssom"])
        let row = try #require(after.output.split(separator: "\n").first { $0.hasPrefix(cells[0] + "\t") && $0.contains("\t" + cells[3] + "\t") })
        #expect(row.contains("owl:sameAs"))
        #expect(row.contains("semapv:ManualMappingCuration"))
        #expect(row.contains("\tana\t"))

        // The cluster view names the source graph of every statement.
        let cluster = try MnemoProcess.run(["links", "cluster", "--store", store, a])
        #expect(cluster.output.contains("<\(b)>"))
        #expect(cluster.output.contains("# <https://data.mnemo.example/graph/inst"))

        let bad = try MnemoProcess.run(["link", "--store", store, "--types", "unicorn"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("unknown type 'unicorn'"))
    }
}
