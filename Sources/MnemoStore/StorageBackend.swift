import MnemoRDF

/// The durable store of record behind a ``Store``: a Redland storage.
///
/// A backend persists quads of term ids, reading term bytes from the
/// store's ``TermDictionary``. Writes happen inside a batch opened by
/// ``begin()`` and closed by ``commit()`` or ``rollback()``; the store never
/// opens two batches at once, and a batch may be fed from a thread other
/// than the one that opened it (one thread at a time).
protocol StorageBackend: AnyObject {
    /// Reads every stored quad, interning its terms. Called once, at open.
    /// The result may hold repeats (a storage written by other tools).
    func loadAll(into dictionary: TermDictionary) throws -> [QuadIDs]
    /// Opens a write batch.
    func begin() throws
    /// Stores quads (absent from the store, duplicate-free) in the open batch.
    /// `newTerms`, when given, carries the bytes of terms first seen in this
    /// batch, so the writer need not consult the dictionary.
    func insert(_ quads: [QuadIDs], newTerms: NewTerms?, dictionary: TermDictionary) throws
    /// Deletes quads (present in the store) in the open batch.
    func delete(_ quads: [QuadIDs], dictionary: TermDictionary) throws
    /// Deletes every quad of a graph in the open batch.
    func deleteGraph(_ graph: TermID, dictionary: TermDictionary) throws
    /// Makes the batch durable.
    func commit() throws
    /// Undoes the batch.
    func rollback()
    /// True when a batch is all-or-nothing even across a crash.
    var isTransactional: Bool { get }
    /// Releases the storage.
    func close()
}

extension StorageBackend {
    /// One batch: inserts and deletes, committed together or not at all.
    func write(added: [QuadIDs], removed: [QuadIDs], dictionary: TermDictionary) throws {
        if added.isEmpty && removed.isEmpty { return }
        try begin()
        do {
            try insert(added, newTerms: nil, dictionary: dictionary)
            try delete(removed, dictionary: dictionary)
            try commit()
        } catch {
            rollback()
            throw error
        }
    }
}

/// Terms interned for the first time while reading a batch, with their
/// encodings, in the order they were first seen (a typed literal's datatype
/// IRI before the literal).
struct NewTerms: Sendable {
    var ids: [TermID] = []
    /// For a typed literal, its datatype IRI's id; otherwise 0.
    var datatypes: [TermID] = []
    var bytes: [UInt8] = []
    var ends: [Int] = []

    var isEmpty: Bool { ids.isEmpty }

    mutating func append(_ id: TermID, _ encoded: UnsafeRawBufferPointer, datatype: TermID = 0) {
        ids.append(id)
        datatypes.append(datatype)
        bytes.append(contentsOf: encoded)
        ends.append(bytes.count)
    }

    mutating func removeAll() {
        ids.removeAll(keepingCapacity: true)
        datatypes.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with each term's id, encoding and datatype id.
    func forEach(_ body: (TermID, UnsafeRawBufferPointer, TermID) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { raw in
            var start = 0
            for i in ids.indices {
                try body(ids[i], UnsafeRawBufferPointer(rebasing: raw[start..<ends[i]]), datatypes[i])
                start = ends[i]
            }
        }
    }
}
