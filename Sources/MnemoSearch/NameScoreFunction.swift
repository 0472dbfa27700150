import Foundation
import MnemoRDF
import MnemoSPARQLFunctions
import Synchronization

/// Name search inside SPARQL: `mnemo:nameScore(?label, "query")`, with
/// `mnemo:` = `https://w3id.org/mnemo/fn#`, is how well a label matches a
/// name query across scripts and spellings, as `xsd:double` from 0 (no word
/// meets) to 1 (the same name), scored as `mnemo search` scores labels:
/// transliteration, spelling variants, reordered words, initials and
/// optional patronymics count. So a query joins a name search with graph
/// patterns:
///
/// ```sparql
/// PREFIX mnemo: <https://w3id.org/mnemo/fn#>
/// SELECT ?person ?label ?score WHERE {
///   ?person a crm:E21_Person ; rdfs:label ?label .
///   BIND(mnemo:nameScore(?label, "Valikhanov, Chokan") AS ?score)
///   FILTER(?score > 0.7)
/// } ORDER BY DESC(?score)
/// ```
///
/// Both arguments must be literals (any language or script); anything else is
/// a type error. Each distinct string is keyed once per engine, so a filter
/// over many labels runs ICU once per word, not once per row.
public struct NameScoreFunction: ExtensionFunction {
    public static let namespace = "https://w3id.org/mnemo/fn#"
    public let iri = NameScoreFunction.namespace + "nameScore"

    private let cache = KeyCache()

    public init() {}

    public func call(_ arguments: [Term]) throws -> Term {
        guard arguments.count == 2 else {
            throw ExpressionError("mnemo:nameScore takes 2 arguments (a label and a name query), not \(arguments.count)")
        }
        guard case .literal(let label) = arguments[0], case .literal(let query) = arguments[1] else {
            throw ExpressionError("mnemo:nameScore needs two literals")
        }
        let q = cache.tokens(query.lexical, forQuery: true)
        guard q.contains(where: { !$0.isInitial }) else { return Self.double(0) }
        let score = NameIndex.score(q, label: cache.tokens(label.lexical, forQuery: false))?.0 ?? 0
        return Self.double((score * 1000).rounded() / 1000)
    }

    static func double(_ v: Double) -> Term { .typed(String(v), Vocabulary.xsd + "double") }

    /// Name keys by string, bounded: cleared when it reaches `limit` entries.
    final class KeyCache: Sendable {
        private let entries = Mutex<[String: [NameToken]]>([:])
        private let limit = 100_000

        func tokens(_ s: String, forQuery: Bool) -> [NameToken] {
            let key = (forQuery ? "q" : "l") + s
            if let t = entries.withLock({ $0[key] }) { return t }
            // A query is also read back from Latin into Cyrillic, as `search` does.
            let t = NameKeys(s, memo: TokenMemo(transliterate: true, reverse: forQuery)).tokens
            entries.withLock {
                if $0.count >= limit { $0.removeAll(keepingCapacity: true) }
                $0[key] = t
            }
            return t
        }
    }
}
