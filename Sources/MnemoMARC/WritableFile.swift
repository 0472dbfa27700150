import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opens a file for writing in place (create or truncate, like a shell's `>`),
/// so that a device such as `/dev/null` stays a device: `FileManager.createFile`
/// writes a new file and renames it over the path.
func openForWriting(_ url: URL) throws -> FileHandle {
    let fd = Glibc.open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw MARCWriteError("cannot create \(url.path): \(String(cString: strerror(errno)))") }
    return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
}
