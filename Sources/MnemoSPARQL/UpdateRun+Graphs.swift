import Foundation
import MnemoRDF
import MnemoSPARQLSyntax
import MnemoStore

// Graph management (SPARQL 1.1 Update, section 3.2) in a quad store, where
// a graph exists while it holds quads:
// - the default graph always exists;
// - CREATE fails (unless SILENT) when the graph holds quads, and otherwise
//   succeeds; the created graph exists, empty, until the request ends (so
//   CREATE then DROP in one request works) and then vanishes unless it got quads;
// - CLEAR and DROP of a named graph that does not exist fail unless SILENT;
//   CLEAR/DROP DEFAULT, NAMED and ALL always succeed;
// - ADD, COPY and MOVE fail unless SILENT when the source does not exist,
//   and do nothing when source and target are the same graph;
// - LOAD reads `file:` IRIs inside `UpdateOptions.loadDirectory` only.
extension UpdateRun {
    func exists(_ ref: GraphReference, _ tx: StoreTransaction) -> Bool {
        switch ref {
        case .defaultGraph, .allNamed, .all: return true
        case .named(let iri):
            if created.contains(iri) { return true }
            guard let id = engine.store.dictionary.lookup(.iri(iri)) else { return false }
            return tx.hasQuads(inGraph: id)
        }
    }

    /// CLEAR (graphs keep existing, empty) and DROP (graphs are removed).
    mutating func clear(_ ref: GraphReference, dropping: Bool, _ tx: inout StoreTransaction) throws {
        switch ref {
        case .defaultGraph:
            tx.delete(tx.quads(inGraph: 0))
        case .named(let iri):
            guard exists(ref, tx) else { throw OperationFailure("there is no graph <\(iri)>") }
            if let id = engine.store.dictionary.lookup(.iri(iri)) { tx.delete(tx.quads(inGraph: id)) }
            if dropping { created.remove(iri) }
        case .allNamed:
            tx.delete(tx.snapshot.quads(matching: QuadPattern()).filter { $0.g != 0 })
            if dropping { created.removeAll() }
        case .all:
            tx.delete(tx.snapshot.quads(matching: QuadPattern()))
            if dropping { created.removeAll() }
        }
    }

    /// ADD (`replacing` false), COPY (`replacing`) and MOVE (`replacing`, `moving`).
    mutating func transfer(_ from: GraphReference, _ to: GraphReference, replacing: Bool, moving: Bool,
                           _ tx: inout StoreTransaction) throws {
        if from == to { return }
        guard exists(from, tx) else {
            if case .named(let iri) = from { throw OperationFailure("there is no graph <\(iri)> to read from") }
            return
        }
        let dictionary = engine.store.dictionary
        func id(_ ref: GraphReference) -> TermID {
            if case .named(let iri) = ref { return dictionary.intern(.iri(iri)) }
            return 0
        }
        let source = id(from), target = id(to)
        let quads = tx.quads(inGraph: source)
        if replacing { tx.delete(tx.quads(inGraph: target)) }
        tx.insert(quads.map { QuadIDs($0.s, $0.p, $0.o, target) })
        if moving {
            tx.delete(quads)
            if case .named(let iri) = from { created.remove(iri) }
        }
        if case .named(let iri) = to { created.insert(iri) }
    }

    /// LOAD: a file inside the load directory, parsed into the target graph.
    mutating func load(_ iri: String, into graph: String?, _ tx: inout StoreTransaction) throws {
        let path = try Self.loadablePath(iri, directory: options.loadDirectory)
        let target = graph.map { engine.store.dictionary.intern(.iri($0)) } ?? 0
        do {
            try tx.load(file: path, baseIRI: iri, into: target)
        } catch let e as StoreError {
            throw OperationFailure("cannot load <\(iri)>: \(e.description)")
        }
        if let graph { created.insert(graph) }
    }

    /// The real path of a `file:` IRI when it lies inside `directory` after
    /// symbolic links and `..` are resolved; otherwise why not.
    static func loadablePath(_ iri: String, directory: URL?) throws -> String {
        guard let directory else {
            throw OperationFailure("LOAD is not enabled here (no load directory is configured), so <\(iri)> was not read")
        }
        guard let url = URL(string: iri), url.scheme?.lowercased() == "file",
              url.host == nil || url.host == "" || url.host == "localhost" else {
            throw OperationFailure("LOAD reads only file: IRIs inside the load directory, and <\(iri)> is not one; nothing is fetched from the network")
        }
        guard let root = realPath(directory.path) else {
            throw OperationFailure("the load directory \(directory.path) does not exist")
        }
        guard let real = realPath(url.path) else { throw OperationFailure("no such file: \(url.path)") }
        guard real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw OperationFailure("\(url.path) is outside the load directory \(root); LOAD may not read it")
        }
        return real
    }

    /// The canonical absolute path (symbolic links and `..` resolved), or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
