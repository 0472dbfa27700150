import Foundation
import MnemoRDF

/// Result equivalence for the W3C test harness.
///
/// Two tables are equivalent when they have the same variables (as sets) and
/// the same rows — as multisets, or in order when `ordered` — up to a
/// renaming of blank nodes that is one bijection for the whole table (the
/// same label in two rows must map to the same label on the other side).
/// Terms compare exactly, except that language tags compare
/// case-insensitively (Mnemo stores them lower-cased; expected files may
/// write `en-US`). With `.numericValues`, numeric literals of the same
/// datatype also compare by value (`1.0e6` = `1.0E6`).
///
/// How the harness should compare each expected format:
/// - `.srx`, `.srj`: read with `XMLResultsReader` / `JSONResultsReader`, then
///   `equivalent(_:_:ordered:)`; no options.
/// - `.tsv`: `equivalentTSV`, which reads the file and compares with
///   `.numericValues`, because TSV writes numbers in Turtle's bare form and
///   the W3C files respell them (`csvtsv03.tsv` has `1.0e6` for the data's
///   `"1.0E6"^^xsd:double`).
/// - `.csv`: `equivalentCSV`, or `equivalent(_:_:ordered:as: .csv)` on a
///   table already read: CSV drops term types, so the actual table is
///   written as CSV and read back through `CSVResultsReader`, and the two
///   lossy tables are compared (blank nodes still up to a bijection).
/// - `ordered` is exact order: for ORDER BY tests whose keys tie, rows with
///   equal keys may legitimately come in another order.
public enum ResultComparison {
    /// Loosenings of term equality.
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Numeric literals (XSD integer types, decimal, float, double) of the
        /// same datatype compare by value rather than by lexical form.
        public static let numericValues = Options(rawValue: 1)
    }

    /// True if `a` and `b` are equivalent tables, with exact terms (language
    /// tags case-insensitive) and blank nodes up to a bijection.
    public static func equivalent(_ a: SolutionTable, _ b: SolutionTable, ordered: Bool) -> Bool {
        equivalent(a, b, ordered: ordered, options: [])
    }

    /// True if `a` and `b` are equivalent tables under `options`.
    public static func equivalent(_ a: SolutionTable, _ b: SolutionTable, ordered: Bool, options: Options) -> Bool {
        guard let (x, y) = aligned(a, b, options) else { return false }
        return ordered ? BlankNodeMatcher.matchInOrder(x, y) : BlankNodeMatcher.matchUnordered(x, y)
    }

    /// True if two results are equivalent: the same boolean, equivalent
    /// tables, or isomorphic graphs.
    public static func equivalent(_ a: QueryResult, _ b: QueryResult, ordered: Bool, options: Options = []) -> Bool {
        switch (a, b) {
        case (.boolean(let x), .boolean(let y)): x == y
        case (.solutions(let x), .solutions(let y)): equivalent(x, y, ordered: ordered, options: options)
        case (.graph(let x), .graph(let y)): Isomorphism.isIsomorphic(x, y)
        default: false
        }
    }

    /// Compares an actual table with an expected one read from a file of
    /// `format`: for `.csv`, both are first passed through CSV (written and
    /// read back) so that they lose the same information; for `.tsv`,
    /// numeric literals compare by value; otherwise as
    /// `equivalent(_:_:ordered:)`.
    public static func equivalent(_ actual: SolutionTable, _ expected: SolutionTable, ordered: Bool, as format: ResultFormat) -> Bool {
        switch format {
        case .csv:
            guard let x = csvProjection(actual), let y = csvProjection(expected) else { return false }
            return equivalent(x, y, ordered: ordered)
        case .tsv:
            return equivalent(actual, expected, ordered: ordered, options: .numericValues)
        case .json, .xml, .table:
            return equivalent(actual, expected, ordered: ordered)
        }
    }

    /// The table as it reads back after a trip through CSV.
    public static func csvProjection(_ t: SolutionTable) -> SolutionTable? {
        guard case .solutions(let p)? = try? CSVResultsReader.read(Data(CSVResultsWriter.string(t).utf8)) else {
            return t.rows.isEmpty && t.variables.count == 1 ? t : nil
        }
        return p
    }

    /// Compares a result with an expected CSV document the only way CSV
    /// allows: `actual` is written as CSV and read back, so both sides lose
    /// the same information, then the tables are compared.
    public static func equivalentCSV(_ actual: QueryResult, expectedCSV: Data, ordered: Bool) throws -> Bool {
        let expected = try CSVResultsReader.read(expectedCSV)
        switch (actual, expected) {
        case (.solutions(let a), .solutions(let e)): return equivalent(a, e, ordered: ordered, as: .csv)
        default: return equivalent(actual, expected, ordered: ordered)
        }
    }

    /// Compares a result with an expected TSV document, reading the document
    /// and comparing with `.numericValues`.
    public static func equivalentTSV(_ actual: QueryResult, expectedTSV: Data, ordered: Bool) throws -> Bool {
        equivalent(actual, try TSVResultsReader.read(expectedTSV), ordered: ordered, options: .numericValues)
    }

    /// A short account of why two tables differ, or nil when they are
    /// equivalent; for test failure messages.
    public static func explainDifference(_ a: SolutionTable, _ b: SolutionTable, ordered: Bool, options: Options = []) -> String? {
        if equivalent(a, b, ordered: ordered, options: options) { return nil }
        if Set(a.variables) != Set(b.variables) || a.variables.count != b.variables.count {
            return "variables differ: \(a.variables) vs \(b.variables)"
        }
        if a.rows.count != b.rows.count { return "row counts differ: \(a.rows.count) vs \(b.rows.count)" }
        let abbreviate = TermAbbreviator()
        func show(_ row: [Term?]) -> String { row.map { $0.map(abbreviate.abbreviate) ?? "-" }.joined(separator: " ") }
        let bRows = Set(b.rows.map(show))
        if let missing = a.rows.first(where: { !$0.contains(where: { $0?.isBlank ?? false }) && !bRows.contains(show($0)) }) {
            return "row only in the first table: \(show(missing))"
        }
        return ordered ? "rows differ in order or in blank nodes" : "rows differ (blank node structure or repeated rows)"
    }

    /// Both tables with cells normalised and columns in `a`'s order, or nil
    /// when the variables or row counts differ.
    private static func aligned(_ a: SolutionTable, _ b: SolutionTable, _ options: Options) -> ([[Cell]], [[Cell]])? {
        guard a.variables.count == b.variables.count, Set(a.variables) == Set(b.variables),
              Set(a.variables).count == a.variables.count, a.rows.count == b.rows.count else { return nil }
        let bColumn = a.variables.map { b.variables.firstIndex(of: $0)! }
        var aBlanks: [String: Int] = [:], bBlanks: [String: Int] = [:]
        let x = a.rows.map { row in a.variables.indices.map { i in cell(i < row.count ? row[i] : nil, &aBlanks, options) } }
        let y = b.rows.map { row in bColumn.map { i in cell(i < row.count ? row[i] : nil, &bBlanks, options) } }
        return (x, y)
    }

    private static func cell(_ t: Term?, _ blanks: inout [String: Int], _ options: Options) -> Cell {
        switch t {
        case nil: return .unbound
        case .blank(let label)?:
            if let n = blanks[label] { return .blank(n) }
            blanks[label] = blanks.count
            return .blank(blanks.count - 1)
        case .literal(var l)?:
            if let lang = l.language { l.language = lang.lowercased() }
            if options.contains(.numericValues), let key = NumericLiterals.valueKey(l) { l.lexical = key }
            return .ground(.literal(l))
        case let t?:
            return .ground(t)
        }
    }
}

/// A normalised table cell: blank nodes numbered per table.
enum Cell: Hashable {
    case unbound
    case ground(Term)
    case blank(Int)

    var blankNumber: Int? {
        if case .blank(let n) = self { return n }
        return nil
    }
}
