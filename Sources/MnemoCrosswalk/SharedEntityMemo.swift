import Foundation

/// Remembers, for one ingest or harvest run, which shared entities (agents,
/// places, concepts) an earlier record of the run has already described.
///
/// Shared entities have deterministic URIs and live in the dataset's one
/// graph, so once a record of the run has written an agent's names, dates and
/// birth place, a later record that mentions the same agent (the same input,
/// from the same field) only needs to point at it: the triples it would write
/// are the ones already written. With a memo, such a record gets the agent's
/// URI, its problems and its counts, but not its triples again. The graph is
/// the same set of triples; the conversion does less work and N-Quads output
/// holds far fewer repeated lines.
///
/// Use one memo per run whose output is one graph, kept whole (an ingest, a
/// harvest): every record mapped with it must reach that output, or the
/// entities it described would be missing for the records after it.
///
/// Memory stays flat: the memo keeps two generations of at most `capacity`
/// entries each. When the newer one fills, the older is dropped and the newer
/// becomes the older; an entity found in the older generation moves back to
/// the newer, so the entities records keep mentioning (a library's frequent
/// authors, its places and subject headings) stay, and the ones met once
/// fall out. Forgetting an entity only means it is written once more.
public final class SharedEntityMemo: @unchecked Sendable {
    /// What a shared entity is made from: the source's description of it and
    /// the field it came from (which appears in the problems it causes).
    enum Key: Hashable {
        case agent(AgentRef, field: String)
        case place(PlaceRef, field: String)
        case concept(Concept, extraClass: String?)

        /// Byte-exact: two spellings of a name that Swift's `==` would call
        /// canonically equivalent (NFC and NFD) are different inputs, each
        /// kept as written.
        static func == (a: Key, b: Key) -> Bool {
            switch (a, b) {
            case let (.agent(x, f), .agent(y, g)): return same(f, g) && x.exactlyEquals(y)
            case let (.place(x, f), .place(y, g)): return same(f, g) && x.exactlyEquals(y)
            case let (.concept(x, f), .concept(y, g)): return same(f, g) && x.exactlyEquals(y)
            default: return false
            }
        }

        /// Hashes what tells entities apart in practice (first name and
        /// dates); equality still compares everything.
        func hash(into h: inout Hasher) {
            switch self {
            case .agent(let a, let field):
                h.combine(0 as UInt8); h.combine(a.names.first?.value); h.combine(a.lifeDates); h.combine(field)
            case .place(let p, let field):
                h.combine(1 as UInt8); h.combine(p.names.first?.value); h.combine(p.authorityURIs.first); h.combine(field)
            case .concept(let c, let extraClass):
                h.combine(2 as UInt8); h.combine(c.labels.first?.value); h.combine(c.authorityURIs.first); h.combine(extraClass)
            }
        }
    }

    /// What describing an entity did besides writing triples: its URI, the
    /// problems it reported, and the agents, persons and places it counted.
    struct Entry {
        var uri: String
        var problems: [RecordProblem]
        var effects: [MappingRun.Mention]
        /// What the description marked as described in its record, itself first.
        var described: [String]
    }

    /// Entries kept before the memo starts again.
    public let capacity: Int
    /// Independent parts, each with its own lock, so converter threads rarely wait on one another.
    private let shards: [Shard]

    public init(capacity: Int = 20_000) {
        self.capacity = max(1, capacity)
        let n = capacity >= 1_024 ? 16 : 1
        shards = (0..<n).map { _ in Shard(capacity: max(1, capacity / n)) }
    }

    /// Entities remembered now.
    public var count: Int { shards.reduce(0) { $0 + $1.count } }

    /// How many times a newer generation filled and the older was dropped.
    public var generations: Int { shards.reduce(0) { $0 + $1.generations } }

    func lookup(_ key: Key) -> Entry? {
        let h = Hashed(key)
        return shards[h.shard(of: shards.count)].lookup(h)
    }

    /// Remembers what a finished record described; the first description of a key wins.
    func remember(_ described: [(Key, Entry)]) {
        for (k, e) in described {
            let h = Hashed(k)
            shards[h.shard(of: shards.count)].remember(h, e)
        }
    }

    /// A key with its hash computed once.
    struct Hashed: Hashable {
        let key: Key
        let hash: Int
        init(_ key: Key) {
            self.key = key
            hash = key.hashValue
        }
        func hash(into h: inout Hasher) { h.combine(hash) }
        static func == (a: Hashed, b: Hashed) -> Bool { a.hash == b.hash && a.key == b.key }
        func shard(of n: Int) -> Int { Int((UInt(bitPattern: hash) >> 7) % UInt(n)) }
    }

    /// One part of the memo: two generations under one lock.
    final class Shard: @unchecked Sendable {
        private let lock = NSLock()
        private let capacity: Int
        private var newer: [Hashed: Entry] = [:]
        private var older: [Hashed: Entry] = [:]
        private(set) var turns = 0

        init(capacity: Int) { self.capacity = capacity }

        var count: Int { lock.withLock { newer.count + older.count } }
        var generations: Int { lock.withLock { turns } }

        func lookup(_ key: Hashed) -> Entry? {
            lock.withLock {
                if let e = newer[key] { return e }
                guard let e = older.removeValue(forKey: key) else { return nil }
                insert(key, e)
                return e
            }
        }

        func remember(_ key: Hashed, _ entry: Entry) {
            lock.withLock {
                if newer[key] == nil && older[key] == nil { insert(key, entry) }
            }
        }

        /// Adds to the newer generation, turning generations when it is full. Callers hold `lock`.
        private func insert(_ key: Hashed, _ entry: Entry) {
            if newer.count >= capacity {
                older = newer
                newer = Dictionary(minimumCapacity: capacity)
                turns += 1
            }
            newer[key] = entry
        }
    }
}

// MARK: Byte-exact comparison of the memo's keys

private func same(_ a: String?, _ b: String?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return a.hasSameBytes(as: b)
}

private func same<T>(_ a: [T], _ b: [T], _ eq: (T, T) -> Bool) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy(eq)
}

private extension LangText {
    func exactlyEquals(_ o: LangText) -> Bool { same(value, o.value) && same(language, o.language) }
}

private extension Concept {
    func exactlyEquals(_ o: Concept) -> Bool {
        same(labels, o.labels) { $0.exactlyEquals($1) } && same(authorityURIs, o.authorityURIs) { same($0, $1) }
    }
}

private extension PlaceRef {
    func exactlyEquals(_ o: PlaceRef) -> Bool {
        latitude == o.latitude && longitude == o.longitude
            && same(names, o.names) { $0.exactlyEquals($1) } && same(authorityURIs, o.authorityURIs) { same($0, $1) }
            && same(broader, o.broader) { $0.exactlyEquals($1) }
    }
}

private extension AgentRef {
    func exactlyEquals(_ o: AgentRef) -> Bool {
        func place(_ a: PlaceRef?, _ b: PlaceRef?) -> Bool {
            guard let a, let b else { return a == nil && b == nil }
            return a.exactlyEquals(b)
        }
        return kind == o.kind && same(lifeDates, o.lifeDates) && same(birthDate, o.birthDate) && same(deathDate, o.deathDate)
            && same(names, o.names) { $0.exactlyEquals($1) } && same(authorityURIs, o.authorityURIs) { same($0, $1) }
            && same(notes, o.notes) { $0.exactlyEquals($1) }
            && place(birthPlace, o.birthPlace) && place(deathPlace, o.deathPlace)
    }
}
