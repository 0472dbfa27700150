import Foundation
import Testing
@testable import MnemoRDF

@Suite struct TermEncodingTests {
    static let samples: [Term] = [
        .iri("http://www.cidoc-crm.org/cidoc-crm/E21_Person"),
        .iri("https://data.mnemo.example/person/Абай"),
        .blank("b0"),
        .string(""),
        .string("Абай Құнанбайұлы"),
        .langString("Alisher Navoiy — oʻzbek shoiri", "uz-Latn"),
        .langString("Алишер Навоий", "uz-Cyrl"),
        .typed("1845-08-10", "http://www.w3.org/2001/XMLSchema#date"),
        .typed("a\u{0}b", "http://example.org/dt"),
        .string("line\nbreak \"quoted\" \\ back"),
    ]

    @Test func encodingRoundTrips() {
        for t in Self.samples {
            #expect(Term(encoded: t.encoded) == t)
        }
    }

    @Test func xsdStringIsTheSimpleLiteral() {
        let a = Term.typed("x", Vocabulary.xsdString)
        #expect(a == .string("x"))
        #expect(a.kind == .simpleLiteral)
    }

    @Test func malformedEncodingIsRejected() {
        #expect(Term(encoded: []) == nil)
        #expect(Term(encoded: [9, 65]) == nil)
        #expect(Term(encoded: [TermKind.langLiteral.rawValue, 65]) == nil)
    }

    @Test func ntriplesSpellingEscapes() {
        #expect(Term.string("a\"b\\c\nd").ntriples == #""a\"b\\c\nd""#)
        #expect(Term.langString("Абай", "kk").ntriples == "\"Абай\"@kk")
        #expect(Term.typed("1", "http://www.w3.org/2001/XMLSchema#integer").ntriples
                == "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>")
        #expect(Term.string("\u{1}").ntriples == "\"\\u0001\"")
    }

    @Test func ntriplesTermsParseBack() {
        for t in Self.samples where !(t.ntriples.contains("\\u0000")) {
            #expect(Term(ntriples: t.ntriples) == t, "\(t.ntriples)")
        }
        #expect(Term(ntriples: "\"\\u00e9\"") == .string("é"))
        #expect(Term(ntriples: "<unterminated") == nil)
    }

    @Test func patternsReadWildcards() {
        let p = Term.parsePattern(#"? <http://x/p> "a b"@en *"#)
        #expect(p?.count == 4)
        #expect(p?[0] == nil)
        #expect(p?[1] == .iri("http://x/p"))
        #expect(p?[2] == .langString("a b", "en"))
        #expect(Term.parsePattern("<x> \"open") == nil)
    }
}

@Suite struct TermDictionaryTests {
    @Test func internsEachTermOnce() {
        let d = TermDictionary()
        let a = d.intern(.string("Абай"))
        let b = d.intern(.langString("Абай", "kk"))
        #expect(a != b)
        #expect(d.intern(.string("Абай")) == a)
        #expect(d.lookup(.langString("Абай", "kk")) == b)
        #expect(d.lookup(.langString("Абай", "ru")) == nil)
        #expect(d.term(b) == .langString("Абай", "kk"))
        #expect(d.count == 2)
    }

    @Test func growsPastManyRehashes() {
        let d = TermDictionary()
        var ids: [TermID] = []
        for i in 0..<50_000 { ids.append(d.intern(.iri("http://example.org/\(i)"))) }
        #expect(Set(ids).count == 50_000)
        #expect(ids == (1...50_000).map { TermID($0) })
        for i in stride(from: 0, to: 50_000, by: 997) {
            #expect(d.term(ids[i]) == .iri("http://example.org/\(i)"))
            #expect(d.lookup(.iri("http://example.org/\(i)")) == ids[i])
        }
    }

    @Test func readersRunBesideAWriter() {
        let d = TermDictionary()
        for i in 0..<1_000 { d.intern(.string("seed \(i)")) }
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            if worker == 0 {
                for i in 0..<20_000 { d.intern(.string("new \(i)")) }
            } else {
                for i in 0..<20_000 {
                    let id = d.lookup(.string("seed \(i % 1_000)"))
                    precondition(id == TermID(i % 1_000 + 1))
                    precondition(d.term(id!) == .string("seed \(i % 1_000)"))
                }
            }
        }
        #expect(d.count == 21_000)
    }
}

@Suite struct IsomorphismTests {
    let p = Term.iri("http://x/p"), q = Term.iri("http://x/q")

    @Test func renamedBlankNodesAreIsomorphic() {
        let a = [Quad(.blank("a"), p, .blank("b")), Quad(.blank("b"), q, .string("x")), Quad(.blank("a"), q, .blank("a"))]
        let b = [Quad(.blank("z1"), p, .blank("z2")), Quad(.blank("z2"), q, .string("x")), Quad(.blank("z1"), q, .blank("z1"))]
        #expect(Isomorphism.isIsomorphic(a, b))
    }

    @Test func differentShapesAreNot() {
        let a = [Quad(.blank("a"), p, .blank("b")), Quad(.blank("b"), p, .blank("a"))]
        let b = [Quad(.blank("a"), p, .blank("a")), Quad(.blank("b"), p, .blank("b"))]
        #expect(!Isomorphism.isIsomorphic(a, b))
        #expect(!Isomorphism.isIsomorphic([Quad(.blank("a"), p, .string("x"))], [Quad(.blank("a"), p, .string("y"))]))
    }

    @Test func symmetricCyclesNeedBacktracking() {
        // Two 3-cycles versus one 6-cycle: colour refinement alone cannot tell them apart.
        func cycle(_ names: [String]) -> [Quad] {
            names.indices.map { Quad(.blank(names[$0]), p, .blank(names[($0 + 1) % names.count])) }
        }
        let twoTriangles = cycle(["a", "b", "c"]) + cycle(["d", "e", "f"])
        let hexagon = cycle(["1", "2", "3", "4", "5", "6"])
        #expect(!Isomorphism.isIsomorphic(twoTriangles, hexagon))
        #expect(Isomorphism.isIsomorphic(twoTriangles, cycle(["x", "y", "z"]) + cycle(["u", "v", "w"])))
    }
}

@Suite struct ByteExactEqualityTests {
    @Test func canonicallyEquivalentStringsAreDifferentTerms() {
        let composed = Term.string("\u{E9}"), decomposed = Term.string("e\u{301}")
        #expect(composed != decomposed)
        #expect(Set([composed, decomposed]).count == 2)
        #expect(Term.iri("http://ex/\u{E9}") != Term.iri("http://ex/e\u{301}"))
        #expect(Term.langString("Qазақ", "kk") == Term.langString("Qазақ", "KK"))
        let d = TermDictionary()
        #expect(d.intern(composed) != d.intern(decomposed))
    }
}
