import CRedland
import Foundation
import MnemoRDF

/// Options for ``RaptorParser``.
public struct ParseOptions: Sendable {
    /// The base IRI for relative IRIs; defaults to the file's `file://` URL.
    public var baseIRI: String?
    /// Skip bad statements (counting them) instead of rejecting the whole input.
    public var lenient = false
    /// Prefix given to every blank-node label, so that blank nodes from
    /// different files stay distinct while staying stable within one file.
    public var blankNodePrefix = ""

    public init(baseIRI: String? = nil, lenient: Bool = false, blankNodePrefix: String = "") {
        self.baseIRI = baseIRI
        self.lenient = lenient
        self.blankNodePrefix = blankNodePrefix
    }
}

/// What a parse saw.
public struct ParseSummary: Sendable {
    /// Statements handed to the handler.
    public var statements = 0
    /// Errors skipped in lenient mode.
    public var skippedErrors: [RDFSyntaxError] = []
    /// Warnings Raptor reported.
    public var warnings = 0
}

/// Streams RDF through Raptor 2: the input is read in 64 KiB chunks and each
/// statement is handed on as soon as Raptor produces it, so memory does not
/// grow with the input.
///
/// A parser is not thread-safe; use one per thread. Each has a Raptor world
/// of its own, borrowed from ``RaptorWorldPool``.
public final class RaptorParser {
    public let format: RDFFormat
    private let world: OpaquePointer

    /// A parser for `format`.
    public init(format: RDFFormat) {
        self.format = format
        world = RaptorWorldPool.acquire()
    }

    deinit { RaptorWorldPool.release(world) }

    /// Parses the file at `path`, calling `handler` for each statement.
    ///
    /// Throws ``RDFSyntaxError`` for the first syntax error unless
    /// `options.lenient`, and rethrows whatever `handler` throws; in both
    /// cases the parse stops there.
    @discardableResult
    public func parse(file path: String, options: ParseOptions = ParseOptions(),
                      handler: (EncodedStatement) throws -> Void) throws -> ParseSummary {
        guard let fh = fopen(path, "rb") else {
            throw RDFSyntaxError(source: path, line: 0, column: 0,
                                 message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { fclose(fh) }
        let base = options.baseIRI ?? URL(fileURLWithPath: path).absoluteURL.absoluteString
        return try parse(source: path, baseIRI: base, options: options, handler: handler) { buf, cap in
            fread(buf, 1, cap, fh)
        }
    }

    /// Parses an in-memory document.
    @discardableResult
    public func parse(string: String, sourceName: String = "<string>", options: ParseOptions = ParseOptions(),
                      handler: (EncodedStatement) throws -> Void) throws -> ParseSummary {
        let bytes = Array(string.utf8)
        var offset = 0
        let base = options.baseIRI ?? "urn:mnemo:input"
        return try parse(source: sourceName, baseIRI: base, options: options, handler: handler) { buf, cap in
            let n = min(cap, bytes.count - offset)
            bytes.withUnsafeBytes { src in buf.copyMemory(from: src.baseAddress! + offset, byteCount: n) }
            offset += n
            return n
        }
    }

    private func parse(source: String, baseIRI: String, options: ParseOptions,
                       handler: (EncodedStatement) throws -> Void,
                       read: (UnsafeMutableRawPointer, Int) -> Int) throws -> ParseSummary {
        return try withoutActuallyEscaping(handler) { handler in
            let state = ParseState(source: source, options: options, handler: handler)
            let unmanaged = Unmanaged.passUnretained(state)
            raptor_world_set_log_handler(world, unmanaged.toOpaque()) { ctx, message in
                guard let ctx, let message else { return }
                Unmanaged<ParseState>.fromOpaque(ctx).takeUnretainedValue().log(message)
            }
            defer { raptor_world_set_log_handler(world, nil, nil) }

            guard let parser = raptor_new_parser(world, format.raptorParser) else {
                throw RDFSyntaxError(source: source, line: 0, column: 0, message: "Raptor has no \(format) parser")
            }
            defer { raptor_free_parser(parser) }
            state.parser = parser
            raptor_parser_set_statement_handler(parser, unmanaged.toOpaque()) { ctx, statement in
                guard let ctx, let statement else { return }
                Unmanaged<ParseState>.fromOpaque(ctx).takeUnretainedValue().statement(statement)
            }
            let baseURI = raptor_new_uri(world, baseIRI)
            defer { if let baseURI { raptor_free_uri(baseURI) } }
            guard raptor_parser_parse_start(parser, baseURI) == 0 else {
                throw state.firstError ?? RDFSyntaxError(source: source, line: 0, column: 0, message: "cannot start parsing")
            }
            let capacity = 1 << 16
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 1)
            defer { buffer.deallocate() }
            while !state.stopped {
                let n = read(buffer, capacity)
                if n <= 0 { break }
                if raptor_parser_parse_chunk(parser, buffer.assumingMemoryBound(to: UInt8.self), n, 0) != 0 {
                    if !options.lenient || state.stopped { break }
                }
            }
            if !state.stopped {
                _ = raptor_parser_parse_chunk(parser, nil, 0, 1)
            }
            if let error = state.handlerError { throw error }
            if !options.lenient, let error = state.firstError { throw error }
            return state.summary
        }
    }
}

/// Per-parse state reached from Raptor's C callbacks.
private final class ParseState {
    let source: String
    let options: ParseOptions
    let handler: (EncodedStatement) throws -> Void
    var parser: OpaquePointer?
    var summary = ParseSummary()
    var firstError: RDFSyntaxError?
    var handlerError: Error?
    var stopped = false
    private var scratch: [UInt8] = []
    private let prefix: [UInt8]

    init(source: String, options: ParseOptions, handler: @escaping (EncodedStatement) throws -> Void) {
        self.source = source
        self.options = options
        self.handler = handler
        prefix = Array(options.blankNodePrefix.utf8)
        scratch.reserveCapacity(4096)
    }

    func log(_ message: UnsafeMutablePointer<raptor_log_message>) {
        let m = message.pointee
        if m.level.rawValue < RAPTOR_LOG_LEVEL_ERROR.rawValue {
            if m.level == RAPTOR_LOG_LEVEL_WARN { summary.warnings += 1 }
            return
        }
        var line = 0, column = 0
        if let loc = m.locator {
            line = Int(loc.pointee.line)
            column = Int(loc.pointee.column)
        }
        let text = m.text.map { String(cString: $0) } ?? "syntax error"
        let error = RDFSyntaxError(source: source, line: max(line, 0), column: max(column, 0), message: text)
        if options.lenient {
            summary.skippedErrors.append(error)
        } else if firstError == nil {
            firstError = error
            stop()
        }
    }

    func stop() {
        stopped = true
        if let parser { raptor_parser_parse_abort(parser) }
    }

    func statement(_ st: UnsafeMutablePointer<raptor_statement>) {
        if stopped { return }
        scratch.removeAll(keepingCapacity: true)
        let s = st.pointee
        guard let subj = s.subject, let pred = s.predicate, let obj = s.object else { return }
        let a = scratch.count; encode(subj)
        let b = scratch.count; encode(pred)
        let c = scratch.count; encode(obj)
        let d = scratch.count
        if let g = s.graph { encode(g) }
        let e = scratch.count
        summary.statements += 1
        scratch.withUnsafeBytes { raw in
            func slice(_ x: Int, _ y: Int) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: raw[x..<y]) }
            let statement = EncodedStatement(subject: slice(a, b), predicate: slice(b, c), object: slice(c, d),
                                             graph: e > d ? slice(d, e) : nil)
            do { try handler(statement) } catch {
                handlerError = error
                stop()
            }
        }
    }

    private func append(_ p: UnsafePointer<UInt8>?, _ n: Int) {
        guard let p, n > 0 else { return }
        scratch.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
    }

    private func appendURI(_ uri: OpaquePointer?) {
        var len = 0
        let p = raptor_uri_as_counted_string(uri, &len)
        append(p, len)
    }

    private func encode(_ term: UnsafeMutablePointer<raptor_term>) {
        let t = term.pointee
        switch t.type {
        case RAPTOR_TERM_TYPE_URI:
            scratch.append(TermKind.iri.rawValue)
            appendURI(t.value.uri)
        case RAPTOR_TERM_TYPE_BLANK:
            scratch.append(TermKind.blank.rawValue)
            scratch.append(contentsOf: prefix)
            append(t.value.blank.string, Int(t.value.blank.string_len))
        default:
            let lit = t.value.literal
            if let lang = lit.language, lit.language_len > 0 {
                scratch.append(TermKind.langLiteral.rawValue)
                // Language tags are case-insensitive; keep them in lower case (see `Literal`).
                for i in 0..<Int(lit.language_len) {
                    let c = lang[i]
                    scratch.append(c >= 65 && c <= 90 ? c + 32 : c)
                }
                scratch.append(0)
            } else if let dt = lit.datatype, !isXSDString(dt) {
                scratch.append(TermKind.typedLiteral.rawValue)
                appendURI(dt)
                scratch.append(0)
            } else {
                scratch.append(TermKind.simpleLiteral.rawValue)
            }
            append(lit.string, Int(lit.string_len))
        }
    }

    private func isXSDString(_ uri: OpaquePointer) -> Bool {
        var len = 0
        guard let p = raptor_uri_as_counted_string(uri, &len) else { return false }
        return len == xsdString.count && memcmp(p, xsdString, len) == 0
    }
}

private let xsdString: [UInt8] = Array(Vocabulary.xsdString.utf8)
