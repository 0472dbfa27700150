import Foundation
import MnemoStore

/// Remembers one value computed from a store snapshot, for as long as that
/// snapshot is the one asked about. It holds the snapshot weakly, so a
/// memo never keeps an old index alive after writes replaced it.
final class SnapshotMemo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
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
}
