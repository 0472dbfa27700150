import Foundation
import MnemoRDF

/// Writes results as an aligned text table for a terminal:
///
///     +---------+----------------+
///     | person  | name           |
///     +---------+----------------+
///     | ex:abai | "Абай"@kk      |
///     | _:b0    |                |
///     +---------+----------------+
///     2 rows
///
/// Terms are spelled by `TermAbbreviator` (prefixed names from the prefix
/// map), cells longer than `maxCellWidth` columns are cut with `…`, and
/// widths are counted in characters (grapheme clusters; East Asian wide
/// characters count two), never in bytes. Unlike the other writers this one
/// keeps the rows until `end()`, since every row must be seen to size the
/// columns. A boolean is a one-cell table headed `boolean`.
public final class TableResultsWriter: QueryResultWriter {
    private var out: OutputBuffer
    private var state = WriterState()
    private let abbreviator: TermAbbreviator
    private let maxCellWidth: Int
    private var header: [String] = []
    private var cells: [[String]] = []

    /// A writer sending its output to `sink`. `prefixes` maps prefix to
    /// namespace IRI; `maxCellWidth` (at least 2) caps each column.
    public init(sink: ResultSink, prefixes: [String: String] = [:], maxCellWidth: Int = 60) {
        out = OutputBuffer(sink)
        abbreviator = TermAbbreviator(prefixes: prefixes)
        self.maxCellWidth = max(2, maxCellWidth)
    }

    /// A writer to a C stream.
    public convenience init(file: UnsafeMutablePointer<FILE>, prefixes: [String: String] = [:], maxCellWidth: Int = 60) {
        self.init(sink: .file(file), prefixes: prefixes, maxCellWidth: maxCellWidth)
    }

    public func begin(variables: [String]) throws {
        try state.begin(variables)
        header = variables.map { TextWidth.truncate($0, to: maxCellWidth) }
    }

    public func write(row: [Term?]) throws {
        try state.row()
        cells.append((0..<state.width).map { i in
            guard let t = state.cell(row, i) else { return "" }
            return TextWidth.truncate(abbreviator.abbreviate(t), to: maxCellWidth)
        })
    }

    public func end() throws {
        try state.end()
        try render(header: header, rows: cells)
        out.append(cells.count == 1 ? "1 row\n" : "\(cells.count) rows\n")
        cells = []
        try out.flush()
    }

    public func write(boolean: Bool) throws {
        try state.boolean()
        try render(header: ["boolean"], rows: [[String(boolean)]])
        try out.flush()
    }

    private func render(header: [String], rows: [[String]]) throws {
        guard !header.isEmpty else {
            out.append("(no variables)\n")
            return
        }
        var widths = header.map(TextWidth.of)
        for row in rows {
            for (i, c) in row.enumerated() { widths[i] = max(widths[i], TextWidth.of(c)) }
        }
        let rule = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+\n"
        func line(_ row: [String]) {
            out.append("|")
            for (i, c) in row.enumerated() { out.append(" " + TextWidth.pad(c, to: widths[i]) + " |") }
            out.append("\n")
        }
        out.append(rule)
        line(header)
        out.append(rule)
        for row in rows {
            line(row)
            try out.flushIfNeeded()
        }
        if !rows.isEmpty { out.append(rule) }
    }

    /// A whole table as text.
    public static func string(_ table: SolutionTable, prefixes: [String: String] = [:], maxCellWidth: Int = 60) -> String {
        let c = ByteCollector()
        try? TableResultsWriter(sink: c.sink, prefixes: prefixes, maxCellWidth: maxCellWidth).write(table)
        return c.string
    }

    /// A boolean result as text.
    public static func string(boolean: Bool) -> String {
        let c = ByteCollector()
        try? TableResultsWriter(sink: c.sink).write(boolean: boolean)
        return c.string
    }
}
