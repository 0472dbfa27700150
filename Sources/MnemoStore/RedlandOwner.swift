import CRedland
import Foundation

/// The one thread that makes every librdf call in the process.
///
/// librdf is built without thread support: a world or model touched by two
/// threads crashes, and only the first live world in a process gets the
/// sqlite storage module. So Mnemo keeps a single librdf world, created and
/// used only on this thread, and every store backend runs its work here
/// through ``sync(_:)`` or ``run(_:)``.
public final class RedlandOwner: @unchecked Sendable {
    /// The process-wide owner.
    public static let shared = RedlandOwner()

    private let condition = NSCondition()
    private var jobs: [Job] = []

    /// Work for the owner thread, and the semaphore to signal once the work
    /// has run and been released.
    private struct Job {
        var work: () -> Void
        var done: DispatchSemaphore?
    }
    private var thread: Thread!
    /// The librdf world; touch it only from jobs run on this owner.
    private(set) var world: OpaquePointer!

    private init() {
        thread = Thread { [unowned self] in self.loop() }
        thread.name = "mnemo.redland"
        thread.stackSize = 8 << 20
        thread.start()
        sync {
            self.world = librdf_new_world()
            librdf_world_open(self.world)
        }
    }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            var job: Job? = jobs.removeFirst()
            condition.unlock()
            let done = job!.done
            job!.work()
            job = nil  // release the closure before the waiting caller returns
            done?.signal()
        }
    }

    /// True when called on the owner thread.
    public var isCurrent: Bool { Thread.current === thread }

    /// Runs `body` on the owner thread and waits for it.
    public func sync<T>(_ body: () throws -> T) rethrows -> T {
        if isCurrent { return try body() }
        return try withoutActuallyEscaping(body) { body in
            let box = ResultBox<T>()
            let done = DispatchSemaphore(value: 0)
            enqueue(Job(work: { box.result = Result { try body() } }, done: done))
            done.wait()
            return try box.result!.get()
        }
    }

    /// Runs `body` on the owner thread without blocking the caller's thread.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { cont in
            enqueue(Job(work: { cont.resume(with: Result { try body() }) }, done: nil))
        }
    }

    private func enqueue(_ job: Job) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}

/// Carries a value across threads where the code guarantees exclusive use.
struct UncheckedSendable<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
