import CRedland
import CSQLite
import Foundation
import MnemoRDF

/// Redland's `sqlite` storage, read and written directly through SQLite.
///
/// The file is created by librdf itself (`new='yes'`), so its schema is
/// exactly Redland's: tables `uris`, `blanks`, `literals` and `triples`
/// (`subjectUri, subjectBlank, predicateUri, objectUri, objectBlank,
/// objectLiteral, contextUri`). librdf writes one statement at a time with
/// a lookup per term, about 15k triples/s; Mnemo instead keeps each term's
/// row id in memory and inserts with prepared statements inside one
/// transaction per batch, so a batch is atomic across crashes and loads
/// far faster. librdf reads the result back unchanged (tested).
///
/// Mnemo also adds the indexes librdf needs to stay fast on lookups of its
/// own (`literals(text)`, `blanks(blank)`), and never lets librdf write to a
/// file that this backend has open.
final class SQLiteBackend: StorageBackend {
    private let path: String
    private var db: OpaquePointer?
    /// Row id of each term id in its table (0: not yet stored).
    private var rowOf: [Int64] = [0]
    private var nextRow: [Int64] = [1, 1, 1]  // uris, blanks, literals
    private var statements: [String: OpaquePointer] = [:]

    let isTransactional = true

    init(path: String) throws {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            try SQLiteBackend.createWithRedland(path: path)
        }
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else {
            let msg = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw StoreError.open("sqlite:\(path)", msg)
        }
        sqlite3_busy_timeout(db, 10_000)
        do {
            try exec("PRAGMA synchronous=NORMAL")
            try exec("PRAGMA cache_size=-262144")
            try checkSchema()
            try exec("CREATE INDEX IF NOT EXISTS mnemo_literals_text ON literals (text)")
            try exec("CREATE INDEX IF NOT EXISTS mnemo_blanks_blank ON blanks (blank)")
        } catch {
            close()
            throw error
        }
    }

    /// Lets librdf create an empty sqlite store with contexts, so the schema is its own.
    private static func createWithRedland(path: String) throws {
        try RedlandOwner.shared.sync {
            let world = RedlandOwner.shared.world
            guard let storage = librdf_new_storage(world, "sqlite", path, "new='yes',contexts='yes'") else {
                throw StoreError.open("sqlite:\(path)", "librdf could not create the sqlite storage (is librdf-storage-sqlite installed?)")
            }
            // Redland opens (and so creates) the file when a model attaches.
            guard let model = librdf_new_model(world, storage, nil) else {
                librdf_free_storage(storage)
                throw StoreError.open("sqlite:\(path)", "librdf could not create the sqlite tables")
            }
            librdf_free_model(model)
            librdf_free_storage(storage)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.open("sqlite:\(path)", "librdf did not create the file")
        }
    }

    private func checkSchema() throws {
        var found = Set<String>()
        try query("SELECT name FROM sqlite_master WHERE type='table'") { st in
            found.insert(String(cString: sqlite3_column_text(st, 0)))
        }
        let needed: Set = ["uris", "blanks", "literals", "triples"]
        guard needed.isSubset(of: found) else {
            throw StoreError.open("sqlite:\(path)", "not a Redland sqlite store (missing tables \(needed.subtracting(found).sorted()))")
        }
    }

    // MARK: Reading

    func loadAll(into dictionary: TermDictionary) throws -> [QuadIDs] {
        var uriIDs: [TermID] = [], blankIDs: [TermID] = [], literalIDs: [TermID] = []
        var scratch: [UInt8] = []
        func put(_ table: inout [TermID], _ row: Int64, _ id: TermID) {
            let r = Int(row)
            if r >= table.count { table.append(contentsOf: repeatElement(0, count: r + 1 - table.count)) }
            table[r] = id
        }
        try dictionary.withWriter { w in
            func intern(_ table: Int, _ row: Int64) -> TermID {
                let (id, _) = scratch.withUnsafeBytes { w.intern($0) }
                rememberRow(id, row, table)
                return id
            }
            try query("SELECT id, uri FROM uris") { st in
                scratch.removeAll(keepingCapacity: true)
                scratch.append(TermKind.iri.rawValue)
                appendText(st, 1, to: &scratch)
                let row = sqlite3_column_int64(st, 0)
                put(&uriIDs, row, intern(0, row))
            }
            try query("SELECT id, blank FROM blanks") { st in
                scratch.removeAll(keepingCapacity: true)
                scratch.append(TermKind.blank.rawValue)
                appendText(st, 1, to: &scratch)
                let row = sqlite3_column_int64(st, 0)
                put(&blankIDs, row, intern(1, row))
            }
            try query("SELECT l.id, l.text, l.language, u.uri FROM literals l LEFT JOIN uris u ON u.id = l.datatype") { st in
                scratch.removeAll(keepingCapacity: true)
                let hasLang = sqlite3_column_type(st, 2) != SQLITE_NULL && sqlite3_column_bytes(st, 2) > 0
                let hasType = sqlite3_column_type(st, 3) != SQLITE_NULL
                if hasLang {
                    scratch.append(TermKind.langLiteral.rawValue)
                    appendText(st, 2, to: &scratch)
                    scratch.append(0)
                } else if hasType && !columnEquals(st, 3, Vocabulary.xsdString) {
                    scratch.append(TermKind.typedLiteral.rawValue)
                    appendText(st, 3, to: &scratch)
                    scratch.append(0)
                } else {
                    scratch.append(TermKind.simpleLiteral.rawValue)
                }
                appendText(st, 1, to: &scratch)
                let row = sqlite3_column_int64(st, 0)
                put(&literalIDs, row, intern(2, row))
            }
        }
        var quads: [QuadIDs] = []
        var seen = Set<QuadIDs>()
        func lookup(_ table: [TermID], _ st: OpaquePointer, _ col: Int32) -> TermID? {
            guard sqlite3_column_type(st, col) != SQLITE_NULL else { return nil }
            let r = Int(sqlite3_column_int64(st, col))
            return r < table.count && table[r] != 0 ? table[r] : nil
        }
        try query("SELECT subjectUri, subjectBlank, predicateUri, objectUri, objectBlank, objectLiteral, contextUri FROM triples") { st in
            guard let s = lookup(uriIDs, st, 0) ?? lookup(blankIDs, st, 1),
                  let p = lookup(uriIDs, st, 2),
                  let o = lookup(uriIDs, st, 3) ?? lookup(blankIDs, st, 4) ?? lookup(literalIDs, st, 5)
            else { return }  // a dangling row: librdf would skip it too
            let g = lookup(uriIDs, st, 6) ?? 0
            let q = QuadIDs(s, p, o, g)
            if seen.insert(q).inserted { quads.append(q) }
        }
        return quads
    }

    private func rememberRow(_ id: TermID, _ row: Int64, _ table: Int) {
        let i = Int(id)
        if i >= rowOf.count { rowOf.append(contentsOf: repeatElement(0, count: i + 1 - rowOf.count)) }
        if rowOf[i] == 0 { rowOf[i] = row }
        nextRow[table] = max(nextRow[table], row + 1)
    }

    // MARK: Writing

    func write(added: [QuadIDs], removed: [QuadIDs], dictionary: TermDictionary) throws {
        if added.isEmpty && removed.isEmpty { return }
        let savedNext = nextRow
        var newRows: [TermID] = []
        try exec("BEGIN IMMEDIATE")
        do {
            let insert = try prepared("INSERT INTO triples (subjectUri, subjectBlank, predicateUri, objectUri, objectBlank, objectLiteral, contextUri) VALUES (?,?,?,?,?,?,?)")
            try dictionary.withWriter { w in
                for q in added {
                    sqlite3_reset(insert)
                    sqlite3_clear_bindings(insert)
                    try bindNode(insert, uriColumn: 1, blankColumn: 2, literalColumn: nil, q.s, &w, &newRows)
                    try bindNode(insert, uriColumn: 3, blankColumn: nil, literalColumn: nil, q.p, &w, &newRows)
                    try bindNode(insert, uriColumn: 4, blankColumn: 5, literalColumn: 6, q.o, &w, &newRows)
                    if q.g != 0 {
                        guard w.withEncoded(q.g, { TermKind(rawValue: $0[0]) }) == .iri else {
                            throw StoreError.badInput("Redland's sqlite storage names graphs by IRI only; a blank-node graph name cannot be stored")
                        }
                        try bindNode(insert, uriColumn: 7, blankColumn: nil, literalColumn: nil, q.g, &w, &newRows)
                    }
                    try step(insert)
                }
                if !removed.isEmpty {
                    let delete = try prepared("DELETE FROM triples WHERE subjectUri IS ? AND subjectBlank IS ? AND predicateUri IS ? AND objectUri IS ? AND objectBlank IS ? AND objectLiteral IS ? AND contextUri IS ?")
                    for q in removed {
                        sqlite3_reset(delete)
                        sqlite3_clear_bindings(delete)
                        try bindNode(delete, uriColumn: 1, blankColumn: 2, literalColumn: nil, q.s, &w, &newRows)
                        try bindNode(delete, uriColumn: 3, blankColumn: nil, literalColumn: nil, q.p, &w, &newRows)
                        try bindNode(delete, uriColumn: 4, blankColumn: 5, literalColumn: 6, q.o, &w, &newRows)
                        if q.g != 0 { try bindNode(delete, uriColumn: 7, blankColumn: nil, literalColumn: nil, q.g, &w, &newRows) }
                        try step(delete)
                    }
                }
            }
            try exec("COMMIT")
        } catch {
            _ = try? exec("ROLLBACK")
            for id in newRows { rowOf[Int(id)] = 0 }
            nextRow = savedNext
            throw error
        }
    }

    func dropGraph(_ graph: TermID, dictionary: TermDictionary) throws {
        guard Int(graph) < rowOf.count, rowOf[Int(graph)] != 0 else { return }
        try exec("BEGIN IMMEDIATE")
        do {
            let delete = try prepared("DELETE FROM triples WHERE contextUri = ?")
            sqlite3_reset(delete)
            sqlite3_bind_int64(delete, 1, rowOf[Int(graph)])
            try step(delete)
            try exec("COMMIT")
        } catch {
            _ = try? exec("ROLLBACK")
            throw error
        }
    }

    /// Binds the row of term `id` to the column for its kind, storing the term first if needed.
    private func bindNode(_ st: OpaquePointer, uriColumn: Int32, blankColumn: Int32?, literalColumn: Int32?,
                          _ id: TermID, _ w: inout TermDictionary.Writer, _ newRows: inout [TermID]) throws {
        let row = try ensureRow(id, &w, &newRows)
        let kind = w.withEncoded(id) { TermKind(rawValue: $0[0])! }
        let column: Int32?
        switch kind {
        case .iri: column = uriColumn
        case .blank: column = blankColumn
        default: column = literalColumn
        }
        guard let column else { throw StoreError.badInput("a \(kind) cannot stand in that position of a statement") }
        sqlite3_bind_int64(st, column, row)
    }

    /// The row id of term `id`, inserting it into its table when new.
    private func ensureRow(_ id: TermID, _ w: inout TermDictionary.Writer, _ newRows: inout [TermID]) throws -> Int64 {
        let i = Int(id)
        if i < rowOf.count, rowOf[i] != 0 { return rowOf[i] }
        if i >= rowOf.count { rowOf.append(contentsOf: repeatElement(0, count: i + 1 - rowOf.count)) }
        let bytes = w.withEncoded(id) { Array($0) }
        let kind = TermKind(rawValue: bytes[0])!
        let row: Int64
        switch kind {
        case .iri, .blank:
            let table = kind == .iri ? 0 : 1
            row = nextRow[table]
            let st = try prepared(kind == .iri ? "INSERT INTO uris (id, uri) VALUES (?, ?)" : "INSERT INTO blanks (id, blank) VALUES (?, ?)")
            sqlite3_reset(st)
            sqlite3_bind_int64(st, 1, row)
            bytes.withUnsafeBytes { bindText(st, 2, UnsafeRawBufferPointer(rebasing: $0[1...])) }
            try step(st)
            nextRow[table] += 1
        case .simpleLiteral, .langLiteral, .typedLiteral:
            row = nextRow[2]
            let st = try prepared("INSERT INTO literals (id, text, language, datatype) VALUES (?, ?, ?, ?)")
            var datatypeRow: Int64?
            if kind == .typedLiteral {
                let zero = bytes[1...].firstIndex(of: 0)!
                let dtTerm = Array([TermKind.iri.rawValue] + bytes[1..<zero])
                let (dtID, _) = dtTerm.withUnsafeBytes { w.intern($0) }
                datatypeRow = try ensureRow(dtID, &w, &newRows)
            }
            sqlite3_reset(st)
            sqlite3_clear_bindings(st)
            sqlite3_bind_int64(st, 1, row)
            bytes.withUnsafeBytes { raw in
                if kind == .simpleLiteral {
                    bindText(st, 2, UnsafeRawBufferPointer(rebasing: raw[1...]))
                } else {
                    let zero = raw[1...].firstIndex(of: 0)!
                    bindText(st, 2, UnsafeRawBufferPointer(rebasing: raw[(zero + 1)...]))
                    if kind == .langLiteral { bindText(st, 3, UnsafeRawBufferPointer(rebasing: raw[1..<zero])) }
                }
            }
            if let datatypeRow { sqlite3_bind_int64(st, 4, datatypeRow) }
            try step(st)
            nextRow[2] += 1
        }
        if i >= rowOf.count { rowOf.append(contentsOf: repeatElement(0, count: i + 1 - rowOf.count)) }
        rowOf[i] = row
        newRows.append(id)
        return row
    }

    func close() {
        for (_, st) in statements { sqlite3_finalize(st) }
        statements.removeAll()
        if let db { sqlite3_close(db) }
        db = nil
    }

    deinit { close() }

    // MARK: SQLite helpers

    private func exec(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(db, sql, nil, nil, &err) != SQLITE_OK {
            let msg = err.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(err)
            throw StoreError.backend("sqlite:\(path): \(sql): \(msg)")
        }
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let st = statements[sql] { return st }
        var st: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &st, nil) == SQLITE_OK, let st else {
            throw StoreError.backend("sqlite:\(path): \(String(cString: sqlite3_errmsg(db)))")
        }
        statements[sql] = st
        return st
    }

    private func step(_ st: OpaquePointer) throws {
        let rc = sqlite3_step(st)
        guard rc == SQLITE_DONE || rc == SQLITE_ROW else {
            throw StoreError.backend("sqlite:\(path): \(String(cString: sqlite3_errmsg(db)))")
        }
    }

    private func query(_ sql: String, _ row: (OpaquePointer) throws -> Void) throws {
        var st: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &st, nil) == SQLITE_OK, let st else {
            throw StoreError.backend("sqlite:\(path): \(String(cString: sqlite3_errmsg(db)))")
        }
        defer { sqlite3_finalize(st) }
        while true {
            let rc = sqlite3_step(st)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else { throw StoreError.backend("sqlite:\(path): \(String(cString: sqlite3_errmsg(db)))") }
            try row(st)
        }
    }
}

/// SQLite's SQLITE_TRANSIENT: copy the bound bytes.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

private func bindText(_ st: OpaquePointer, _ col: Int32, _ bytes: UnsafeRawBufferPointer) {
    if bytes.isEmpty {
        sqlite3_bind_text(st, col, "", 0, transient)
    } else {
        sqlite3_bind_text(st, col, bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
    }
}

private func appendText(_ st: OpaquePointer, _ col: Int32, to out: inout [UInt8]) {
    let n = Int(sqlite3_column_bytes(st, col))
    if n > 0, let p = sqlite3_column_blob(st, col) {
        out.append(contentsOf: UnsafeRawBufferPointer(start: p, count: n))
    }
}

private func columnEquals(_ st: OpaquePointer, _ col: Int32, _ s: String) -> Bool {
    let n = Int(sqlite3_column_bytes(st, col))
    guard let p = sqlite3_column_blob(st, col) else { return s.isEmpty }
    return s.utf8.elementsEqual(UnsafeRawBufferPointer(start: p, count: n))
}
