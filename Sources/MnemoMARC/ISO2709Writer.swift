import Foundation
import MnemoXML

/// Writes records as ISO 2709: leader, directory and fields, with every
/// length and offset counted in bytes of the chosen encoding.
///
/// The leader keeps the record's own codes; the writer sets the record length
/// (0–4), the base address (12–16), indicator and subfield code counts (10–11),
/// the entry map (20–22) and position 9 (`a` for UTF-8, blank otherwise).
/// Control fields go first, then data fields, each in the record's order.
///
/// ```swift
/// let bytes = try ISO2709Writer(encoding: .windows1251).encode(record)
/// ```
public struct ISO2709Writer: Sendable {
    /// The character encoding of the output.
    public var encoding: MARCEncoding
    /// When false, leader 9 is left blank even for UTF-8, as UNIMARC and RUSMARC
    /// exports do (their leader 9 is not an encoding flag).
    public var marksUTF8InLeader: Bool

    public init(encoding: MARCEncoding = .utf8, marksUTF8InLeader: Bool = true) {
        self.encoding = encoding
        self.marksUTF8InLeader = marksUTF8InLeader
    }

    /// One record's bytes, ending with the record terminator.
    public func encode(_ record: MARCRecord) throws -> [UInt8] {
        var directory: [UInt8] = []
        var data: [UInt8] = []
        func add(_ tag: String, _ body: [UInt8]) throws {
            let tagBytes = Array(tag.utf8)
            guard tagBytes.count == 3, tagBytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                throw MARCWriteError("tag '\(tag)' is not three ASCII characters")
            }
            let length = body.count + 1
            guard length <= 9999 else { throw MARCWriteError("field \(tag) is \(length) bytes; ISO 2709 allows 9999") }
            guard data.count <= 99999 else { throw MARCWriteError("the record's data passes 99999 bytes") }
            directory += tagBytes
            directory += Self.digits(length, 4)
            directory += Self.digits(data.count, 5)
            data += body
            data.append(ISO2709RecordParser.fieldTerminator)
        }
        for f in record.controlFields {
            try add(f.tag, try encoding.encode(f.value))
        }
        for f in record.dataFields {
            var body: [UInt8] = []
            for ind in [f.ind1, f.ind2] {
                guard let a = ind.asciiValue, a >= 0x20 else { throw MARCWriteError("field \(f.tag) has indicator '\(ind)', not ASCII") }
                body.append(a)
            }
            for sf in f.subfields {
                guard let code = sf.code.asciiValue, code > 0x20 else {
                    throw MARCWriteError("field \(f.tag) has subfield code '\(sf.code)', not ASCII")
                }
                body.append(ISO2709RecordParser.subfieldDelimiter)
                body.append(code)
                body += try encoding.encode(sf.value)
            }
            try add(f.tag, body)
        }
        let base = 24 + directory.count + 1
        let total = base + data.count + 1
        guard total <= 99999 else { throw MARCWriteError("the record is \(total) bytes; ISO 2709 allows 99999") }

        var leader = Array(record.leader.utf8.map { $0 < 0x20 || $0 >= 0x7F ? 0x20 : $0 }.prefix(24))
        while leader.count < 24 { leader.append(0x20) }
        leader.replaceSubrange(0..<5, with: Self.digits(total, 5))
        leader[9] = encoding == .utf8 && marksUTF8InLeader ? 0x61 : 0x20
        leader[10] = 0x32
        leader[11] = 0x32
        leader.replaceSubrange(12..<17, with: Self.digits(base, 5))
        leader.replaceSubrange(20..<23, with: Array("450".utf8))
        if leader[23] != 0x20 && leader[23] != 0x30 { leader[23] = 0x30 }

        var out = leader
        out.reserveCapacity(total)
        out += directory
        out.append(ISO2709RecordParser.fieldTerminator)
        out += data
        out.append(ISO2709RecordParser.recordTerminator)
        return out
    }

    /// Many records, one after another.
    public func data<S: Sequence>(_ records: S) throws -> Data where S.Element == MARCRecord {
        var out = Data()
        for r in records { out.append(contentsOf: try encode(r)) }
        return out
    }

    /// Writes records to a file, streaming.
    public func write<S: Sequence>(_ records: S, to url: URL) throws where S.Element == MARCRecord {
        guard let handle = OutputFile.open(url.path) else { throw MARCWriteError("cannot create \(url.path)") }
        defer { try? handle.close() }
        var pending = Data()
        for r in records {
            pending.append(contentsOf: try encode(r))
            if pending.count >= 1 << 20 { try handle.write(contentsOf: pending); pending.removeAll(keepingCapacity: true) }
        }
        try handle.write(contentsOf: pending)
    }

    static func digits(_ n: Int, _ width: Int) -> [UInt8] {
        var s = Array(String(n).utf8)
        while s.count < width { s.insert(0x30, at: 0) }
        return s
    }
}
