import Foundation
import MnemoRDF

/// Reads SPARQL 1.1 TSV results: a header of `?name` (or `$name`) fields,
/// then rows of Turtle-syntax terms separated by TAB, an empty field being
/// unbound. Lines may end with LF or CRLF; spaces around a field are ignored.
/// Bare numbers read as `xsd:integer`, `xsd:decimal` or `xsd:double` and bare
/// `true`/`false` as `xsd:boolean`, with their lexical form as written.
///
/// A document of the one line `true` or `false` reads as a boolean, which is
/// what `TSVResultsWriter` writes for ASK (the spec defines none).
public enum TSVResultsReader {
    /// Reads a TSV results document.
    public static func read(_ data: Data) throws -> QueryResult { try read(bytes: [UInt8](data)) }

    /// Reads a TSV results document held in a string.
    public static func read(_ text: String) throws -> QueryResult { try read(bytes: Array(text.utf8)) }

    static func read(bytes input: [UInt8]) throws -> QueryResult {
        let b = UTF8Check.droppingBOM(input)
        func fail(_ offset: Int, _ message: String) -> ResultsParseError {
            ResultsParseError(format: "tsv", at: offset, in: b, message)
        }
        if let bad = UTF8Check.firstInvalid(b) { throw fail(bad, "invalid UTF-8") }
        // Lines as byte ranges, without their LF or CRLF; no line after a final LF.
        var lines: [Range<Int>] = []
        var start = 0
        for (k, c) in b.enumerated() where c == 0x0A {
            lines.append(start..<(k > start && b[k - 1] == 0x0D ? k - 1 : k))
            start = k + 1
        }
        if start < b.count { lines.append(start..<b.count) }
        guard let headerLine = lines.first else { throw fail(0, "empty document: no header line") }

        let headerFields = fields(b, headerLine)
        if lines.count == 1, headerFields.count == 1 {
            let word = String(decoding: b[headerFields[0]], as: UTF8.self)
            if word == "true" || word == "false" { return .boolean(word == "true") }
        }
        var variables: [String] = []
        if !(headerFields.count == 1 && headerFields[0].isEmpty) {
            for f in headerFields {
                guard let first = f.first, b[first] == UInt8(ascii: "?") || b[first] == UInt8(ascii: "$") else {
                    throw fail(f.lowerBound, "a header field must be a variable such as ?x")
                }
                let name = String(decoding: b[(first + 1)..<f.upperBound], as: UTF8.self)
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "\u{B7}" }) else {
                    throw fail(f.lowerBound, "malformed variable name")
                }
                guard !variables.contains(name) else { throw fail(f.lowerBound, "variable ?\(name) listed twice") }
                variables.append(name)
            }
        }
        var rows: [[Term?]] = []
        rows.reserveCapacity(lines.count - 1)
        for line in lines.dropFirst() {
            if variables.isEmpty {
                guard line.allSatisfy({ b[$0] == 0x20 }) else { throw fail(line.lowerBound, "a row has terms but there are no variables") }
                rows.append([])
                continue
            }
            let fs = fields(b, line)
            guard fs.count == variables.count else {
                throw fail(line.lowerBound, "row has \(fs.count) fields but the header has \(variables.count)")
            }
            var row: [Term?] = []
            row.reserveCapacity(fs.count)
            for f in fs {
                if f.isEmpty { row.append(nil); continue }
                do {
                    row.append(try TSVTermParser.parse(b, f.lowerBound, f.upperBound))
                } catch {
                    throw fail(error.offset, error.message)
                }
            }
            rows.append(row)
        }
        return .solutions(SolutionTable(variables: variables, rows: rows))
    }

    /// The TAB-separated fields of a line, trimmed of spaces.
    private static func fields(_ b: [UInt8], _ line: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var s = line.lowerBound
        func add(_ e: Int) {
            var lo = s, hi = e
            while lo < hi, b[lo] == 0x20 { lo += 1 }
            while hi > lo, b[hi - 1] == 0x20 { hi -= 1 }
            out.append(lo..<hi)
        }
        for k in line where b[k] == 0x09 {
            add(k)
            s = k + 1
        }
        add(line.upperBound)
        return out
    }
}
