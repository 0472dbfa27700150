/// Turns the bytes of one ISO 2709 field into text in a known encoding.
/// MARC-8 state starts afresh with every field.
struct FieldDecoder {
    let encoding: MARCEncoding
    private var marc8 = MARC8Decoder()
    private(set) var warnings: [String] = []

    init(encoding: MARCEncoding) { self.encoding = encoding }

    /// Decodes a value; `fresh` resets MARC-8 to its default sets first.
    mutating func decode(_ bytes: ArraySlice<UInt8>, fresh: Bool = false) -> String {
        switch encoding {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .windows1251: return CP1251.decode(bytes)
        case .latin1: return Latin1.decode(bytes)
        case .marc8:
            if fresh { flushMARC8(); marc8 = MARC8Decoder() }
            return marc8.decode(bytes)
        }
    }

    /// Collects the MARC-8 decoder's warnings before it is replaced.
    private mutating func flushMARC8() {
        for w in marc8.warnings where !warnings.contains(w) { warnings.append(w) }
    }

    /// A data field: indicators, then subfields split at 0x1F.
    mutating func dataField(_ tag: String, _ body: ArraySlice<UInt8>, indicatorCount: Int, codeLength: Int,
                            warnings: inout [String]) -> MARCDataField {
        var field = MARCDataField(tag: tag, subfields: [])
        var i = body.startIndex
        var indicators: [Character] = []
        while indicators.count < indicatorCount, i < body.endIndex, body[i] != ISO2709RecordParser.subfieldDelimiter {
            indicators.append(Character(Unicode.Scalar(body[i])))
            i += 1
        }
        if indicators.count < indicatorCount, indicatorCount == 2 {
            warnings.append("field \(tag) has \(indicators.count) indicator(s); blanks assumed")
        }
        field.ind1 = indicators.count > 0 ? indicators[0] : " "
        field.ind2 = indicators.count > 1 ? indicators[1] : " "
        if encoding == .marc8 { flushMARC8(); marc8 = MARC8Decoder() }
        var chunks = body[i...].split(separator: ISO2709RecordParser.subfieldDelimiter, omittingEmptySubsequences: false)
        if let first = chunks.first {
            if !first.isEmpty {
                warnings.append("field \(tag) has data before its first subfield; kept as subfield '?'")
                field.subfields.append(MARCSubfield(code: "?", value: decode(first)))
            }
            chunks.removeFirst()
        }
        field.subfields.reserveCapacity(chunks.count)
        for chunk in chunks {
            guard chunk.count >= codeLength else {
                warnings.append("field \(tag) has an empty subfield; skipped")
                continue
            }
            let codeByte = chunk[chunk.startIndex]
            let code: Character = codeByte < 0x80 ? Character(Unicode.Scalar(codeByte)) : "?"
            field.subfields.append(MARCSubfield(code: code, value: decode(chunk.dropFirst(codeLength))))
        }
        return field
    }

    /// All warnings, the MARC-8 decoder's included.
    var allWarnings: [String] {
        var w = warnings
        for x in marc8.warnings where !w.contains(x) { w.append(x) }
        return w
    }
}
