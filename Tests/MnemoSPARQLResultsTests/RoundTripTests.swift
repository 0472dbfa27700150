import Foundation
import MnemoRDF
import Testing
@testable import MnemoSPARQLResults

@Suite struct RoundTripTests {
    let table = Fixtures.table

    @Test func jsonRoundTripsExactly() throws {
        let text = JSONResultsWriter.string(table)
        #expect(try JSONResultsReader.read(text) == .solutions(table))
    }

    @Test func xmlRoundTripsExactly() throws {
        let text = XMLResultsWriter.string(table)
        #expect(try XMLResultsReader.read(text) == .solutions(table))
    }

    @Test func tsvRoundTripsExactly() throws {
        let text = TSVResultsWriter.string(table)
        #expect(try TSVResultsReader.read(text) == .solutions(table))
    }

    @Test func csvRoundTripKeepsStringsAndBlankLabels() throws {
        let text = CSVResultsWriter.string(table)
        let back = try #require(Fixtures.table(try CSVResultsReader.read(text)))
        #expect(back.variables == table.variables)
        #expect(back.rows.count == table.rows.count)
        // CSV keeps the string of every term; types are lost, and the empty
        // string reads as unbound, as the spec says.
        for (r, row) in table.rows.enumerated() {
            for (c, t) in row.enumerated() {
                let expected = t.map(CSVResultsWriter.value).flatMap { $0.isEmpty ? nil : $0 }
                #expect(back.rows[r][c].map(CSVResultsWriter.value) == expected)
            }
        }
        #expect(back.rows[1][0] == .blank("b0"))
        #expect(back.rows[0][0] == .iri("https://data.mnemo.example/person/Абай"))
        #expect(ResultComparison.equivalent(table, back, ordered: true, as: .csv))
    }

    @Test func controlCharactersSurviveJSONAndTSV() throws {
        let t = SolutionTable(variables: ["x"], rows: [[Fixtures.control]])
        #expect(try JSONResultsReader.read(JSONResultsWriter.string(t)) == .solutions(t))
        #expect(try TSVResultsReader.read(TSVResultsWriter.string(t)) == .solutions(t))
        #expect(JSONResultsWriter.string(t).contains(#"bell\u0007 nul\u0000 end"#))
    }

    @Test func booleansRoundTripInEveryReadableFormat() throws {
        for value in [true, false] {
            for format in ResultFormat.allCases where format != .table {
                let text = try format.string(.boolean(value))
                #expect(try format.read(Data(text.utf8)) == .boolean(value), "\(format) \(value)")
            }
        }
    }

    @Test func emptyResultsRoundTrip() throws {
        let empty = SolutionTable(variables: ["a", "b"], rows: [])
        let none = SolutionTable(variables: [], rows: [[]])
        for format in [ResultFormat.json, .xml, .csv, .tsv] {
            #expect(try format.read(Data(format.string(.solutions(empty)).utf8)) == .solutions(empty), "\(format)")
            #expect(try format.read(Data(format.string(.solutions(none)).utf8)) == .solutions(none), "\(format)")
        }
    }

    @Test func oneColumnWithUnboundRowsRoundTrips() throws {
        let t = SolutionTable(variables: ["x"], rows: [[nil], [.string("Ә")], [nil]])
        for format in [ResultFormat.json, .xml, .csv, .tsv] {
            #expect(try format.read(Data(format.string(.solutions(t)).utf8)) == .solutions(t), "\(format)")
        }
    }

    @Test func streamingWriterToAFileMatchesTheString() throws {
        let path = NSTemporaryDirectory() + "mnemo-results-\(UUID().uuidString).srj"
        defer { unlink(path) }
        let f = try #require(fopen(path, "w"))
        let w = JSONResultsWriter(file: f)
        try w.begin(variables: table.variables)
        for row in table.rows { try w.write(row: row) }
        try w.end()
        fclose(f)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == JSONResultsWriter.string(table))
    }

    @Test func chunkedSinkSeesValidUTF8Output() throws {
        let big = SolutionTable(variables: ["v"], rows: (0..<5000).map { [.langString("Ұлы дала \($0)", "kk")] })
        var chunks = 0
        var bytes: [UInt8] = []
        let sink = ResultSink { chunks += 1; bytes.append(contentsOf: $0) }
        try TSVResultsWriter(sink: sink).write(big)
        #expect(chunks > 1)
        #expect(try TSVResultsReader.read(Data(bytes)) == .solutions(big))
    }

    @Test func writerMisuseThrowsInsteadOfCrashing() throws {
        let w = XMLResultsWriter(sink: ByteCollector().sink)
        #expect(throws: ResultWriterError.self) { try w.write(row: [nil]) }
        #expect(throws: ResultWriterError.self) { try w.end() }
        try w.begin(variables: ["x"])
        #expect(throws: ResultWriterError.self) { try w.begin(variables: ["x"]) }
        try w.write(row: [])  // short rows are padded
        try w.write(row: [.string("a"), .string("extra ignored")])
        try w.end()
    }

    @Test func failingSinkErrorsPropagate() {
        struct Boom: Error {}
        let w = CSVResultsWriter(sink: ResultSink { _ in throw Boom() })
        #expect(throws: Boom.self) { try w.write(boolean: true) }
    }
}
