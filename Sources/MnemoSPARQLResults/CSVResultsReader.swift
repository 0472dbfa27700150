import Foundation
import MnemoRDF

/// Reads SPARQL 1.1 CSV results (RFC 4180; CRLF, LF or CR line ends).
///
/// CSV keeps no term types, so values are read back by `term(fromCSV:)`: an
/// empty field is unbound, `_:label` a blank node, text that looks like an
/// absolute IRI (`scheme:` and no spaces) an IRI, anything else a simple
/// literal. Typed and language-tagged literals therefore cannot be told from
/// plain text; to compare results against a CSV file, write them as CSV and
/// read them back through this same reader (see
/// `ResultComparison.equivalentCSV`).
///
/// A document of the one line `true` or `false` reads as a boolean — the CSV
/// spec defines no ASK form, and this is what `CSVResultsWriter` writes. (A
/// solution-less result over one variable named `true` or `false` is thus
/// read as a boolean.)
public enum CSVResultsReader {
    /// Reads a CSV results document.
    public static func read(_ data: Data) throws -> QueryResult { try read(bytes: [UInt8](data)) }

    /// Reads a CSV results document held in a string.
    public static func read(_ text: String) throws -> QueryResult { try read(bytes: Array(text.utf8)) }

    /// How a CSV field's text is read as a term (nil for an empty field).
    public static func term(fromCSV value: String) -> Term? {
        if value.isEmpty { return nil }
        if value.hasPrefix("_:"), value.count > 2 { return .blank(String(value.dropFirst(2))) }
        if looksLikeIRI(value) { return .iri(value) }
        return .string(value)
    }

    /// True for `scheme:rest` with a valid scheme and no whitespace or
    /// characters IRIs may not hold.
    static func looksLikeIRI(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":"), colon != s.startIndex else { return false }
        let scheme = s[..<colon]
        guard let f = scheme.unicodeScalars.first, f.isASCII, f.properties.isAlphabetic,
              scheme.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) })
        else { return false }
        let rest = s[s.index(after: colon)...]
        return !rest.isEmpty && !rest.unicodeScalars.contains { $0.value <= 0x20 || "<>\"{}|\\^`".unicodeScalars.contains($0) }
    }

    static func read(bytes input: [UInt8]) throws -> QueryResult {
        let bytes = UTF8Check.droppingBOM(input)
        if let bad = UTF8Check.firstInvalid(bytes) { throw ResultsParseError(format: "csv", at: bad, in: bytes, "invalid UTF-8") }
        let records = try CSVRecords.split(bytes)
        guard let header = records.first else { throw ResultsParseError(format: "csv", at: 0, in: bytes, "empty document: no header line") }
        if records.count == 1, header.fields.count == 1, !header.quoted[0], ["true", "false"].contains(header.fields[0]) {
            return .boolean(header.fields[0] == "true")
        }
        var variables: [String] = []
        for (k, name) in header.fields.enumerated() {
            if name.isEmpty, header.fields.count == 1 { break }  // an empty header line: no variables
            guard !name.isEmpty else { throw ResultsParseError(format: "csv", at: header.offsets[k], in: bytes, "empty variable name in the header") }
            guard !variables.contains(name) else { throw ResultsParseError(format: "csv", at: header.offsets[k], in: bytes, "variable \"\(name)\" listed twice") }
            variables.append(name)
        }
        var rows: [[Term?]] = []
        for record in records.dropFirst() {
            if record.isBlankLine, variables.count != 1 {
                if variables.isEmpty { rows.append([]) }
                continue
            }
            guard record.fields.count == variables.count else {
                throw ResultsParseError(format: "csv", at: record.offsets[0], in: bytes,
                                        "row has \(record.fields.count) fields but the header has \(variables.count)")
            }
            rows.append(record.fields.map(term(fromCSV:)))
        }
        return .solutions(SolutionTable(variables: variables, rows: rows))
    }
}

/// RFC 4180 record splitting with byte offsets for error messages.
enum CSVRecords {
    struct Record {
        var fields: [String] = []
        var quoted: [Bool] = []
        var offsets: [Int] = []
        var isBlankLine: Bool { fields.count == 1 && fields[0].isEmpty && !quoted[0] }
    }

    static func split(_ b: [UInt8]) throws -> [Record] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        var records: [Record] = []
        var i = 0
        let n = b.count
        while i < n {
            var r = Record()
            while true {
                let start = i
                var field: [UInt8] = []
                var quoted = false
                if i < n, b[i] == quote {
                    quoted = true
                    i += 1
                    while true {
                        guard i < n else { throw ResultsParseError(format: "csv", at: start, in: b, "unterminated quoted field") }
                        if b[i] == quote {
                            if i + 1 < n, b[i + 1] == quote { field.append(quote); i += 2; continue }
                            i += 1
                            break
                        }
                        field.append(b[i])
                        i += 1
                    }
                    if i < n, b[i] != comma, b[i] != cr, b[i] != lf {
                        throw ResultsParseError(format: "csv", at: i, in: b, "text after the closing quote of a field")
                    }
                } else {
                    while i < n, b[i] != comma, b[i] != cr, b[i] != lf {
                        if b[i] == quote { throw ResultsParseError(format: "csv", at: i, in: b, "quote inside an unquoted field") }
                        field.append(b[i])
                        i += 1
                    }
                }
                r.fields.append(String(decoding: field, as: UTF8.self))
                r.quoted.append(quoted)
                r.offsets.append(start)
                if i < n, b[i] == comma { i += 1; continue }
                if i < n, b[i] == cr { i += 1 }
                if i < n, b[i] == lf { i += 1 }
                break
            }
            records.append(r)
        }
        return records
    }
}
