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
    /// ``TermKind`` raw value of each term id that has a row.
    private var kindOf: [UInt8] = [0]
    private var nextRow: [Int64] = [1, 1, 1]  // uris, blanks, literals
    private var statements: [String: OpaquePointer] = [:]

    let isTransactional = true

    init(path: String) throws {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            try SQLiteBackend.createWithRedland(path: path)
        }
        // No mutex per call: the store's write lock already keeps this connection to one thread at a time.
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK else {
            let msg = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw StoreError.open("sqlite:\(path)", msg)
        }
        sqlite3_busy_timeout(db, 10_000)
        do {
            // Rollback-journal mode (SQLite's default, `journal_mode=delete`: librdf sets none)
            // with synchronous=NORMAL. The setting only decides when SQLite calls fsync, which
            // matters when the operating system stops (power cut, kernel panic): then the last
            // commits may be lost and, in rollback mode, a badly timed cut can even corrupt the
            // file. A killed *process* (SIGKILL, a crash) loses nothing the kernel already has:
            // every write(2) is in the page cache and reaches the file. So once COMMIT returns
            // the batch is durable against a process kill, and a batch cut off before that
            // leaves a hot journal that the next connection rolls back before it reads. (WAL
            // with NORMAL gives the same for a kill: committed frames are in the -wal file and
            // are replayed at open.) ServeCrashTests checks this with SIGKILLs under load.
            try exec("PRAGMA synchronous=NORMAL")
            try exec("PRAGMA cache_size=-262144")
            try checkSchema()
            try exec("CREATE INDEX IF NOT EXISTS mnemo_literals_text ON literals (text)")
            try exec("CREATE INDEX IF NOT EXISTS mnemo_blanks_blank ON blanks (blank)")
            ensureStamp()
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
                if Int(id) >= rowOf.count || rowOf[Int(id)] == 0 { setRow(id, row, TermKind(rawValue: scratch[0])!) }
                nextRow[table] = max(nextRow[table], row + 1)
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
        dataVersion = try currentDataVersion()
        var quads: [QuadIDs] = []
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
            quads.append(QuadIDs(s, p, o, g))  // repeats are removed when the index is built
        }
        return quads
    }

    // MARK: The state an index sidecar is tied to

    /// The database state an index sidecar was made from: Mnemo's stamp (a
    /// random number that every Mnemo write batch replaces, in its own
    /// transaction) and SQLite's file change counter and page count from the
    /// file header. SQLite increments the change counter on every write
    /// transaction of any writer in rollback-journal mode, so a write that
    /// bypasses Mnemo (librdf, the sqlite3 shell) changes it too.
    struct Fingerprint: Equatable, CustomStringConvertible {
        var stamp: UInt64
        var changeCounter: UInt32
        var pages: UInt32

        var description: String {
            "stamp \(String(stamp, radix: 16)), change counter \(changeCounter), \(pages) pages"
        }
    }

    /// True when the database has Mnemo's stamp table (a read-only file made by other tools may not).
    private(set) var hasStamp = false
    /// The stamp of the state this connection last read (at open) or wrote.
    private(set) var stamp: UInt64 = 0
    /// True once the open batch has changed something.
    private var batchWrites = false

    private static func newStamp() -> UInt64 {
        var s: UInt64 = 0
        while s == 0 { s = UInt64.random(in: 1...UInt64.max) }
        return s
    }

    /// Makes sure `mnemo_meta` holds a stamp. Librdf ignores tables it does not know.
    private func ensureStamp() {
        if (try? readStamp()) != nil {
            hasStamp = true
            return
        }
        do {
            try exec("BEGIN IMMEDIATE")
            try exec("CREATE TABLE IF NOT EXISTS mnemo_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)")
            try exec("INSERT OR IGNORE INTO mnemo_meta (key, value) VALUES ('stamp', \(Int64(bitPattern: SQLiteBackend.newStamp())))")
            try exec("COMMIT")
            hasStamp = true
        } catch {
            _ = try? exec("ROLLBACK")  // a read-only database: no sidecar then
        }
    }

    private func readStamp() throws -> UInt64? {
        var s: UInt64?
        try query("SELECT value FROM mnemo_meta WHERE key = 'stamp'") { s = UInt64(bitPattern: sqlite3_column_int64($0, 0)) }
        return s
    }

    /// Opens a read transaction that holds SQLite's shared lock until
    /// ``endRead()``: no writer can commit in between, so the fingerprint,
    /// a scan and a sidecar made inside it all describe one state.
    func beginRead() throws {
        try exec("BEGIN")
        try query("SELECT count(*) FROM sqlite_master") { _ in }
    }

    func endRead() {
        _ = try? exec("COMMIT")
    }

    /// The database's current state, inside a read transaction; nil when it
    /// cannot vouch for one (no stamp table, or WAL mode, where SQLite does
    /// not keep the change counter).
    func fingerprint() throws -> Fingerprint? {
        guard hasStamp, let s = try readStamp(), let h = readHeader() else { return nil }
        // Bytes 18 and 19: file format read/write versions, 1 for rollback journal, 2 for WAL.
        guard h[18] == 1, h[19] == 1 else { return nil }
        func word(_ at: Int) -> UInt32 { h[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) } }
        // The page count at 28 is valid when the "version-valid-for" number at 92 matches the counter at 24.
        guard word(92) == word(24) else { return nil }
        return Fingerprint(stamp: s, changeCounter: word(24), pages: word(28))
    }

    /// Takes `fingerprint` (read at open) as the state this connection knows.
    func adopt(_ fingerprint: Fingerprint) throws {
        stamp = fingerprint.stamp
        dataVersion = try currentDataVersion()
    }

    /// True when no other connection has committed since this one last read or wrote.
    func unchangedByOthers() throws -> Bool {
        try currentDataVersion() == dataVersion
    }

    /// The first 100 bytes of the database file, read through SQLite's own
    /// file handle (opening and closing another descriptor of the file would
    /// drop SQLite's POSIX locks on it).
    private func readHeader() -> [UInt8]? {
        var raw: UnsafeMutableRawPointer?
        guard sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &raw) == SQLITE_OK, let raw else { return nil }
        let file = raw.assumingMemoryBound(to: sqlite3_file.self)
        guard let methods = file.pointee.pMethods, let xRead = methods.pointee.xRead else { return nil }
        var header = [UInt8](repeating: 0, count: 100)
        let rc = header.withUnsafeMutableBytes { xRead(file, $0.baseAddress, 100, 0) }
        return rc == SQLITE_OK ? header : nil
    }

    /// The row ids of the dictionary's terms, for an index sidecar.
    struct RowState {
        /// Row id per term id (0: not stored), `terms + 1` long.
        var rowOf: [Int64]
        /// ``TermKind`` raw value per term id that has a row.
        var kindOf: [UInt8]
        /// The next free row of `uris`, `blanks`, `literals`.
        var nextRow: [Int64]
    }

    func rowState(terms: Int) -> RowState {
        func fitted<T: FixedWidthInteger>(_ a: [T]) -> [T] {
            a.count >= terms + 1 ? Array(a[0...terms]) : a + repeatElement(0, count: terms + 1 - a.count)
        }
        return RowState(rowOf: fitted(rowOf), kindOf: fitted(kindOf), nextRow: nextRow)
    }

    func restore(_ rows: RowState) {
        rowOf = rows.rowOf
        kindOf = rows.kindOf
        nextRow = rows.nextRow
    }

    // MARK: Writing

    /// Row ids and kinds assigned in the open batch, forgotten on rollback.
    private var batchRows: [TermID] = []
    private var batchNextRow: [Int64] = []

    /// SQLite's `data_version` when this connection last read or wrote the
    /// file; it changes when another connection commits.
    private var dataVersion: Int64 = 0

    private func currentDataVersion() throws -> Int64 {
        var v: Int64 = 0
        try query("PRAGMA data_version") { v = sqlite3_column_int64($0, 0) }
        return v
    }

    func begin() throws {
        try exec("BEGIN IMMEDIATE")
        batchWrites = false
        // Holding the write lock, make sure no other process wrote since the index was built:
        // its terms and rows would be unknown here.
        if try currentDataVersion() != dataVersion {
            _ = try? exec("ROLLBACK")
            throw StoreError.backend("sqlite:\(path) was changed by another process after this one opened it; reopen the store to see those changes before writing")
        }
        batchRows.removeAll()
        batchNextRow = nextRow
    }

    func commit() throws {
        // A batch that changed something gives the database a new stamp, in
        // the same transaction: an index sidecar made before it no longer
        // matches, whether or not this process lives to write a new one.
        var next: UInt64?
        if hasStamp && batchWrites {
            let s = SQLiteBackend.newStamp()
            try exec("UPDATE mnemo_meta SET value = \(Int64(bitPattern: s)) WHERE key = 'stamp'")
            next = s
        }
        try exec("COMMIT")
        if let next { stamp = next }
        batchRows.removeAll()
    }

    func rollback() {
        _ = try? exec("ROLLBACK")
        for id in batchRows { rowOf[Int(id)] = 0 }
        batchRows.removeAll()
        if !batchNextRow.isEmpty { nextRow = batchNextRow }
    }

    func insert(_ quads: [QuadIDs], newTerms: NewTerms?, dictionary: TermDictionary) throws {
        if !quads.isEmpty || !(newTerms?.isEmpty ?? true) { batchWrites = true }
        try newTerms?.forEach { id, bytes, datatype in
            if Int(id) < rowOf.count, rowOf[Int(id)] != 0 { return }
            try storeTerm(id, bytes, datatypeRow: datatype == 0 ? nil : try ensureRow(datatype, dictionary).0)
        }
        // A bulk load (at least as many rows as the table holds) fills tables
        // without their indexes and builds each index once, sorted, at the end:
        // far cheaper than keeping B-trees of random strings up to date row by
        // row. All inside the open transaction, so a rollback restores them.
        let rebuilt = quads.count >= Self.bulkRows ? try dropIndexesForBulkLoad(adding: quads.count) : []
        // Rows go in 32 to a statement: one step per 32 rows instead of per row.
        let columns = "INSERT INTO triples (subjectUri, subjectBlank, predicateUri, objectUri, objectBlank, objectLiteral, contextUri) VALUES "
        var next = 0
        if quads.count >= Self.rowsPerInsert {
            let many = try prepared(columns + Array(repeating: "(?,?,?,?,?,?,?)", count: Self.rowsPerInsert).joined(separator: ","))
            while next + Self.rowsPerInsert <= quads.count {
                sqlite3_reset(many)
                sqlite3_clear_bindings(many)
                for k in 0..<Self.rowsPerInsert { try bindQuad(many, quads[next + k], dictionary, row: Int32(k)) }
                try step(many)
                next += Self.rowsPerInsert
            }
        }
        let st = try prepared(columns + "(?,?,?,?,?,?,?)")
        for q in quads[next...] {
            sqlite3_reset(st)
            sqlite3_clear_bindings(st)
            try bindQuad(st, q, dictionary)
            try step(st)
        }
        for sql in rebuilt { try exec(sql) }
    }

    static let rowsPerInsert = 32

    /// Inserts of at least this many rows may rebuild the indexes instead of updating them.
    static let bulkRows = 200_000

    /// Drops the indexes of the four tables when `adding` rows is at least as many as
    /// `triples` holds; returns the statements that recreate them exactly as they were.
    private func dropIndexesForBulkLoad(adding: Int) throws -> [String] {
        var stored = 0
        try query("SELECT COUNT(*) FROM triples") { stored = Int(sqlite3_column_int64($0, 0)) }
        guard adding >= stored else { return [] }
        var indexes: [(name: String, sql: String)] = []
        try query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('triples', 'uris', 'blanks', 'literals')") { st in
            indexes.append((String(cString: sqlite3_column_text(st, 0)), String(cString: sqlite3_column_text(st, 1))))
        }
        // Prepared statements may refer to a dropped index: prepare them again.
        for (_, st) in statements { sqlite3_finalize(st) }
        statements.removeAll()
        for ix in indexes { try exec("DROP INDEX \"\(ix.name.replacingOccurrences(of: "\"", with: "\"\""))\"") }
        return indexes.map(\.sql)
    }

    func delete(_ quads: [QuadIDs], dictionary: TermDictionary) throws {
        if quads.isEmpty { return }
        batchWrites = true
        let st = try prepared("DELETE FROM triples WHERE subjectUri IS ? AND subjectBlank IS ? AND predicateUri IS ? AND objectUri IS ? AND objectBlank IS ? AND objectLiteral IS ? AND contextUri IS ?")
        for q in quads {
            sqlite3_reset(st)
            sqlite3_clear_bindings(st)
            try bindQuad(st, q, dictionary)
            try step(st)
        }
    }

    func deleteGraph(_ graph: TermID, dictionary: TermDictionary) throws {
        guard Int(graph) < rowOf.count, rowOf[Int(graph)] != 0 else { return }
        batchWrites = true
        let st = try prepared("DELETE FROM triples WHERE contextUri = ?")
        sqlite3_reset(st)
        sqlite3_bind_int64(st, 1, rowOf[Int(graph)])
        try step(st)
    }

    /// Binds the seven columns of a `triples` row: parameters 1 to 7 of the statement's `row`th row.
    private func bindQuad(_ st: OpaquePointer, _ q: QuadIDs, _ d: TermDictionary, row: Int32 = 0) throws {
        let o = row * 7
        try bindNode(st, q.s, uri: o + 1, blank: o + 2, literal: nil, d)
        try bindNode(st, q.p, uri: o + 3, blank: nil, literal: nil, d)
        try bindNode(st, q.o, uri: o + 4, blank: o + 5, literal: o + 6, d)
        if q.g != 0 {
            let (_, kind) = try ensureRow(q.g, d)
            guard kind == .iri else {
                throw StoreError.badInput("Redland's sqlite storage names graphs by IRI only; a blank-node graph name cannot be stored")
            }
            try bindNode(st, q.g, uri: o + 7, blank: nil, literal: nil, d)
        }
    }

    /// Binds the row of term `id` to the column for its kind, storing the term first if needed.
    private func bindNode(_ st: OpaquePointer, _ id: TermID, uri: Int32, blank: Int32?, literal: Int32?,
                          _ d: TermDictionary) throws {
        let (row, kind) = try ensureRow(id, d)
        let column: Int32?
        switch kind {
        case .iri: column = uri
        case .blank: column = blank
        default: column = literal
        }
        guard let column else { throw StoreError.badInput("a \(kind) cannot stand in that position of a statement") }
        sqlite3_bind_int64(st, column, row)
    }

    /// The row id and kind of term `id`, inserting the term into its table when new.
    private func ensureRow(_ id: TermID, _ d: TermDictionary) throws -> (Int64, TermKind) {
        let i = Int(id)
        if i < rowOf.count, rowOf[i] != 0 { return (rowOf[i], TermKind(rawValue: kindOf[i])!) }
        let bytes = d.withEncoded(id) { Array($0) }
        var datatypeRow: Int64?
        if bytes[0] == TermKind.typedLiteral.rawValue {
            let split = bytes[1...].firstIndex(of: 0)!
            let dtID = Array([TermKind.iri.rawValue] + bytes[1..<split]).withUnsafeBytes { d.intern(encoded: $0) }
            datatypeRow = try ensureRow(dtID, d).0
        }
        return try bytes.withUnsafeBytes { try storeTerm(id, $0, datatypeRow: datatypeRow) }
    }

    /// Inserts term `id` into its table (`datatypeRow`: a typed literal's datatype row).
    @discardableResult
    private func storeTerm(_ id: TermID, _ bytes: UnsafeRawBufferPointer, datatypeRow: Int64?) throws -> (Int64, TermKind) {
        let kind = TermKind(rawValue: bytes[0])!
        let row: Int64
        switch kind {
        case .iri, .blank:
            let table = kind == .iri ? 0 : 1
            row = nextRow[table]
            let st = try prepared(kind == .iri ? "INSERT INTO uris (id, uri) VALUES (?, ?)" : "INSERT INTO blanks (id, blank) VALUES (?, ?)")
            sqlite3_reset(st)
            sqlite3_bind_int64(st, 1, row)
            bindText(st, 2, UnsafeRawBufferPointer(rebasing: bytes[1...]))
            try step(st)
            nextRow[table] += 1
        case .simpleLiteral, .langLiteral, .typedLiteral:
            row = nextRow[2]
            let st = try prepared("INSERT INTO literals (id, text, language, datatype) VALUES (?, ?, ?, ?)")
            sqlite3_reset(st)
            sqlite3_clear_bindings(st)
            sqlite3_bind_int64(st, 1, row)
            if kind == .simpleLiteral {
                bindText(st, 2, UnsafeRawBufferPointer(rebasing: bytes[1...]))
            } else {
                let split = bytes[1...].firstIndex(of: 0)!
                bindText(st, 2, UnsafeRawBufferPointer(rebasing: bytes[(split + 1)...]))
                if kind == .langLiteral { bindText(st, 3, UnsafeRawBufferPointer(rebasing: bytes[1..<split])) }
            }
            if let datatypeRow { sqlite3_bind_int64(st, 4, datatypeRow) }
            try step(st)
            nextRow[2] += 1
        }
        setRow(id, row, kind)
        batchRows.append(id)
        return (row, kind)
    }

    private func setRow(_ id: TermID, _ row: Int64, _ kind: TermKind) {
        let i = Int(id)
        if i >= rowOf.count {
            let grow = max(i + 1, rowOf.count * 2) - rowOf.count
            rowOf.append(contentsOf: repeatElement(0, count: grow))
            kindOf.append(contentsOf: repeatElement(0, count: grow))
        }
        rowOf[i] = row
        kindOf[i] = kind.rawValue
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
