import CZlib

/// An error from zlib.
public struct GzipError: Error, CustomStringConvertible {
    public var code: Int32
    public var description: String { "zlib error \(code)" }
}

/// Compresses a byte stream to gzip (RFC 1952) incrementally: input is
/// deflated as it arrives and each filled output buffer goes to the sink,
/// so memory stays at zlib's window plus one buffer, whatever the size.
///
/// ```swift
/// let gz = try GzipWriter { chunk in try file.write(contentsOf: chunk) }
/// try gz.write(bytes)
/// try gz.finish()
/// ```
public final class GzipWriter {
    private var stream = z_stream()
    private var output: UnsafeMutablePointer<UInt8>
    private let outputSize: Int
    private let sink: (UnsafeRawBufferPointer) throws -> Void
    private var finished = false
    /// Bytes given to ``write(_:)`` so far, and compressed bytes sent to the sink.
    public private(set) var bytesIn = 0, bytesOut = 0

    /// A writer sending compressed chunks of at most `chunkSize` bytes to `sink`.
    public init(level: Int32 = 6, chunkSize: Int = 1 << 16, sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        self.sink = sink
        outputSize = chunkSize
        output = .allocate(capacity: chunkSize)
        // windowBits 15 + 16: a 32 KiB window, with a gzip header and trailer instead of zlib's.
        let rc = deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                               ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else {
            output.deallocate()
            throw GzipError(code: rc)
        }
    }

    deinit {
        deflateEnd(&stream)
        output.deallocate()
    }

    /// Compresses `bytes`, sending any full output buffers on.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        bytesIn += bytes.count
        stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
        stream.avail_in = UInt32(bytes.count)
        try pump(flush: Z_NO_FLUSH)
    }

    /// Compresses `bytes`.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Ends the stream: the last compressed bytes and the gzip trailer go to the sink.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        stream.next_in = nil
        stream.avail_in = 0
        try pump(flush: Z_FINISH)
    }

    private func pump(flush: Int32) throws {
        repeat {
            stream.next_out = output
            stream.avail_out = UInt32(outputSize)
            let rc = deflate(&stream, flush)
            guard rc == Z_OK || rc == Z_STREAM_END || rc == Z_BUF_ERROR else { throw GzipError(code: rc) }
            let produced = outputSize - Int(stream.avail_out)
            if produced > 0 {
                bytesOut += produced
                try sink(UnsafeRawBufferPointer(start: output, count: produced))
            }
            if flush == Z_FINISH && rc == Z_STREAM_END { return }
        } while stream.avail_out == 0 || (flush == Z_FINISH)
    }
}
