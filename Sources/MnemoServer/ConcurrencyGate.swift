import Foundation
import Synchronization

/// Bounds how many queries and updates are evaluated at once. A request
/// that finds every place taken waits in line for up to `queueTimeout`
/// seconds (first come, first served) and is then refused (503 with
/// `Retry-After`), so a burst is absorbed but an overloaded service answers
/// at once instead of piling up work it cannot do.
final class ConcurrencyGate: Sendable {
    let limit: Int
    let queueTimeout: Double

    private struct State {
        var running = 0
        var waiters: [(id: UInt64, resume: CheckedContinuation<Bool, Never>)] = []
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    init(limit: Int, queueTimeout: Double) {
        self.limit = max(1, limit)
        self.queueTimeout = max(0, queueTimeout)
    }

    /// Takes a place, waiting in line up to `queueTimeout`; false when none came free in time.
    func enter() async -> Bool {
        enum Step { case entered, refused, wait(UInt64) }
        let step = state.withLock { s -> Step in
            if s.running < limit, s.waiters.isEmpty { s.running += 1; return .entered }
            if queueTimeout == 0 { return .refused }
            s.nextID += 1
            return .wait(s.nextID)
        }
        switch step {
        case .entered: return true
        case .refused: return false
        case .wait(let id):
            let timeout = queueTimeout
            return await withCheckedContinuation { (c: CheckedContinuation<Bool, Never>) in
                let now = state.withLock { s -> Bool in
                    if s.running < limit, s.waiters.isEmpty { s.running += 1; return true }
                    s.waiters.append((id, c))
                    return false
                }
                if now { c.resume(returning: true); return }
                Task { [weak self] in
                    try? await Task.sleep(for: .milliseconds(Int(timeout * 1000)))
                    self?.giveUp(id)
                }
            }
        }
    }

    /// Gives a place back: to the first in line, if anyone waits.
    func leave() {
        let next = state.withLock { s -> CheckedContinuation<Bool, Never>? in
            if !s.waiters.isEmpty { return s.waiters.removeFirst().resume }
            s.running -= 1
            return nil
        }
        next?.resume(returning: true)
    }

    /// A waiter whose time ran out leaves the line, refused.
    private func giveUp(_ id: UInt64) {
        let waiter = state.withLock { s -> CheckedContinuation<Bool, Never>? in
            guard let i = s.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return s.waiters.remove(at: i).resume
        }
        waiter?.resume(returning: false)
    }

    /// Places taken now.
    var inUse: Int { state.withLock { $0.running } }
    /// Requests waiting for a place now.
    var waiting: Int { state.withLock { $0.waiters.count } }
}
