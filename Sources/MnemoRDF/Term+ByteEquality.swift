#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-exact equality and hashing for terms.
///
/// Swift's `String ==` compares by canonical equivalence, so "é" (U+00E9)
/// would equal "e" + U+0301. RDF compares lexical forms and IRIs code point
/// by code point, and Mnemo promises text byte-exact, so terms compare
/// their UTF-8 bytes.
extension Term {
    public static func == (a: Term, b: Term) -> Bool {
        switch (a, b) {
        case (.iri(let x), .iri(let y)), (.blank(let x), .blank(let y)): return sameBytes(x, y)
        case (.literal(let x), .literal(let y)): return x == y
        default: return false
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case .iri(let v): h.combine(1 as UInt8); hashBytes(v, &h)
        case .blank(let v): h.combine(2 as UInt8); hashBytes(v, &h)
        case .literal(let l): h.combine(3 as UInt8); l.hash(into: &h)
        }
    }
}

extension Literal {
    public static func == (a: Literal, b: Literal) -> Bool {
        sameBytes(a.lexical, b.lexical) && sameBytes(a.datatype, b.datatype)
            && (a.language == nil) == (b.language == nil) && sameBytes(a.language ?? "", b.language ?? "")
    }

    public func hash(into h: inout Hasher) {
        hashBytes(lexical, &h)
        hashBytes(datatype, &h)
        hashBytes(language ?? "", &h)
    }
}

extension String {
    /// Equal byte for byte in UTF-8: unlike `==`, "é" (U+00E9) and "e" + U+0301 differ.
    public func hasSameBytes(as other: String) -> Bool { sameBytes(self, other) }
}

@inline(__always)
func sameBytes(_ a: String, _ b: String) -> Bool {
    let n = a.utf8.count
    guard n == b.utf8.count else { return false }
    guard n > 0 else { return true }
    // One memcmp over contiguous UTF-8 (every native string) instead of a byte-by-byte walk.
    let same: Bool?? = a.utf8.withContiguousStorageIfAvailable { x in
        b.utf8.withContiguousStorageIfAvailable { y in memcmp(x.baseAddress!, y.baseAddress!, n) == 0 }
    }
    if let same, let same { return same }
    return a.utf8.elementsEqual(b.utf8)
}

@inline(__always)
func hashBytes(_ s: String, _ h: inout Hasher) {
    var s = s
    s.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    h.combine(s.utf8.count)
}
