import Foundation
import MnemoRDF
import Testing

/// `mnemo query` as a researcher runs it.
@Suite(.serialized) struct QueryCLITests {
    static let prefixes = "PREFIX crm: <http://www.cidoc-crm.org/cidoc-crm/>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"

    @Test func queriesAStoreInSeveralFormats() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = "sqlite:\(dir.path)/s.sqlite"
        #expect(try MnemoProcess.run(["import", "--store", store, "--graph", "https://ex.org/lib",
                                      fixtures.appendingPathComponent("library-almaty.ttl").path]).status == 0)
        let q = Self.prefixes + "SELECT ?l WHERE { <https://data.mnemo.example/library-almaty/person/1> rdfs:label ?l } ORDER BY ?l"
        let json = try MnemoProcess.run(["query", "--store", store, "--format", "json", "-e", q])
        #expect(json.status == 0, "\(json.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any]
        let bindings = ((parsed?["results"] as? [String: Any])?["bindings"] as? [[String: Any]]) ?? []
        #expect(bindings.contains { (($0["l"] as? [String: Any])?["value"] as? String) == "Абай Құнанбайұлы" })
        let tsv = try MnemoProcess.run(["query", "--store", store, "--format", "tsv", "-e", q])
        #expect(tsv.output.hasPrefix("?l\n"))
        #expect(tsv.output.contains("\"Абай Құнанбайұлы\"@kk"))
        let csv = try MnemoProcess.run(["query", "--store", store, "--format", "csv", "-e", q])
        #expect(csv.output.hasPrefix("l\r\n"))
        let xml = try MnemoProcess.run(["query", "--store", store, "--format", "xml", "-e", q])
        #expect(xml.output.contains("<literal xml:lang=\"kk\">Абай Құнанбайұлы</literal>"))
        let ask = try MnemoProcess.run(["query", "--store", store, "--format", "json", "-e", "ASK { ?s ?p ?o }"])
        #expect(ask.output.contains("\"boolean\": true") || ask.output.contains("\"boolean\":true"))
        let construct = try MnemoProcess.run(["query", "--store", store, "--format", "ntriples", "-e",
                                              Self.prefixes + "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a crm:E21_Person ; rdfs:label ?l }"])
        #expect(construct.status == 0)
        #expect(construct.output.contains("\"Абай Құнанбайұлы\"@kk ."))
        let jsonld = try MnemoProcess.run(["query", "--store", store, "--format", "jsonld", "-e",
                                           Self.prefixes + "DESCRIBE <https://data.mnemo.example/library-almaty/person/1>"])
        #expect(jsonld.status == 0)
        #expect((try? JSONSerialization.jsonObject(with: jsonld.stdout)) != nil)
    }

    @Test func queriesFilesDirectlyWithNamedGraphs() throws {
        let lib = fixtures.appendingPathComponent("library-almaty.ttl").path
        let mus = fixtures.appendingPathComponent("museum-tashkent.ttl").path
        let r = try MnemoProcess.run(["query", "--data", lib, "--named", mus, "--format", "tsv", "-e",
                                      "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.output.contains("<\(URL(fileURLWithPath: mus).absoluteString)>\t206"))
        let d = try MnemoProcess.run(["query", "--data", lib, "--format", "tsv", "-e", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"])
        #expect(d.output == "?n\n200\n")
    }

    @Test func explainPrintsThePlanWithEstimatesAndActualRows() throws {
        let lib = fixtures.appendingPathComponent("library-almaty.ttl").path
        let q = Self.prefixes + """
            SELECT ?name ?place WHERE {
              ?birth crm:P98_brought_into_life ?person ; crm:P7_took_place_at ?p .
              ?person rdfs:label ?name . ?p rdfs:label ?place
              FILTER(LANG(?name) = "kk")
            }
            """
        let r = try MnemoProcess.run(["query", "--data", lib, "--explain", "-e", q])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("est") == true)
        #expect(lines.contains { $0.contains("Project ?name ?place") })
        // Each of the four patterns, numbered in the chosen order, with the filter after the label it reads.
        for i in 1...4 { #expect(lines.contains { $0.contains("\(i). ") }) }
        #expect(lines.contains { $0.contains("crm:P98_brought_into_life") })
        #expect(lines.contains { $0.contains("FILTER (LANG(?name) = \"kk\")") })
        // The answer's size in the summary, not the answer itself.
        let answer = try MnemoProcess.run(["query", "--data", lib, "--format", "tsv", "-e", q])
        let rows = answer.output.split(separator: "\n").count - 1
        #expect(rows > 0)
        #expect(lines.last?.hasPrefix("\(rows) solutions in ") == true)
        #expect(!r.output.contains("\"@kk\t"))
    }

    @Test func severalQueryFilesWithTimes() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let q1 = dir.appendingPathComponent("persons.rq"), q2 = dir.appendingPathComponent("places.rq")
        try (Self.prefixes + "SELECT (COUNT(?p) AS ?n) WHERE { ?p a crm:E21_Person }").write(to: q1, atomically: true, encoding: .utf8)
        try (Self.prefixes + "SELECT (COUNT(?p) AS ?n) WHERE { ?p a crm:E53_Place }").write(to: q2, atomically: true, encoding: .utf8)
        let r = try MnemoProcess.run(["query", "--data", fixtures.appendingPathComponent("library-almaty.ttl").path,
                                      "--format", "tsv", "--time", q1.path, q2.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.output == "?n\n5\n?n\n8\n")
        #expect(r.stderr.contains("persons.rq: "))
        #expect(r.stderr.contains("places.rq: "))
    }

    @Test func syntaxErrorsGiveLineAndColumn() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let q = dir.appendingPathComponent("bad.rq")
        try "SELECT ?x\nWHERE {\n  ?x foaf:name ?n\n}\n".write(to: q, atomically: true, encoding: .utf8)
        let r = try MnemoProcess.run(["query", "--data", fixtures.appendingPathComponent("library-almaty.ttl").path, q.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("bad.rq:3:"), "\(r.stderr)")
        #expect(r.stderr.contains("foaf"), "\(r.stderr)")
        let e = try MnemoProcess.run(["query", "--store", "memory:", "-e", "SELECT * WHERE { ?s ?p }"])
        #expect(e.status != 0)
        #expect(e.stderr.contains("-e:1:"), "\(e.stderr)")
    }

    @Test func timeoutIsReportedNotHung() throws {
        let r = try MnemoProcess.run(["query", "--data", fixtures.appendingPathComponent("archive-kazan.ttl").path,
                                      "--timeout", "0.3", "--format", "tsv", "-e",
                                      "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("limit"), "\(r.stderr)")
    }
}
