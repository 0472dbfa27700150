import Foundation
import MnemoStore

/// Remembers one value computed from a store snapshot, for as long as that
/// snapshot is the one asked about. It holds the snapshot weakly, so a
/// memo never keeps an old index alive after writes replaced it.
final class SnapshotMemo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    /// Held while a value is made, so concurrent requests on a new snapshot make it once.
    private let making = NSLock()
    private weak var key: IndexSnapshot?
    private var value: Value?

    /// The value for `snapshot`, if it is the one remembered.
    func value(for snapshot: IndexSnapshot) -> Value? {
        lock.withLock { key === snapshot ? value : nil }
    }

    func remember(_ v: Value, for snapshot: IndexSnapshot) {
        lock.withLock {
            key = snapshot
            value = v
        }
    }

    /// The value for `snapshot`, made by `make` if it is not the one
    /// remembered. Only one caller makes it; others asking meanwhile wait
    /// for that value instead of making their own.
    func value(for snapshot: IndexSnapshot, orMake make: () throws -> Value) rethrows -> Value {
        if let v = value(for: snapshot) { return v }
        return try making.withLock {
            if let v = value(for: snapshot) { return v }
            let v = try make()
            remember(v, for: snapshot)
            return v
        }
    }
}
