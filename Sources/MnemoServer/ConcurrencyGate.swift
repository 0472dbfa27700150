import Synchronization

/// Bounds how many queries and updates are evaluated at once. A request that
/// finds the gate full is refused at once (503 with `Retry-After`) rather
/// than queued, so an overloaded service stays responsive.
final class ConcurrencyGate: Sendable {
    let limit: Int
    private let running = Atomic<Int>(0)

    init(limit: Int) { self.limit = max(1, limit) }

    /// Takes a place; false when all `limit` places are taken.
    func enter() -> Bool {
        while true {
            let n = running.load(ordering: .relaxed)
            if n >= limit { return false }
            if running.compareExchange(expected: n, desired: n + 1, ordering: .acquiringAndReleasing).exchanged { return true }
        }
    }

    /// Gives a place back.
    func leave() { running.subtract(1, ordering: .acquiringAndReleasing) }

    /// Places taken now.
    var inUse: Int { running.load(ordering: .relaxed) }
}
