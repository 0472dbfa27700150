import Foundation
import MnemoXML

/// Writes records as MARCXML (MARC 21 slim), as plain strings.
///
/// ```swift
/// let xml = MARCXMLWriter().document([record])
/// ```
public struct MARCXMLWriter: Sendable {
    /// The namespace prefix (`marc` gives `<marc:record>`); nil for the default namespace.
    public var prefix: String?
    /// One element a line, indented.
    public var indent: Bool

    public init(prefix: String? = nil, indent: Bool = true) {
        self.prefix = prefix
        self.indent = indent
    }

    private func name(_ local: String) -> String { prefix.map { "\($0):\(local)" } ?? local }

    /// The XML declaration and the opening `collection` tag.
    public var header: String {
        let xmlns = prefix.map { "xmlns:\($0)" } ?? "xmlns"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(name("collection")) \(xmlns)=\"\(MARCXMLReader.slimNamespace)\">\n"
    }

    /// The closing `collection` tag.
    public var footer: String { "</\(name("collection"))>\n" }

    /// One `record` element.
    public func record(_ r: MARCRecord) -> String {
        let (i1, i2, i3) = indent ? ("  ", "    ", "      ") : ("", "", "")
        let nl = indent ? "\n" : ""
        var s = "\(i1)<\(name("record"))>\(nl)"
        s += "\(i2)<\(name("leader"))>\(Self.escape(r.leader))</\(name("leader"))>\(nl)"
        for f in r.controlFields {
            s += "\(i2)<\(name("controlfield")) tag=\"\(Self.escape(f.tag))\">\(Self.escape(f.value))</\(name("controlfield"))>\(nl)"
        }
        for f in r.dataFields {
            s += "\(i2)<\(name("datafield")) tag=\"\(Self.escape(f.tag))\" ind1=\"\(Self.escape(String(f.ind1)))\" ind2=\"\(Self.escape(String(f.ind2)))\">\(nl)"
            for sf in f.subfields {
                s += "\(i3)<\(name("subfield")) code=\"\(Self.escape(String(sf.code)))\">\(Self.escape(sf.value))</\(name("subfield"))>\(nl)"
            }
            s += "\(i2)</\(name("datafield"))>\(nl)"
        }
        return s + "\(i1)</\(name("record"))>\n"
    }

    /// A whole `collection` document.
    public func document<S: Sequence>(_ records: S) -> String where S.Element == MARCRecord {
        var s = header
        for r in records { s += record(r) }
        return s + footer
    }

    /// Writes a `collection` document to a file, streaming.
    public func write<S: Sequence>(_ records: S, to url: URL) throws where S.Element == MARCRecord {
        guard let handle = OutputFile.open(url.path) else { throw MARCWriteError("cannot create \(url.path)") }
        defer { try? handle.close() }
        var pending = header
        for r in records {
            pending += record(r)
            if pending.utf8.count >= 1 << 20 { try handle.write(contentsOf: Data(pending.utf8)); pending = "" }
        }
        pending += footer
        try handle.write(contentsOf: Data(pending.utf8))
    }

    /// Escapes markup characters; control characters XML 1.0 forbids become U+FFFD.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 < 0x20 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            case _ where u.value < 0x20: out += "\u{FFFD}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
