/// The compact byte encoding of a term used by the term dictionary and the
/// store: one kind byte followed by UTF-8.
///
/// | kind | layout                                   |
/// |------|------------------------------------------|
/// | 1    | IRI bytes                                |
/// | 2    | blank node label                         |
/// | 3    | lexical form (`xsd:string` literal)      |
/// | 4    | language tag, `0x00`, lexical form       |
/// | 5    | datatype IRI, `0x00`, lexical form       |
///
/// The lexical form comes last, so it may hold any byte, NUL included.
public enum TermKind: UInt8, Sendable {
    case iri = 1
    case blank = 2
    case simpleLiteral = 3
    case langLiteral = 4
    case typedLiteral = 5
}

extension Term {
    /// The term's kind byte.
    public var kind: TermKind {
        switch self {
        case .iri: return .iri
        case .blank: return .blank
        case .literal(let l):
            if l.language != nil { return .langLiteral }
            return l.datatype == Vocabulary.xsdString ? .simpleLiteral : .typedLiteral
        }
    }

    /// Appends the term's encoding to `bytes`.
    public func encode(into bytes: inout [UInt8]) {
        bytes.append(kind.rawValue)
        switch self {
        case .iri(let v), .blank(let v):
            bytes.append(contentsOf: v.utf8)
        case .literal(let l):
            if let lang = l.language {
                bytes.append(contentsOf: lang.utf8)
                bytes.append(0)
            } else if l.datatype != Vocabulary.xsdString {
                bytes.append(contentsOf: l.datatype.utf8)
                bytes.append(0)
            }
            bytes.append(contentsOf: l.lexical.utf8)
        }
    }

    /// The term's encoding.
    public var encoded: [UInt8] {
        var b: [UInt8] = []
        encode(into: &b)
        return b
    }

    /// Decodes a term from its encoding, or returns nil for malformed bytes.
    public init?(encoded bytes: UnsafeRawBufferPointer) {
        guard let first = bytes.first, let kind = TermKind(rawValue: first) else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: bytes[1...])
        func str(_ b: UnsafeRawBufferPointer) -> String { String(decoding: b, as: UTF8.self) }
        switch kind {
        case .iri: self = .iri(str(body))
        case .blank: self = .blank(str(body))
        case .simpleLiteral: self = .literal(Literal(str(body)))
        case .langLiteral, .typedLiteral:
            guard let zero = body.firstIndex(of: 0) else { return nil }
            let head = str(UnsafeRawBufferPointer(rebasing: body[..<zero]))
            let lexical = str(UnsafeRawBufferPointer(rebasing: body[(zero + 1)...]))
            self = kind == .langLiteral
                ? .literal(Literal(lexical, language: head))
                : .literal(Literal(lexical, datatype: head))
        }
    }

    /// Decodes a term from an encoded byte array.
    public init?(encoded bytes: [UInt8]) {
        guard let t = bytes.withUnsafeBytes({ Term(encoded: $0) }) else { return nil }
        self = t
    }
}
