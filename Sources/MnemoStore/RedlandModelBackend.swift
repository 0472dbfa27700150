import CRedland
import Foundation
import MnemoRDF

/// A store of record kept through librdf's own API: the `hashes` storage,
/// over Berkeley DB files (`bdb:DIR`) or in memory (`memory:`), with
/// contexts for named graphs. Every call runs on ``RedlandOwner``'s thread.
///
/// The store's unnamed default graph (graph id 0) is kept in the context
/// ``defaultGraphContext``: the hashes storage lists only named contexts and
/// cannot reliably remove a context-less statement that named contexts
/// also hold.
///
/// The `hashes` storage has no transactions: a failed batch is undone by
/// removing what it added, but a crash in the middle of a batch can leave
/// part of it stored. Use `sqlite:` where that matters.
final class RedlandModelBackend: StorageBackend {
    private let owner = RedlandOwner.shared
    private let label: String
    private var storage: OpaquePointer?
    private var model: OpaquePointer?

    let isTransactional = false

    /// The context holding the unnamed default graph's statements.
    static let defaultGraphContext = "urn:x-mnemo:default-graph"
    private static let defaultGraphEncoding: [UInt8] = [TermKind.iri.rawValue] + Array(defaultGraphContext.utf8)

    /// Opens (creating when needed) a Berkeley DB `hashes` store in `directory`.
    convenience init(bdbDirectory directory: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let existing = ((try? fm.contentsOfDirectory(atPath: directory)) ?? []).contains { $0.hasSuffix(".db") }
        let escaped = directory.replacingOccurrences(of: "'", with: "\\'")
        try self.init(label: "bdb:\(directory)", name: "mnemo",
                      options: "hash-type='bdb',dir='\(escaped)',contexts='yes',new='\(existing ? "no" : "yes")'")
    }

    /// An in-memory `hashes` store.
    convenience init(memory: Void) throws {
        try self.init(label: "memory:", name: "mnemo", options: "hash-type='memory',contexts='yes'")
    }

    private init(label: String, name: String, options: String) throws {
        self.label = label
        try owner.sync {
            let world = owner.world
            guard let storage = librdf_new_storage(world, "hashes", name, options) else {
                throw StoreError.open(label, "librdf could not open the hashes storage")
            }
            guard let model = librdf_new_model(world, storage, nil) else {
                librdf_free_storage(storage)
                throw StoreError.open(label, "librdf could not create a model")
            }
            self.storage = storage
            self.model = model
        }
    }

    func loadAll(into dictionary: TermDictionary) throws -> [QuadIDs] {
        try owner.sync {
            var quads: [QuadIDs] = []
            var scratch: [UInt8] = []
            guard let contexts = librdf_model_get_contexts(model) else { return [] }
            defer { librdf_free_iterator(contexts) }
            try dictionary.withWriter { w in
                func intern(_ node: NodePointer?) throws -> TermID {
                    scratch.removeAll(keepingCapacity: true)
                    try RedlandNodes.encode(node, into: &scratch)
                    return scratch.withUnsafeBytes { w.intern($0).id }
                }
                while librdf_iterator_end(contexts) == 0 {
                    let ctx = librdf_iterator_get_object(contexts).map { $0.assumingMemoryBound(to: librdf_node.self) }
                    var g = try intern(ctx)
                    if scratch == Self.defaultGraphEncoding { g = 0 }
                    if let stream = librdf_model_context_as_stream(model, ctx) {
                        while librdf_stream_end(stream) == 0 {
                            let st = librdf_stream_get_object(stream)
                            let q = QuadIDs(try intern(librdf_statement_get_subject(st)),
                                            try intern(librdf_statement_get_predicate(st)),
                                            try intern(librdf_statement_get_object(st)), g)
                            quads.append(q)  // repeats are removed when the index is built
                            librdf_stream_next(stream)
                        }
                        librdf_free_stream(stream)
                    }
                    librdf_iterator_next(contexts)
                }
            }
            return quads
        }
    }

    /// Quads added in the open batch, removed again on rollback.
    private var batchAdded: [QuadIDs] = []
    private var batchRemoved: [QuadIDs] = []

    func begin() throws {
        batchAdded.removeAll()
        batchRemoved.removeAll()
    }

    func insert(_ quads: [QuadIDs], newTerms: NewTerms?, dictionary: TermDictionary) throws {
        try owner.sync {
            for q in quads {
                try apply(q, dictionary: dictionary, add: true)
                batchAdded.append(q)
            }
        }
    }

    func delete(_ quads: [QuadIDs], dictionary: TermDictionary) throws {
        try owner.sync {
            for q in quads {
                try apply(q, dictionary: dictionary, add: false)
                batchRemoved.append(q)
            }
        }
    }

    func deleteGraph(_ graph: TermID, dictionary: TermDictionary) throws {
        try owner.sync {
            let ctx = graph == 0 ? try defaultContext() : try node(graph, dictionary)
            defer { librdf_free_node(ctx) }
            if librdf_model_context_remove_statements(model, ctx) != 0 {
                throw StoreError.backend("\(label): librdf could not remove the graph")
            }
        }
    }

    func commit() throws {
        owner.sync { _ = librdf_model_sync(model) }
        batchAdded.removeAll()
        batchRemoved.removeAll()
    }

    func rollback() {
        owner.sync {
            for q in batchAdded { try? apply(q, dictionary: lastDictionary!, add: false) }
            for q in batchRemoved { try? apply(q, dictionary: lastDictionary!, add: true) }
            _ = librdf_model_sync(model)
        }
        batchAdded.removeAll()
        batchRemoved.removeAll()
    }

    /// The dictionary of the last write, for undoing a batch.
    private var lastDictionary: TermDictionary?

    private func apply(_ q: QuadIDs, dictionary: TermDictionary, add: Bool) throws {
        lastDictionary = dictionary
        let st = librdf_new_statement_from_nodes(owner.world, try node(q.s, dictionary),
                                                 try node(q.p, dictionary), try node(q.o, dictionary))
        defer { librdf_free_statement(st) }
        let ctx = q.g == 0 ? try defaultContext() : try node(q.g, dictionary)
        defer { librdf_free_node(ctx) }
        let rc = add ? librdf_model_context_add_statement(model, ctx, st)
                     : librdf_model_context_remove_statement(model, ctx, st)
        if rc != 0 { throw StoreError.backend("\(label): librdf could not \(add ? "add" : "remove") a statement") }
    }

    private func defaultContext() throws -> NodePointer {
        let made = Self.defaultGraphContext.withCString {
            librdf_new_node_from_uri_string(owner.world, UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self))
        }
        guard let n = made else {
            throw StoreError.backend("\(label): librdf could not make a node")
        }
        return n
    }

    private func node(_ id: TermID, _ dictionary: TermDictionary) throws -> NodePointer {
        try dictionary.withEncoded(id) { bytes in
            guard let n = RedlandNodes.node(owner.world, bytes) else {
                throw StoreError.backend("\(label): librdf could not make a node")
            }
            return n
        }
    }

    func close() {
        owner.sync {
            if let model { librdf_free_model(model) }
            if let storage { librdf_free_storage(storage) }
            model = nil
            storage = nil
        }
    }

    deinit { close() }
}

/// A librdf node (in Redland 1.0.17, a Raptor term).
typealias NodePointer = UnsafeMutablePointer<librdf_node>

/// Conversions between librdf nodes and Mnemo's term encoding.
enum RedlandNodes {
    /// Appends the encoding of a librdf node.
    static func encode(_ node: NodePointer?, into out: inout [UInt8]) throws {
        guard let node else { throw StoreError.backend("librdf returned a statement without a node") }
        var len = 0
        switch librdf_node_get_type(node) {
        case LIBRDF_NODE_TYPE_RESOURCE:
            out.append(TermKind.iri.rawValue)
            let p = librdf_uri_as_counted_string(librdf_node_get_uri(node), &len)
            if let p { out.append(contentsOf: UnsafeBufferPointer(start: p, count: len)) }
        case LIBRDF_NODE_TYPE_BLANK:
            out.append(TermKind.blank.rawValue)
            let p = librdf_node_get_counted_blank_identifier(node, &len)
            if let p { out.append(contentsOf: UnsafeBufferPointer(start: p, count: len)) }
        default:
            if let lang = librdf_node_get_literal_value_language(node), lang.pointee != 0 {
                out.append(TermKind.langLiteral.rawValue)
                out.append(contentsOf: UnsafeBufferPointer(start: UnsafeRawPointer(lang).assumingMemoryBound(to: UInt8.self), count: strlen(lang)))
                out.append(0)
            } else if let dt = librdf_node_get_literal_value_datatype_uri(node),
                      String(cString: librdf_uri_as_string(dt)) != Vocabulary.xsdString {
                out.append(TermKind.typedLiteral.rawValue)
                let p = librdf_uri_as_counted_string(dt, &len)
                if let p { out.append(contentsOf: UnsafeBufferPointer(start: p, count: len)) }
                out.append(0)
            } else {
                out.append(TermKind.simpleLiteral.rawValue)
            }
            let p = librdf_node_get_literal_value_as_counted_string(node, &len)
            if let p { out.append(contentsOf: UnsafeBufferPointer(start: p, count: len)) }
        }
    }

    /// A new librdf node (owned by the caller) from an encoded term.
    static func node(_ world: OpaquePointer, _ bytes: UnsafeRawBufferPointer) -> NodePointer? {
        let kind = TermKind(rawValue: bytes[0])!
        let body = UnsafeRawBufferPointer(rebasing: bytes[1...])
        let base = body.baseAddress?.assumingMemoryBound(to: UInt8.self)
        switch kind {
        case .iri:
            return librdf_new_node_from_counted_uri_string(world, base, body.count)
        case .blank:
            return librdf_new_node_from_counted_blank_identifier(world, base, body.count)
        case .simpleLiteral:
            return librdf_new_node_from_typed_counted_literal(world, base ?? empty, body.count, nil, 0, nil)
        case .langLiteral, .typedLiteral:
            let zero = body.firstIndex(of: 0)!
            let lexical = UnsafeRawBufferPointer(rebasing: body[(zero + 1)...])
            let lexPtr = lexical.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? empty
            if kind == .langLiteral {
                let lang = String(decoding: UnsafeRawBufferPointer(rebasing: body[..<zero]), as: UTF8.self)
                return lang.withCString { l in
                    librdf_new_node_from_typed_counted_literal(world, lexPtr, lexical.count, l, zero, nil)
                }
            }
            guard let dt = librdf_new_uri2(world, base, zero) else { return nil }
            defer { librdf_free_uri(dt) }
            return librdf_new_node_from_typed_counted_literal(world, lexPtr, lexical.count, nil, 0, dt)
        }
    }

    private nonisolated(unsafe) static let empty: UnsafePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        p.pointee = 0
        return UnsafePointer(p)
    }()
}
