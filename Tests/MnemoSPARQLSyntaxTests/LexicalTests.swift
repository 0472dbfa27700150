import MnemoRDF
import MnemoSPARQLSyntax
import Testing

/// The object of the single triple pattern of `ASK { <s> <p> object }`.
func object(_ text: String, prologue: String = "", base: String? = nil) throws -> TermPattern? {
    let q = try SPARQLParser.parse("\(prologue) ASK { <http://e/s> <http://e/p> \(text) }", baseIRI: base)
    guard case .bgp(let triples) = q.pattern, triples.count == 1 else { return nil }
    return triples[0].object
}

private let xsd = Vocabulary.xsd

@Suite struct LiteralTests {
    @Test func quotedStringsAndEscapes() throws {
        #expect(try object(#"'a\'b'"#) == .term(.string("a'b")))
        #expect(try object(#""tab\there\nnewline \"q\" \\""#) == .term(.string("tab\there\nnewline \"q\" \\")))
        #expect(try object("'''multi\nline ''quoted'' '''") == .term(.string("multi\nline ''quoted'' ")))
        #expect(try object("\"\"\"say \"hi\" now\"\"\"") == .term(.string("say \"hi\" now")))
        #expect(try object(#""\b\f\r""#) == .term(.string("\u{8}\u{C}\r")))
    }

    @Test func codepointEscapesAreReplacedBeforeParsing() throws {
        #expect(try object(#""\u00E9t\u00E9 \U0001F46A""#) == .term(.string("été 👪")))
        // Anywhere in the text, as section 19.2 says: here they spell a prefixed name.
        #expect(try object("\\u003Ax", prologue: "PREFIX : <http://e/>") == .term(.iri("http://e/x")))
        // A backslash escaped as \\ does not start an escape: the regex keeps "\\u00E9".
        #expect(try object(#""\\u00E9""#) == .term(.string(#"\u00E9"#)))
    }

    @Test func languageTagsAndDatatypes() throws {
        #expect(try object("\"Abai\"@KK-Cyrl") == .term(.langString("Abai", "kk-cyrl")))
        #expect(try object("\"1845\"^^<http://www.w3.org/2001/XMLSchema#gYear>") == .term(.typed("1845", xsd + "gYear")))
        #expect(try object("'x'^^xsd:token", prologue: "PREFIX xsd: <\(xsd)>") == .term(.typed("x", xsd + "token")))
    }

    @Test func numbersAndBooleans() throws {
        #expect(try object("42") == .term(.typed("42", xsd + "integer")))
        #expect(try object("-42") == .term(.typed("-42", xsd + "integer")))
        #expect(try object("+4.5") == .term(.typed("+4.5", xsd + "decimal")))
        #expect(try object(".5") == .term(.typed(".5", xsd + "decimal")))
        #expect(try object("1e6") == .term(.typed("1e6", xsd + "double")))
        #expect(try object("-1.5E-3") == .term(.typed("-1.5E-3", xsd + "double")))
        #expect(try object("1.") == .term(.typed("1", xsd + "integer")))   // `1` then the '.' ending the triple
        #expect(try object("TRUE") == .term(.typed("true", xsd + "boolean")))
        #expect(try object("false") == .term(.typed("false", xsd + "boolean")))
    }

    @Test func signedNumbersInExpressions() throws {
        #expect(try algebra("SELECT (-1 AS ?a) (- ?x AS ?b) (?x -1 AS ?c) (?x - -1 AS ?d) {}") == """
            (project (?a ?b ?c ?d) (extend ?d (- ?x -1) (extend ?c (- ?x 1) (extend ?b (neg ?x) (extend ?a -1 (bgp))))))
            """)
    }
}

@Suite struct IRITests {
    @Test func prefixedNamesWithEscapesAndPercents() throws {
        let prologue = "PREFIX ex: <http://e/> PREFIX : <http://d/>"
        #expect(try object(#"ex:a\-b\.c"#, prologue: prologue) == .term(.iri("http://e/a-b.c")))
        #expect(try object("ex:caf%C3%A9", prologue: prologue) == .term(.iri("http://e/caf%C3%A9")))
        #expect(try object("ex:a:b.c", prologue: prologue) == .term(.iri("http://e/a:b.c")))
        #expect(try object(":", prologue: prologue) == .term(.iri("http://d/")))
        #expect(try object("ex:123", prologue: prologue) == .term(.iri("http://e/123")))
        #expect(try object("ex:Қазақ", prologue: prologue) == .term(.iri("http://e/Қазақ")))
    }

    @Test func relativeIRIsResolveAgainstTheBase() throws {
        let base = "http://a/b/c/d;p?q"
        // RFC 3986, section 5.4.
        let cases = [
            "g": "http://a/b/c/g", "./g": "http://a/b/c/g", "g/": "http://a/b/c/g/", "/g": "http://a/g",
            "//g": "http://g", "?y": "http://a/b/c/d;p?y", "g?y": "http://a/b/c/g?y", "#s": "http://a/b/c/d;p?q#s",
            "": "http://a/b/c/d;p?q", ".": "http://a/b/c/", "..": "http://a/b/", "../g": "http://a/b/g",
            "../../g": "http://a/g", "../../../g": "http://a/g", "/./g": "http://a/g", "g.": "http://a/b/c/g.",
            "./../g": "http://a/b/g", "g;x=1/../y": "http://a/b/c/y", "g:h": "g:h",
        ]
        for (reference, expected) in cases {
            #expect(try object("<\(reference)>", base: base) == .term(.iri(expected)), "\(reference)")
        }
    }

    @Test func baseCanChangeInThePrologue() throws {
        let prologue = "BASE <http://a/x/> PREFIX p: <p/> BASE <../y/> PREFIX q: <q#>"
        #expect(try object("p:1", prologue: prologue) == .term(.iri("http://a/x/p/1")))
        #expect(try object("q:2", prologue: prologue) == .term(.iri("http://a/y/q#2")))
        #expect(try object("<z>", prologue: prologue) == .term(.iri("http://a/y/z")))
        let q = try SPARQLParser.parse(prologue + " ASK {}", baseIRI: "http://ignored/")
        #expect(q.baseIRI == "http://a/y/")
        // The base given by the caller applies until the query's own BASE.
        #expect(try object("<z>", prologue: "BASE <sub/>", base: "http://h/dir/f") == .term(.iri("http://h/dir/sub/z")))
        // Without any base, relative IRIs are kept as written.
        #expect(try object("<z>") == .term(.iri("z")))
    }
}

@Suite struct ExpressionTests {
    @Test func builtinsAreCaseInsensitiveAndCastsAreFunctions() throws {
        #expect(try algebra("SELECT * { ?s :p ?o FILTER(strlen(?o) > 2 && REGEX(STR(?o), '^a', 'i') && Contains(?o, 'x')) }")
            == "(project (?s ?o) (filter (&& (> (strlen ?o) 2) (&& (regex (str ?o) \"^a\" \"i\") (contains ?o \"x\"))) (bgp (?s :p ?o))))")
        #expect(try algebra("PREFIX xsd: <\(Vocabulary.xsd)> SELECT (xsd:integer(?o) AS ?i) (:f() AS ?f) { ?s :p ?o }")
            == "(project (?i ?f) (extend ?f (:f) (extend ?i (xsd:integer ?o) (bgp (?s :p ?o)))))")
    }

    @Test func operatorPrecedence() throws {
        #expect(try algebra("ASK { FILTER(?a || ?b && !?c = 1 + 2 * -?d) }")
            == "(filter (|| ?a (&& ?b (= (! ?c) (+ 1 (* 2 (neg ?d)))))) (bgp))")
        #expect(try algebra("ASK { FILTER(?a - ?b - ?c / ?d / ?e) }")
            == "(filter (- (- ?a ?b) (/ (/ ?c ?d) ?e)) (bgp))")
        #expect(try algebra("ASK { FILTER(?x IN (1, 2) && ?y NOT IN () || ?z IN (?w + 1)) }")
            == "(filter (|| (&& (in ?x 1 2) (notin ?y)) (in ?z (+ ?w 1))) (bgp))")
    }

    @Test func functionalForms() throws {
        #expect(try algebra("ASK { FILTER(IF(BOUND(?x), COALESCE(?x, ?y, 1), sameTerm(?x, ?y))) }")
            == "(filter (if (bound ?x) (coalesce ?x ?y 1) (sameterm ?x ?y)) (bgp))")
        #expect(try algebra("SELECT (BNODE() AS ?b) (RAND() AS ?r) (NOW() AS ?n) (CONCAT() AS ?c) (SUBSTR('abc', 2) AS ?s) (REPLACE(?x, 'a', 'b', 'i') AS ?t) {}")
            .hasPrefix("(project (?b ?r ?n ?c ?s ?t)"))
    }
}
