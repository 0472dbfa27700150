import CRedland
import Foundation

/// Where a serializer's bytes go: a C `FILE` the caller owns, or a closure
/// that takes each chunk (a buffer valid only during the call).
///
/// A sink's error is kept and rethrown by the writer at its next call, since
/// Raptor calls back through C and cannot carry a Swift error.
final class ByteOutput {
    enum Target {
        case file(UnsafeMutablePointer<FILE>)
        case sink((UnsafeRawBufferPointer) throws -> Void)
    }

    let target: Target
    private var pendingError: Error?

    private init(_ target: Target) { self.target = target }

    static func file(_ f: UnsafeMutablePointer<FILE>) -> ByteOutput { ByteOutput(.file(f)) }
    static func sink(_ s: @escaping (UnsafeRawBufferPointer) throws -> Void) -> ByteOutput { ByteOutput(.sink(s)) }

    /// Writes all of `bytes`, throwing on a short write or the sink's error.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count > 0 else { return }
        switch target {
        case .file(let f):
            if fwrite(bytes.baseAddress, 1, bytes.count, f) != bytes.count {
                throw SerializerError(description: "write failed: \(String(cString: strerror(errno)))")
            }
        case .sink(let s): try s(bytes)
        }
    }

    func flush() {
        if case .file(let f) = target { fflush(f) }
    }

    /// The error a sink threw inside a Raptor callback, once.
    func takeError() -> Error? {
        defer { pendingError = nil }
        return pendingError
    }

    /// A Raptor iostream whose writes come here (for `.sink`; the caller frees it).
    func raptorStream(_ world: OpaquePointer) -> OpaquePointer? {
        raptor_new_iostream_from_handler(world, Unmanaged.passUnretained(self).toOpaque(), &ByteOutput.handler)
    }

    /// Called from Raptor: writes `count` bytes, returning false after a failure.
    fileprivate func raptorWrite(_ p: UnsafeRawPointer?, _ count: Int) -> Bool {
        guard pendingError == nil else { return false }
        do {
            try write(UnsafeRawBufferPointer(start: p, count: count))
            return true
        } catch {
            pendingError = error
            return false
        }
    }

    nonisolated(unsafe) private static var handler: raptor_iostream_handler = {
        var h = raptor_iostream_handler()
        h.version = 2
        h.write_byte = { context, byte in
            var b = UInt8(truncatingIfNeeded: byte)
            let out = Unmanaged<ByteOutput>.fromOpaque(context!).takeUnretainedValue()
            return out.raptorWrite(&b, 1) ? 0 : 1
        }
        h.write_bytes = { context, ptr, size, nmemb in
            let out = Unmanaged<ByteOutput>.fromOpaque(context!).takeUnretainedValue()
            return out.raptorWrite(ptr, size * nmemb) ? Int32(truncatingIfNeeded: nmemb) : -1
        }
        return h
    }()
}
