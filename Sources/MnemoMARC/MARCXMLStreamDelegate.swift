import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The parser delegate behind ``MARCXMLReader``: builds each ``MARCRecord``
/// straight from the parser's events, keeping text only inside `leader`,
/// `controlfield` and `subfield`. (Building a general element tree per record
/// first, as the LIDO and EAD readers do, halves MARCXML throughput.)
final class MARCXMLStreamDelegate: NSObject, XMLParserDelegate {
    private let namespaces: Set<String>
    private let source: String?
    private let handler: MARCXMLReader.Handler
    private(set) var handlerError: Error?
    private(set) var firstError: (code: Int, line: Int, column: Int)?

    private var number = 0
    private var inRecord = false
    private var record = MARCRecord()
    private var warnings: [String] = []
    private var failure: (line: Int, column: Int, message: String)?
    private var field: MARCDataField?
    private var sawLeader = false
    /// What the text being collected belongs to.
    private enum Collecting { case none, leader, control(String), subfield(Character) }
    private var collecting = Collecting.none
    private var text = ""
    private var depthInRecord = 0

    init(namespaces: Set<String>, source: String?, handler: @escaping MARCXMLReader.Handler) {
        self.namespaces = namespaces
        self.source = source
        self.handler = handler
    }

    private func fail(_ parser: XMLParser, _ message: String) {
        if failure == nil { failure = (parser.lineNumber, parser.columnNumber, message) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes a: [String: String] = [:]) {
        guard firstError == nil, handlerError == nil else { return }
        if !inRecord {
            if name == "record", namespaces.contains(namespaceURI ?? "") {
                inRecord = true
                number += 1
                record = MARCRecord()
                warnings = []
                failure = nil
                sawLeader = false
                depthInRecord = 0
            }
            return
        }
        depthInRecord += 1
        switch (depthInRecord, name) {
        case (1, "leader"):
            sawLeader = true
            collecting = .leader
            text = ""
        case (1, "controlfield"):
            guard let tag = validTag(parser, a["tag"], name) else { return }
            collecting = .control(tag)
            text = ""
        case (1, "datafield"):
            guard let tag = validTag(parser, a["tag"], name) else { return }
            field = MARCDataField(tag: tag, ind1: indicator(a["ind1"], "ind1", tag), ind2: indicator(a["ind2"], "ind2", tag), subfields: [])
        case (2, "subfield") where field != nil:
            guard let code = a["code"], code.count == 1, let c = code.first else {
                fail(parser, "a subfield of field \(field!.tag) has \(a["code"].map { "code '\($0)'" } ?? "no code"); it needs one character")
                return
            }
            collecting = .subfield(c)
            text = ""
        default:
            warnings.append("line \(parser.lineNumber): unexpected <\(name)> in a record; ignored")
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if case .none = collecting { return }
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard firstError == nil, handlerError == nil, inRecord else { return }
        if depthInRecord == 0 {
            finishRecord(parser)
            return
        }
        switch collecting {
        case .leader where depthInRecord == 1:
            record.leader = leaderText(text)
            collecting = .none
        case .control(let tag) where depthInRecord == 1:
            record.controlFields.append(MARCControlField(tag: tag, value: text))
            collecting = .none
        case .subfield(let c) where depthInRecord == 2:
            field?.subfields.append(MARCSubfield(code: c, value: text))
            collecting = .none
        default:
            if depthInRecord == 1, name == "datafield", let f = field {
                record.dataFields.append(f)
                field = nil
            }
        }
        depthInRecord -= 1
    }

    private func finishRecord(_ parser: XMLParser) {
        inRecord = false
        field = nil
        collecting = .none
        do {
            if let f = failure {
                try handler(.failure(MARCReadError(kind: .malformedRecord, source: source, recordNumber: number,
                                                   line: f.line, column: f.column, message: f.message)))
            } else {
                if !sawLeader { warnings.append("the record has no leader; a default one is used") }
                record.warnings = warnings
                try handler(.success(record))
            }
        } catch {
            handlerError = error
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if firstError == nil { firstError = ((parseError as NSError).code, parser.lineNumber, parser.columnNumber) }
        parser.abortParsing()
    }

    private func validTag(_ parser: XMLParser, _ tag: String?, _ element: String) -> String? {
        guard let t = tag else {
            fail(parser, "a <\(element)> has no tag")
            return nil
        }
        guard t.utf8.count == 3, t.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
            fail(parser, "a <\(element)> has tag '\(t)'; a tag is three letters or digits")
            return nil
        }
        return t
    }

    private func indicator(_ v: String?, _ name: String, _ tag: String) -> Character {
        guard let v, let c = v.first else { return " " }
        if v.count != 1 { warnings.append("field \(tag) has \(name) '\(v)'; its first character is used") }
        return c
    }

    private func leaderText(_ t: String) -> String {
        guard t.count != 24 else { return t }
        warnings.append("the leader has \(t.count) characters; padded or cut to 24")
        return String((t + String(repeating: " ", count: 24)).prefix(24))
    }
}
