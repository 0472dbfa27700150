import Testing
import MnemoDataGen

/// Runs the generator into memory, keeping the chunk sizes too.
private func run(_ options: GeneratorOptions) -> (bytes: [UInt8], chunks: [[UInt8]], summary: GeneratorSummary) {
    var bytes: [UInt8] = []
    var chunks: [[UInt8]] = []
    let summary = CRMDataGenerator.generate(options) { chunk in
        bytes.append(contentsOf: chunk)
        chunks.append(Array(chunk))
    }
    return (bytes, chunks, summary)
}

private func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var result = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    if result.last?.isEmpty == true { result.removeLast() }
    return result
}

/// A minimal N-Quads 1.1 line checker: IRI subject, IRI predicate, IRI or
/// literal object, IRI graph, " ." — the subset the generator writes (no blank
/// nodes, no default-graph quads). Returns nil when the line is well formed,
/// otherwise a description of the first problem.
private struct LineChecker {
    let line: [UInt8]
    var i = 0

    init(_ line: ArraySlice<UInt8>) { self.line = Array(line) }

    static func check(_ line: ArraySlice<UInt8>) -> String? {
        var c = LineChecker(line)
        return c.run()
    }

    mutating func run() -> String? {
        guard String(validating: line, as: UTF8.self) != nil else { return "not UTF-8" }
        if let e = iri() { return "subject: \(e)" }
        if let e = space() { return e }
        if let e = iri() { return "predicate: \(e)" }
        if let e = space() { return e }
        if i < line.count && line[i] == 0x22 {
            if let e = literal() { return "object: \(e)" }
        } else if let e = iri() { return "object: \(e)" }
        if let e = space() { return e }
        if let e = iri() { return "graph: \(e)" }
        guard line.count - i == 2, line[i] == 0x20, line[i + 1] == 0x2E else { return "does not end with \" .\"" }
        return nil
    }

    mutating func space() -> String? {
        guard i < line.count, line[i] == 0x20 || line[i] == 0x09 else { return "expected white space at \(i)" }
        while i < line.count, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
        return nil
    }

    mutating func iri() -> String? {
        guard i < line.count, line[i] == 0x3C else { return "expected '<' at \(i)" }
        i += 1
        let start = i
        while i < line.count, line[i] != 0x3E {
            switch line[i] {
            case 0x00...0x20, 0x22, 0x3C, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: return "bad IRI character at \(i)"
            default: i += 1
            }
        }
        guard i < line.count else { return "unterminated IRI" }
        let text = String(decoding: line[start..<i], as: UTF8.self)
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex,
              text[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return "IRI is not absolute: \(text)" }
        i += 1
        return nil
    }

    mutating func literal() -> String? {
        i += 1   // opening quote
        while true {
            guard i < line.count else { return "unterminated literal" }
            let b = line[i]
            if b == 0x22 { i += 1; break }
            if b == 0x0A || b == 0x0D { return "raw line break in literal" }
            if b == 0x5C {
                guard i + 1 < line.count else { return "dangling backslash" }
                switch line[i + 1] {
                case UInt8(ascii: "t"), UInt8(ascii: "b"), UInt8(ascii: "n"), UInt8(ascii: "r"),
                     UInt8(ascii: "f"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"):
                    i += 2
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let n = line[i + 1] == UInt8(ascii: "u") ? 4 : 8
                    guard i + 2 + n <= line.count,
                          line[(i + 2)..<(i + 2 + n)].allSatisfy({ isHex($0) }) else { return "bad \\u escape" }
                    i += 2 + n
                default: return "bad escape at \(i)"
                }
                continue
            }
            i += 1
        }
        if i < line.count, line[i] == 0x40 {   // @lang
            i += 1
            let start = i
            while i < line.count, isAlpha(line[i]) { i += 1 }
            guard i > start else { return "empty language tag" }
            while i < line.count, line[i] == 0x2D {
                i += 1
                let part = i
                while i < line.count, isAlpha(line[i]) || (line[i] >= 0x30 && line[i] <= 0x39) { i += 1 }
                guard i > part else { return "empty language subtag" }
            }
        } else if i + 1 < line.count, line[i] == 0x5E, line[i + 1] == 0x5E {   // ^^<datatype>
            i += 2
            if let e = iri() { return "datatype: \(e)" }
        }
        return nil
    }

    func isAlpha(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    func isHex(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66) }
}

private func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
    let n = Array(needle.utf8)
    guard n.count <= haystack.count else { return false }
    var i = 0
    while i <= haystack.count - n.count {
        if haystack[i] == n[0] && haystack[i..<(i + n.count)].elementsEqual(n) { return true }
        i += 1
    }
    return false
}

@Suite("CRMDataGenerator")
struct GeneratorTests {
    @Test("same seed gives identical bytes, another seed different bytes")
    func determinism() {
        let a = run(GeneratorOptions(quads: 20_000, seed: 42))
        let b = run(GeneratorOptions(quads: 20_000, seed: 42))
        let c = run(GeneratorOptions(quads: 20_000, seed: 43))
        // Compare outside #expect so a failure does not print megabytes.
        let same = a.bytes == b.bytes
        let differs = a.bytes != c.bytes
        #expect(same)
        #expect(a.summary == b.summary)
        #expect(differs)
    }

    @Test("reported count equals line count and reaches the request",
          arguments: [(1, 1), (10, 3), (999, 2), (25_000, 3), (40_000, 7)])
    func counts(quads: Int, institutions: Int) {
        let r = run(GeneratorOptions(quads: quads, institutions: institutions, seed: 7))
        let lineCount = lines(r.bytes).count
        let lastByte = r.bytes.last
        #expect(r.summary.quads == lineCount)
        #expect(r.summary.quads >= quads)
        #expect(lastByte == 0x0A)
        if quads >= 10_000 {
            #expect(r.summary.quads < quads + 200, "overshoot is at most one entity")
        }
    }

    @Test("zero quads writes nothing")
    func empty() {
        let r = run(GeneratorOptions(quads: 0))
        #expect(r.bytes.count == 0)
        #expect(r.summary == GeneratorSummary(quads: 0, persons: 0, places: 0, objects: 0))
    }

    @Test("every line is a well-formed N-Quads statement")
    func wellFormed() {
        for (seed, institutions) in [(UInt64(42), 3), (UInt64(1), 1), (UInt64(99), 5)] {
            let r = run(GeneratorOptions(quads: 30_000, institutions: institutions, seed: seed))
            var bad = 0
            for line in lines(r.bytes) {
                if let problem = LineChecker.check(line) {
                    bad += 1
                    if bad <= 3 {
                        Issue.record("\(problem): \(String(decoding: line, as: UTF8.self))")
                    }
                }
            }
            #expect(bad == 0)
        }
    }

    @Test("the line checker rejects malformed lines")
    func checkerRejects() {
        let good = #"<http://a/s> <http://a/p> "x \"y\"\n"@uz-Latn <http://a/g> ."#
        #expect(LineChecker.check(ArraySlice(good.utf8)) == nil)
        for bad in [
            #"<http://a/s> <http://a/p> "x" <http://a/g>"#,
            #"<http://a/s> <http://a/p> "x"y" <http://a/g> ."#,
            #"<http://a/s> <http://a/p> "x\q" <http://a/g> ."#,
            #"<http://a/s> <http://a/p> <http://a/o o> <http://a/g> ."#,
            #"<http://a/s> <http://a/p> "x"@ <http://a/g> ."#,
            #"<s> <http://a/p> "x" <http://a/g> ."#,
            #"<http://a/s> <http://a/p> "x"^^<http://a/d <http://a/g> ."#,
        ] {
            #expect(LineChecker.check(ArraySlice(bad.utf8)) != nil, "accepted: \(bad)")
        }
    }

    @Test("chunks end at line ends and stay near 64 KiB")
    func chunks() {
        let r = run(GeneratorOptions(quads: 50_000))
        #expect(r.chunks.count > 1)
        for (index, chunk) in r.chunks.enumerated() {
            let size = chunk.count, last = chunk.last
            #expect(last == 0x0A, "chunk \(index) does not end a line")
            #expect(size < CRMDataGenerator.chunkSize + 16 * 1024)
            if index < r.chunks.count - 1 {
                #expect(size >= CRMDataGenerator.chunkSize)
            }
        }
    }

    @Test("the data has the promised shape")
    func shape() {
        let r = run(GeneratorOptions(quads: 50_000, institutions: 3, seed: 42))
        let crm = "http://www.cidoc-crm.org/cidoc-crm/"
        for cls in ["E21_Person", "E41_Appellation", "E67_Birth", "E69_Death", "E52_Time-Span", "E53_Place",
                    "E22_Human-Made_Object", "E42_Identifier", "E12_Production", "E55_Type"] {
            let found = contains(r.bytes, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <\(crm)\(cls)>")
            #expect(found, "no \(cls)")
        }
        for tag in ["\"@en ", "\"@ru ", "\"@kk ", "\"@uz-Latn ", "\"@uz-Cyrl "] {
            let found = contains(r.bytes, tag)
            #expect(found, "no literal tagged \(tag)")
        }
        for text in ["\u{02BB}", "ә", "қ", "ң", "ө", "ұ", "ү", "і", "ў", "ғ", "ҳ", "Ҳ", "Ә", "Ө",
                     "^^<http://www.w3.org/2001/XMLSchema#date>", "^^<http://www.w3.org/2001/XMLSchema#dateTime>",
                     "^^<http://www.w3.org/2001/XMLSchema#decimal>", "POINT(", "P89_falls_within",
                     "P14_carried_out_by", "\\\"", "\\n", "\\\\"] {
            let found = contains(r.bytes, text)
            #expect(found, "missing \(text)")
        }

        // Count entities and collect facts line by line.
        var graphs = Set<String>()
        var wikidataGraphs: [String: Set<String>] = [:]
        var persons = Set<String>(), dead = Set<String>()
        var typed = (persons: 0, places: 0, objects: 0)
        var creators: [String: Int] = [:]
        for line in lines(r.bytes) {
            let text = String(decoding: line, as: UTF8.self)
            let terms = text.split(separator: " ")
            let subject = String(terms[0]), predicate = terms[1], graph = String(terms[terms.count - 2])
            let object = String(terms[2])
            graphs.insert(graph)
            if predicate == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" {
                if object == "<\(crm)E21_Person>" { typed.persons += 1; persons.insert(subject) }
                if object == "<\(crm)E53_Place>" { typed.places += 1 }
                if object == "<\(crm)E22_Human-Made_Object>" { typed.objects += 1 }
            } else if predicate == "<\(crm)P100_was_death_of>" {
                dead.insert(object)
            } else if predicate == "<http://www.w3.org/2004/02/skos/core#exactMatch>", object.hasPrefix("<http://www.wikidata.org/entity/Q") {
                wikidataGraphs[object, default: []].insert(graph)
            } else if predicate == "<\(crm)P14_carried_out_by>" {
                creators[object, default: 0] += 1
            }
        }
        #expect(graphs.count == 3)
        #expect(graphs.contains("<https://data.mnemo.example/graph/inst1>"))
        #expect(typed.persons == r.summary.persons)
        #expect(typed.places == r.summary.places)
        #expect(typed.objects == r.summary.objects)
        #expect(dead.isSubset(of: persons))
        #expect(persons.subtracting(dead).count > persons.count / 5, "plenty of persons lack a death event")
        #expect(wikidataGraphs.values.contains { $0.count >= 2 }, "a Wikidata id is shared across institutions")

        // Creator popularity is skewed: the busiest creator has many times the median.
        let counts = creators.values.sorted(by: >)
        #expect(counts.count > 50)
        #expect(counts[0] > 10 * counts[counts.count / 2])

        // Roughly 45 % of quads describe objects and productions, 10 % places.
        let all = Double(r.summary.quads)
        var objectQuads = 0, placeQuads = 0
        for line in lines(r.bytes) {
            let subject = String(decoding: line.prefix(while: { $0 != 0x20 }), as: UTF8.self)
            if subject.contains("/object/") || subject.contains("/type/") { objectQuads += 1 }
            if subject.contains("/place/") { placeQuads += 1 }
        }
        #expect(abs(Double(objectQuads) / all - 0.45) < 0.05)
        #expect(abs(Double(placeQuads) / all - 0.10) < 0.03)
    }

    @Test("an error thrown by the sink stops generation and is rethrown")
    func sinkErrors() {
        struct Full: Error {}
        var calls = 0
        #expect(throws: Full.self) {
            _ = try CRMDataGenerator.generate(GeneratorOptions(quads: 100_000)) { _ in
                calls += 1
                if calls == 2 { throw Full() }
            }
        }
        #expect(calls == 2)
    }

    @Test("base IRIs are validated and get a trailing slash")
    func base() {
        #expect(CRMDataGenerator.isValidBase("https://example.org/x#"))
        #expect(!CRMDataGenerator.isValidBase(""))
        #expect(!CRMDataGenerator.isValidBase("https://example.org/a b/"))
        #expect(!CRMDataGenerator.isValidBase("https://example.org/<x>/"))
        #expect(!CRMDataGenerator.isValidBase("data.mnemo.example/"))
        #expect(!CRMDataGenerator.isValidBase("1http://example.org/"))
        #expect(!CRMDataGenerator.isValidBase(":x/"))
        #expect(CRMDataGenerator.isValidBase("urn:x:mnemo"))
        let r = run(GeneratorOptions(quads: 100, base: "urn:x:mnemo"))
        let first = String(decoding: lines(r.bytes)[0], as: UTF8.self)
        #expect(first.hasPrefix("<urn:x:mnemo/inst1/"))
        #expect(first.hasSuffix(" <urn:x:mnemo/graph/inst1> ."))
    }
}
