import Foundation

/// Reads ISO 2709 exchange files (`.mrc`, MARC 21, UNIMARC, RUSMARC) as a
/// sequence of records, one result per record.
///
/// Files are read in chunks and split at record terminators (0x1D), so memory
/// stays flat however large the file. A broken record becomes a
/// ``MARCReadError`` giving its number and byte offset, and reading goes on
/// with the next record; the caller decides whether to stop.
///
/// ```swift
/// for result in try ISO2709Reader(url: url) {
///     switch result {
///     case .success(let record): print(record.subfield("245", "a") ?? "")
///     case .failure(let error): print(error)   // "x.mrc: record 2 at byte 812: …"
///     }
/// }
/// ```
public final class ISO2709Reader: Sequence, IteratorProtocol {
    /// Forces an encoding instead of detecting one per record (`--encoding`).
    public let encoding: MARCEncoding?
    /// The name used in errors.
    public let source: String?

    private let handle: FileHandle?
    private let chunkSize: Int
    private var buffer: [UInt8]
    private var position = 0            // next unread byte in `buffer`
    private var bufferOffset = 0        // file offset of buffer[0]
    private var atEOF = false
    private var recordNumber = 0
    private var finished = false
    private var discarding = false      // skipping the rest of an overlong record
    /// Past this many bytes without a terminator the data is not a record
    /// (ISO 2709 caps records at 99,999 bytes); it is reported and skipped.
    static let maxRecordBytes = 1 << 20
    private let parser: ISO2709RecordParser

    /// Opens a file for streaming.
    public init(url: URL, encoding: MARCEncoding? = nil, chunkSize: Int = 1 << 20) throws {
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw MARCReadError(kind: .io, source: url.path, message: "cannot open the file: \(error.localizedDescription)")
        }
        self.encoding = encoding
        self.source = url.path
        self.chunkSize = Swift.max(chunkSize, 4096)
        self.buffer = []
        self.parser = ISO2709RecordParser(encodingOverride: encoding)
    }

    /// Reads records held in memory.
    public init(data: Data, encoding: MARCEncoding? = nil, source: String? = nil) {
        handle = nil
        self.encoding = encoding
        self.source = source
        self.chunkSize = 0
        self.buffer = [UInt8](data)
        self.atEOF = true
        self.parser = ISO2709RecordParser(encodingOverride: encoding)
    }

    deinit { try? handle?.close() }

    /// The next record or record error; nil at the end of the input.
    public func next() -> Result<MARCRecord, MARCReadError>? {
        guard !finished else { return nil }
        while true {
            if discarding {
                if let end = buffer[position...].firstIndex(of: ISO2709RecordParser.recordTerminator) {
                    position = end + 1
                    discarding = false
                } else {
                    position = buffer.count
                    if atEOF { finished = true; return nil }
                    if let failure = fill() { finished = true; return .failure(failure) }
                    continue
                }
            }
            skipPadding()
            if let end = buffer[position...].firstIndex(of: ISO2709RecordParser.recordTerminator) {
                let start = position
                position = end + 1
                return parse(Array(buffer[start...end]), offset: bufferOffset + start)
            }
            if atEOF {
                finished = true
                guard position < buffer.count else { return nil }
                recordNumber += 1
                let offset = bufferOffset + position
                let length = buffer.count - position
                position = buffer.count
                return .failure(error("the file ends inside a record (\(length) bytes with no record terminator 0x1D)", offset))
            }
            if buffer.count - position > Self.maxRecordBytes {
                recordNumber += 1
                discarding = true
                let offset = bufferOffset + position
                position = buffer.count
                return .failure(error("no record terminator (0x1D) within \(Self.maxRecordBytes) bytes; skipped to the next one", offset))
            }
            if let failure = fill() { finished = true; return .failure(failure) }
        }
    }

    /// Calls `handler` for each record or record error, in order. The handler
    /// may throw to stop.
    public func read(_ handler: (Result<MARCRecord, MARCReadError>) throws -> Void) rethrows {
        while let r = next() { try handler(r) }
    }

    private func parse(_ bytes: [UInt8], offset: Int) -> Result<MARCRecord, MARCReadError> {
        recordNumber += 1
        do {
            return .success(try parser.parse(bytes))
        } catch {
            return .failure(self.error(error.message, offset))
        }
    }

    private func error(_ message: String, _ offset: Int) -> MARCReadError {
        MARCReadError(kind: .malformedRecord, source: source, recordNumber: recordNumber, byteOffset: offset, message: message)
    }

    /// Line breaks, blanks and NULs between records are not records.
    private func skipPadding() {
        while position < buffer.count {
            switch buffer[position] {
            case 0x0A, 0x0D, 0x20, 0x00, 0x1A: position += 1
            default: return
            }
        }
    }

    /// Reads the next chunk, dropping what has been consumed.
    private func fill() -> MARCReadError? {
        guard let handle else { atEOF = true; return nil }
        if position > 0 {
            buffer.removeFirst(position)
            bufferOffset += position
            position = 0
        }
        do {
            if let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
                buffer.append(contentsOf: chunk)
            } else {
                atEOF = true
            }
            return nil
        } catch {
            return MARCReadError(kind: .io, source: source, byteOffset: bufferOffset + buffer.count,
                                 message: "read failed: \(error.localizedDescription)")
        }
    }
}
