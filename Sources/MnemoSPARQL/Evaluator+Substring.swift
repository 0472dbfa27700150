import MnemoRDF
import MnemoSPARQLFunctions
import MnemoSPARQLSyntax

extension Evaluator {
    /// SUBSTR. Of a stored term's text (`SUBSTR(STR(?x), …)`, or SUBSTR of a
    /// stored simple literal) with whole-number positions, the result is cut
    /// from the term's bytes: neither the term nor a string of its whole
    /// text is made, and a short result is a small string (no allocation).
    /// Every other case takes the general path.
    func substr(_ args: [CExpr], _ row: Row, _ scope: Scope) throws -> ExpressionValue {
        guard args.count == 2 || args.count == 3 else {
            return try call(.substr, args.map { try compute($0, row, scope) })
        }
        var viaSTR = false
        var source: ExpressionValue
        if case .builtin(.str, let inner) = args[0], inner.count == 1 {
            viaSTR = true
            source = try compute(inner[0], row, scope)
        } else {
            source = try compute(args[0], row, scope)
        }
        let start = try position(args[1], row, scope)
        let length = args.count == 3 ? try position(args[2], row, scope) : nil
        if case .id(let id) = source, id < QueryDictionary.localBase, let from = wholeNumber(start), from >= 1,
           let count = length == nil ? Int64.max : length.flatMap(wholeNumber), count >= 0 {
            // nil: a blank node (no text); .some(nil): a literal SUBSTR must keep the tag or type of.
            let cut: String?? = dictionary.withStoredText(id) { bytes, kind in
                viaSTR || kind == .simpleLiteral ? Evaluator.scalars(of: bytes, from: from, count: count) : nil
            }
            switch cut {
            case .some(.some(let text)): return .string(text)
            case .none where viaSTR: throw ExpressionError("STR of a blank node")
            default: break
            }
        }
        if viaSTR { source = try call(.str, [source]) }
        var values = [source, start]
        if let length { values.append(length) }
        return try call(.substr, values)
    }

    /// A position argument's value; a constant by its id alone (its number is cached by id), not copying its term.
    private func position(_ e: CExpr, _ row: Row, _ scope: Scope) throws -> ExpressionValue {
        if case .constant(let id, _) = e { return .id(id) }
        return try compute(e, row, scope)
    }

    /// The value as an integer when it is an xsd:integer (or derived) that fits, else nil.
    private func wholeNumber(_ v: ExpressionValue) -> Int64? {
        if case .integer(let n)? = number(v) { return n }
        return nil
    }

    /// `count` Unicode scalars of UTF-8 text from scalar position `from`
    /// (1-based; past the end gives ""), as SUBSTR counts them.
    static func scalars(of bytes: UnsafeRawBufferPointer, from: Int64, count: Int64) -> String {
        // A scalar starts at each byte that is not a continuation byte (10xxxxxx).
        @inline(__always) func starts(_ b: UInt8) -> Bool { b & 0xC0 != 0x80 }
        var i = 0, skipped: Int64 = 0
        while i < bytes.count {
            if starts(bytes[i]) {
                if skipped == from - 1 { break }
                skipped += 1
            }
            i += 1
        }
        var j = i, taken: Int64 = 0
        while j < bytes.count {
            if starts(bytes[j]) {
                if taken == count { break }
                taken += 1
            }
            j += 1
        }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self)
    }
}
