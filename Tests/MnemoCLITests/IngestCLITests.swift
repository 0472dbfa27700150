import Foundation
import MnemoTestSupport
import Testing

/// `mnemo ingest` and `mnemo harvest` as an institution's data manager runs them.
@Suite(.serialized) struct IngestCLITests {
    static let prefixes = """
        PREFIX crm: <http://www.cidoc-crm.org/cidoc-crm/>
        PREFIX dc: <http://purl.org/dc/elements/1.1/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

        """

    func marc(_ name: String) -> String { fixtures.appendingPathComponent("marc/\(name)").path }

    @Test func ingestStoresReportsAndReplacesTheDataset() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = "sqlite:\(dir.path)/s.sqlite"
        let report = dir.appendingPathComponent("report.jsonl").path
        let args = ["ingest", "--store", store, "--format", "marc21", "--institution", "nlrk", "--dataset", "iso",
                    "--report", report, marc("cp1251.mrc"), marc("bad.mrc")]
        let r = try MnemoProcess.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.output.contains("dataset <https://data.mnemo.example/graph/nlrk/iso>"))
        #expect(r.output.contains("skipped: 1"))
        // One JSON object per record; the corrupt one says where and why.
        let lines = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n")
        let entries = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let skipped = entries.filter { $0["status"] as? String == "skipped" }
        #expect(skipped.count == 1)
        #expect((skipped.first?["location"] as? String)?.hasSuffix("bad.mrc#2") == true)
        // A researcher's question through `mnemo query`.
        let q = Self.prefixes + "SELECT ?t WHERE { ?o dc:creator/rdfs:label \"Шевченко, Тарас Григорович\" ; dc:title ?t }"
        let answer = try MnemoProcess.run(["query", "--store", store, "--format", "tsv", "-e", q])
        #expect(answer.output == "?t\n\"Кобзар\"@uk\n", "\(answer.output)")
        let before = try MnemoProcess.run(["graphs", "--store", store]).output
        // Running the same ingest again changes nothing.
        let again = try MnemoProcess.run(args)
        #expect(again.output.contains("0 added, 0 removed"), "\(again.output)")
        #expect(try MnemoProcess.run(["graphs", "--store", store]).output == before)
    }

    @Test func malformedXMLIsAClearErrorAndStoresWhatCameBefore() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = "sqlite:\(dir.path)/s.sqlite"
        let r = try MnemoProcess.run(["ingest", "--store", store, "--format", "marcxml", "--institution", "nlrk",
                                      "--report", dir.appendingPathComponent("r.jsonl").path, marc("bad.xml")])
        #expect(r.status == 1)
        #expect(r.output.contains("bad.xml:"), "\(r.output)")
        #expect(r.output.contains("malformed XML"))
        let unknown = try MnemoProcess.run(["ingest", "--store", store, "--format", "mods", "--institution", "x", marc("bad.xml")])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown format 'mods'"))
    }

    @Test func encodingOverride() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.nq").path
        let report = dir.appendingPathComponent("r.jsonl").path
        let ok = try MnemoProcess.run(["ingest", "--format", "marc21", "--institution", "x", "--encoding", "windows1251",
                                       "--output", out, "--report", report, marc("cp1251.mrc")])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("\"Кобзар\"@uk"))
        let bad = try MnemoProcess.run(["ingest", "--format", "marc21", "--institution", "x", "--encoding", "koi8",
                                        "--output", out, "--report", report, marc("cp1251.mrc")])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown encoding \"koi8\""), "\(bad.stderr)")
    }

    @Test func convertOnlyWritesNQuadsThatImportBack() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.nq").path
        let r = try MnemoProcess.run(["ingest", "--format", "lido", "--institution", "tashkent-museum", "--output", out,
                                      "--report", dir.appendingPathComponent("r.jsonl").path,
                                      fixtures.appendingPathComponent("lido/museum-tashkent-lido10.xml").path])
        #expect(r.status == 0, "\(r.stderr)")
        let store = "sqlite:\(dir.path)/s.sqlite"
        let imp = try MnemoProcess.run(["import", "--store", store, out])
        #expect(imp.status == 0, "\(imp.stderr)")
        let q = Self.prefixes + "SELECT ?n WHERE { ?o dc:title \"Portrait of Abylai Khan\"@en ; dc:creator/rdfs:label ?n }"
        let answer = try MnemoProcess.run(["query", "--store", store, "--format", "tsv", "-e", q])
        #expect(answer.output == "?n\n\"Әбілхан Қастеев\"@kk\n")
    }

    @Test func convertOnlyWritesTriGHoldingTheSameQuadsAsNQuads() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var exports: [String: [Substring]] = [:]
        var sizes: [String: Int] = [:]
        for ext in ["nq", "trig"] {
            let out = dir.appendingPathComponent("out.\(ext)").path
            let r = try MnemoProcess.run(["ingest", "--format", "marcxml", "--institution", "nlrk", "--dataset", "books",
                                          "--output", out, "--report", dir.appendingPathComponent("r.jsonl").path,
                                          marc("russian-utf8.xml"), marc("kazakh-uzbek.xml")])
            #expect(r.status == 0, "\(r.stderr)")
            sizes[ext] = try FileManager.default.attributesOfItem(atPath: out)[.size] as? Int
            let store = "sqlite:\(dir.path)/\(ext).sqlite"
            let imp = try MnemoProcess.run(["import", "--store", store, out])
            #expect(imp.status == 0, "\(imp.stderr)")
            let export = try MnemoProcess.run(["export", "--store", store, "--format", "nquads"])
            exports[ext] = export.output.split(separator: "\n").sorted()
        }
        #expect((exports["nq"]?.count ?? 0) > 100)
        #expect(exports["nq"] == exports["trig"])
        #expect(try #require(sizes["trig"]) * 2 < #require(sizes["nq"]))
        let text = try String(contentsOfFile: dir.appendingPathComponent("out.trig").path, encoding: .utf8)
        #expect(text.hasPrefix("@base <https://data.mnemo.example/id/> .\n"))
        let bad = try MnemoProcess.run(["ingest", "--format", "marcxml", "--institution", "x", "--output",
                                        dir.appendingPathComponent("out.ttl").path, marc("russian-utf8.xml")])
        #expect(bad.status != 0 && bad.stderr.contains("name an N-Quads (.nq) or TriG (.trig) file"), "\(bad.stderr)")
    }

    @Test func harvestFromALoopbackRepository() throws {
        let server = OAITestServer()
        let port = try server.start()
        defer { server.stop() }
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = "sqlite:\(dir.path)/s.sqlite"
        let r = try MnemoProcess.run(["harvest", "http://127.0.0.1:\(port)/oai", "--metadata-prefix", "oai_dc",
                                      "--institution", "hub", "--store", store,
                                      "--report", dir.appendingPathComponent("h.jsonl").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.output.contains("3 pages, 8 records (2 deleted)"), "\(r.output)")
        #expect(r.output.contains("next incremental harvest: --from 2024-05-01T10:00:00Z"))
        let q = Self.prefixes + "SELECT ?t WHERE { ?o dc:creator/rdfs:label \"Ыбырай Алтынсарин\" ; dc:title ?t }"
        let answer = try MnemoProcess.run(["query", "--store", store, "--format", "tsv", "-e", q])
        #expect(answer.output.contains("Қазақ хрестоматиясы"), "\(answer.output)")
        // An OAI error is a clear message and a non-zero exit, and the store is untouched.
        let bad = try MnemoProcess.run(["harvest", "http://127.0.0.1:\(port)/oai", "--metadata-prefix", "oai_dc",
                                        "--set", "test:forbidden", "--institution", "hub", "--store", store, "--retries", "0",
                                        "--report", dir.appendingPathComponent("h2.jsonl").path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("403"), "\(bad.stderr)")
        #expect(bad.stderr.contains("the store is unchanged"))
    }
}
