/// Why a record, or a whole input, could not be read.
///
/// Record-level errors (``Kind-swift.enum/malformedRecord``) say which record
/// (1-based) and where it starts (the byte offset for ISO 2709, line and
/// column for XML); the readers report them and go on with the next record.
/// ``Kind-swift.enum/malformedXML`` and ``Kind-swift.enum/io`` end the input.
public struct MARCReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Kind: Sendable, Equatable {
        /// One record is broken; the rest of the input is still read.
        case malformedRecord
        /// The XML is not well-formed; reading stops.
        case malformedXML
        /// The input could not be opened or read; reading stops.
        case io
    }

    /// Whether one record or the whole input failed.
    public var kind: Kind
    /// The file or source name, when known.
    public var source: String?
    /// The record's 1-based number in the input.
    public var recordNumber: Int?
    /// Where the record starts in the file (ISO 2709).
    public var byteOffset: Int?
    /// The line (XML), 1-based.
    public var line: Int?
    /// The column (XML), 1-based.
    public var column: Int?
    /// What is wrong, in plain words.
    public var message: String

    public init(kind: Kind, source: String? = nil, recordNumber: Int? = nil, byteOffset: Int? = nil,
                line: Int? = nil, column: Int? = nil, message: String) {
        self.kind = kind
        self.source = source
        self.recordNumber = recordNumber
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
        self.message = message
    }

    /// True when reading can go on past this error.
    public var isRecoverable: Bool { kind == .malformedRecord }

    public var description: String {
        var s = source ?? "<input>"
        if let line { s += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        s += ":"
        if let recordNumber { s += " record \(recordNumber)" }
        if let byteOffset { s += " at byte \(byteOffset)" }
        if recordNumber != nil || byteOffset != nil { s += ":" }
        return s + " " + message
    }
}

/// A character could not be written in the chosen encoding, or a record is too
/// large for ISO 2709's length fields.
public struct MARCWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What could not be written, and why.
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
