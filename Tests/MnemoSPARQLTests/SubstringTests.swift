import MnemoRDF
import MnemoSPARQL
import MnemoSPARQLSyntax
import MnemoStore
import Testing

/// SUBSTR of stored terms, cut from the terms' bytes, against the answers
/// SPARQL gives: scalars not bytes, tags kept, errors unbound.
@Suite struct SubstringTests {
    static func ex(_ s: String) -> Term { .iri("http://ex.org/" + s) }

    static func store() throws -> Store {
        let store = try Store.open("memory:")
        let g = ex("g"), v = ex("v")
        _ = try store.add([
            Quad(ex("a"), v, .string("Ærøskøbing"), g),
            Quad(ex("b"), v, .typed("1466-10-03T00:00:00", "http://www.w3.org/2001/XMLSchema#dateTime"), g),
            Quad(ex("c"), v, .literal(Literal("chat", language: "fr")), g),
            Quad(ex("d"), v, ex("path/x"), g),
            Quad(ex("e"), v, .blank("b1"), g),
            Quad(ex("f"), v, .string("𝄞ab"), g),
        ])
        return store
    }

    /// The value of `expression` (over ?x, the object of `subject`) as N-Triples, "-" when unbound.
    func value(_ store: Store, _ subject: String, _ expression: String) throws -> String {
        let q = "PREFIX : <http://ex.org/>\nSELECT ?r WHERE { :\(subject) :v ?x BIND(\(expression) AS ?r) }"
        guard case .solutions(let t) = try SPARQLEngine(store: store).execute(try SPARQLParser.parse(q)) else { return "?" }
        return t.rows.first?.first??.ntriples ?? "-"
    }

    @Test func substringsOfStoredText() throws {
        let s = try Self.store()
        #expect(try value(s, "a", "SUBSTR(?x, 2, 3)") == "\"røs\"")
        #expect(try value(s, "a", "SUBSTR(STR(?x), 5)") == "\"købing\"")
        #expect(try value(s, "a", "SUBSTR(?x, 9, 10)") == "\"ng\"")
        #expect(try value(s, "a", "SUBSTR(?x, 20, 2)") == "\"\"")
        #expect(try value(s, "a", "SUBSTR(?x, 2, 0)") == "\"\"")
        #expect(try value(s, "f", "SUBSTR(?x, 2, 1)") == "\"a\"")
        #expect(try value(s, "f", "SUBSTR(?x, 1, 1)") == "\"𝄞\"")
        #expect(try value(s, "b", "SUBSTR(STR(?x), 1, 3)") == "\"146\"")
        #expect(try value(s, "d", "SUBSTR(STR(?x), 15)") == "\"path/x\"")
    }

    @Test func otherCasesKeepTheirMeaning() throws {
        let s = try Self.store()
        // A language-tagged literal keeps its tag; STR of it does not.
        #expect(try value(s, "c", "SUBSTR(?x, 2, 2)") == "\"ha\"@fr")
        #expect(try value(s, "c", "SUBSTR(STR(?x), 2, 2)") == "\"ha\"")
        // Positions that are not whole numbers, or before the start, round and clip as SPARQL says.
        #expect(try value(s, "a", "SUBSTR(?x, 0, 3)") == "\"Ær\"")
        #expect(try value(s, "a", "SUBSTR(?x, 1.5, 2.6)") == "\"røs\"")
        // Errors: SUBSTR of a date, of an IRI; STR of a blank node.
        #expect(try value(s, "b", "SUBSTR(?x, 1, 3)") == "-")
        #expect(try value(s, "d", "SUBSTR(?x, 1, 3)") == "-")
        #expect(try value(s, "e", "SUBSTR(STR(?x), 1, 3)") == "-")
    }
}
