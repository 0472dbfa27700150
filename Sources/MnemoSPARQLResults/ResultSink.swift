import Foundation

/// Where a writer's UTF-8 output goes: a closure that takes each chunk of
/// bytes, or a C `FILE*`. Writers hand over chunks of up to about 64 KiB, and
/// everything still buffered when `end()` returns.
public struct ResultSink {
    let emit: (UnsafeRawBufferPointer) throws -> Void

    /// A sink that calls `emit` with each chunk of UTF-8 bytes. The buffer is
    /// only valid during the call.
    public init(_ emit: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.emit = emit
    }

    /// A sink that writes to a C stream with `fwrite` (without closing or
    /// flushing it), and throws `ResultWriterError.io` on a short write.
    public static func file(_ stream: UnsafeMutablePointer<FILE>) -> ResultSink {
        ResultSink { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            if fwrite(base, 1, bytes.count, stream) != bytes.count {
                throw ResultWriterError.io("fwrite failed (errno \(errno))")
            }
        }
    }
}

/// Collects a writer's output in memory; used by the `string(...)` conveniences.
public final class ByteCollector {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// A sink appending to `bytes`.
    public var sink: ResultSink {
        ResultSink { [self] chunk in bytes.append(contentsOf: chunk) }
    }

    /// The bytes written so far, as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// A byte buffer in front of a sink, flushed when it grows past a threshold.
struct OutputBuffer {
    private var bytes: [UInt8] = []
    private let sink: ResultSink
    private let threshold = 64 * 1024

    init(_ sink: ResultSink) {
        self.sink = sink
        bytes.reserveCapacity(4096)
    }

    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(byte: UInt8) { bytes.append(byte) }

    /// Hands the buffer to the sink when it is large enough.
    mutating func flushIfNeeded() throws {
        if bytes.count >= threshold { try flush() }
    }

    /// Hands everything buffered to the sink.
    mutating func flush() throws {
        guard !bytes.isEmpty else { return }
        defer { bytes.removeAll(keepingCapacity: true) }
        try bytes.withUnsafeBytes { try sink.emit($0) }
    }
}
