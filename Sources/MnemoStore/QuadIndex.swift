import MnemoRDF
import Synchronization

/// A quad of term ids. `g == 0` is the unnamed default graph.
public struct QuadIDs: Hashable, Sendable {
    public var s: TermID, p: TermID, o: TermID, g: TermID
    public init(_ s: TermID, _ p: TermID, _ o: TermID, _ g: TermID) {
        self.s = s; self.p = p; self.o = o; self.g = g
    }
}

/// A quad pattern: each position is a term id or `nil` for "any".
public struct QuadPattern: Hashable, Sendable {
    public var s: TermID?, p: TermID?, o: TermID?, g: TermID?
    public init(s: TermID? = nil, p: TermID? = nil, o: TermID? = nil, g: TermID? = nil) {
        self.s = s; self.p = p; self.o = o; self.g = g
    }
}

/// The orders the index keeps the quads in. Together they answer every
/// pattern by a range: SPOG (S, SP, SPO), POSG (P, PO), OSPG (O, OS),
/// GSPO (G, GS, GSP). Patterns binding G with P or O but not S use the
/// P or O order and test G per quad; four orders instead of Oxigraph's six
/// keeps the index at 64 bytes a quad.
enum IndexOrder: Int, CaseIterable, Sendable {
    case spog, posg, ospg, gspo

    @inline(__always)
    func key(_ q: QuadIDs) -> IndexKey {
        switch self {
        case .spog: return IndexKey(q.s, q.p, q.o, q.g)
        case .posg: return IndexKey(q.p, q.o, q.s, q.g)
        case .ospg: return IndexKey(q.o, q.s, q.p, q.g)
        case .gspo: return IndexKey(q.g, q.s, q.p, q.o)
        }
    }

    @inline(__always)
    func quad(_ k: IndexKey) -> QuadIDs {
        switch self {
        case .spog: return QuadIDs(k.a, k.b, k.c, k.d)
        case .posg: return QuadIDs(k.c, k.a, k.b, k.d)
        case .ospg: return QuadIDs(k.b, k.c, k.a, k.d)
        case .gspo: return QuadIDs(k.b, k.c, k.d, k.a)
        }
    }

    /// The pattern's positions in this order, as (bound value or nil).
    func components(_ p: QuadPattern) -> (TermID?, TermID?, TermID?, TermID?) {
        switch self {
        case .spog: return (p.s, p.p, p.o, p.g)
        case .posg: return (p.p, p.o, p.s, p.g)
        case .ospg: return (p.o, p.s, p.p, p.g)
        case .gspo: return (p.g, p.s, p.p, p.o)
        }
    }

    /// The order whose key prefix covers most of the pattern.
    static func best(for p: QuadPattern) -> IndexOrder {
        if p.g != nil {
            if p.s != nil || (p.p == nil && p.o == nil) { return .gspo }
            return p.p != nil ? .posg : .ospg
        }
        if p.s != nil { return (p.p == nil && p.o != nil) ? .ospg : .spog }
        if p.p != nil { return .posg }
        if p.o != nil { return .ospg }
        return .spog
    }
}

/// A quad key in one order, compared lexicographically.
struct IndexKey: Comparable, Hashable, Sendable {
    var a: TermID, b: TermID, c: TermID, d: TermID
    @inline(__always) init(_ a: TermID, _ b: TermID, _ c: TermID, _ d: TermID) {
        self.a = a; self.b = b; self.c = c; self.d = d
    }
    @inline(__always) static func < (l: IndexKey, r: IndexKey) -> Bool {
        if l.a != r.a { return l.a < r.a }
        if l.b != r.b { return l.b < r.b }
        if l.c != r.c { return l.c < r.c }
        return l.d < r.d
    }
}

/// An immutable sorted array of keys in one order.
final class SortedRun: Sendable {
    let keys: ContiguousArray<IndexKey>
    init(_ keys: ContiguousArray<IndexKey>) { self.keys = keys }

    /// First index whose key is not less than `k`.
    @inline(__always)
    func lowerBound(_ k: IndexKey) -> Int {
        var lo = 0, hi = keys.count
        keys.withUnsafeBufferPointer { buf in
            while lo < hi {
                let mid = (lo &+ hi) >> 1
                if buf[mid] < k { lo = mid &+ 1 } else { hi = mid }
            }
        }
        return lo
    }

    func contains(_ k: IndexKey) -> Bool {
        let i = lowerBound(k)
        return i < keys.count && keys[i] == k
    }

    /// Merges two runs into one.
    static func merge(_ x: SortedRun, _ y: SortedRun) -> SortedRun {
        var out = ContiguousArray<IndexKey>()
        out.reserveCapacity(x.keys.count + y.keys.count)
        x.keys.withUnsafeBufferPointer { a in
            y.keys.withUnsafeBufferPointer { b in
                var i = 0, j = 0
                while i < a.count && j < b.count {
                    if a[i] < b[j] { out.append(a[i]); i += 1 } else { out.append(b[j]); j += 1 }
                }
                out.append(contentsOf: a[i...])
                out.append(contentsOf: b[j...])
            }
        }
        return SortedRun(out)
    }
}

/// A consistent, immutable view of every quad in a store.
///
/// Readers take a snapshot and scan it without locks while writers publish
/// new snapshots; a query therefore sees one state of the store from start
/// to end. Each order holds a few sorted runs (a log-structured layout):
/// a write adds a run and merges runs of similar size, so a write costs
/// time in proportion to its own size plus an amortised logarithmic merge.
public final class IndexSnapshot: Sendable {
    /// The number of quads.
    public let count: Int
    /// Runs per order, indexed by `IndexOrder.rawValue`, largest first.
    let runs: [[SortedRun]]
    /// Join-size statistics, computed on first use (see `statistics`).
    let statisticsCache = Mutex<PredicateStatistics?>(nil)

    init(count: Int, runs: [[SortedRun]]) {
        self.count = count
        self.runs = runs
    }

    /// An empty snapshot.
    public static let empty = IndexSnapshot(count: 0, runs: IndexOrder.allCases.map { _ in [] })

    /// Builds a snapshot from unsorted quads that may repeat: the SPOG order
    /// is sorted first and its repeats dropped, and the other orders are
    /// made from what remains.
    static func build(_ quads: [QuadIDs]) -> IndexSnapshot {
        if quads.isEmpty { return .empty }
        var spog = sortedKeys(quads, .spog)
        var w = 0
        for r in 0..<spog.count where r == 0 || spog[r] != spog[w - 1] {
            spog[w] = spog[r]
            w += 1
        }
        spog.removeLast(spog.count - w)
        let unique = spog.map { IndexOrder.spog.quad($0) }
        var runs = [[SortedRun]](repeating: [], count: IndexOrder.allCases.count)
        runs[IndexOrder.spog.rawValue] = [SortedRun(ContiguousArray(spog))]
        for order in IndexOrder.allCases where order != .spog {
            runs[order.rawValue] = [SortedRun(sortedKeys(unique, order))]
        }
        return IndexSnapshot(count: unique.count, runs: runs)
    }

    static func sortedKeys(_ quads: [QuadIDs], _ order: IndexOrder) -> ContiguousArray<IndexKey> {
        var keys = ContiguousArray<IndexKey>()
        keys.reserveCapacity(quads.count)
        for q in quads { keys.append(order.key(q)) }
        keys.sort()
        return keys
    }

    /// True when the snapshot holds the quad.
    public func contains(_ q: QuadIDs) -> Bool {
        let k = IndexOrder.spog.key(q)
        for run in runs[IndexOrder.spog.rawValue] where run.contains(k) { return true }
        return false
    }

    /// A new snapshot with `added` (which must be absent and duplicate-free).
    func adding(_ added: [QuadIDs]) -> IndexSnapshot {
        if added.isEmpty { return self }
        let newRuns = IndexOrder.allCases.map { order -> [SortedRun] in
            var list = runs[order.rawValue]
            list.append(SortedRun(IndexSnapshot.sortedKeys(added, order)))
            // Merge while the newest run is at least half the size of the one before it.
            while list.count >= 2, list[list.count - 2].keys.count <= 2 * list[list.count - 1].keys.count {
                let y = list.removeLast(), x = list.removeLast()
                list.append(SortedRun.merge(x, y))
            }
            return list
        }
        return IndexSnapshot(count: count + added.count, runs: newRuns)
    }

    /// A new snapshot without the quads matching `remove` (present ones only count).
    func removing(where remove: (QuadIDs) -> Bool) -> IndexSnapshot {
        var removed = 0
        let newRuns = IndexOrder.allCases.map { order -> [SortedRun] in
            var total = ContiguousArray<IndexKey>()
            var dropped = 0
            for run in runs[order.rawValue] {
                for k in run.keys {
                    if remove(order.quad(k)) { dropped += 1 } else { total.append(k) }
                }
            }
            if order == .spog { removed = dropped }
            if total.isEmpty { return [] }
            total.sort()
            return [SortedRun(total)]
        }
        return IndexSnapshot(count: count - removed, runs: newRuns)
    }

    /// Calls `body` for each quad matching `pattern`, until it returns false.
    /// A pattern with `g == nil` ranges over every graph, the default graph included.
    /// With a `hint` (for a single run), a scan starting a little after the last one searches forward.
    public func forEach(matching pattern: QuadPattern, hint: ScanHint? = nil, _ body: (QuadIDs) throws -> Bool) rethrows {
        let order = chooseOrder(for: pattern)
        let (low, high, residual) = IndexSnapshot.range(order, pattern)
        let list = runs[order.rawValue]
        for run in list {
            var i = list.count == 1 ? run.lowerBound(low, order: order, hint: hint) : run.lowerBound(low)
            let keys = run.keys
            while i < keys.count {
                let k = keys[i]
                if high < k { break }
                i += 1
                let q = order.quad(k)
                if residual {
                    if let s = pattern.s, s != q.s { continue }
                    if let p = pattern.p, p != q.p { continue }
                    if let o = pattern.o, o != q.o { continue }
                    if let g = pattern.g, g != q.g { continue }
                }
                if try !body(q) { return }
            }
        }
    }

    /// The quads matching `pattern`.
    public func quads(matching pattern: QuadPattern) -> [QuadIDs] {
        var out: [QuadIDs] = []
        forEach(matching: pattern) { out.append($0); return true }
        return out
    }

    /// The order for a pattern. A graph with a predicate or object but no
    /// subject can be served by the P or O order (testing the graph per quad)
    /// or by the G order (testing the rest): take the smaller range.
    func chooseOrder(for pattern: QuadPattern) -> IndexOrder {
        let order = IndexOrder.best(for: pattern)
        guard pattern.g != nil, pattern.s == nil, order != .gspo else { return order }
        return rangeSize(order, pattern) <= rangeSize(.gspo, pattern) ? order : .gspo
    }

    /// The number of keys in the order's range for the pattern's bound prefix.
    func rangeSize(_ order: IndexOrder, _ pattern: QuadPattern) -> Int {
        let (low, high, _) = IndexSnapshot.range(order, pattern)
        var n = 0
        for run in runs[order.rawValue] {
            let lo = run.lowerBound(low)
            var hi = run.lowerBound(high)
            if hi < run.keys.count && run.keys[hi] == high { hi += 1 }
            n += hi - lo
        }
        return n
    }

    /// An upper bound on the number of quads matching `pattern`, from range
    /// sizes alone (exact when every bound position is in the key prefix).
    public func estimateCount(_ pattern: QuadPattern) -> Int {
        rangeSize(chooseOrder(for: pattern), pattern)
    }

    /// The key range of an order holding the pattern's bound prefix, and
    /// whether positions after the prefix are bound too (to test per key).
    static func range(_ order: IndexOrder, _ pattern: QuadPattern) -> (low: IndexKey, high: IndexKey, residual: Bool) {
        let (c0, c1, c2, c3) = order.components(pattern)
        var low = IndexKey(0, 0, 0, 0), high = IndexKey(.max, .max, .max, .max)
        var residual = false
        if let v = c0 {
            low.a = v; high.a = v
            if let v = c1 {
                low.b = v; high.b = v
                if let v = c2 {
                    low.c = v; high.c = v
                    if let v = c3 { low.d = v; high.d = v }
                } else { residual = c3 != nil }
            } else { residual = c2 != nil || c3 != nil }
        } else { residual = c1 != nil || c2 != nil || c3 != nil }
        return (low, high, residual)
    }

    /// Bytes held by the sorted runs.
    public var memoryBytes: Int {
        runs.reduce(0) { $0 + $1.reduce(0) { $0 + $1.keys.capacity * MemoryLayout<IndexKey>.stride } }
    }
}
