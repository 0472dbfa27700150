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
    /// The run's memo of shared entities described so far (every converted record is delivered).
    let memo: SharedEntityMemo?

    init(crosswalk: Crosswalk, memo: SharedEntityMemo? = nil, batchSize: Int = 64,
         workers: Int = ProcessInfo.processInfo.activeProcessorCount,
         prepare: @escaping @Sendable (Crosswalk.Outcome) -> Payload) {
        self.crosswalk = crosswalk
        self.memo = memo
        self.batchSize = max(1, batchSize)
        self.workers = max(1, workers)
        self.prepare = prepare
    }

    /// Runs the pipeline over one file. Errors from reading the file
    /// (``Crosswalk/FileFailure``) are thrown after every record read before
    /// the fault has been delivered; an error thrown by `deliver` stops the read.
    ///
    /// Three kinds of thread overlap: the reader fills numbered batches, each
    /// of `workers` threads takes the next batch and converts it whole, and the
    /// caller delivers finished batches in number order.
    func run(file: URL, deliver: (Crosswalk.Outcome, Payload) throws -> Void) throws {
        let input = BatchQueue<(Int, [Crosswalk.Pending])>(capacity: workers + 1)
        let output = OrderedResults<[(Crosswalk.Outcome, Payload)]>(window: workers * 2 + 2)
        let readError = ErrorBox()
        let batchSize = self.batchSize, crosswalk = self.crosswalk, prepare = self.prepare, memo = self.memo
        let reader = Thread {
            var batch: [Crosswalk.Pending] = []
            var number = 0
            batch.reserveCapacity(batchSize)
            do {
                try crosswalk.readPending(file: file) { pending in
                    batch.append(pending)
                    if batch.count == batchSize {
                        guard input.put((number, batch)) else { throw PipelineStopped() }
                        number += 1
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            } catch is PipelineStopped {
                batch.removeAll()
            } catch {
                readError.set(error)
            }
            if !batch.isEmpty, input.put((number, batch)) { number += 1 }
            output.setTotal(number)
            input.close()
        }
        reader.stackSize = 8 << 20
        reader.start()
        var converters: [Thread] = []
        for _ in 0..<workers {
            let t = Thread {
                while let (n, batch) = input.take() {
                    let converted = batch.map { pending -> (Crosswalk.Outcome, Payload) in
                        let outcome = crosswalk.convert(pending, memo: memo)
                        return (outcome, prepare(outcome))
                    }
                    guard output.put(n, converted) else { return }
                }
            }
            t.stackSize = 8 << 20
            converters.append(t)
            t.start()
        }
        defer {
            // On an error from `deliver`, stop the reader and the converters.
            input.close()
            output.cancel()
        }
        while let results = output.next() {
            for (outcome, payload) in results { try deliver(outcome, payload) }
        }
        input.waitUntilDrained()
        if let e = readError.get() { throw e }
    }
}

/// Converted batches handed back in number order; at most `window` batches
/// ahead of the one being delivered are held, so memory stays bounded.
final class OrderedResults<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Int: T] = [:]
    private var nextNumber = 0
    private var total: Int?
    private var cancelled = false
    let window: Int

    init(window: Int) { self.window = window }

    /// Stores batch `n`; waits while it is too far ahead. False once cancelled.
    func put(_ n: Int, _ item: T) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while n >= nextNumber + window && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        ready[n] = item
        condition.broadcast()
        return true
    }

    /// The reader's final count of batches.
    func setTotal(_ n: Int) {
        condition.lock()
        total = n
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch in order, or nil when all have been delivered.
    func next() -> T? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let item = ready.removeValue(forKey: nextNumber) {
                nextNumber += 1
                condition.broadcast()
                return item
            }
            if let total, nextNumber >= total { return nil }
            if cancelled { return nil }
            condition.wait()
        }
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
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
