/// A term's small integer id in a ``TermDictionary``. Ids start at 1; 0 means
/// "no term" (for a quad, the unnamed default graph).
public typealias TermID = UInt32

/// Assigns each distinct term a dense ``TermID`` and maps ids back to terms.
///
/// Terms are kept in their compact encoding (see ``TermKind``) in one byte
/// arena, with an open-addressing hash table of ids, so a term costs its
/// bytes plus about 20 bytes. The dictionary only grows: ids stay valid for
/// the life of the dictionary. Lookups from many threads run together;
/// inserts take the lock alone, so bulk loads intern in batches through
/// ``withWriter(_:)``.
public final class TermDictionary: @unchecked Sendable {
    private let lock = ReadWriteLock()
    private var store = Storage()

    public init() {}

    deinit { store.arena.deallocate() }

    /// The number of terms.
    public var count: Int { lock.withReadLock { store.count } }

    /// Approximate bytes held by the dictionary.
    public var memoryBytes: Int { lock.withReadLock { store.memoryBytes } }

    /// Gives back memory reserved for growth, after a bulk load.
    public func trim() {
        lock.withWriteLock { store.trim() }
    }

    /// The id of an encoded term, if present.
    public func lookup(encoded bytes: UnsafeRawBufferPointer) -> TermID? {
        lock.withReadLock { store.find(bytes, hash: TermDictionary.hash(bytes)) }
    }

    /// The id of a term, if present.
    public func lookup(_ term: Term) -> TermID? {
        term.encoded.withUnsafeBytes { lookup(encoded: $0) }
    }

    /// The id of a term, adding it when new.
    @discardableResult
    public func intern(_ term: Term) -> TermID {
        term.encoded.withUnsafeBytes { bytes in withWriter { $0.intern(bytes).id } }
    }

    /// The id of an encoded term, adding it when new.
    @discardableResult
    public func intern(encoded bytes: UnsafeRawBufferPointer) -> TermID {
        withWriter { $0.intern(bytes).id }
    }

    /// Interns many terms at once, in order: `ends[i]` is where the `i`th
    /// encoded term ends in `bytes`. All are looked up together under the
    /// shared read lock, so threads interning mostly known terms (predicates,
    /// classes, shared entities) do not wait on one another; only the new ones
    /// are then added, under the write lock, taken once.
    public func intern(encoded bytes: UnsafeRawBufferPointer, ends: [Int]) -> [TermID] {
        var ids = [TermID](repeating: 0, count: ends.count)
        var hashes = [UInt64](repeating: 0, count: ends.count)
        func term(_ i: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]])
        }
        for i in ends.indices { hashes[i] = TermDictionary.hash(term(i)) }
        var missing = 0
        lock.withReadLock {
            for i in ends.indices {
                if let id = store.find(term(i), hash: hashes[i]) { ids[i] = id } else { missing += 1 }
            }
        }
        if missing > 0 {
            lock.withWriteLock {
                for i in ends.indices where ids[i] == 0 {
                    let t = term(i)
                    ids[i] = store.find(t, hash: hashes[i]) ?? store.append(t, hash: hashes[i])
                }
            }
        }
        return ids
    }

    /// The term with the given id. Traps on an id the dictionary never gave.
    public func term(_ id: TermID) -> Term {
        lock.withReadLock {
            store.withBytes(id) { Term(encoded: $0)! }
        }
    }

    /// Calls `body` with the encoded bytes of the term `id`, under the read lock.
    public func withEncoded<T>(_ id: TermID, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try lock.withReadLock { try store.withBytes(id, body) }
    }

    /// The kind of the term `id`.
    public func kind(_ id: TermID) -> TermKind {
        lock.withReadLock { store.withBytes(id) { TermKind(rawValue: $0[0])! } }
    }

    /// Runs `body` holding the write lock, for interning many terms at once.
    public func withWriter<T>(_ body: (inout Writer) throws -> T) rethrows -> T {
        try lock.withWriteLock {
            var w = Writer(dictionary: self)
            return try body(&w)
        }
    }

    /// Interns terms while the write lock is held; see ``withWriter(_:)``.
    public struct Writer: ~Copyable {
        fileprivate let dictionary: TermDictionary

        /// The id of the encoded term, and whether it was new.
        public mutating func intern(_ bytes: UnsafeRawBufferPointer) -> (id: TermID, inserted: Bool) {
            let h = TermDictionary.hash(bytes)
            if let id = dictionary.store.find(bytes, hash: h) { return (id, false) }
            return (dictionary.store.append(bytes, hash: h), true)
        }

        /// Looks up an encoded term without adding it.
        public func lookup(_ bytes: UnsafeRawBufferPointer) -> TermID? {
            dictionary.store.find(bytes, hash: TermDictionary.hash(bytes))
        }

        /// The encoded bytes of `id` (valid while the writer lives).
        public func withEncoded<T>(_ id: TermID, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
            try dictionary.store.withBytes(id, body)
        }
    }

    /// The dictionary's memory laid flat, for saving it (see MnemoStore's index
    /// sidecar): the term bytes, where each id starts, the per-id hash bits and
    /// the hash table of ids. Valid only inside ``withImage(_:)``.
    package struct Image {
        /// Terms in the dictionary.
        package var count: Int
        /// The term bytes, `starts[count + 1]` of them.
        package var arena: UnsafeRawBufferPointer
        /// `count + 2` offsets: term `i` is `arena[starts[i]..<starts[i + 1]]`.
        package var starts: UnsafeBufferPointer<Int>
        /// `count + 1` high hash halves (index 0 unused).
        package var hashes: UnsafeBufferPointer<UInt32>
        /// The open-addressing table of ids (a power of two long, 0: empty).
        package var table: UnsafeBufferPointer<TermID>
    }

    /// Calls `body` with the dictionary's memory, under the read lock.
    package func withImage<T>(_ body: (Image) throws -> T) rethrows -> T {
        try lock.withReadLock {
            try store.starts.withUnsafeBufferPointer { starts in
                try store.hashes.withUnsafeBufferPointer { hashes in
                    try store.table.withUnsafeBufferPointer { table in
                        try body(Image(count: store.count,
                                       arena: UnsafeRawBufferPointer(start: store.arena, count: store.arenaUsed),
                                       starts: starts, hashes: hashes, table: table))
                    }
                }
            }
        }
    }

    /// A dictionary made from a saved ``Image``: `arena` (allocated with
    /// alignment 8, at least `arenaBytes` long) becomes the dictionary's and is
    /// freed with it, also when the parts do not fit together (then nil: a
    /// damaged image is refused, never trusted).
    package convenience init?(restoringCount count: Int, arena: UnsafeMutableRawPointer, arenaBytes: Int,
                              starts: [Int], hashes: [UInt32], table: [TermID]) {
        var ok = count >= 0 && count < Int(TermID.max) && starts.count == count + 2 && hashes.count == count + 1
            && table.count >= 1024 && table.count & (table.count - 1) == 0 && count * 10 <= table.count * 7
            && starts[0] == 0 && starts[1] == 0 && starts[count + 1] == arenaBytes
        if ok {
            var prev = 0
            for s in starts {
                if s < prev { ok = false; break }
                prev = s
            }
        }
        if ok {
            var used = 0
            for id in table where id != 0 {
                if Int(id) > count { ok = false; break }
                used += 1
            }
            ok = ok && used == count
        }
        guard ok else {
            arena.deallocate()
            return nil
        }
        self.init()
        store.arena.deallocate()
        store.arena = arena
        store.arenaCapacity = max(arenaBytes, 1)
        store.arenaUsed = arenaBytes
        store.starts = starts
        store.hashes = hashes
        store.table = table
        store.count = count
    }

    /// A fast 64-bit hash of a byte string (multiply-xorshift over 8-byte words).
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let w = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return h
    }
}

/// The dictionary's memory: an arena of term bytes, per-id start offsets and
/// hashes, and a hash table of ids. Guarded by the dictionary's lock.
private struct Storage {
    var arena: UnsafeMutableRawPointer = .allocate(byteCount: 1 << 16, alignment: 8)
    var arenaCapacity = 1 << 16
    var arenaUsed = 0
    /// starts[i] is where term id i begins; starts[count + 1] is arenaUsed.
    var starts: [Int] = [0, 0]
    var hashes: [UInt32] = [0]
    var table: [TermID] = Array(repeating: 0, count: 1024)
    var count = 0

    var memoryBytes: Int { arenaCapacity + starts.capacity * 8 + hashes.capacity * 4 + table.count * 4 }

    func withBytes<T>(_ id: TermID, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        precondition(id >= 1 && Int(id) <= count, "unknown term id \(id)")
        let s = starts[Int(id)], e = starts[Int(id) + 1]
        return try body(UnsafeRawBufferPointer(start: arena + s, count: e - s))
    }

    func find(_ bytes: UnsafeRawBufferPointer, hash: UInt64) -> TermID? {
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let h32 = UInt32(truncatingIfNeeded: hash >> 32)
        while true {
            let id = table[slot]
            if id == 0 { return nil }
            if hashes[Int(id)] == h32 {
                let s = starts[Int(id)], e = starts[Int(id) + 1]
                if e - s == bytes.count,
                   bytes.count == 0 || memcmp(arena + s, bytes.baseAddress!, bytes.count) == 0 {
                    return id
                }
            }
            slot = (slot + 1) & mask
        }
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer, hash: UInt64) -> TermID {
        if arenaUsed + bytes.count > arenaCapacity {
            // Grow by a quarter (at least 1 MiB): doubling would leave up to half the arena unused.
            var cap = max(arenaCapacity + arenaCapacity / 4, arenaCapacity + (1 << 20))
            while cap < arenaUsed + bytes.count { cap += cap / 4 }
            let grown = UnsafeMutableRawPointer.allocate(byteCount: cap, alignment: 8)
            grown.copyMemory(from: arena, byteCount: arenaUsed)
            arena.deallocate()
            arena = grown
            arenaCapacity = cap
        }
        if bytes.count > 0 { (arena + arenaUsed).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
        arenaUsed += bytes.count
        count += 1
        let id = TermID(count)
        starts.append(arenaUsed)
        hashes.append(UInt32(truncatingIfNeeded: hash >> 32))
        // Keep the table at most 70% full.
        if count * 10 > table.count * 7 { rehash(table.count * 2) } else { place(id, hash: hash) }
        return id
    }

    mutating func trim() {
        if arenaCapacity > arenaUsed + 4096 {
            let cap = max(arenaUsed, 1 << 16)
            let fitted = UnsafeMutableRawPointer.allocate(byteCount: cap, alignment: 8)
            fitted.copyMemory(from: arena, byteCount: arenaUsed)
            arena.deallocate()
            arena = fitted
            arenaCapacity = cap
        }
        // Copies through a buffer pointer get storage of their exact size.
        if starts.capacity > starts.count + 1024 { starts = starts.withUnsafeBufferPointer { Array($0) } }
        if hashes.capacity > hashes.count + 1024 { hashes = hashes.withUnsafeBufferPointer { Array($0) } }
    }

    private mutating func place(_ id: TermID, hash: UInt64) {
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while table[slot] != 0 { slot = (slot + 1) & mask }
        table[slot] = id
    }

    private mutating func rehash(_ size: Int) {
        table = Array(repeating: 0, count: size)
        for i in 1...count {
            let s = starts[i], e = starts[i + 1]
            let h = TermDictionary.hash(UnsafeRawBufferPointer(start: arena + s, count: e - s))
            place(TermID(i), hash: h)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
