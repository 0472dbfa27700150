import Foundation
import MnemoRDF

/// Reads SPARQL 1.1 Query Results JSON into `.solutions` or `.boolean`.
///
/// Accepts the SPARQL 1.0 `typed-literal` type, ignores members it does not
/// know (`link`, `distinct`, …), lets `head` be absent in a boolean result,
/// and adds a variable that a solution binds but `head.vars` lacks at the end
/// of the variable list. Everything else wrong is a `ResultsParseError` with
/// the line, column and byte offset of the offending value.
public enum JSONResultsReader {
    /// Reads a JSON results document.
    public static func read(_ data: Data) throws -> QueryResult { try read(bytes: [UInt8](data)) }

    /// Reads a JSON results document held in a string.
    public static func read(_ text: String) throws -> QueryResult { try read(bytes: Array(text.utf8)) }

    /// Reads the solutions of a JSON results document, failing on a boolean.
    public static func readTable(_ data: Data) throws -> SolutionTable {
        guard case .solutions(let t) = try read(data) else {
            throw ResultsParseError(format: "json", offset: 0, line: 1, column: 1, message: "a boolean result where solutions were expected")
        }
        return t
    }

    static func read(bytes: [UInt8]) throws -> QueryResult {
        let root = try JSONParser.parse(bytes)
        let bytes = UTF8Check.droppingBOM(bytes)
        func fail(_ node: JSONNode, _ message: String) -> ResultsParseError {
            ResultsParseError(format: "json", at: node.offset, in: bytes, message)
        }
        guard let top = root.members else { throw fail(root, "expected an object at the top level, found \(root.typeName)") }
        var head: JSONNode?, results: JSONNode?, boolean: JSONNode?
        for (k, v) in top {
            switch k {
            case "head": head = v
            case "results": results = v
            case "boolean": boolean = v
            default: break
            }
        }
        var variables: [String] = []
        if let head {
            guard let members = head.members else { throw fail(head, "\"head\" must be an object, found \(head.typeName)") }
            if let vars = members.first(where: { $0.key == "vars" })?.value {
                guard case .array(let items) = vars.kind else { throw fail(vars, "\"vars\" must be an array, found \(vars.typeName)") }
                for item in items {
                    guard let name = item.stringValue else { throw fail(item, "a variable name must be a string, found \(item.typeName)") }
                    guard !variables.contains(name) else { throw fail(item, "variable \"\(name)\" listed twice") }
                    variables.append(name)
                }
            }
        }
        if let boolean {
            guard case .bool(let b) = boolean.kind else { throw fail(boolean, "\"boolean\" must be true or false, found \(boolean.typeName)") }
            if results != nil { throw fail(root, "a document cannot have both \"results\" and \"boolean\"") }
            return .boolean(b)
        }
        guard head != nil else { throw fail(root, "missing \"head\" member") }
        guard let results else { throw fail(root, "missing \"results\" (or \"boolean\") member") }
        guard let rmembers = results.members else { throw fail(results, "\"results\" must be an object, found \(results.typeName)") }
        guard let bindings = rmembers.first(where: { $0.key == "bindings" })?.value else { throw fail(results, "missing \"bindings\" member") }
        guard case .array(let solutions) = bindings.kind else { throw fail(bindings, "\"bindings\" must be an array, found \(bindings.typeName)") }

        var index = Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1, $0) })
        var rows: [[Term?]] = []
        rows.reserveCapacity(solutions.count)
        for solution in solutions {
            guard let members = solution.members else { throw fail(solution, "a solution must be an object, found \(solution.typeName)") }
            var row = [Term?](repeating: nil, count: variables.count)
            var seen = Set<String>()
            for (name, value) in members {
                guard seen.insert(name).inserted else { throw fail(value, "variable \"\(name)\" bound twice in one solution") }
                let column: Int
                if let c = index[name] {
                    column = c
                } else {
                    column = variables.count
                    variables.append(name)
                    index[name] = column
                    for r in rows.indices { rows[r].append(nil) }
                    row.append(nil)
                }
                row[column] = try term(value, fail)
            }
            rows.append(row)
        }
        return .solutions(SolutionTable(variables: variables, rows: rows))
    }

    private static func term(_ node: JSONNode, _ fail: (JSONNode, String) -> ResultsParseError) throws -> Term {
        guard let members = node.members else { throw fail(node, "an RDF term must be an object, found \(node.typeName)") }
        var fields: [String: JSONNode] = [:]
        for (k, v) in members {
            guard fields[k] == nil else { throw fail(v, "member \"\(k)\" given twice in an RDF term") }
            fields[k] = v
        }
        func string(_ key: String) throws -> String? {
            guard let v = fields[key] else { return nil }
            guard let s = v.stringValue else { throw fail(v, "\"\(key)\" must be a string, found \(v.typeName)") }
            return s
        }
        guard let type = try string("type") else { throw fail(node, "an RDF term needs a \"type\"") }
        if type == "triple" { throw fail(node, "quoted triples (SPARQL 1.2 \"triple\" terms) are not supported") }
        guard let value = try string("value") else { throw fail(node, "an RDF term needs a \"value\"") }
        switch type {
        case "uri":
            return .iri(value)
        case "bnode":
            guard !value.isEmpty else { throw fail(fields["value"]!, "a blank node needs a non-empty label") }
            return .blank(value)
        case "literal", "typed-literal":
            let lang = try string("xml:lang")
            let datatype = try string("datatype")
            if let lang {
                guard !lang.isEmpty else { throw fail(fields["xml:lang"]!, "empty language tag") }
                if let datatype, datatype != Vocabulary.rdfLangString {
                    throw fail(node, "a literal cannot have both \"xml:lang\" and datatype <\(datatype)>")
                }
                return .langString(value, lang)
            }
            if let datatype {
                if datatype == Vocabulary.rdfLangString { throw fail(node, "an rdf:langString literal needs \"xml:lang\"") }
                return .typed(value, datatype)
            }
            return .string(value)
        default:
            throw fail(fields["type"]!, "unknown term type \"\(type)\" (expected uri, literal or bnode)")
        }
    }
}
