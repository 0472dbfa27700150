import Foundation
import MnemoRDF
import MnemoSyntax
import Testing
@testable import MnemoStore

/// Behaviour every storage kind must show.
@Suite struct StoreTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, bdb, memory
        var testDescription: String { rawValue }
        func location(in dir: URL) -> String {
            switch self {
            case .sqlite: return "sqlite:\(dir.path)/store.sqlite"
            case .bdb: return "bdb:\(dir.path)/bdb"
            case .memory: return "memory:"
            }
        }
    }

    let turtle = """
        @prefix crm: <http://www.cidoc-crm.org/cidoc-crm/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <https://ex.org/p/abai> a crm:E21_Person ;
            rdfs:label "Абай Құнанбайұлы"@kk, "Abai Qunanbaiuly"@en, "Абай Кунанбаев"@ru ;
            crm:P1_is_identified_by [ crm:P190_has_symbolic_content "Ibrahim" ] .
        <https://ex.org/e/birth> a crm:E67_Birth ;
            crm:P98_brought_into_life <https://ex.org/p/abai> ;
            crm:P4_has_time-span [ crm:P82a_begin_of_the_begin "1845-08-10T00:00:00"^^xsd:dateTime ] .
        <https://ex.org/p/navoi> rdfs:label "Alisher Navoiy"@uz-Latn, "Алишер Навоий"@uz-Cyrl .
        """

    @Test(arguments: Kind.allCases)
    func importsAndReadsBack(_ kind: Kind) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.ttl")
        try write(turtle, to: file)
        let store = try Store.open(kind.location(in: dir))
        defer { store.close() }
        let r = try store.importFile(file.path, options: ImportOptions(graph: "https://ex.org/g/lib"))
        #expect(r.added == 12)
        #expect(store.snapshot.count == 12)
        let labels = store.quads(subject: .iri("https://ex.org/p/abai"), predicate: .iri(Vocabulary.rdfs + "label"))
        #expect(Set(labels.map(\.object)) == [.langString("Абай Құнанбайұлы", "kk"), .langString("Abai Qunanbaiuly", "en"),
                                               .langString("Абай Кунанбаев", "ru")])
        #expect(labels.allSatisfy { $0.graph == .iri("https://ex.org/g/lib") })
        // Re-importing into the same graph adds nothing, blank nodes included.
        let again = try store.importFile(file.path, options: ImportOptions(graph: "https://ex.org/g/lib"))
        #expect(again.added == 0)
        #expect(again.duplicates == 12)
        #expect(store.snapshot.count == 12)
    }

    @Test(arguments: [Kind.sqlite, .bdb])
    func reopeningGivesTheSameQuads(_ kind: Kind) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.ttl")
        try write(turtle, to: file)
        var before: [Quad] = []
        do {
            let store = try Store.open(kind.location(in: dir))
            try store.importFile(file.path, options: ImportOptions(graph: "https://ex.org/g/lib"))
            before = store.quads()
            store.close()
        }
        let store = try Store.open(kind.location(in: dir))
        defer { store.close() }
        #expect(Set(store.quads()) == Set(before))
        #expect(before.count == 12)
        // And the reopened store keeps accepting writes without duplicating terms.
        let added = try store.add([Quad(.iri("https://ex.org/p/abai"), .iri(Vocabulary.rdfs + "label"),
                                        .langString("Абай", "kk"), .iri("https://ex.org/g/lib"))])
        #expect(added == 1)
        #expect(store.snapshot.count == 13)
    }

    @Test(arguments: Kind.allCases)
    func syntaxErrorLeavesTheStoreAsItWas(_ kind: Kind) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.ttl"), bad = dir.appendingPathComponent("bad.nt")
        try write(turtle, to: good)
        var lines = (0..<200).map { "<https://ex.org/s\($0)> <https://ex.org/p> \"v\($0)\" ." }
        lines[150] = "<https://ex.org/s150> <https://ex.org/p> \"unterminated ."
        try write(lines.joined(separator: "\n") + "\n", to: bad)
        let store = try Store.open(kind.location(in: dir))
        defer { store.close() }
        try store.importFile(good.path, options: ImportOptions(graph: "https://ex.org/g/1"))
        let before = Set(store.quads())
        do {
            try store.importFile(bad.path, options: ImportOptions(graph: "https://ex.org/g/1"))
            Issue.record("expected a syntax error")
        } catch StoreError.syntax(let e) {
            #expect(e.line == 151)
            #expect(e.source == bad.path)
        }
        #expect(Set(store.quads()) == before)
        if kind != .memory {
            store.close()
            let reopened = try Store.open(kind.location(in: dir))
            defer { reopened.close() }
            #expect(Set(reopened.quads()) == before)
        }
    }

    @Test func lenientImportSkipsBadStatements() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.nt")
        try write("<https://ex.org/a> <https://ex.org/p> \"1\" .\n<https://ex.org/a> <https://ex.org/p> oops .\n", to: bad)
        let store = try Store.open("memory:")
        let r = try store.importFile(bad.path, options: ImportOptions(graph: "https://ex.org/g", lenient: true))
        #expect(r.skipped.count >= 1)
        #expect(r.added >= 1)
    }

    @Test func blankNodesAreStableWithinAFileAndDistinctAcrossFiles() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.ttl"), b = dir.appendingPathComponent("b.ttl")
        let text = "_:x <https://ex.org/p> \"1\" .\n_:x <https://ex.org/q> \"2\" .\n"
        try write(text, to: a)
        try write(text + "<https://ex.org/other> <https://ex.org/p> \"3\" .\n", to: b)
        let store = try Store.open("memory:")
        try store.importFile(a.path, options: ImportOptions(graph: "https://ex.org/g"))
        try store.importFile(b.path, options: ImportOptions(graph: "https://ex.org/g"))
        let subjects = Set(store.quads().filter { $0.subject.isBlank }.map(\.subject))
        #expect(subjects.count == 2, "one blank node per file")
        for s in subjects { #expect(store.quads(subject: s).count == 2) }
        // The same file into another graph gets blank nodes of its own.
        try store.importFile(a.path, options: ImportOptions(graph: "https://ex.org/g2"))
        #expect(Set(store.quads().filter { $0.subject.isBlank }.map(\.subject)).count == 3)
    }

    @Test(arguments: Kind.allCases)
    func exportRoundTripsIsomorphically(_ kind: Kind) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store.open(kind.location(in: dir))
        defer { store.close() }
        for f in ["library-almaty.ttl", "museum-tashkent.ttl", "archive-kazan.ttl", "registry.nq"] {
            let path = fixtures.appendingPathComponent(f).path
            try store.importFile(path, options: ImportOptions(graph: "https://data.mnemo.example/graph/\(f)"))
        }
        let original = store.quads()
        #expect(original.count > 600)
        for format in [RDFFormat.nquads, .trig] {
            let out = dir.appendingPathComponent("export.\(format.rawValue)")
            let fh = fopen(out.path, "wb")!
            try store.export(to: fh, format: format)
            fclose(fh)
            let copy = try Store.open("memory:")
            try copy.importFile(out.path, options: ImportOptions(graph: "https://ex.org/unused"))
            #expect(Isomorphism.isIsomorphic(copy.quads(), original), "\(format)")
        }
        // A triple format takes one graph.
        let out = dir.appendingPathComponent("lib.ttl")
        let fh = fopen(out.path, "wb")!
        try store.export(to: fh, format: .turtle, graph: "https://data.mnemo.example/graph/library-almaty.ttl")
        fclose(fh)
        let copy = try Store.open("memory:")
        try copy.importFile(out.path, options: ImportOptions(graph: "https://data.mnemo.example/graph/library-almaty.ttl"))
        #expect(Isomorphism.isIsomorphic(copy.quads(),
                                         store.quads(graph: .iri("https://data.mnemo.example/graph/library-almaty.ttl"))))
        #expect(throws: StoreError.self) { try store.export(to: fh, format: .turtle) }
    }

    @Test(arguments: Kind.allCases)
    func dropRemovesOneGraph(_ kind: Kind) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.ttl")
        try write(turtle, to: file)
        let store = try Store.open(kind.location(in: dir))
        try store.importFile(file.path, options: ImportOptions(graph: "https://ex.org/g/1"))
        try store.importFile(file.path, options: ImportOptions(graph: "https://ex.org/g/2"))
        #expect(store.graphs().count == 2)
        #expect(try store.drop(graph: "https://ex.org/g/1") == 12)
        #expect(store.graphs() == [GraphInfo(iri: "https://ex.org/g/2", quads: 12)])
        #expect(throws: StoreError.self) { try store.drop(graph: "https://ex.org/g/1") }
        if kind != .memory {
            store.close()
            let reopened = try Store.open(kind.location(in: dir))
            defer { reopened.close() }
            #expect(reopened.graphs() == [GraphInfo(iri: "https://ex.org/g/2", quads: 12)])
        } else {
            store.close()
        }
    }

    @Test func statisticsCountClassesAndPredicates() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.ttl")
        try write(turtle, to: file)
        let store = try Store.open("memory:")
        try store.importFile(file.path, options: ImportOptions(graph: "https://ex.org/g/1"))
        let s = store.statistics()
        #expect(s.quads == 12)
        #expect(s.graphs.count == 1)
        #expect(s.topPredicates.first?.iri == "<\(Vocabulary.rdfs)label>")
        #expect(s.topPredicates.first?.count == 5)
        #expect(Set(s.topClasses.map(\.iri)) == ["<\(crm)E21_Person>", "<\(crm)E67_Birth>"])
    }

    @Test func badLocationsAreRefusedClearly() throws {
        #expect(throws: StoreError.self) { try StoreLocation(parsing: "nowhere") }
        #expect(throws: StoreError.self) { try StoreLocation(parsing: "sqlite:") }
        #expect(throws: StoreError.self) { try StoreLocation(parsing: "postgresql://localhost/db") }
        #expect(try StoreLocation(parsing: "sqlite:/tmp/x.sqlite") == .sqlite(path: "/tmp/x.sqlite"))
        #expect(try StoreLocation(parsing: "memory:") == .memory)
    }

    @Test func aFileThatIsNotASQLiteStoreIsRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("x.sqlite").path
        try write("not a database", to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try Store.open("sqlite:\(path)") }
    }
}

/// The sqlite backend writes Redland's tables directly; librdf must read back exactly those quads.
@Suite struct RedlandCompatibilityTests {
    @Test func librdfReadsWhatMnemoWrote() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        let store = try Store.open("sqlite:\(path)")
        for f in ["library-almaty.ttl", "museum-tashkent.ttl", "archive-kazan.ttl", "registry.nq"] {
            try store.importFile(fixtures.appendingPathComponent(f).path,
                                 options: ImportOptions(graph: "https://data.mnemo.example/graph/\(f)"))
        }
        // Odd literals: empty, NUL-free control characters, quotes, a long one, datatypes.
        try store.add([
            Quad(.iri("https://ex.org/s"), .iri("https://ex.org/p"), .string(""), .iri("https://ex.org/g")),
            Quad(.iri("https://ex.org/s"), .iri("https://ex.org/p"), .string("it's \"quoted\"\n\ttabbed"), .iri("https://ex.org/g")),
            Quad(.iri("https://ex.org/s"), .iri("https://ex.org/p"), .string(String(repeating: "Қ", count: 5000)), .iri("https://ex.org/g")),
            Quad(.blank("b1"), .iri("https://ex.org/p"), .typed("42", "http://www.w3.org/2001/XMLSchema#integer"), .iri("https://ex.org/g")),
        ])
        let mine = Set(store.quads())
        store.close()
        let theirs = try RedlandReader.readSQLite(path: path)
        #expect(theirs.count == mine.count)
        #expect(Set(theirs) == mine)
    }

    @Test func aDeleteIsSeenByLibrdf() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        let store = try Store.open("sqlite:\(path)")
        let q1 = Quad(.iri("https://ex.org/a"), .iri("https://ex.org/p"), .langString("Тошкент", "uz-Cyrl"), .iri("https://ex.org/g"))
        let q2 = Quad(.iri("https://ex.org/a"), .iri("https://ex.org/p"), .langString("Toshkent", "uz-Latn"), .iri("https://ex.org/g"))
        try store.add([q1, q2])
        #expect(try store.remove([q1]) == 1)
        store.close()
        #expect(try RedlandReader.readSQLite(path: path) == [q2])
    }
}

@Suite struct TwoWritersTests {
    @Test func aStaleStoreRefusesToWrite() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = "sqlite:\(dir.path)/s.sqlite"
        let a = try Store.open(url), b = try Store.open(url)
        defer { a.close(); b.close() }
        try a.add([Quad(.iri("https://ex.org/a"), .iri("https://ex.org/p"), .string("from a"), .iri("https://ex.org/g"))])
        #expect(throws: StoreError.self) {
            try b.add([Quad(.iri("https://ex.org/b"), .iri("https://ex.org/p"), .string("from b"), .iri("https://ex.org/g"))])
        }
        // A fresh open sees a's write and can write.
        b.close()
        let c = try Store.open(url)
        defer { c.close() }
        #expect(c.snapshot.count == 1)
        #expect(try c.add([Quad(.iri("https://ex.org/c"), .iri("https://ex.org/p"), .string("from c"), .iri("https://ex.org/g"))]) == 1)
    }
}

/// Readers take snapshots while a writer imports: each reader sees whole batches only.
@Suite struct ConcurrencyTests {
    @Test func readersSeeWholeBatches() throws {
        let store = try Store.open("memory:")
        let batches = 30, perBatch = 200
        let g = Term.iri("https://ex.org/g")
        DispatchQueue.concurrentPerform(iterations: 3) { worker in
            if worker == 0 {
                for b in 0..<batches {
                    let quads = (0..<perBatch).map {
                        Quad(.iri("https://ex.org/s\(b)"), .iri("https://ex.org/p"), .string("v\($0)"), g)
                    }
                    try! store.add(quads)
                }
            } else {
                for _ in 0..<400 {
                    let snap = store.snapshot
                    precondition(snap.count % perBatch == 0, "a reader saw half a batch")
                    precondition(snap.quads(matching: QuadPattern()).count == snap.count)
                }
            }
        }
        #expect(store.snapshot.count == batches * perBatch)
    }
}
