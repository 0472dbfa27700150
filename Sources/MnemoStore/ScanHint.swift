/// Where scans last started, per index order, so that the next scan of a
/// key near one of them searches from there instead of from the whole run.
/// A join probing an index with bindings in ascending order (the subjects
/// of a sorted range, say) then takes a few steps per probe instead of a
/// cache miss per level of a binary search.
///
/// A hint may share a second hint with the other members of a join: a
/// chain `?a :p ?b . ?b :q ?c` whose `?b` was minted next to `?a` (a
/// record's event and its time-span, say) probes `?b` a few keys after
/// where the probe for `?a` just landed. Each search starts from the
/// nearer of the two positions, or searches back from one past the key.
/// Owned by one evaluation; not shared between threads.
public final class ScanHint {
    /// Per ``IndexOrder``: the last scan's start (0: none yet). Behind a
    /// pointer, so a probe reads and writes it with no exclusivity check.
    let positions: UnsafeMutablePointer<Int>
    /// The hint the members of one join share, or nil.
    let group: ScanHint?

    /// A hint of its own, also recording into and reading from `group`.
    public init(sharing group: ScanHint? = nil) {
        self.group = group
        positions = .allocate(capacity: IndexOrder.allCases.count)
        positions.initialize(repeating: 0, count: IndexOrder.allCases.count)
    }

    deinit { positions.deallocate() }
}

extension SortedRun {
    /// The first position whose key is not below `key`, searched from the
    /// hint's positions when they bracket it: forward by galloping from the
    /// nearest one before it, or backward from one after it.
    func lowerBound(_ key: IndexKey, order: IndexOrder, hint: ScanHint?) -> Int {
        guard let hint else { return lowerBound(key) }
        let count = keys.count
        let o = order.rawValue
        // The answer lies in low...high.
        var low = 0, high = count
        func consider(_ p: Int) {
            guard p > low, p <= high else { return }
            if keys[p - 1] < key { low = p } else { high = p - 1 }
        }
        consider(hint.positions[o])
        if let group = hint.group { consider(group.positions[o]) }
        let result: Int
        if low > 0 {
            result = gallopForward(key, from: low, below: high)
        } else if high < count {
            result = gallopBackward(key, from: high)
        } else {
            result = lowerBound(key)
        }
        hint.positions[o] = result
        hint.group?.positions[o] = result
        return result
    }

    /// The answer, known to be in `start...limit`: a linear walk of the next
    /// few hundred keys (adjacent cache lines, which the processor fetches
    /// ahead), then steps of 1, 2, 4 … ahead and a binary search of the last step.
    private func gallopForward(_ key: IndexKey, from start: Int, below limit: Int) -> Int {
        let walked = keys.withUnsafeBufferPointer { buf -> Int in
            var i = start
            let end = min(limit, start + SortedRun.walk)
            while i < end && buf[i] < key { i += 1 }
            return i
        }
        if walked < min(limit, start + SortedRun.walk) { return walked }
        var low = walked, step = 1, high = walked
        while high < limit && keys[high] < key {
            low = high + 1
            high = walked + step
            step <<= 1
        }
        return binarySearch(key, low, min(high, limit))
    }

    /// Keys searched one by one before galloping (16 bytes each: 64 cache lines).
    static let walk = 256

    /// The answer, known to be at most `start`: steps of 1, 2, 4 … back, then a binary search of the last step.
    private func gallopBackward(_ key: IndexKey, from start: Int) -> Int {
        var high = start, step = 1, low = 0
        while high - step >= 0 {
            let x = high - step
            if keys[x] < key { low = x + 1; break }
            high = x
            step <<= 1
        }
        return binarySearch(key, low, high)
    }

    /// The first position in `low...high` whose key is not below `key`, all before `low` being below it.
    @inline(__always)
    private func binarySearch(_ key: IndexKey, _ low: Int, _ high: Int) -> Int {
        var low = low, high = high
        while low < high {
            let mid = (low &+ high) >> 1
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
