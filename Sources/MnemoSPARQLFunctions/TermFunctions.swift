import Foundation
import MnemoRDF
import MnemoSPARQLSyntax

/// Functions on RDF terms (section 17.4.2): STR, LANG, DATATYPE, IRI,
/// BNODE, STRDT, STRLANG.
enum TermFunctions {
    static func str(_ t: Term) throws -> Term {
        switch t {
        case .iri(let iri): return .string(iri)
        case .literal(let lit): return .string(lit.lexical)
        case .blank: throw ExpressionError("STR of a blank node")
        }
    }

    static func lang(_ t: Term) throws -> Term {
        guard case .literal(let lit) = t else { throw ExpressionError("LANG of a non-literal") }
        return .string(lit.language ?? "")
    }

    static func datatype(_ t: Term) throws -> Term {
        guard case .literal(let lit) = t else { throw ExpressionError("DATATYPE of a non-literal") }
        return .iri(lit.datatype)
    }

    /// IRI / URI: an IRI is returned as is; a simple literal is resolved
    /// against the base IRI and must give an absolute IRI without illegal characters.
    static func iri(_ t: Term, _ ctx: FunctionContext) throws -> Term {
        if case .iri = t { return t }
        let text = try StringFunctions.simpleArgument(t, "IRI")
        guard !hasIllegalIRICharacters(text) else { throw ExpressionError("IRI: illegal characters in \(text)") }
        if IRIResolver.isAbsolute(text) { return .iri(text) }
        guard let base = ctx.baseIRI, IRIResolver.isAbsolute(base) else {
            throw ExpressionError("IRI: relative IRI \(text) without a base")
        }
        return .iri(IRIResolver.resolve(text, against: base))
    }

    static func bnode(_ t: Term?, _ ctx: FunctionContext) throws -> Term {
        guard let t else { return .blank(ctx.freshBlankLabel()) }
        let key = try StringFunctions.simpleArgument(t, "BNODE")
        return .blank(ctx.scopedBlankLabel(for: key))
    }

    /// STRLANG(simple literal, tag): the tag must be a well-formed BCP 47 tag.
    static func strLang(_ a: Term, _ b: Term) throws -> Term {
        let lexical = try StringFunctions.simpleArgument(a, "STRLANG")
        let tag = try StringFunctions.simpleArgument(b, "STRLANG")
        guard isLanguageTag(tag) else { throw ExpressionError("STRLANG: invalid language tag \"\(tag)\"") }
        return .langString(lexical, tag)
    }

    /// STRDT(simple literal, datatype IRI); rdf:langString is not allowed.
    static func strDT(_ a: Term, _ b: Term) throws -> Term {
        let lexical = try StringFunctions.simpleArgument(a, "STRDT")
        guard case .iri(let datatype) = b else { throw ExpressionError("STRDT needs a datatype IRI") }
        guard datatype != XSD.langString else { throw ExpressionError("STRDT cannot make rdf:langString") }
        return .typed(lexical, datatype)
    }

    /// `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            guard (1...8).contains(part.count) else { return false }
            let ok = part.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || (i > 0 && ("0"..."9").contains($0)))
            }
            guard ok else { return false }
        }
        return true
    }
}

/// Characters that may not appear in an IRI (RFC 3987): controls, space, <>"{}|\^`.
private func hasIllegalIRICharacters(_ s: String) -> Bool {
    s.unicodeScalars.contains { c in
        c.value <= 0x20 || (0x7F...0x9F).contains(c.value) || "<>\"{}|\\^`".unicodeScalars.contains(c)
    }
}
