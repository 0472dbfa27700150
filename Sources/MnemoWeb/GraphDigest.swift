import MnemoRDF
import MnemoStore

/// An order-independent 128-bit digest of a set of quads, for ETags.
///
/// Why this construction:
/// - It must be the same across restarts for unchanged content, so it is
///   computed from the terms' bytes (the store's canonical encoding: kind
///   tag, datatype or language, lexical form) and never from term ids (which
///   depend on load order) or Swift's `Hasher` (seeded per process).
/// - It must not depend on the order the index yields quads in (runs merge
///   differently after different write histories), so each quad is hashed
///   on its own and the quad hashes are added modulo 2^128. A store holds
///   a set of quads, so no quad is counted twice; adding or removing any
///   quad changes the sum (unless 128-bit hashes collide).
/// - Each quad hash chains the four positions through a mixing step, so
///   swapping subject and object, or moving a triple to another graph,
///   changes it; each term hash is FNV-1a 128 of the term's bytes.
/// - Sums compose: the digest of the whole store is the sum of its graphs'
///   digests, so one scan gives every ETag.
public struct GraphDigest: Hashable, Sendable {
    public private(set) var value: UInt128 = 0
    public private(set) var count = 0

    public init() {}

    /// Adds one quad given its terms' hashes.
    @inline(__always)
    mutating func add(s: UInt128, p: UInt128, o: UInt128, g: UInt128) {
        var x = Self.mix(s ^ 0x5175_6164)
        x = Self.mix(x ^ p)
        x = Self.mix(x ^ o)
        x = Self.mix(x ^ g)
        value &+= x
        count += 1
    }

    /// Adds another digest (of disjoint quads).
    public mutating func add(_ other: GraphDigest) {
        value &+= other.value
        count += other.count
    }

    /// 32 hex digits.
    public var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 32 - s.count) + s
    }

    /// FNV-1a 128 of a term's encoded bytes (the empty graph hashes as no bytes).
    static func termHash(_ bytes: UnsafeRawBufferPointer) -> UInt128 {
        var h: UInt128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d
        let prime: UInt128 = (1 << 88) + 0x13B
        for b in bytes {
            h ^= UInt128(b)
            h &*= prime
        }
        return h
    }

    /// A bijective mixer over 128 bits (xor-shift-multiply on each half, then cross-feeding).
    @inline(__always)
    static func mix(_ v: UInt128) -> UInt128 {
        var hi = UInt64(truncatingIfNeeded: v >> 64), lo = UInt64(truncatingIfNeeded: v)
        lo ^= hi >> 29; lo &*= 0xBF58_476D_1CE4_E5B9; lo ^= lo >> 32
        hi ^= lo; hi &*= 0x94D0_49BB_1331_11EB; hi ^= hi >> 31
        lo ^= hi >> 17; lo &*= 0xFF51_AFD7_ED55_8CCD; lo ^= lo >> 33
        return UInt128(hi) << 64 | UInt128(lo)
    }

    /// The digests of every graph of a snapshot (key 0: the default graph), in one pass per graph.
    /// Term hashes are memoised (up to a million) for the pass, so a predicate used a million times is hashed once.
    static func perGraph(_ snapshot: IndexSnapshot, dictionary: TermDictionary) -> [TermID: GraphDigest] {
        var memo: [TermID: UInt128] = [0: 0]
        func h(_ id: TermID) -> UInt128 {
            if let v = memo[id] { return v }
            let v = dictionary.withEncoded(id) { termHash($0) }
            if memo.count >= 1 << 20 { memo.removeAll(keepingCapacity: true) }  // bounded memory on huge stores
            memo[id] = v
            return v
        }
        var out: [TermID: GraphDigest] = [:]
        for g in [0] + snapshot.namedGraphs() {
            var d = GraphDigest()
            let hg = h(g)
            snapshot.forEach(matching: QuadPattern(g: g)) { q in
                d.add(s: h(q.s), p: h(q.p), o: h(q.o), g: hg)
                return true
            }
            if d.count > 0 { out[g] = d }
        }
        return out
    }
}
