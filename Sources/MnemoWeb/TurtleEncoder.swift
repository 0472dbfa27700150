import MnemoRDF

/// Encodes a stream of triples as Turtle (or the inside of a TriG block),
/// one statement at a time: a subject's consecutive triples are joined with
/// `;` and `,`, vocabulary IRIs are written as prefixed names, and literals
/// keep the N-Triples escapes (which Turtle shares). Nothing is buffered
/// beyond the current statement, so a dump of any size streams.
struct TurtleEncoder {
    private let namespaces: [(prefix: [UInt8], ns: String)]
    private var subject: Term?
    private var predicate: Term?
    /// The indent of statements (two spaces inside a TriG block).
    var indent: [UInt8] = []

    init(prefixes: [(String, String)] = IRILinker.prefixes) {
        namespaces = prefixes.map { (Array(($0.0 + ":").utf8), $0.1) }
    }

    /// The `@prefix` lines.
    var header: [UInt8] {
        var out: [UInt8] = []
        for (p, ns) in namespaces {
            out += Array("@prefix ".utf8) + p + Array(" <\(ns)> .\n".utf8)
        }
        out.append(0x0A)
        return out
    }

    mutating func triple(_ s: Term, _ p: Term, _ o: Term, into out: inout [UInt8]) {
        if s == subject {
            if p == predicate {
                out += Array(", ".utf8)
            } else {
                out += Array(" ;\n".utf8) + indent + Array("    ".utf8)
                appendPredicate(p, &out)
                out.append(0x20)
            }
        } else {
            if subject != nil { out += Array(" .\n".utf8) }
            out += indent
            append(s, &out)
            out.append(0x20)
            appendPredicate(p, &out)
            out.append(0x20)
        }
        append(o, &out)
        subject = s
        predicate = p
    }

    /// Ends the open statement, if any.
    mutating func close(into out: inout [UInt8]) {
        if subject != nil { out += Array(" .\n".utf8) }
        subject = nil
        predicate = nil
    }

    private func appendPredicate(_ p: Term, _ out: inout [UInt8]) {
        if case .iri(let v) = p, v == Vocabulary.rdfType { out.append(UInt8(ascii: "a")); return }
        append(p, &out)
    }

    func append(_ t: Term, _ out: inout [UInt8]) {
        if case .iri(let v) = t {
            for (prefix, ns) in namespaces where v.hasPrefix(ns) {
                let local = v.utf8.dropFirst(ns.utf8.count)
                if Self.isLocalName(local) {
                    out += prefix
                    out.append(contentsOf: local)
                    return
                }
            }
        }
        t.appendNTriples(to: &out)
    }

    /// Letters, digits, `_` and `-`, not starting with `-`: a local name needing no escapes.
    static func isLocalName<C: Collection<UInt8>>(_ s: C) -> Bool {
        guard let first = s.first, first != UInt8(ascii: "-") else { return false }
        return s.allSatisfy { b in
            ((b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
        }
    }
}
