import Foundation
import MnemoRDF
import Testing
@testable import MnemoSPARQLResults

/// Reads the expected-result files of the W3C SPARQL test suites.
@Suite(.enabled(if: Fixtures.rdfTests != nil, Fixtures.missingRDFTests))
struct W3CResultFilesTests {
    let root = Fixtures.rdfTests!.appendingPathComponent("sparql")
    let ex = "http://example.org/"
    var csvtsv: URL { root.appendingPathComponent("sparql11/csv-tsv-res") }

    @Test func everySRXAndSRJFileParses() throws {
        let files = Fixtures.files(under: root, extensions: ["srx", "srj"])
        #expect(files.count >= 440)
        var parsed = 0, failures: [String] = []
        for url in files {
            do {
                let format: ResultFormat = url.pathExtension == "srx" ? .xml : .json
                let result = try format.read(try Data(contentsOf: url))
                // What we read writes and reads back to the same thing.
                let again = try format.read(Data(try format.string(result).utf8))
                if again == result { parsed += 1 } else { failures.append("\(url.path): round trip differs") }
            } catch {
                failures.append("\(url.path): \(error)")
            }
        }
        print("W3C result files: \(parsed) of \(files.count) .srx/.srj parsed and round-tripped")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func srxDetails() throws {
        let cast = try XMLResultsReader.read(Data(contentsOf: root.appendingPathComponent("sparql11/cast/cast-bool.srx")))
        let t = try #require(Fixtures.table(cast))
        #expect(t.variables == ["a", "v", "boolean"])
        #expect(t.rows[5] == [.iri("http://example.org/s06"), .string("0"), .typed("false", Vocabulary.xsd + "boolean")])
        #expect(t.rows[0][2] == nil)
        let ask = try JSONResultsReader.read(Data(contentsOf: root.appendingPathComponent("sparql11/json-res/jsonres03.srj")))
        #expect(ask == .boolean(true))
    }

    /// The table an engine gives for `SELECT * { ?s ?p ?o } ORDER BY ?s ?p ?o` over data.ttl.
    var data1: SolutionTable {
        SolutionTable(variables: ["s", "p", "o"], rows: [
            [.iri(ex + "s1"), .iri(ex + "p1"), .iri(ex + "s2")],
            [.iri(ex + "s2"), .iri(ex + "p2"), .string("foo")],
            [.iri(ex + "s3"), .iri(ex + "p3"), .string("bar")],
            [.iri(ex + "s4"), .iri(ex + "p4"), .typed("4", Vocabulary.xsd + "integer")],
            [.iri(ex + "s5"), .iri(ex + "p5"), .typed("5.5", Vocabulary.xsd + "decimal")],
            [.iri(ex + "s6"), .iri(ex + "p6"), .blank("o6")],
        ])
    }

    /// The same over data2.ttl.
    var data2: SolutionTable {
        let xsd = Vocabulary.xsd
        let objects: [Term] = [.string("1"), .typed("2.2", xsd + "decimal"), .typed("-3", xsd + "negativeInteger"),
                               .string("4,4"), .typed("5,5", ex + "myCustomDatatype"), .typed("1.0E6", xsd + "double"),
                               .typed("a7", xsd + "hexBinary")]
        return SolutionTable(variables: ["s", "p", "o"], rows: objects.enumerated().map { i, o in
            [.iri(ex + "s\(i + 1)"), .iri(ex + "p\(i + 1)"), o]
        })
    }

    /// The OPTIONAL query of csvtsv02.rq over data.ttl.
    var data1Optional: SolutionTable {
        var t = data1
        t.variables += ["p2", "o2"]
        t.rows = t.rows.enumerated().map { i, r in r + (i == 0 ? [.iri(ex + "p2"), .string("foo")] : [nil, nil]) }
        return t
    }

    @Test func csvAndTSVExpectedFilesReadAndCompare() throws {
        let cases: [(String, SolutionTable)] = [("csvtsv01", data1), ("csvtsv02", data1Optional), ("csvtsv03", data2)]
        for (name, actual) in cases {
            let csv = try Data(contentsOf: csvtsv.appendingPathComponent(name + ".csv"))
            let tsv = try Data(contentsOf: csvtsv.appendingPathComponent(name + ".tsv"))
            let csvTable = try #require(Fixtures.table(try CSVResultsReader.read(csv)))
            let tsvTable = try #require(Fixtures.table(try TSVResultsReader.read(tsv)))
            #expect(csvTable.variables == actual.variables && tsvTable.variables == actual.variables)
            #expect(try ResultComparison.equivalentCSV(.solutions(actual), expectedCSV: csv, ordered: true), "\(name).csv")
            #expect(try ResultComparison.equivalentTSV(.solutions(actual), expectedTSV: tsv, ordered: true), "\(name).tsv")
            #expect(ResultComparison.equivalent(actual, csvTable, ordered: true, as: .csv))
            #expect(ResultComparison.equivalent(actual, tsvTable, ordered: true, as: .tsv))
        }
        // Only the by-value numeric comparison accepts tsv03's `1.0e6` for "1.0E6"^^xsd:double.
        let tsv3 = try #require(Fixtures.table(try TSVResultsReader.read(Data(contentsOf: csvtsv.appendingPathComponent("csvtsv03.tsv")))))
        #expect(!ResultComparison.equivalent(data2, tsv3, ordered: true))
        #expect(tsv3.rows[0][2] == .string("1"))
        #expect(tsv3.rows[5][2] == .typed("1.0e6", Vocabulary.xsd + "double"))
    }

    @Test func csvComparisonStillSeesWrongValues() throws {
        let csv = try Data(contentsOf: csvtsv.appendingPathComponent("csvtsv01.csv"))
        var wrong = data1
        wrong.rows[3][2] = .typed("44", Vocabulary.xsd + "integer")
        #expect(try !ResultComparison.equivalentCSV(.solutions(wrong), expectedCSV: csv, ordered: true))
        var swapped = data1
        swapped.rows.swapAt(0, 1)
        #expect(try !ResultComparison.equivalentCSV(.solutions(swapped), expectedCSV: csv, ordered: true))
        #expect(try ResultComparison.equivalentCSV(.solutions(swapped), expectedCSV: csv, ordered: false))
    }

    @Test func ourOwnTSVMatchesTheW3CFilesAfterNumericRespelling() throws {
        // Writing data1 gives csvtsv01.tsv except for the blank node label.
        let ours = TSVResultsWriter.string(data1)
        let theirs = try String(contentsOf: csvtsv.appendingPathComponent("csvtsv01.tsv"), encoding: .utf8)
        #expect(ours.replacingOccurrences(of: "_:o6", with: "_:b0") == theirs)
        let csv = CSVResultsWriter.string(data1).replacingOccurrences(of: "\r\n", with: "\n")
        let theirCSV = try String(contentsOf: csvtsv.appendingPathComponent("csvtsv01.csv"), encoding: .utf8)
        #expect(csv.replacingOccurrences(of: "_:o6", with: "_:a") == theirCSV)
    }
}
