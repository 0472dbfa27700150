import Foundation
import MnemoRDF
import MnemoSPARQLSyntax
import Testing
@testable import MnemoSPARQLFunctions

@Suite("Term functions, IRIs and blank nodes") struct TermFunctionTests {
    @Test func strLangDatatype() throws {
        #expect(try call(.str, .iri("http://example.org/Алматы")) == .string("http://example.org/Алматы"))
        #expect(try call(.str, .langString("Тошкент", "uz-Cyrl")) == .string("Тошкент"))
        #expect(try call(.str, integer("01")) == .string("01"))
        #expect(fails(.str, .blank("b")))
        #expect(try call(.lang, .langString("Тошкент", "uz-Cyrl")) == .string("uz-cyrl"))
        #expect(try call(.lang, .string("x")) == .string(""))
        #expect(try call(.lang, integer("1")) == .string(""))
        #expect(fails(.lang, .iri("http://example.org/")))
        #expect(try call(.datatype, .string("x")) == .iri(xsd + "string"))
        #expect(try call(.datatype, .langString("x", "kk")) == .iri(rdfLangString))
        #expect(try call(.datatype, integer("x")) == .iri(xsd + "integer"))
        #expect(fails(.datatype, .blank("b")))
    }

    @Test func termTests() throws {
        #expect(try call(.isIRI, .iri("urn:x")) == boolean(true))
        #expect(try call(.isURI, .string("urn:x")) == boolean(false))
        #expect(try call(.isBlank, .blank("b")) == boolean(true))
        #expect(try call(.isLiteral, .langString("a", "en")) == boolean(true))
        #expect(try call(.isLiteral, .iri("urn:x")) == boolean(false))
        #expect(try call(.sameTerm, integer("1"), integer("01")) == boolean(false))
        #expect(try call(.sameTerm, .langString("a", "EN"), .langString("a", "en")) == boolean(true))
        #expect(try call(.sameTerm, .blank("a"), .blank("a")) == boolean(true))
    }

    @Test func iriResolution() throws {
        let ctx = makeContext(base: "http://a/b/c/d;p?q")
        func iri(_ s: String) throws -> Term { try Builtins.call(.iri, [.string(s)], ctx) }
        // RFC 3986, 5.4.1 and 5.4.2.
        let cases: [(String, String)] = [
            ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"),
            (";x", "http://a/b/c/;x"), ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../g", "http://a/b/g"),
            ("../..", "http://a/"), ("../../g", "http://a/g"), ("../../../g", "http://a/g"),
            ("/./g", "http://a/g"), ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."),
            ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"), ("g;x=1/../y", "http://a/b/c/y"),
            ("g:h", "g:h"), ("Алматы", "http://a/b/c/Алматы"),
        ]
        for (reference, expected) in cases {
            #expect(try iri(reference) == .iri(expected), "\(reference)")
        }
        // sparql11/functions iri01
        let w3c = makeContext(base: "http://example.org/")
        #expect(try Builtins.call(.uri, [.string("uri")], w3c) == .iri("http://example.org/uri"))
        #expect(try Builtins.call(.iri, [.iri("http://x/")], w3c) == .iri("http://x/"))
        #expect(try Builtins.call(.iri, [.typed("http://x/y", xsd + "string")], w3c) == .iri("http://x/y"))
        let noBase = makeContext(base: nil)
        #expect(raises { try Builtins.call(.iri, [.string("relative")], noBase) })
        #expect(try Builtins.call(.iri, [.string("http://x/")], noBase) == .iri("http://x/"))
        #expect(fails(.iri, .string("http://x/a b")))
        #expect(fails(.iri, .string("http://x/<a>")))
        #expect(fails(.iri, .langString("http://x/", "en")))
        #expect(fails(.iri, integer("1")))
        #expect(fails(.iri, .blank("b")))
    }

    @Test func blankNodesAreScopedPerSolution() throws {
        let ctx = makeContext()
        let a1 = try Builtins.call(.bnode, [.string("a")], ctx)
        let a2 = try Builtins.call(.bnode, [.string("a")], ctx)
        let b1 = try Builtins.call(.bnode, [.string("b")], ctx)
        let fresh1 = try Builtins.call(.bnode, [], ctx)
        let fresh2 = try Builtins.call(.bnode, [], ctx)
        #expect(a1 == a2)
        #expect(a1 != b1)
        #expect(fresh1 != fresh2 && fresh1 != a1)
        ctx.newSolutionScope()
        let a3 = try Builtins.call(.bnode, [.string("a")], ctx)
        #expect(a3 != a1)
        #expect(a3.isBlank)
        #expect(throws: ExpressionError.self) { try Builtins.call(.bnode, [.langString("a", "en")], ctx) }
        #expect(throws: ExpressionError.self) { try Builtins.call(.bnode, [.iri("urn:a")], ctx) }
        // Two queries' contexts do not share labels.
        let other = FunctionContext(seed: 8)
        #expect(try Builtins.call(.bnode, [], other) != fresh1)
    }

    @Test func strdtAndStrlang() throws {
        #expect(try call(.strDT, .string("123"), .iri(xsd + "integer")) == integer("123"))
        #expect(try call(.strDT, .string("iiii"), .iri("http://example/romanNumeral")) == .typed("iiii", "http://example/romanNumeral"))
        #expect(try call(.strDT, .typed("x", xsd + "string"), .iri(xsd + "string")) == .string("x"))
        #expect(fails(.strDT, .langString("123", "en"), .iri(xsd + "integer")))
        #expect(fails(.strDT, .string("123"), .string(xsd + "integer")))
        #expect(fails(.strDT, integer("123"), .iri(xsd + "string")))
        #expect(fails(.strDT, .string("x"), .iri(rdfLangString)))
        #expect(try call(.strLang, .string("Сәлем"), .string("kk")) == .langString("Сәлем", "kk"))
        #expect(try call(.strLang, .string("Salom"), .string("uz-Latn-UZ")) == .langString("Salom", "uz-latn-uz"))
        #expect(fails(.strLang, .langString("Salom", "uz"), .string("en")))
        #expect(fails(.strLang, .string("x"), .string("")))
        #expect(fails(.strLang, .string("x"), .string("en US")))
        #expect(fails(.strLang, .string("x"), .string("123")))
        #expect(fails(.strLang, .string("x"), .langString("en", "en")))
        #expect(fails(.strLang, .string("x"), .iri("http://en")))
    }

    @Test func randAndUUIDs() throws {
        let ctx = makeContext()
        var seen = Set<String>()
        for _ in 0..<200 {
            let r = try Builtins.call(.rand, [], ctx)
            guard case .literal(let lit) = r, let v = Builtins.numericValue(r) else { Issue.record("not numeric"); continue }
            #expect(lit.datatype == xsd + "double")
            #expect(v >= 0 && v < 1)
            seen.insert(lit.lexical)
        }
        #expect(seen.count > 190)
        let u = try call(.uuid)
        guard case .iri(let iri) = u else { Issue.record("UUID is not an IRI"); return }
        #expect(iri.hasPrefix("urn:uuid:"))
        #expect(iri.count == 45)
        #expect(iri == iri.lowercased())
        #expect(try call(.uuid) != u)
        guard case .literal(let s) = try call(.strUUID) else { Issue.record("STRUUID is not a literal"); return }
        #expect(s.datatype == xsd + "string" && s.language == nil)
        #expect(s.lexical.range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", options: .regularExpression) != nil)
    }

    @Test func arityIsChecked() {
        #expect(fails(.str))
        #expect(fails(.str, .string("a"), .string("b")))
        #expect(fails(.rand, integer("1")))
        #expect(fails(.substr, .string("a")))
        #expect(fails(.substr, .string("a"), integer("1"), integer("1"), integer("1")))
        #expect(fails(.replace, .string("a"), .string("a")))
        #expect(fails(.bnode, .string("a"), .string("b")))
        #expect(fails(.sameTerm, .string("a")))
        for f in BuiltinFunction.allCases where Builtins.arity(f).0 > 0 {
            #expect(fails(f), "\(f) with no arguments")
        }
    }
}
