/// Where a scan last started, so that the next scan of the same pattern
/// shape, for a key a little after the last one, searches forward from
/// there instead of from the whole run. A join probing an index with
/// bindings in ascending order (the subjects of a sorted range, say) then
/// takes a few steps per probe instead of a cache miss per level of a
/// binary search. Owned by one evaluation; not shared between threads.
public final class ScanHint {
    var order = -1
    var position = 0

    public init() {}
}

extension SortedRun {
    /// The first position whose key is not below `key`, searched forward
    /// from the hint when the hint's position is known to be no later.
    func lowerBound(_ key: IndexKey, order: IndexOrder, hint: ScanHint?) -> Int {
        guard let hint else { return lowerBound(key) }
        let count = keys.count
        var result: Int
        let start = hint.position
        if hint.order == order.rawValue, start > 0, start <= count, keys[start - 1] < key {
            // Gallop: 1, 2, 4 … positions ahead, then binary search the last step.
            var low = start, step = 1, high = start
            while high < count && keys[high] < key {
                low = high + 1
                high = start + step
                step <<= 1
            }
            high = min(high, count)
            while low < high {
                let mid = (low &+ high) >> 1
                if keys[mid] < key { low = mid + 1 } else { high = mid }
            }
            result = low
        } else {
            result = lowerBound(key)
        }
        hint.order = order.rawValue
        hint.position = result
        return result
    }
}
