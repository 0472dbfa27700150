import Foundation
import MnemoRDF
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Mnemo's index of a `sqlite:` store saved beside it, in `PATH.mnemo-index`,
/// so that opening the store reads a few flat arrays instead of scanning and
/// sorting every quad.
///
/// The file is a cache, never a source of truth. It holds the term
/// dictionary (term bytes, offsets, hash bits and hash table), the row id of
/// each term in Redland's tables, and every sorted run of the four orders,
/// each section with its own checksum, after a header that names the exact
/// database state it was made from (see ``SQLiteBackend/Fingerprint``). It is
/// used only when that state is the database's current one and every
/// checksum holds; otherwise the store is rebuilt by the scan, as without a
/// sidecar. It is written to a temporary file, synced and renamed into
/// place, so a crash leaves either the old file or the new one.
///
/// Layout (native byte order, which the magic number checks): a header of
/// 64-bit slots — ``HeaderSlot`` fixed ones, then four per section (tag,
/// offset, length, checksum), then the header's own checksum — and the
/// sections, each at a 64-byte boundary.
enum IndexSidecar {
    /// "MNEMOIDX" read as a little-endian word.
    static let magic: UInt64 = 0x5844_494F_4D45_4E4D
    /// Bumped whenever the layout or the meaning of a section changes.
    static let formatVersion: UInt64 = 1

    static func path(for databasePath: String) -> String { databasePath + ".mnemo-index" }

    /// Why a sidecar was not used.
    enum Failure: Error, CustomStringConvertible {
        case missing
        case unreadable(String)
        case damaged(String)
        case stale(String)

        var description: String {
            switch self {
            case .missing: return "no index sidecar"
            case .unreadable(let m): return "index sidecar unreadable: \(m)"
            case .damaged(let m): return "index sidecar damaged: \(m)"
            case .stale(let m): return "index sidecar stale: \(m)"
            }
        }
    }

    /// What a sidecar restores.
    struct Contents {
        var dictionary: TermDictionary
        var snapshot: IndexSnapshot
        var rows: SQLiteBackend.RowState
    }

    private enum HeaderSlot: Int, CaseIterable {
        case magic, version, stamp, changeCounter, pages, quads, terms, arenaBytes
        case nextURIRow, nextBlankRow, nextLiteralRow, sections, fileLength
    }

    private enum Tag: UInt64 {
        case arena = 1, starts, hashes, table, rowOf, kindOf
        /// A sorted run of order `rawValue - run`.
        case run = 16
    }

    private struct Section {
        var tag: UInt64
        var offset = 0
        var length = 0
        var checksum: UInt64 = 0
    }

    /// Bytes read or written per system call, a multiple of 32 (see ``Checksum``).
    private static let chunk = 1 << 20

    // MARK: Writing

    /// Writes the sidecar of `snapshot` (with `dictionary` and `rows`) as the
    /// index of the database state `fingerprint`, atomically replacing any
    /// previous one. The caller makes sure the index is that of this state;
    /// the database may move on meanwhile (the file is then merely stale).
    static func write(to path: String, fingerprint: SQLiteBackend.Fingerprint, dictionary: TermDictionary,
                      snapshot: IndexSnapshot, rows: SQLiteBackend.RowState) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.backend("\(temporary): \(String(cString: strerror(errno)))") }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do {
            try dictionary.withImage { image in
                let terms = image.count
                precondition(rows.rowOf.count == terms + 1 && rows.kindOf.count == terms + 1)
                try rows.rowOf.withUnsafeBytes { rowOf in
                    try rows.kindOf.withUnsafeBytes { kindOf in
                        var parts: [(Tag, UInt64, UnsafeRawBufferPointer)] = [
                            (.arena, 0, image.arena), (.starts, 0, UnsafeRawBufferPointer(image.starts)),
                            (.hashes, 0, UnsafeRawBufferPointer(image.hashes)), (.table, 0, UnsafeRawBufferPointer(image.table)),
                            (.rowOf, 0, rowOf), (.kindOf, 0, kindOf),
                        ]
                        try withRunBytes(snapshot, &parts) { parts in
                            var header = [UInt64](repeating: 0, count: HeaderSlot.allCases.count)
                            header[HeaderSlot.magic.rawValue] = magic
                            header[HeaderSlot.version.rawValue] = formatVersion
                            header[HeaderSlot.stamp.rawValue] = fingerprint.stamp
                            header[HeaderSlot.changeCounter.rawValue] = UInt64(fingerprint.changeCounter)
                            header[HeaderSlot.pages.rawValue] = UInt64(fingerprint.pages)
                            header[HeaderSlot.quads.rawValue] = UInt64(snapshot.count)
                            header[HeaderSlot.terms.rawValue] = UInt64(terms)
                            header[HeaderSlot.arenaBytes.rawValue] = UInt64(image.arena.count)
                            header[HeaderSlot.nextURIRow.rawValue] = UInt64(bitPattern: rows.nextRow[0])
                            header[HeaderSlot.nextBlankRow.rawValue] = UInt64(bitPattern: rows.nextRow[1])
                            header[HeaderSlot.nextLiteralRow.rawValue] = UInt64(bitPattern: rows.nextRow[2])
                            header[HeaderSlot.sections.rawValue] = UInt64(parts.count)
                            let headerBytes = (header.count + 4 * parts.count + 1) * 8
                            var offset = align(headerBytes, 4096)
                            var sections: [Section] = []
                            for (tag, extra, bytes) in parts {
                                var s = Section(tag: tag.rawValue + extra, offset: offset, length: bytes.count)
                                s.checksum = try writeAll(fd, bytes, at: offset)
                                sections.append(s)
                                offset = align(offset + bytes.count, 64)
                            }
                            let end = sections.last.map { $0.offset + $0.length } ?? align(headerBytes, 4096)
                            header[HeaderSlot.fileLength.rawValue] = UInt64(end)
                            for s in sections {
                                header += [s.tag, UInt64(s.offset), UInt64(s.length), s.checksum]
                            }
                            header.append(header.withUnsafeBytes { Checksum.of($0) })
                            _ = try header.withUnsafeBytes { try writeAll(fd, $0, at: 0) }
                            guard ftruncate(fd, off_t(end)) == 0 else { throw posixError(temporary) }
                        }
                    }
                }
            }
            guard fsync(fd) == 0 else { throw posixError(temporary) }
            closed = true
            guard close(fd) == 0 else { throw posixError(temporary) }
            guard rename(temporary, path) == 0 else { throw posixError(path) }
        } catch {
            unlink(temporary)
            throw error
        }
        // Make the rename itself durable.
        let dfd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
        removeAbandonedTemporaries(of: path)
    }

    /// Temporary files left by writers that died before renaming them.
    private static func removeAbandonedTemporaries(of path: String) {
        let url = URL(fileURLWithPath: path)
        let prefix = url.lastPathComponent + ".tmp-"
        let directory = url.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let pid = name.dropFirst(prefix.count).prefix { $0 != "-" }
            // Only files of processes that no longer run: a live writer is still using its file.
            guard let p = pid_t(pid), p != getpid(), kill(p, 0) != 0, errno == ESRCH else { continue }
            unlink(directory.appendingPathComponent(name).path)
        }
    }

    /// Adds a part per sorted run to `parts`, with the runs' bytes valid in `body`.
    private static func withRunBytes(_ snapshot: IndexSnapshot, _ parts: inout [(Tag, UInt64, UnsafeRawBufferPointer)],
                                     _ body: ([(Tag, UInt64, UnsafeRawBufferPointer)]) throws -> Void) throws {
        let runs = IndexOrder.allCases.flatMap { order in snapshot.runs[order.rawValue].map { (order, $0) } }
        func next(_ i: Int, _ parts: inout [(Tag, UInt64, UnsafeRawBufferPointer)]) throws {
            if i == runs.count { return try body(parts) }
            try runs[i].1.keys.withUnsafeBytes { bytes in
                parts.append((.run, UInt64(runs[i].0.rawValue), bytes))
                try next(i + 1, &parts)
            }
        }
        try next(0, &parts)
    }

    /// Writes all of `bytes` at `offset`; returns their checksum.
    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int) throws -> UInt64 {
        var sum = Checksum()
        var done = 0
        while done < bytes.count {
            let n = min(chunk, bytes.count - done)
            let piece = UnsafeRawBufferPointer(rebasing: bytes[done..<(done + n)])
            sum.add(piece)
            var written = 0
            while written < n {
                let w = pwrite(fd, piece.baseAddress! + written, n - written, off_t(offset + done + written))
                if w < 0 && errno == EINTR { continue }
                guard w > 0 else { throw posixError("index sidecar") }
                written += w
            }
            done += n
        }
        return sum.value
    }

    // MARK: Reading

    /// Reads the sidecar at `path` if it is the index of the database state
    /// `fingerprint` and whole; otherwise says why not.
    static func load(from path: String, expecting fingerprint: SQLiteBackend.Fingerprint) -> Result<Contents, Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            return .failure(errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno))))
        }
        defer { close(fd) }
        do {
            return .success(try read(fd, fingerprint))
        } catch let f as Failure {
            return .failure(f)
        } catch {
            return .failure(.unreadable("\(error)"))
        }
    }

    private static func read(_ fd: Int32, _ fingerprint: SQLiteBackend.Fingerprint) throws -> Contents {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Failure.unreadable(String(cString: strerror(errno))) }
        let fileSize = Int(st.st_size)
        let fixed = HeaderSlot.allCases.count
        guard fileSize >= fixed * 8 else { throw Failure.damaged("\(fileSize) bytes, shorter than a header") }
        var header = [UInt64](repeating: 0, count: fixed)
        try header.withUnsafeMutableBytes { try readExactly(fd, $0, at: 0) }
        func slot(_ s: HeaderSlot) -> UInt64 { header[s.rawValue] }
        guard slot(.magic) == magic else { throw Failure.damaged("not a Mnemo index sidecar (or another byte order)") }
        guard slot(.version) == formatVersion else {
            throw Failure.stale("format version \(slot(.version)), this Mnemo reads \(formatVersion)")
        }
        let sectionCount = Int(clamping: slot(.sections))
        guard sectionCount <= 1 << 16, (fixed + 4 * sectionCount + 1) * 8 <= fileSize else {
            throw Failure.damaged("header names \(slot(.sections)) sections")
        }
        header = [UInt64](repeating: 0, count: fixed + 4 * sectionCount + 1)
        try header.withUnsafeMutableBytes { try readExactly(fd, $0, at: 0) }
        let expected = header.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0.dropLast(8))) }
        guard header.last == expected else { throw Failure.damaged("header checksum mismatch") }
        guard slot(.fileLength) == UInt64(fileSize) else {
            throw Failure.damaged("\(fileSize) bytes, header says \(slot(.fileLength)) (truncated?)")
        }
        // The state it was made from must be the database's state now.
        let made = SQLiteBackend.Fingerprint(stamp: slot(.stamp), changeCounter: UInt32(truncatingIfNeeded: slot(.changeCounter)),
                                             pages: UInt32(truncatingIfNeeded: slot(.pages)))
        guard made == fingerprint else {
            throw Failure.stale("made from database state \(made), the database is at \(fingerprint)")
        }

        let terms = Int(clamping: slot(.terms)), quads = Int(clamping: slot(.quads))
        let arenaBytes = Int(clamping: slot(.arenaBytes))
        var sections: [Section] = []
        for i in 0..<sectionCount {
            let b = fixed + 4 * i
            let s = Section(tag: header[b], offset: Int(clamping: header[b + 1]), length: Int(clamping: header[b + 2]),
                            checksum: header[b + 3])
            guard s.offset <= fileSize, s.length <= fileSize - s.offset else {
                throw Failure.damaged("section \(i) lies outside the file")
            }
            sections.append(s)
        }
        func single(_ tag: Tag, _ elementSize: Int, count: Int) throws -> Section {
            let found = sections.filter { $0.tag == tag.rawValue }
            guard found.count == 1, found[0].length == elementSize * count else {
                throw Failure.damaged("section \(tag) missing or of the wrong size")
            }
            return found[0]
        }
        func array<T>(_ tag: Tag, count: Int, of: T.Type) throws -> [T] {
            let s = try single(tag, MemoryLayout<T>.stride, count: count)
            return try [T](unsafeUninitializedCapacity: count) { buf, n in
                try readChecked(fd, UnsafeMutableRawBufferPointer(buf), s)
                n = count
            }
        }

        // The dictionary.
        let arenaSection = try single(.arena, 1, count: arenaBytes)
        let arena = UnsafeMutableRawPointer.allocate(byteCount: max(arenaBytes, 1), alignment: 8)
        do {
            try readChecked(fd, UnsafeMutableRawBufferPointer(start: arena, count: arenaBytes), arenaSection)
        } catch {
            arena.deallocate()
            throw error
        }
        let starts: [Int], hashes: [UInt32], table: [TermID]
        do {
            starts = try array(.starts, count: terms + 2, of: Int.self)
            hashes = try array(.hashes, count: terms + 1, of: UInt32.self)
            let tableSection = sections.first { $0.tag == Tag.table.rawValue }
            table = try array(.table, count: (tableSection?.length ?? 0) / MemoryLayout<TermID>.stride, of: TermID.self)
        } catch {
            arena.deallocate()
            throw error
        }
        guard let dictionary = TermDictionary(restoringCount: terms, arena: arena, arenaBytes: arenaBytes,
                                              starts: starts, hashes: hashes, table: table) else {
            throw Failure.damaged("the dictionary's parts do not fit together")
        }
        let rows = SQLiteBackend.RowState(
            rowOf: try array(.rowOf, count: terms + 1, of: Int64.self),
            kindOf: try array(.kindOf, count: terms + 1, of: UInt8.self),
            nextRow: [Int64(bitPattern: slot(.nextURIRow)), Int64(bitPattern: slot(.nextBlankRow)),
                      Int64(bitPattern: slot(.nextLiteralRow))])

        // The sorted runs, in the order they were written (largest first per order).
        var runs = [[SortedRun]](repeating: [], count: IndexOrder.allCases.count)
        let keySize = MemoryLayout<IndexKey>.stride
        for s in sections where s.tag >= Tag.run.rawValue {
            let order = Int(s.tag - Tag.run.rawValue)
            guard order < runs.count, s.length % keySize == 0, s.length > 0 else {
                throw Failure.damaged("bad run section (tag \(s.tag), \(s.length) bytes)")
            }
            let n = s.length / keySize
            let keys = try ContiguousArray<IndexKey>(unsafeUninitializedCapacity: n) { buf, count in
                try readChecked(fd, UnsafeMutableRawBufferPointer(buf), s)
                count = n
            }
            runs[order].append(SortedRun(keys))
        }
        for (order, list) in runs.enumerated() {
            let total = list.reduce(0) { $0 + $1.keys.count }
            guard total == quads else { throw Failure.damaged("order \(order) holds \(total) quads, header says \(quads)") }
        }
        if sections.contains(where: { $0.tag < Tag.run.rawValue && $0.tag > Tag.kindOf.rawValue }) {
            throw Failure.damaged("unknown section")
        }
        return Contents(dictionary: dictionary, snapshot: IndexSnapshot(count: quads, runs: runs), rows: rows)
    }

    /// Reads section `s` into `into` (exactly its length), checking its checksum.
    private static func readChecked(_ fd: Int32, _ into: UnsafeMutableRawBufferPointer, _ s: Section) throws {
        precondition(into.count == s.length)
        adviseHugePages(into)
        var sum = Checksum()
        var done = 0
        while done < s.length {
            let n = min(chunk, s.length - done)
            let piece = UnsafeMutableRawBufferPointer(rebasing: into[done..<(done + n)])
            try readExactly(fd, piece, at: s.offset + done)
            sum.add(UnsafeRawBufferPointer(piece))
            done += n
        }
        guard sum.value == s.checksum else { throw Failure.damaged("checksum mismatch in section \(s.tag)") }
    }

    /// Asks for transparent huge pages under a large fresh buffer before it is
    /// first touched: a gigabyte read in 4 KiB pages spends most of its time in
    /// page faults and zeroing pages one at a time.
    private static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        let huge = UInt(2 << 20)
        guard buffer.count >= 2 * Int(huge), let base = buffer.baseAddress else { return }
        let first = (UInt(bitPattern: base) + huge - 1) & ~(huge - 1)
        let last = (UInt(bitPattern: base) + UInt(buffer.count)) & ~(huge - 1)
        if last > first { _ = madvise(UnsafeMutableRawPointer(bitPattern: first), Int(last - first), MADV_HUGEPAGE) }
        #endif
    }

    private static func readExactly(_ fd: Int32, _ into: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < into.count {
            let r = pread(fd, into.baseAddress! + done, into.count - done, off_t(offset + done))
            if r < 0 && errno == EINTR { continue }
            if r < 0 { throw Failure.unreadable(String(cString: strerror(errno))) }
            if r == 0 { throw Failure.damaged("file ends early") }
            done += r
        }
    }

    private static func align(_ n: Int, _ to: Int) -> Int { (n + to - 1) / to * to }

    private static func posixError(_ what: String) -> StoreError {
        StoreError.backend("\(what): \(String(cString: strerror(errno)))")
    }
}

/// A 64-bit checksum of a byte stream, four independent lanes of 8-byte
/// multiply-rotate rounds so that it runs at memory speed. Bytes may come in
/// pieces, every piece but the last a multiple of 32 bytes long.
struct Checksum {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (p1 &+ p2, p2, 0, 0 &- p1)
    private var tail: UInt64 = 0
    private var length: UInt64 = 0
    private var ended = false

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var c = Checksum()
        c.add(bytes)
        return c.value
    }

    @inline(__always)
    private static func round(_ acc: UInt64, _ word: UInt64) -> UInt64 {
        var a = acc &+ word &* p2
        a = (a << 31) | (a >> 33)
        return a &* p1
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        precondition(!ended, "only the last piece may have a length that is not a multiple of 32")
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else { return }
        length &+= UInt64(n)
        var (a, b, c, d) = lanes
        var i = 0
        while i + 32 <= n {
            a = Checksum.round(a, base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            b = Checksum.round(b, base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            c = Checksum.round(c, base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            d = Checksum.round(d, base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        lanes = (a, b, c, d)
        if i < n {
            ended = true
            var t: UInt64 = Checksum.p3
            while i + 8 <= n {
                t = Checksum.round(t, base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            var last: UInt64 = 0, shift: UInt64 = 0
            while i < n {
                last |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
                shift += 8
                i += 1
            }
            tail = Checksum.round(t, last)
        }
    }

    var value: UInt64 {
        let (a, b, c, d) = lanes
        var h = ((a << 1) | (a >> 63)) &+ ((b << 7) | (b >> 57)) &+ ((c << 12) | (c >> 52)) &+ ((d << 18) | (d >> 46))
        for lane in [a, b, c, d, tail] {
            h = (h ^ Checksum.round(0, lane)) &* Checksum.p1 &+ Checksum.p3
        }
        h ^= length
        h ^= h >> 33
        h = h &* Checksum.p2
        h ^= h >> 29
        h = h &* Checksum.p3
        h ^= h >> 32
        return h
    }
}
