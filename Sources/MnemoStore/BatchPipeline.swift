import Foundation

/// Hands batches from a producer (the parser) to a consumer running on its
/// own thread (the storage writer), so parsing and writing overlap on two
/// cores. At most `depth` batches wait; the producer blocks beyond that, so
/// memory stays bounded. The first error the consumer throws stops it and
/// is rethrown to the producer.
final class BatchPipeline<Batch>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var closed = false
    private var consumerDone = false
    private var failure: Error?
    private let depth: Int

    init(depth: Int = 4, consumer: @escaping (Batch) throws -> Void) {
        self.depth = depth
        let work = UncheckedSendable(consumer)
        let thread = Thread { [self] in self.consume(work.value) }
        thread.name = "mnemo.storage-writer"
        thread.start()
    }

    private func consume(_ consumer: (Batch) throws -> Void) {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            if queue.isEmpty || failure != nil {
                consumerDone = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = queue.removeFirst()
            condition.broadcast()
            condition.unlock()
            do { try consumer(batch) } catch {
                condition.lock()
                failure = error
                queue.removeAll()
                consumerDone = true
                condition.broadcast()
                condition.unlock()
                return
            }
        }
    }

    /// Queues a batch, waiting while the queue is full. Throws the consumer's error, if any.
    func submit(_ batch: Batch) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= depth && failure == nil && !consumerDone { condition.wait() }
        if let failure { throw failure }
        queue.append(batch)
        condition.broadcast()
    }

    /// Waits until every batch is consumed, then rethrows the consumer's error, if any.
    func finish() throws {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while !consumerDone { condition.wait() }
        if let failure { throw failure }
    }

    /// Drops queued batches and waits for the consumer to stop.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        queue.removeAll()
        closed = true
        condition.broadcast()
        while !consumerDone { condition.wait() }
    }
}
