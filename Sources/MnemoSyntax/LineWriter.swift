import Foundation
import MnemoRDF

/// Writes the line-based syntaxes straight from encoded terms, in UTF-8:
/// N-Triples and N-Quads one statement a line, and TriG with each run of
/// quads of one graph in a `<g> { … }` block (the form both RDF 1.1 TriG and
/// Raptor's TriG parser read). Quads of one graph should arrive together; a
/// graph that comes back later gets another block, which is still valid.
final class LineWriter {
    private let format: RDFFormat
    private let output: ByteOutput
    private var buffer: [UInt8] = []
    /// The graph of the open TriG block (`[]` for the default graph), or nil when none is open.
    private var openGraph: [UInt8]?

    init(format: RDFFormat, output: ByteOutput) {
        self.format = format
        self.output = output
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ s: UnsafeRawBufferPointer, _ p: UnsafeRawBufferPointer, _ o: UnsafeRawBufferPointer,
               _ g: UnsafeRawBufferPointer?) throws {
        if format == .trig {
            let graph = g.map(Array.init) ?? []
            if openGraph != graph {
                if openGraph != nil { buffer.append(contentsOf: "}\n\n".utf8) }
                if let g {
                    Self.term(g, into: &buffer)
                    buffer.append(contentsOf: " {\n".utf8)
                } else {
                    buffer.append(contentsOf: "{\n".utf8)
                }
                openGraph = graph
            }
            buffer.append(contentsOf: "  ".utf8)
        }
        Self.term(s, into: &buffer)
        buffer.append(32)
        Self.term(p, into: &buffer)
        buffer.append(32)
        Self.term(o, into: &buffer)
        if format == .nquads, let g {
            buffer.append(32)
            Self.term(g, into: &buffer)
        }
        buffer.append(contentsOf: " .\n".utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func finish() throws {
        if format == .trig, openGraph != nil { buffer.append(contentsOf: "}\n".utf8) }
        openGraph = nil
        try flush()
        output.flush()
    }

    private func flush() throws {
        if buffer.isEmpty { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBytes { try output.write($0) }
    }

    /// Appends the N-Triples spelling of an encoded term.
    static func term(_ bytes: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        let kind = TermKind(rawValue: bytes[0])!
        let body = UnsafeRawBufferPointer(rebasing: bytes[1...])
        switch kind {
        case .iri:
            out.append(UInt8(ascii: "<"))
            iri(body, into: &out)
            out.append(UInt8(ascii: ">"))
        case .blank:
            out.append(contentsOf: "_:".utf8)
            out.append(contentsOf: body)
        case .simpleLiteral:
            string(body, into: &out)
        case .langLiteral, .typedLiteral:
            let zero = body.firstIndex(of: 0)!
            string(UnsafeRawBufferPointer(rebasing: body[(zero + 1)...]), into: &out)
            if kind == .langLiteral {
                out.append(UInt8(ascii: "@"))
                out.append(contentsOf: body[..<zero])
            } else {
                out.append(contentsOf: "^^<".utf8)
                iri(UnsafeRawBufferPointer(rebasing: body[..<zero]), into: &out)
                out.append(UInt8(ascii: ">"))
            }
        }
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func uEscape(_ c: UInt8, into out: inout [UInt8]) {
        out.append(contentsOf: "\\u00".utf8)
        out.append(hex[Int(c >> 4)])
        out.append(hex[Int(c & 15)])
    }

    /// A quoted string: `\\`, `\"`, `\n`, `\r`, `\t` escaped, other controls as `\u00XX`, UTF-8 kept.
    private static func string(_ s: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for c in s {
            switch c {
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case 10: out.append(contentsOf: "\\n".utf8)
            case 13: out.append(contentsOf: "\\r".utf8)
            case 9: out.append(contentsOf: "\\t".utf8)
            case 0..<32, 127: uEscape(c, into: &out)
            default: out.append(c)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// An IRI's characters, escaping those IRIREF forbids as `\u00XX`
    /// (copied whole when it has none, as nearly every IRI).
    static func iri(_ s: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        func forbidden(_ c: UInt8) -> Bool {
            switch c {
            case 0...32, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
                 UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "\\"):
                return true
            default: return false
            }
        }
        guard s.contains(where: forbidden) else { out.append(contentsOf: s); return }
        for c in s {
            if forbidden(c) { uEscape(c, into: &out) } else { out.append(c) }
        }
    }
}
