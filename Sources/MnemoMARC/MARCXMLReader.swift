import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MnemoXML

/// Reads MARCXML (MARC 21 slim) and the same shape for UNIMARC/RUSMARC and
/// MarcXchange, streaming: each `record` is handed over as it closes.
///
/// The root may be `collection` or a bare `record`; the slim namespace, the
/// MarcXchange namespaces or none, under any prefix (`marc:record`). A record
/// that breaks the model (a `datafield` with no `tag`, a `subfield` with no
/// `code`) comes as a failure with its line and column, and reading goes on.
/// XML that is not well-formed throws a ``MARCReadError`` of kind
/// `malformedXML`, with the parser's line and column.
///
/// ```swift
/// try MARCXMLReader().read(url: url) { result in
///     if case .success(let record) = result { print(record.subfield("245", "a") ?? "") }
/// }
/// ```
public struct MARCXMLReader: Sendable {
    /// `http://www.loc.gov/MARC21/slim`
    public static let slimNamespace = "http://www.loc.gov/MARC21/slim"
    /// Namespaces whose `record` elements are read ("" is no namespace).
    public static let namespaces: Set<String> = [
        slimNamespace, "info:lc/xmlns/marcxchange-v1", "info:lc/xmlns/marcxchange-v2", "",
    ]

    public init() {}

    /// The handler gets each record, or the reason one was skipped. It may throw to stop.
    public typealias Handler = (Result<MARCRecord, MARCReadError>) throws -> Void

    /// Reads a file, streaming.
    public func read(url: URL, handler: Handler) throws {
        try run(.file(url), source: url.path, handler: handler)
    }

    /// Reads a document held in memory.
    public func read(data: Data, source: String? = nil, handler: Handler) throws {
        try run(.memory(data), source: source, handler: handler)
    }

    private enum Input {
        case file(URL)
        case memory(Data)
    }

    private func run(_ input: Input, source: String?, handler: Handler) throws {
        let parser: XMLParser
        switch input {
        case .file(let url):
            guard let stream = InputStream(url: url) else {
                throw MARCReadError(kind: .io, source: source, message: "cannot open the file")
            }
            parser = XMLParser(stream: stream)
        case .memory(let data):
            parser = XMLParser(data: data)
        }
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        try withoutActuallyEscaping(handler) { handler in
            let delegate = MARCXMLStreamDelegate(namespaces: Self.namespaces, source: source, handler: handler)
            parser.delegate = delegate
            defer { parser.delegate = nil }
            // Foundation's parser on Linux can return true after an error, so the
            // first error the delegate saw decides.
            let ok = parser.parse()
            if let e = delegate.handlerError { throw e }
            if let (code, line, column) = delegate.firstError {
                throw MARCReadError(kind: .malformedXML, source: source, line: line, column: column,
                                    message: "malformed XML: \(XMLErrorMessages.message(code))")
            }
            if !ok {
                throw MARCReadError(kind: .malformedXML, source: source, line: parser.lineNumber, column: parser.columnNumber,
                                    message: "malformed XML: the parser stopped")
            }
        }
    }
}

/// Turns one `record` element into a ``MARCRecord``.
enum MARCXMLRecord {
    struct Failure: Error { var line: Int; var column: Int; var message: String }

    static func convert(_ node: XMLElementNode) throws -> MARCRecord {
        var record = MARCRecord()
        var warnings: [String] = []
        var sawLeader = false
        for case .element(let e) in node.children {
            switch e.name {
            case "leader":
                sawLeader = true
                record.leader = leader(text(e), &warnings)
            case "controlfield":
                record.controlFields.append(MARCControlField(tag: try tag(e), value: text(e)))
            case "datafield":
                let t = try tag(e)
                var field = MARCDataField(tag: t, ind1: indicator(e, "ind1", t, &warnings),
                                          ind2: indicator(e, "ind2", t, &warnings), subfields: [])
                for case .element(let s) in e.children {
                    guard s.name == "subfield" else {
                        warnings.append("line \(s.line): unexpected <\(s.name)> in field \(t); ignored")
                        continue
                    }
                    guard let code = s.attribute("code"), code.count == 1, let c = code.first else {
                        throw Failure(line: s.line, column: s.column,
                                      message: "a subfield of field \(t) has \(s.attribute("code").map { "code '\($0)'" } ?? "no code"); it needs one character")
                    }
                    field.subfields.append(MARCSubfield(code: c, value: text(s)))
                }
                record.dataFields.append(field)
            default:
                warnings.append("line \(e.line): unexpected <\(e.name)> in a record; ignored")
            }
        }
        if !sawLeader { warnings.append("the record has no leader; a default one is used") }
        record.warnings = warnings
        return record
    }

    /// The element's text exactly as written (blanks kept: fixed fields depend on them).
    static func text(_ e: XMLElementNode) -> String {
        if e.children.count == 1, case .text(let t) = e.children[0] { return t }
        return e.rawText
    }

    static func tag(_ e: XMLElementNode) throws -> String {
        guard let t = e.attribute("tag") else {
            throw Failure(line: e.line, column: e.column, message: "a <\(e.name)> has no tag")
        }
        guard t.utf8.count == 3, t.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) }) else {
            throw Failure(line: e.line, column: e.column, message: "a <\(e.name)> has tag '\(t)'; a tag is three letters or digits")
        }
        return t
    }

    static func indicator(_ e: XMLElementNode, _ name: String, _ tag: String, _ warnings: inout [String]) -> Character {
        guard let v = e.attribute(name), !v.isEmpty else { return " " }
        if v.count != 1 { warnings.append("field \(tag) has \(name) '\(v)'; its first character is used") }
        return v.first!
    }

    static func leader(_ text: String, _ warnings: inout [String]) -> String {
        guard text.count != 24 else { return text }
        warnings.append("the leader has \(text.count) characters; padded or cut to 24")
        return String((text + String(repeating: " ", count: 24)).prefix(24))
    }
}
