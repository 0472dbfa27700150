import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MnemoRDF

/// Reads SPARQL Query Results XML into `.solutions` or `.boolean`, with
/// Foundation's `XMLParser` (external entities are not resolved).
///
/// Elements must be in the results namespace (or in none). `link` elements
/// and the `ordered`/`distinct` attributes are ignored; the 2005 draft's
/// `<unbound/>` reads as unbound; a binding to a variable the head does not
/// list adds that variable at the end. Literal text is kept exactly, IRIs and
/// blank node labels are trimmed of surrounding whitespace. Errors carry the
/// parser's line and column.
public enum XMLResultsReader {
    /// Reads an XML results document.
    public static func read(_ data: Data) throws -> QueryResult {
        // Foundation's parser on Linux traps on invalid UTF-8 in element
        // names, so UTF-8 documents are checked first (which also gives a
        // byte offset for the error).
        if isUTF8(data) {
            let bytes = [UInt8](data)
            if let bad = UTF8Check.firstInvalid(bytes) {
                throw ResultsParseError(format: "xml", at: bad, in: bytes, "invalid UTF-8")
            }
        }
        let handler = XMLResultsHandler()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = handler
        let ok = parser.parse()
        if let e = handler.error { throw e }
        if !ok {
            let err = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown error"
            throw ResultsParseError(format: "xml", offset: nil, line: max(1, parser.lineNumber),
                                    column: max(1, parser.columnNumber), message: "not well-formed XML: \(err)")
        }
        return try handler.result()
    }

    /// True unless the document starts with a UTF-16 or UTF-32 byte order
    /// mark or declares an encoding other than UTF-8.
    static func isUTF8(_ data: Data) -> Bool {
        let head = [UInt8](data.prefix(256))
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0, 0]) { return false }
        guard head.starts(with: Array("<?xml".utf8)) || head.starts(with: [0xEF, 0xBB, 0xBF]),
              let end = head.firstIndex(of: UInt8(ascii: ">")) else { return true }
        let declaration = String(decoding: head[..<end], as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding") else { return true }
        let value = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        return value.hasPrefix("utf-8") || value.hasPrefix("utf8")
    }

    /// Reads an XML results document held in a string.
    public static func read(_ text: String) throws -> QueryResult { try read(Data(text.utf8)) }
}

/// The `XMLParser` delegate behind `XMLResultsReader`: a small state machine
/// over the element nesting.
final class XMLResultsHandler: NSObject, XMLParserDelegate {
    private enum Place { case top, sparql, head, variable, results, result, binding, term, boolean, ignored }

    private var stack: [Place] = []
    private(set) var error: ResultsParseError?
    private var variables: [String] = []
    private var index: [String: Int] = [:]
    private var rows: [[Term?]] = []
    private var row: [Term?] = []
    private var bound = Set<String>()
    private var bindingName = ""
    private var bindingHasTerm = false
    private var termKind = ""
    private var termLanguage: String?
    private var termDatatype: String?
    private var text = ""
    private var boolean: Bool?
    private var sawRoot = false
    private var sawResults = false
    private var line = 1, column = 1

    func result() throws -> QueryResult {
        guard sawRoot else { throw ResultsParseError(format: "xml", offset: nil, line: 1, column: 1, message: "no <sparql> element") }
        if let boolean { return .boolean(boolean) }
        guard sawResults else { throw ResultsParseError(format: "xml", offset: nil, line: line, column: column, message: "missing <results> or <boolean>") }
        return .solutions(SolutionTable(variables: variables, rows: rows))
    }

    private func fail(_ parser: XMLParser, _ message: String) {
        guard error == nil else { return }
        error = ResultsParseError(format: "xml", offset: nil, line: max(1, parser.lineNumber),
                                  column: max(1, parser.columnNumber), message: message)
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        guard error == nil else { return }
        line = parser.lineNumber; column = parser.columnNumber
        if let ns = namespaceURI, !ns.isEmpty, ns != XMLResultsWriter.namespace {
            if stack.last == .head || stack.last == .ignored { stack.append(.ignored); return }
            return fail(parser, "element <\(qName ?? name)> is not in the SPARQL results namespace")
        }
        let parent = stack.last ?? .top
        switch (parent, name) {
        case (.top, "sparql"):
            sawRoot = true
            stack.append(.sparql)
        case (.sparql, "head"):
            stack.append(.head)
        case (.head, "variable"):
            guard let v = attributes["name"], !v.isEmpty else { return fail(parser, "<variable> needs a name attribute") }
            guard index[v] == nil else { return fail(parser, "variable \"\(v)\" listed twice") }
            index[v] = variables.count
            variables.append(v)
            stack.append(.variable)
        case (.head, _), (.ignored, _):
            stack.append(.ignored)
        case (.sparql, "results"):
            guard !sawResults, boolean == nil else { return fail(parser, "a second <results> or <boolean>") }
            sawResults = true
            stack.append(.results)
        case (.sparql, "boolean"):
            guard !sawResults, boolean == nil else { return fail(parser, "a second <results> or <boolean>") }
            text = ""
            stack.append(.boolean)
        case (.results, "result"):
            row = [Term?](repeating: nil, count: variables.count)
            bound = []
            stack.append(.result)
        case (.result, "binding"):
            guard let v = attributes["name"], !v.isEmpty else { return fail(parser, "<binding> needs a name attribute") }
            guard bound.insert(v).inserted else { return fail(parser, "variable \"\(v)\" bound twice in one result") }
            bindingName = v
            bindingHasTerm = false
            stack.append(.binding)
        case (.binding, "uri"), (.binding, "bnode"), (.binding, "literal"), (.binding, "unbound"):
            guard !bindingHasTerm else { return fail(parser, "a binding holds one term") }
            bindingHasTerm = true
            termKind = name
            termLanguage = attributes["xml:lang"] ?? attributes["lang"]
            termDatatype = attributes["datatype"]
            text = ""
            stack.append(.term)
        case (.binding, "triple"):
            fail(parser, "quoted triples (SPARQL 1.2 <triple> terms) are not supported")
        default:
            fail(parser, "unexpected element <\(name)> here")
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard error == nil, let place = stack.popLast() else { return }
        line = parser.lineNumber; column = parser.columnNumber
        switch place {
        case .result:
            rows.append(row)
        case .binding:
            if !bindingHasTerm { fail(parser, "<binding name=\"\(bindingName)\"> holds no term") }
        case .term:
            guard let t = makeTerm(parser) else { return }
            if case .some(let term) = t { store(term) }
        case .boolean:
            switch text.trimmingASCIIWhitespace {
            case "true", "1": boolean = true
            case "false", "0": boolean = false
            default: fail(parser, "<boolean> must hold true or false, not \"\(text)\"")
            }
        default:
            break
        }
    }

    /// The term just read: nil after a failure, `.some(nil)` for `<unbound/>`.
    private func makeTerm(_ parser: XMLParser) -> Term??  {
        switch termKind {
        case "unbound":
            return .some(nil)
        case "uri":
            return .some(.iri(text.trimmingASCIIWhitespace))
        case "bnode":
            let label = text.trimmingASCIIWhitespace
            guard !label.isEmpty else { fail(parser, "a <bnode> needs a label"); return nil }
            return .some(.blank(label))
        default:
            if let lang = termLanguage {
                guard !lang.isEmpty else { fail(parser, "empty xml:lang"); return nil }
                if let dt = termDatatype, dt != Vocabulary.rdfLangString {
                    fail(parser, "a literal cannot have both xml:lang and datatype <\(dt)>"); return nil
                }
                return .some(.langString(text, lang))
            }
            if let dt = termDatatype {
                if dt == Vocabulary.rdfLangString { fail(parser, "an rdf:langString literal needs xml:lang"); return nil }
                return .some(.typed(text, dt))
            }
            return .some(.string(text))
        }
    }

    private func store(_ term: Term) {
        let c: Int
        if let i = index[bindingName] {
            c = i
        } else {
            c = variables.count
            index[bindingName] = c
            variables.append(bindingName)
            for r in rows.indices { rows[r].append(nil) }
        }
        while row.count <= c { row.append(nil) }
        row[c] = term
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard error == nil else { return }
        switch stack.last {
        case .term?, .boolean?: text += string
        case .ignored?, .variable?: break
        default:
            if !string.trimmingASCIIWhitespace.isEmpty { fail(parser, "unexpected text \"\(string.trimmingASCIIWhitespace)\"") }
        }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard error == nil else { return }
        let message = (parseError as NSError).localizedDescription
        error = ResultsParseError(format: "xml", offset: nil, line: max(1, parser.lineNumber),
                                  column: max(1, parser.columnNumber), message: "not well-formed XML: \(message)")
    }
}
