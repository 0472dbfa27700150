import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A well-formedness error with the place the parser stopped.
public struct XMLReadError: Error, CustomStringConvertible, Sendable {
    /// The file or source name, when known.
    public var source: String?
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String {
        "\(source ?? "<input>"):\(line):\(column): malformed XML: \(message)"
    }
}

/// Reads an XML document as a stream of records: every element whose local
/// name is in `recordNames` is built as an ``XMLElementNode`` and handed to
/// the handler when it closes, then dropped. Text outside records is never
/// kept, so memory stays flat however large the input.
///
/// Records may nest (EAD's `c` inside `c`): an inner record is delivered
/// first, together with the still-open outer records (built up to that point,
/// so an EAD component sees its parents' `did`), and is then removed from its
/// parent, which is delivered later without it.
///
/// ```swift
/// let reader = XMLRecordReader(recordNames: ["record"])
/// try reader.read(url: fileURL) { record, ancestors in print(record.name) }
/// ```
public final class XMLRecordReader {
    /// Local names of the elements to deliver.
    public let recordNames: Set<String>
    /// When set, only elements in one of these namespaces count as records
    /// (`""` stands for no namespace).
    public let namespaces: Set<String>?

    /// When true, the root element is delivered as a record whatever its name.
    public let rootIsRecord: Bool

    public init(recordNames: Set<String>, namespaces: Set<String>? = nil, rootIsRecord: Bool = false) {
        self.recordNames = recordNames
        self.namespaces = namespaces
        self.rootIsRecord = rootIsRecord
    }

    /// The handler: a finished record, and the open records around it (outermost first).
    public typealias Handler = (_ record: XMLElementNode, _ ancestors: [XMLElementNode]) throws -> Void

    /// Reads a file (streamed in chunks).
    public func read(url: URL, handler: Handler) throws {
        guard let stream = InputStream(url: url) else {
            throw XMLReadError(source: url.path, line: 0, column: 0, message: "cannot open the file")
        }
        let parser = XMLParser(stream: stream)
        try run(parser, source: url.path, handler: handler)
    }

    /// Reads a document held in memory.
    public func read(data: Data, source: String? = nil, handler: Handler) throws {
        try run(XMLParser(data: data), source: source, handler: handler)
    }

    /// The root element's name and namespace are reported through this, when set,
    /// before any record (for format detection).
    public var onRoot: ((_ name: String, _ namespace: String?) -> Void)?

    private func run(_ parser: XMLParser, source: String?, handler: Handler) throws {
        try withoutActuallyEscaping(handler) { handler in
            try run(parser, source: source, escapingHandler: handler)
        }
    }

    private func run(_ parser: XMLParser, source: String?, escapingHandler handler: @escaping Handler) throws {
        let delegate = RecordDelegate(reader: self, handler: handler, parser: parser)
        defer { parser.delegate = nil }
        parser.delegate = delegate
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        // Foundation's parser on Linux may return true after an error (libxml2
        // recovers), so the first error reported to the delegate decides.
        let ok = parser.parse()
        if let e = delegate.handlerError { throw e }
        if let (code, line, column) = delegate.firstError {
            throw XMLReadError(source: source, line: line, column: column, message: XMLErrorMessages.message(code))
        }
        if !ok {
            let code = (parser.parserError as NSError?)?.code ?? -1
            throw XMLReadError(source: source, line: parser.lineNumber, column: parser.columnNumber,
                               message: XMLErrorMessages.message(code))
        }
        if !delegate.sawRoot {
            throw XMLReadError(source: source, line: 1, column: 1, message: "no root element")
        }
    }

    fileprivate func isRecord(_ name: String, _ ns: String?) -> Bool {
        guard recordNames.contains(name) else { return false }
        guard let namespaces else { return true }
        return namespaces.contains(ns ?? "")
    }
}

private final class RecordDelegate: NSObject, XMLParserDelegate {
    let reader: XMLRecordReader
    let handler: XMLRecordReader.Handler
    weak var parser: XMLParser?
    var handlerError: Error?
    var firstError: (code: Int, line: Int, column: Int)?
    var sawRoot = false
    /// Elements being built, outermost first; only inside a record.
    var stack: [XMLElementNode] = []
    /// Indexes into `stack` of the open records.
    var recordLevels: [Int] = []
    /// Depth of open elements outside any record.
    var outsideDepth = 0

    init(reader: XMLRecordReader, handler: @escaping XMLRecordReader.Handler, parser: XMLParser) {
        self.reader = reader
        self.handler = handler
        self.parser = parser
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard firstError == nil, handlerError == nil else { return }
        let ns = (namespaceURI?.isEmpty ?? true) ? nil : namespaceURI
        let local = Self.localName(elementName)
        var startsRecord = reader.isRecord(local, ns)
        if !sawRoot {
            sawRoot = true
            reader.onRoot?(local, ns)
            startsRecord = startsRecord || reader.rootIsRecord
        }
        if stack.isEmpty && !startsRecord {
            outsideDepth += 1
            return
        }
        var attrs: [XMLAttribute] = []
        attrs.reserveCapacity(attributeDict.count)
        for (k, v) in (attributeDict.count > 1 ? attributeDict.sorted(by: { $0.key < $1.key }) : Array(attributeDict)) {
            if k == "xmlns" || k.hasPrefix("xmlns:") { continue }
            let (prefix, name) = Self.split(k)
            attrs.append(XMLAttribute(name: name, namespace: prefix == "xml" ? "http://www.w3.org/XML/1998/namespace" : nil, value: v))
        }
        if startsRecord { recordLevels.append(stack.count) }
        stack.append(XMLElementNode(name: local, namespace: ns, attributes: attrs,
                                    line: parser.lineNumber, column: parser.columnNumber))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard firstError == nil, handlerError == nil else { return }
        guard let node = stack.popLast() else {
            outsideDepth -= 1
            return
        }
        if let level = recordLevels.last, level == stack.count {
            recordLevels.removeLast()
            do {
                try handler(node, recordLevels.map { stack[$0] })
            } catch {
                handlerError = error
                parser.abortParsing()
            }
            // The finished record is not kept inside its parent record.
            return
        }
        if !stack.isEmpty { stack[stack.count - 1].children.append(.element(node)) }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if firstError == nil {
            firstError = ((parseError as NSError).code, parser.lineNumber, parser.columnNumber)
        }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard firstError == nil else { return }
        guard !stack.isEmpty else { return }
        let i = stack.count - 1
        if case .text(let prev)? = stack[i].children.last {
            stack[i].children[stack[i].children.count - 1] = .text(prev + string)
        } else {
            stack[i].children.append(.text(string))
        }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    static func localName(_ qname: String) -> String {
        // With namespace processing on, the parser already gives local names.
        qname.utf8.contains(UInt8(ascii: ":")) ? split(qname).1 : qname
    }

    static func split(_ qname: String) -> (String?, String) {
        let u = qname.utf8
        guard let colon = u.firstIndex(of: UInt8(ascii: ":")) else { return (nil, qname) }
        return (String(qname[..<colon]), String(qname[u.index(after: colon)...]))
    }
}

/// Whole-document parsing, for small documents (an OAI-PMH response page).
public enum XMLTree {
    /// Parses a document and returns its root element.
    public static func parse(data: Data, source: String? = nil) throws -> XMLElementNode {
        var root: XMLElementNode?
        try XMLRecordReader(recordNames: [], rootIsRecord: true).read(data: data, source: source) { node, _ in
            root = node
        }
        guard let root else { throw XMLReadError(source: source, line: 1, column: 1, message: "no root element") }
        return root
    }
}
