import Foundation
import MnemoCrosswalk
import Testing

/// An institution's local layout is a profile file, not code.
@Suite struct ProfileVariantTests {
    let tashkentProfile = repoRoot.appendingPathComponent("mappings/examples/csv-tashkent-register.json")

    @Test func semicolonRegisterWithUzbekColumns() throws {
        let d = try Ingested(.csv, ["csv/tashkent-register.csv"], institution: "tashkent-museum", dataset: "register",
                             profile: tashkentProfile)
        #expect(d.result.summary.stored == 3)
        // Where and when was the teapot made, and by whom?
        let rows = try d.select("""
            SELECT ?place ?lat ?maker ?b ?e WHERE {
              ?obj dc:title "Choynak"@uz ; dc:title "Чайник"@ru .
              ?prod crm:P108_has_produced ?obj ; crm:P7_took_place_at ?p ; crm:P14_carried_out_by/rdfs:label ?maker ;
                    crm:P4_has_time-span [ crm:P82a_begin_of_the_begin ?b ; crm:P82b_end_of_the_end ?e ] .
              ?p rdfs:label ?place ; <http://www.w3.org/2003/01/geo/wgs84_pos#lat> ?lat .
            }
            """)
        #expect(rows.count == 1)
        #expect(rows.first?["place"] == "Samarqand@uz")
        #expect(rows.first?["lat"] == "39.6542")
        #expect(rows.first?["maker"] == "Usta Abdulla Nazirov")
        #expect(rows.first?["b"] == "1910-01-01T00:00:00")
        #expect(rows.first?["e"] == "1915-12-31T23:59:59")
        // The profile's defaults: EDM type and rights.
        #expect(try d.column("SELECT DISTINCT ?t WHERE { ?o edm:type ?t }", "t") == ["3D"])
        #expect(try d.column("SELECT DISTINCT ?r WHERE { ?a edm:rights ?r }", "r") == ["http://rightsstatements.org/vocab/InC/1.0/"])
        // Uzbek Latin with the modifier-letter apostrophe survives byte-exact.
        #expect(try d.ask("ASK { ?o dc:title \"Doʻppi\"@uz }"))
    }

    @Test func aMissingColumnIsAClearFileError() throws {
        let d = try Ingested(.csv, ["csv/museum-almaty.csv"], institution: "x", dataset: "y", profile: tashkentProfile)
        #expect(d.result.summary.stored == 0)
        #expect(d.result.summary.fileErrors.count == 1)
        #expect(d.result.summary.fileErrors.first?.contains("Inv. raqami") == true)
    }

    @Test func variantsMergeWithTheirBase() throws {
        let p = try ProfileLoader.load(MARCProfile.self, builtin: "marc21",
                                       variant: repoRoot.appendingPathComponent("mappings/examples/marc21-local-note.json"))
        let base = try ProfileLoader.load(MARCProfile.self, builtin: "marc21")
        #expect(p.notes?.count == (base.notes?.count ?? 0) + 1)
        #expect(p.notes?.last?.tag == "590")
        #expect(p.titles?.first?.tag == "245")
        #expect(p.defaults?.rights == "http://rightsstatements.org/vocab/InC-EDU/1.0/")
        #expect(p.defaults?.role(for: "aut")?.uri == "http://id.loc.gov/vocabulary/relators/aut")
    }

    @Test func brokenProfilesSayWhereAndWhy() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-profiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.json")
        try Data(#"{ "extends": "marc21", "titles": [ { "subfields": "a" } ] }"#.utf8).write(to: bad)
        #expect {
            _ = try ProfileLoader.load(MARCProfile.self, builtin: "marc21", variant: bad)
        } throws: { e in
            "\(e)".contains("titles[0]") && "\(e)".contains("tag")
        }
        let unknown = dir.appendingPathComponent("unknown.json")
        try Data(#"{ "extends": "no-such-profile" }"#.utf8).write(to: unknown)
        #expect { _ = try ProfileLoader.load(MARCProfile.self, builtin: "marc21", variant: unknown) } throws: { e in
            "\(e)".contains("no-such-profile") && "\(e)".contains("marc21")
        }
    }
}
