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
        return store.withEncoded(id) { bytes -> String? in
            guard let kind = bytes.first.flatMap(TermKind.init(rawValue:)) else { return nil }
            switch kind {
            case .iri, .simpleLiteral: return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[1...]), as: UTF8.self)
            case .blank: return nil
            case .langLiteral, .typedLiteral:
                guard let zero = bytes[1...].firstIndex(of: 0) else { return nil }
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(zero + 1)...]), as: UTF8.self)
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
