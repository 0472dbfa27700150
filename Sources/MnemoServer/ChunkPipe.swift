import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// Carries bytes from a synchronous producer thread (the query evaluator and
/// its writer) to the asynchronous response writer, with back-pressure: the
/// producer blocks while `capacity` chunks wait unread, so a slow client
/// holds a bounded amount of memory, however large the answer.
///
/// If the consumer goes away (the client disconnects), ``cancel()`` makes the
/// producer's next `send` throw ``ChunkPipe/Cancelled``, which ends the query;
/// so does a client that reads nothing for `stallTimeout` seconds, so a
/// stalled connection cannot hold a worker thread for ever.
final class ChunkPipe: Sendable {
    struct Cancelled: Error {}

    private struct State {
        var chunks: [ByteBuffer] = []
        var finished = false
        var failure: (any Error)?
        var cancelled = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())
    private let space: DispatchSemaphore
    private let capacity: Int

    private let stallTimeout: Double

    init(capacity: Int = 8, stallTimeout: Double = 120) {
        self.capacity = capacity
        self.stallTimeout = stallTimeout
        space = DispatchSemaphore(value: capacity)
    }

    /// Producer: queues one chunk, waiting while the pipe is full.
    func send(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count > 0 else { return }
        if space.wait(timeout: .now() + stallTimeout) == .timedOut {
            cancel()
            throw Cancelled()
        }
        var buffer = ByteBufferAllocator().buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        let waiter = try state.withLock { s -> CheckedContinuation<Void, Never>? in
            if s.cancelled { throw Cancelled() }
            s.chunks.append(buffer)
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume()
    }

    /// Producer: no more chunks; `error` ends the stream with that failure.
    func finish(_ error: (any Error)? = nil) {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            s.finished = true
            s.failure = error
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume()
    }

    /// Consumer: what happened before anything was read, without taking it:
    /// waits until a first chunk, the end or a failure is there.
    func waitForStart() async -> (hasData: Bool, failure: (any Error)?) {
        while true {
            let ready = state.withLock { s -> (Bool, (any Error)?)? in
                if !s.chunks.isEmpty { return (true, nil) }
                if s.finished { return (false, s.failure) }
                return nil
            }
            if let ready { return ready }
            await waitForChange()
        }
    }

    /// Consumer: the next chunk, nil at the end; throws the producer's failure.
    func next() async throws -> ByteBuffer? {
        while true {
            let step = state.withLock { s -> (ByteBuffer?, Bool, (any Error)?) in
                if !s.chunks.isEmpty { return (s.chunks.removeFirst(), false, nil) }
                return (nil, s.finished, s.failure)
            }
            if let chunk = step.0 { space.signal(); return chunk }
            if step.1 {
                if let failure = step.2 { throw failure }
                return nil
            }
            await waitForChange()
        }
    }

    /// Consumer: stops the producer; it gets ``Cancelled`` at its next send.
    func cancel() {
        state.withLock { s in
            s.cancelled = true
            s.chunks.removeAll()
        }
        for _ in 0..<capacity { space.signal() }
    }

    private func waitForChange() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { s -> Bool in
                if !s.chunks.isEmpty || s.finished { return true }
                s.waiter = c
                return false
            }
            if resumeNow { c.resume() }
        }
    }
}

extension ChunkPipe {
    /// A response body that streams the pipe's chunks; if the client goes
    /// away (a write fails), the producer is cancelled.
    func responseBody() -> ResponseBody {
        ResponseBody { writer in
            do {
                while let chunk = try await self.next() { try await writer.write(chunk) }
                try await writer.finish(nil)
            } catch {
                self.cancel()
                throw error
            }
        }
    }
}
