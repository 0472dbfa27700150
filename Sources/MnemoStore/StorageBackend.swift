import MnemoRDF

/// The durable store of record behind a ``Store``: a Redland storage.
///
/// Every method runs on ``RedlandOwner``'s thread. A backend persists quads
/// of term ids; it reads term bytes from the store's ``TermDictionary``.
protocol StorageBackend: AnyObject {
    /// Reads every stored quad, interning its terms. Called once, at open.
    func loadAll(into dictionary: TermDictionary) throws -> [QuadIDs]
    /// Writes one batch atomically where the storage allows it: every quad
    /// in `added` is stored and every one in `removed` deleted, or none is.
    func write(added: [QuadIDs], removed: [QuadIDs], dictionary: TermDictionary) throws
    /// Deletes every quad of graph `graph` atomically.
    func dropGraph(_ graph: TermID, dictionary: TermDictionary) throws
    /// True when ``write(added:removed:dictionary:)`` is all-or-nothing even across a crash.
    var isTransactional: Bool { get }
    /// Releases the storage.
    func close()
}
