/// Parses one ISO 2709 record (leader, directory, fields) from its bytes.
/// Lengths and offsets are in bytes; each field is decoded on its own.
struct ISO2709RecordParser {
    static let recordTerminator: UInt8 = 0x1D
    static let fieldTerminator: UInt8 = 0x1E
    static let subfieldDelimiter: UInt8 = 0x1F

    var encodingOverride: MARCEncoding?

    /// A failure: the message for ``MARCReadError``.
    struct Failure: Error { var message: String }

    /// Parses `r`, the bytes of one record including its terminator.
    func parse(_ r: [UInt8]) throws(Failure) -> MARCRecord {
        var warnings: [String] = []
        guard r.count >= 25 else {
            throw Failure(message: "the record has \(r.count) bytes, too short for a 24-byte leader and a directory")
        }
        for b in r[0..<24] where b < 0x20 || b >= 0x7F {
            throw Failure(message: "the leader holds byte 0x\(hex(b)); it must be 24 printable ASCII characters")
        }
        if let length = Self.number(r[0..<5]) {
            if length != r.count {
                warnings.append("leader record length is \(length) but the record terminator ends it at \(r.count) bytes; trusting the terminator")
            }
        } else {
            warnings.append("leader record length '\(Self.ascii(r[0..<5]))' is not a number; trusting the record terminator")
        }
        // Entry map (leader 20–22): length of the field length, of the start position, implementation part.
        var lengthDigits = Self.digit(r[20]) ?? 0
        var startDigits = Self.digit(r[21]) ?? 0
        var implDigits = Self.digit(r[22]) ?? 0
        if lengthDigits == 0 || startDigits == 0 {
            warnings.append("leader entry map '\(Self.ascii(r[20..<24]))' is not valid; using 4500")
            (lengthDigits, startDigits, implDigits) = (4, 5, 0)
        }
        let entrySize = 3 + lengthDigits + startDigits + implDigits

        // The directory runs to the first field terminator, which the base address points past.
        guard let dirEnd = r[24..<(r.count - 1)].firstIndex(of: Self.fieldTerminator) else {
            throw Failure(message: "no field terminator (0x1E) ends the directory")
        }
        guard (dirEnd - 24) % entrySize == 0 else {
            throw Failure(message: "directory length \(dirEnd - 24) is not a multiple of \(entrySize)")
        }
        if Self.number(r[12..<17]) != dirEnd + 1 {
            warnings.append("leader base address '\(Self.ascii(r[12..<17]))' is wrong; the directory ends at byte \(dirEnd)")
        }
        let dataStart = dirEnd + 1
        let dataEnd = r.count - 1  // the record terminator

        struct Entry { var tag: String; var start: Int; var end: Int }
        var entries: [Entry] = []
        entries.reserveCapacity((dirEnd - 24) / entrySize)
        var e = 24
        var outOfRange: String?
        while e < dirEnd {
            let tagBytes = r[e..<e + 3]
            guard tagBytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                throw Failure(message: "directory entry \(entries.count + 1) has a tag that is not printable ASCII")
            }
            let tag = Self.ascii(tagBytes)
            guard let length = Self.number(r[e + 3..<e + 3 + lengthDigits]),
                  let start = Self.number(r[e + 3 + lengthDigits..<e + 3 + lengthDigits + startDigits]) else {
                throw Failure(message: "directory entry \(entries.count + 1) (tag \(tag)) has a length or start that is not a number")
            }
            let s = dataStart + start, t = s + length
            if outOfRange == nil, length < 1 || t > dataEnd || r[t - 1] != Self.fieldTerminator {
                outOfRange = length < 1 || t > dataEnd
                    ? "field \(tag) (directory entry \(entries.count + 1)) at offset \(start) with length \(length) runs past the data (\(dataEnd - dataStart) bytes)"
                    : "field \(tag) (directory entry \(entries.count + 1)) does not end with a field terminator"
            }
            entries.append(Entry(tag: tag, start: s, end: t - 1))
            e += entrySize
        }
        if let outOfRange {
            // Lengths counted in characters rather than bytes are a common export bug: when the
            // data splits at its field terminators into as many fields as the directory lists,
            // take the fields in order and say so.
            // The directory must still be self-consistent (each field starting where the one
            // before ends) and no field longer in the directory than in the data, so that a
            // corrupt entry is not mistaken for this.
            let cuts = r[dataStart..<dataEnd].indices.filter { r[$0] == Self.fieldTerminator }
            guard cuts.count == entries.count, cuts.last == dataEnd - 1 else { throw Failure(message: outOfRange) }
            var expectedStart = dataStart, from = dataStart
            for (k, cut) in cuts.enumerated() {
                let length = entries[k].end + 1 - entries[k].start
                guard entries[k].start == expectedStart, length <= cut + 1 - from else { throw Failure(message: outOfRange) }
                expectedStart += length
                from = cut + 1
            }
            from = dataStart
            for (k, cut) in cuts.enumerated() {
                entries[k].start = from
                entries[k].end = cut
                from = cut + 1
            }
            warnings.append("\(outOfRange); the directory's offsets do not fit the data, so the fields were taken in order at their terminators")
        }

        var record = MARCRecord(leader: Self.ascii(r[0..<24]))
        let decision: MARCEncodingDetector.Decision
        if let encodingOverride {
            decision = .init(encoding: encodingOverride)
        } else {
            decision = r.withUnsafeBufferPointer {
                MARCEncodingDetector.detect(leader9: r[9], data: UnsafeBufferPointer(rebasing: $0[dataStart..<dataEnd]))
            }
        }
        if let w = decision.warning { warnings.append(w) }
        record.sourceEncoding = decision.encoding
        var decoder = FieldDecoder(encoding: decision.encoding)
        let indicatorCount = Self.digit(r[10]) ?? 2
        let codeLength = max(1, (Self.digit(r[11]) ?? 2) - 1)
        for entry in entries {
            let body = r[entry.start..<entry.end]
            if entry.tag.hasPrefix("00") {
                record.controlFields.append(MARCControlField(tag: entry.tag, value: decoder.decode(body, fresh: true)))
            } else {
                record.dataFields.append(decoder.dataField(entry.tag, body, indicatorCount: indicatorCount,
                                                            codeLength: codeLength, warnings: &warnings))
            }
        }
        warnings += decoder.allWarnings
        record.warnings = warnings
        return record
    }

    static func digit(_ b: UInt8) -> Int? { b >= 0x30 && b <= 0x39 ? Int(b - 0x30) : nil }

    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var n = 0
        for b in bytes {
            guard let d = digit(b) else { return nil }
            n = n * 10 + d
        }
        return n
    }

    static func ascii(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}
