import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing files without surprises, for every exporter and converter that
/// streams its output (MARC writers, crosswalk N-Quads, ingest reports).
public enum OutputFile {
    /// Opens `path` for writing, creating or truncating it in place, like a
    /// shell's `>`: a device such as `/dev/null` or a pipe stays what it is.
    /// (`FileManager.createFile` writes a new file and renames it over the
    /// path: given `/dev/null`, it replaces the device with a regular file.)
    public static func open(_ path: String) -> FileHandle? {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Writes all of `bytes` straight from their buffer (no copy into `Data`),
    /// retrying short and interrupted writes.
    public static func write(_ bytes: UnsafeRawBufferPointer, to h: FileHandle) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(h.fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
            offset += n
        }
    }
}
