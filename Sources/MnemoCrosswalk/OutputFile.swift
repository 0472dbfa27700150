import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opening files for writing without surprises.
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
}
