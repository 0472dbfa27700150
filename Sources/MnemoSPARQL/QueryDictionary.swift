import MnemoRDF
import MnemoStore

/// Term ids for one query: the store's dictionary, plus query-local ids for
/// terms the query computes (BIND, CONCAT, casts…) that the store lacks.
/// A computed term that the store already holds gets the store's id, so
/// joins between computed and stored values compare ids.
final class QueryDictionary {
    let store: TermDictionary
    private var local: [Term] = []
    private var localIDs: [Term: TermID] = [:]
    /// Local ids start here; store ids stay below.
    static let localBase: TermID = 0x8000_0000

    init(_ store: TermDictionary) { self.store = store }

    func term(_ id: TermID) -> Term {
        id >= Self.localBase ? local[Int(id - Self.localBase)] : store.term(id)
    }

    /// What STR gives for a term: an IRI's text or a literal's lexical form
    /// (nil for a blank node), read from the stored bytes without making the term.
    func stringValue(_ id: TermID) -> String? {
        if id >= Self.localBase {
            switch local[Int(id - Self.localBase)] {
            case .iri(let s): return s
            case .literal(let l): return l.lexical
            case .blank: return nil
            }
        }
        return withStoredText(id) { bytes, _ in String(decoding: bytes, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of what STR gives for the stored
    /// term `id` (an IRI's text or a literal's lexical form) and its kind;
    /// nil for a blank node or a query-local id.
    func withStoredText<T>(_ id: TermID, _ body: (UnsafeRawBufferPointer, TermKind) throws -> T) rethrows -> T? {
        if id >= Self.localBase { return nil }
        return try store.withEncoded(id) { bytes -> T? in
            guard let kind = bytes.first.flatMap(TermKind.init(rawValue:)) else { return nil }
            switch kind {
            case .iri, .simpleLiteral: return try body(UnsafeRawBufferPointer(rebasing: bytes[1...]), kind)
            case .blank: return nil
            case .langLiteral, .typedLiteral:
                guard let zero = UnsafeRawBufferPointer(rebasing: bytes[1...]).firstIndex(of: 0) else { return nil }
                return try body(UnsafeRawBufferPointer(rebasing: bytes[(zero + 2)...]), kind)
            }
        }
    }

    /// The id of a term, if the store or this query knows it.
    func lookup(_ t: Term) -> TermID? {
        store.lookup(t) ?? localIDs[t]
    }

    /// The id of a term, adding a query-local id when neither the store nor the query knows it.
    func intern(_ t: Term) -> TermID {
        if let id = lookup(t) { return id }
        let id = Self.localBase + TermID(local.count)
        local.append(t)
        localIDs[t] = id
        return id
    }
}
