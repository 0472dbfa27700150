import Foundation
import MnemoRDF
import Testing

/// End-to-end: the `mnemo` binary, as a researcher or an ingest script would call it.
@Suite(.serialized) struct CLITests {
    @Test func importExportImportIsIsomorphic() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = "sqlite:\(dir.path)/a.sqlite", copy = "sqlite:\(dir.path)/b.sqlite"
        let files = ["library-almaty.ttl", "museum-tashkent.ttl", "archive-kazan.ttl", "registry.nq"].map {
            fixtures.appendingPathComponent($0).path
        }
        let r = try MnemoProcess.run(["import", "--store", store] + files)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.output.contains("quads added"))
        let export1 = dir.appendingPathComponent("one.nq").path
        #expect(try MnemoProcess.run(["export", "--store", store, "--output", export1]).status == 0)
        #expect(try MnemoProcess.run(["import", "--store", copy, export1]).status == 0)
        let export2 = dir.appendingPathComponent("two.trig").path
        #expect(try MnemoProcess.run(["export", "--store", copy, "--format", "trig", "-o", export2]).status == 0)
        let a = try readQuads(export1), b = try readQuads(export2)
        #expect(a.count == 200 + 206 + 207 + 94)
        #expect(Isomorphism.isIsomorphic(a, b))
    }

    @Test func multilingualTextSurvivesByteExact() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = ["Абай Құнанбайұлы", "Шоқан Уәлиханов", "Alisher Navoiy oʻgʻil", "Алишер Навоий ўғил ҳам",
                     "Ибраһим", "Қазақстан Республикасы", "e\u{301} composed differently from é", "emoji 📜 and \u{200D}"]
        var nt = ""
        for (i, n) in names.enumerated() {
            var line = "<https://ex.org/p/\(i)> <http://www.w3.org/2000/01/rdf-schema#label> \""
            NTriples.escapeString(n, into: &line)
            line += "\"@kk .\n"
            nt += line
        }
        let file = dir.appendingPathComponent("names.nt")
        try nt.write(to: file, atomically: true, encoding: .utf8)
        let store = "sqlite:\(dir.path)/s.sqlite"
        #expect(try MnemoProcess.run(["import", "--store", store, "--graph", "https://ex.org/g", file.path]).status == 0)
        let out = try MnemoProcess.run(["export", "--store", store, "--format", "ntriples", "--graph", "https://ex.org/g"])
        #expect(out.status == 0, "\(out.stderr)")
        for n in names {
            // The exact UTF-8 bytes, not an escaped or normalised form.
            #expect(out.stdout.range(of: Data(n.utf8)) != nil, "\(n)")
        }
        let back = try parseNTriples(out.output)
        #expect(Set(back.map(\.object)) == Set(names.map { Term.langString($0, "kk") }))
    }

    @Test func syntaxErrorsNameTheFileLineAndColumn() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = "sqlite:\(dir.path)/s.sqlite"
        let bad = dir.appendingPathComponent("bad.ttl")
        try "@prefix ex: <https://ex.org/> .\nex:a ex:b ex:c .\nex:a ex:b \"Семей .\n".write(to: bad, atomically: true, encoding: .utf8)
        let good = fixtures.appendingPathComponent("library-almaty.ttl").path
        #expect(try MnemoProcess.run(["import", "--store", store, good]).status == 0)
        let r = try MnemoProcess.run(["import", "--store", store, bad.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("bad.ttl:3"), "\(r.stderr)")
        #expect(r.stderr.contains("unchanged"))
        let graphs = try MnemoProcess.run(["graphs", "--store", store])
        #expect(graphs.output.split(separator: "\n").count == 1, "\(graphs.output)")
        #expect(graphs.output.contains("\t200"))
    }

    @Test func badArgumentsAndStoresGetClearErrors() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r1 = try MnemoProcess.run(["import", "--store", "nowhere", "x.ttl"])
        #expect(r1.status != 0)
        #expect(r1.stderr.contains("bad store location"))
        let r2 = try MnemoProcess.run(["import", "--store", "memory:", "--format", "csv", "x.ttl"])
        #expect(r2.status != 0)
        #expect(r2.stderr.contains("unknown format"))
        let r3 = try MnemoProcess.run(["import", "--store", "sqlite:\(dir.path)/s.sqlite", "/no/such/file.ttl"])
        #expect(r3.status != 0)
        #expect(r3.stderr.contains("/no/such/file.ttl"))
        let r4 = try MnemoProcess.run(["export", "--store", "sqlite:\(dir.path)/s.sqlite", "--format", "turtle"])
        #expect(r4.status != 0)
        #expect(r4.stderr.contains("--graph"))
        let r5 = try MnemoProcess.run(["drop", "--store", "sqlite:\(dir.path)/s.sqlite", "--graph", "https://ex.org/none"])
        #expect(r5.status != 0)
        #expect(r5.stderr.contains("no graph"))
    }

    @Test func statsGraphsAndDrop() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = "sqlite:\(dir.path)/s.sqlite"
        let files = ["library-almaty.ttl", "museum-tashkent.ttl"].map { fixtures.appendingPathComponent($0).path }
        #expect(try MnemoProcess.run(["import", "--store", store, "--graph", "https://ex.org/lib", files[0]]).status == 0)
        #expect(try MnemoProcess.run(["import", "--store", store, "--graph", "https://ex.org/mus", files[1]]).status == 0)
        let stats = try MnemoProcess.run(["stats", "--store", store])
        #expect(stats.output.contains("406 quads"))
        // The import saved the index beside the store; stats opened from it.
        #expect(stats.output.contains("index opened from the sidecar"), "\(stats.output)")
        #expect(stats.output.contains("<http://www.cidoc-crm.org/cidoc-crm/E21_Person>"))
        let drop = try MnemoProcess.run(["drop", "--store", store, "--graph", "https://ex.org/lib"])
        #expect(drop.output.contains("200 quads"))
        let graphs = try MnemoProcess.run(["graphs", "--store", store])
        #expect(graphs.output == "<https://ex.org/mus>\t206\n")
    }

    @Test func shellAnswersPatterns() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = "sqlite:\(dir.path)/s.sqlite"
        #expect(try MnemoProcess.run(["import", "--store", store, "--graph", "https://ex.org/lib",
                                      fixtures.appendingPathComponent("library-almaty.ttl").path]).status == 0)
        let r = try MnemoProcess.run(["shell", "--store", store], stdin: """
            count ? <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.cidoc-crm.org/cidoc-crm/E21_Person>
            match ? <http://www.w3.org/2000/01/rdf-schema#label> "Абай Құнанбайұлы"@kk
            match nonsense
            sparql SELECT (COUNT(*) AS ?n) WHERE { ?p a <http://www.cidoc-crm.org/cidoc-crm/E53_Place> }
            sparql SELECT WHERE {
            quit
            """)
        #expect(r.status == 0)
        let lines = r.output.split(separator: "\n")
        #expect(lines.first == "5")
        #expect(lines.contains { $0.hasPrefix("<https://data.mnemo.example/library-almaty/person/1> ") })
        #expect(lines.contains { $0.hasPrefix("error: expected 3 or 4 terms") })
        #expect(lines.contains { $0.replacingOccurrences(of: " ", with: "") == "|8|" }, "\(r.output)")
        #expect(lines.contains("1 row"), "\(r.output)")
        #expect(lines.contains { $0.hasPrefix("error: line 1, column") }, "\(r.output)")
    }

    @Test func generatedDataImports() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("gen.nq").path
        let g = try MnemoProcess.run(["generate", "--quads", "5000", "--output", data])
        #expect(g.status == 0)
        let r = try MnemoProcess.run(["import", "--store", "sqlite:\(dir.path)/s.sqlite", data])
        #expect(r.status == 0, "\(r.stderr)")
        let graphs = try MnemoProcess.run(["graphs", "--store", "sqlite:\(dir.path)/s.sqlite"])
        #expect(graphs.output.split(separator: "\n").count == 3)
    }
}

func readQuads(_ path: String) throws -> [Quad] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    if path.hasSuffix(".trig") { return try parseTriG(text) }
    return try parseNTriples(text)
}

/// Reads N-Triples / N-Quads lines with the term reader from MnemoRDF (independent of Raptor).
func parseNTriples(_ text: String) throws -> [Quad] {
    try text.split(separator: "\n").compactMap { line -> Quad? in
        var l = line.trimmingCharacters(in: .whitespaces)
        if l.isEmpty || l.hasPrefix("#") { return nil }
        guard l.hasSuffix(".") else { throw ParseFailure(line: String(line)) }
        l.removeLast()
        guard let terms = Term.parsePattern(l), terms.count == 3 || terms.count == 4,
              let s = terms[0], let p = terms[1], let o = terms[2] else { throw ParseFailure(line: String(line)) }
        return Quad(s, p, o, terms.count == 4 ? terms[3] : nil)
    }
}

/// Reads the TriG that `mnemo export --format trig` writes: `<g> {` blocks of N-Triples lines.
func parseTriG(_ text: String) throws -> [Quad] {
    var graph: Term?
    var out: [Quad] = []
    for line in text.split(separator: "\n") {
        let l = line.trimmingCharacters(in: .whitespaces)
        if l.isEmpty { continue }
        if l == "}" { graph = nil; continue }
        if l.hasSuffix("{") {
            graph = Term(ntriples: String(l.dropLast()).trimmingCharacters(in: .whitespaces))
            continue
        }
        for q in try parseNTriples(l) { out.append(Quad(q.subject, q.predicate, q.object, graph)) }
    }
    return out
}

struct ParseFailure: Error { var line: String }
