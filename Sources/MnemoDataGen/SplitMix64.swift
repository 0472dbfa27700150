/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast, well-mixed 64-bit
/// pseudo-random generator. Used instead of the system generator so that
/// output depends only on the seed, on every platform and Swift version.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for an independent stream keyed by (`seed`, `tag`, `index`),
    /// so that an entity's attributes can be recomputed at any time.
    init(seed: UInt64, tag: UInt64, index: Int) {
        state = SplitMix64.mix(seed ^ SplitMix64.mix(tag &* 0xD6E8_FEB8_6659_FD93 ^ UInt64(truncatingIfNeeded: index)))
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// A value in `0..<n` (Lemire's multiply-high reduction; `n` > 0).
    @inline(__always)
    mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A value in `lo...hi`.
    @inline(__always)
    mutating func inRange(_ lo: Int, _ hi: Int) -> Int {
        lo + below(hi - lo + 1)
    }

    /// A value in `[0, 1)`.
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// `true` with probability `percent` / 100.
    @inline(__always)
    mutating func percent(_ percent: Int) -> Bool {
        below(100) < percent
    }
}
