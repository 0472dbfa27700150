import Foundation
import MnemoCrosswalk

/// Reads a file's records on one thread and converts them on every core,
/// handing the results over in the file's order.
///
/// The reader fills batches of pending records (``Crosswalk/Pending``); each
/// batch is converted by `workers` threads at once, each record turned into
/// its ``Crosswalk/Outcome`` and a payload prepared by the caller (its
/// N-Quads text, or its quads of term ids), so that the serial part left for
/// `deliver` is bookkeeping. At most a few batches are in flight, so memory
/// stays flat however long the file.
final class MappingPipeline<Payload: Sendable>: @unchecked Sendable {
    let crosswalk: Crosswalk
    let batchSize: Int
    let workers: Int
    let prepare: @Sendable (Crosswalk.Outcome) -> Payload

    init(crosswalk: Crosswalk, batchSize: Int = 256, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
         prepare: @escaping @Sendable (Crosswalk.Outcome) -> Payload) {
        self.crosswalk = crosswalk
        self.batchSize = max(1, batchSize)
        self.workers = max(1, workers)
        self.prepare = prepare
    }

    /// Runs the pipeline over one file. Errors from reading the file
    /// (``Crosswalk/FileFailure``) are thrown after every record read before
    /// the fault has been delivered; an error thrown by `deliver` stops the read.
    func run(file: URL, deliver: (Crosswalk.Outcome, Payload) throws -> Void) throws {
        let queue = BatchQueue<[Crosswalk.Pending]>(capacity: 3)
        let readError = ErrorBox()
        let batchSize = self.batchSize
        let crosswalk = self.crosswalk
        let reader = Thread {
            var batch: [Crosswalk.Pending] = []
            batch.reserveCapacity(batchSize)
            do {
                try crosswalk.readPending(file: file) { pending in
                    batch.append(pending)
                    if batch.count == batchSize {
                        guard queue.put(batch) else { throw PipelineStopped() }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { _ = queue.put(batch) }
            } catch is PipelineStopped {
            } catch {
                if !batch.isEmpty { _ = queue.put(batch) }
                readError.set(error)
            }
            queue.close()
        }
        reader.stackSize = 8 << 20
        reader.start()
        defer { queue.close() }  // lets the reader finish if delivery failed
        while let batch = queue.take() {
            let results = convert(batch)
            for (outcome, payload) in results { try deliver(outcome, payload) }
        }
        queue.waitUntilDrained()
        if let e = readError.get() { throw e }
    }

    /// Converts one batch on `workers` threads, keeping the order.
    private func convert(_ batch: [Crosswalk.Pending]) -> [(Crosswalk.Outcome, Payload)] {
        let n = batch.count
        let out = UnsafeMutablePointer<(Crosswalk.Outcome, Payload)>.allocate(capacity: n)
        let buffer = UnsafeMutableBufferPointer(start: out, count: n)
        let crosswalk = self.crosswalk, prepare = self.prepare, workers = min(self.workers, n)
        nonisolated(unsafe) let target = buffer
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var i = w
            while i < n {
                let outcome = crosswalk.convert(batch[i])
                (target.baseAddress! + i).initialize(to: (outcome, prepare(outcome)))
                i += workers
            }
        }
        let results = Array(buffer)
        buffer.baseAddress!.deinitialize(count: n)
        buffer.deallocate()
        return results
    }
}

private struct PipelineStopped: Error {}

/// A bounded blocking queue between the reader thread and the converter.
final class BatchQueue<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [T] = []
    private var closed = false
    private var readerDone = false
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Waits for room; false when the queue was closed by the consumer.
    func put(_ item: T) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !closed { condition.wait() }
        guard !closed else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The next item, or nil once the queue is closed and empty.
    func take() -> T? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// No more items will come (reader side) or be taken (consumer side).
    func close() {
        condition.lock()
        closed = true
        readerDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the reader has closed the queue.
    func waitUntilDrained() {
        condition.lock()
        while !readerDone { condition.wait() }
        condition.unlock()
    }
}

/// An error handed from the reader thread to the caller.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: Error?
    func set(_ e: Error) { lock.withLock { error = e } }
    func get() -> Error? { lock.withLock { error } }
}
