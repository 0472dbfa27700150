import CRedland
import Foundation
import MnemoRDF

/// Writes quads in any ``RDFFormat`` to a C `FILE` or a byte sink, streaming: Raptor's
/// serializers for Turtle and RDF/XML, ``LineWriter`` for N-Triples,
/// N-Quads and TriG. Triple formats drop the graph.
///
/// Not thread-safe; one writer per thread.
public final class RDFWriter {
    public let format: RDFFormat
    private var raptor: RaptorSerializer?
    private var lines: LineWriter?

    /// A writer to `file` (which the caller owns and closes).
    /// `prefixes` are (prefix, namespace IRI) pairs for formats that abbreviate.
    public convenience init(format: RDFFormat, file: UnsafeMutablePointer<FILE>, prefixes: [(String, String)] = []) throws {
        try self.init(format: format, output: .file(file), prefixes: prefixes)
    }

    /// A writer handing its output to `sink` in chunks of up to about 64 KiB
    /// (each buffer valid only during the call). An error thrown by the sink
    /// ends the document: the write that reached it throws.
    public convenience init(format: RDFFormat, prefixes: [(String, String)] = [],
                            sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        try self.init(format: format, output: .sink(sink), prefixes: prefixes)
    }

    init(format: RDFFormat, output: ByteOutput, prefixes: [(String, String)]) throws {
        self.format = format
        if let name = format.raptorSerializer {
            raptor = try RaptorSerializer(name: name, output: output, prefixes: prefixes, keepGraph: false)
        } else {
            lines = LineWriter(format: format, output: output)
        }
    }

    /// Writes one statement from encoded terms.
    public func write(subject: UnsafeRawBufferPointer, predicate: UnsafeRawBufferPointer,
                      object: UnsafeRawBufferPointer, graph: UnsafeRawBufferPointer?) throws {
        if let raptor {
            try raptor.write(subject, predicate, object, graph)
        } else {
            try lines!.write(subject, predicate, object, graph)
        }
    }

    /// Writes one quad.
    public func write(_ quad: Quad) throws {
        let s = quad.subject.encoded, p = quad.predicate.encoded, o = quad.object.encoded
        let g = quad.graph?.encoded
        try s.withUnsafeBytes { s in
            try p.withUnsafeBytes { p in
                try o.withUnsafeBytes { o in
                    if let g {
                        try g.withUnsafeBytes { g in try write(subject: s, predicate: p, object: o, graph: g) }
                    } else {
                        try write(subject: s, predicate: p, object: o, graph: nil)
                    }
                }
            }
        }
    }

    /// Ends the document (closing brackets, flushing Raptor's buffers).
    public func finish() throws {
        try raptor?.finish()
        try lines?.finish()
    }

    /// Serializes `quads` to a string, for small results and tests.
    public static func string(_ quads: [Quad], format: RDFFormat, prefixes: [(String, String)] = []) throws -> String {
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        guard let file = open_memstream(&buffer, &size) else { throw POSIXError(.ENOMEM) }
        do {
            let writer = try RDFWriter(format: format, file: file, prefixes: prefixes)
            for q in quads { try writer.write(q) }
            try writer.finish()
        } catch {
            fclose(file)
            free(buffer)
            throw error
        }
        fclose(file)
        defer { free(buffer) }
        return buffer.map { String(cString: $0) } ?? ""
    }
}

/// An error from a Raptor serializer.
public struct SerializerError: Error, CustomStringConvertible {
    public var description: String
}

/// A Raptor 2 serializer writing to a `FILE` or a byte sink.
final class RaptorSerializer {
    private let world: OpaquePointer
    private let serializer: OpaquePointer
    private let keepGraph: Bool
    private var finished = false
    private let output: ByteOutput
    private var stream: OpaquePointer?

    init(name: String, output: ByteOutput, prefixes: [(String, String)], keepGraph: Bool) throws {
        self.output = output
        world = RaptorWorldPool.acquire()
        guard let s = raptor_new_serializer(world, name) else {
            RaptorWorldPool.release(world)
            throw SerializerError(description: "Raptor has no \(name) serializer")
        }
        serializer = s
        self.keepGraph = keepGraph
        for (prefix, ns) in prefixes {
            if let uri = raptor_new_uri(world, ns) {
                raptor_serializer_set_namespace(serializer, uri, prefix)
                raptor_free_uri(uri)
            }
        }
        let started: Int32
        switch output.target {
        case .file(let file): started = raptor_serializer_start_to_file_handle(serializer, nil, file)
        case .sink:
            stream = output.raptorStream(world)
            started = stream.map { raptor_serializer_start_to_iostream(serializer, nil, $0) } ?? 1
        }
        guard started == 0 else {
            if let stream { raptor_free_iostream(stream) }
            raptor_free_serializer(serializer)
            RaptorWorldPool.release(world)
            throw SerializerError(description: "cannot start the \(name) serializer")
        }
    }

    deinit {
        if !finished { _ = raptor_serializer_serialize_end(serializer) }
        raptor_free_serializer(serializer)
        if let stream { raptor_free_iostream(stream) }
        RaptorWorldPool.release(world)
    }

    func write(_ s: UnsafeRawBufferPointer, _ p: UnsafeRawBufferPointer, _ o: UnsafeRawBufferPointer,
               _ g: UnsafeRawBufferPointer?) throws {
        let st = raptor_new_statement_from_nodes(world, term(s), term(p), term(o), keepGraph ? g.flatMap { term($0) } : nil)
        defer { raptor_free_statement(st) }
        if raptor_serializer_serialize_statement(serializer, st) != 0 {
            throw output.takeError() ?? SerializerError(description: "Raptor could not serialize a statement")
        }
        if let e = output.takeError() { throw e }
    }

    func finish() throws {
        finished = true
        if raptor_serializer_serialize_end(serializer) != 0 {
            throw output.takeError() ?? SerializerError(description: "Raptor could not finish the document")
        }
        raptor_serializer_flush(serializer)
        if let stream { raptor_iostream_write_end(stream) }
        if let e = output.takeError() { throw e }
    }

    /// A new Raptor term from an encoded term; the statement takes ownership.
    private func term(_ bytes: UnsafeRawBufferPointer) -> UnsafeMutablePointer<raptor_term>? {
        let kind = TermKind(rawValue: bytes[0])!
        let body = UnsafeRawBufferPointer(rebasing: bytes[1...])
        let base = body.baseAddress?.assumingMemoryBound(to: UInt8.self)
        switch kind {
        case .iri:
            return raptor_new_term_from_counted_uri_string(world, base, body.count)
        case .blank:
            return raptor_new_term_from_counted_blank(world, base, body.count)
        case .simpleLiteral:
            return raptor_new_term_from_counted_literal(world, base ?? emptyString, body.count, nil, nil, 0)
        case .langLiteral, .typedLiteral:
            let zero = body.firstIndex(of: 0)!
            let lexical = UnsafeRawBufferPointer(rebasing: body[(zero + 1)...])
            let lexPtr = lexical.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? emptyString
            if kind == .langLiteral {
                return raptor_new_term_from_counted_literal(world, lexPtr, lexical.count, nil, base, UInt8(zero))
            }
            let dt = raptor_new_uri_from_counted_string(world, base, zero)
            defer { raptor_free_uri(dt) }
            return raptor_new_term_from_counted_literal(world, lexPtr, lexical.count, dt, nil, 0)
        }
    }
}

/// Raptor wants a non-NULL pointer for an empty lexical form.
private nonisolated(unsafe) let emptyString: UnsafePointer<UInt8> = {
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    p.pointee = 0
    return UnsafePointer(p)
}()
