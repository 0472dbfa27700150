import Foundation

/// The HTTP layer the client talks through: one GET, answered with the status,
/// the response headers and the body. Implementations throw for network
/// failures (no connection, reset, timeout); the client retries those.
///
/// ``URLSessionTransport`` is the real one; tests may supply their own.
public protocol OAITransport: Sendable {
    /// Fetches `url` with the given request headers.
    func get(_ url: URL, headers: [String: String]) async throws -> (status: Int, headers: [String: String], body: Data)
}

/// Waits between retries. Injected so tests can record the delays instead of sleeping.
public protocol OAISleeper: Sendable {
    /// Suspends for `duration` (or throws if the task is cancelled).
    func sleep(for duration: Duration) async throws
}

/// The real sleeper: `Task.sleep`.
public struct TaskSleeper: OAISleeper {
    public init() {}

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
