import Foundation
import MnemoRDF
import MnemoSPARQLSyntax
import Testing
@testable import MnemoSPARQLFunctions

@Suite("String functions") struct StringTests {
    let kazakh = Term.langString("Қазақстан", "kk")
    let uzbek = Term.langString("Oʻzbekiston", "uz-Latn")
    let russian = Term.langString("Москва", "ru")

    @Test func strlenCountsCodePoints() throws {
        #expect(try call(.strlen, .string("Қазақстан")) == .integer(9))
        #expect(try call(.strlen, uzbek) == .integer(11))
        #expect(try call(.strlen, .string("食べ物")) == .integer(3))
        // Non-BMP characters are one code point each (two UTF-16 units).
        #expect(try call(.strlen, .string("😀𝄞a")) == .integer(3))
        // A base letter and a combining mark are two code points.
        #expect(try call(.strlen, .string("e\u{301}")) == .integer(2))
        #expect(try call(.strlen, .string("")) == .integer(0))
        #expect(fails(.strlen, integer("1")))
        #expect(fails(.strlen, .iri("http://example.org/")))
    }

    @Test func substrUsesXPathPositions() throws {
        #expect(try call(.substr, kazakh, integer("1"), integer("5")) == .langString("Қазақ", "kk"))
        #expect(try call(.substr, .string("Oʻzbekiston"), integer("3")) == .string("zbekiston"))
        #expect(try call(.substr, .string("😀𝄞abc"), integer("2"), integer("2")) == .string("𝄞a"))
        #expect(try call(.substr, .typed("motor", xsd + "string"), integer("2"), integer("3")) == .string("oto"))
        // fn:substring edge cases: rounding, zero and negative starts.
        #expect(try call(.substr, .string("12345"), decimal("1.5"), decimal("2.6")) == .string("234"))
        #expect(try call(.substr, .string("12345"), integer("0"), integer("3")) == .string("12"))
        #expect(try call(.substr, .string("12345"), integer("5"), integer("-3")) == .string(""))
        #expect(try call(.substr, .string("12345"), integer("-3"), integer("5")) == .string("1"))
        #expect(try call(.substr, .string("12345"), double("NaN"), integer("3")) == .string(""))
        #expect(try call(.substr, .string("12345"), double("-INF"), double("INF")) == .string(""))
        #expect(try call(.substr, .string("12345"), integer("10")) == .string(""))
        // W3C substring01 / substring02
        #expect(try call(.substr, .langString("bar", "en"), integer("1"), integer("1")) == .langString("b", "en"))
        #expect(try call(.substr, .string("食べ物"), integer("2")) == .string("べ物"))
        #expect(fails(.substr, .string("abc"), .string("1")))
        #expect(fails(.substr, integer("123"), integer("1")))
    }

    @Test func caseMappingKeepsTags() throws {
        #expect(try call(.ucase, kazakh) == .langString("ҚАЗАҚСТАН", "kk"))
        #expect(try call(.lcase, .langString("ҰЛТТЫҚ", "kk")) == .langString("ұлттық", "kk"))
        #expect(try call(.ucase, uzbek) == .langString("OʻZBEKISTON", "uz-latn"))
        #expect(try call(.ucase, .string("straße")) == .string("STRASSE"))
        #expect(try call(.lcase, .typed("ABC", xsd + "string")) == .string("abc"))
        #expect(try call(.ucase, .string("𐐨")) == .string("𐐀"))   // Deseret, non-BMP
        #expect(fails(.ucase, .iri("http://example.org/a")))
    }

    @Test func concatCombinesTags() throws {
        #expect(try call(.concat, .langString("Алма", "kk"), .langString("ты", "kk")) == .langString("Алматы", "kk"))
        #expect(try call(.concat, .langString("a", "en"), .langString("b", "fr")) == .string("ab"))
        #expect(try call(.concat, .langString("a", "en"), .string("b")) == .string("ab"))
        #expect(try call(.concat, .string("Toshkent"), .typed(" shahri", xsd + "string")) == .string("Toshkent shahri"))
        #expect(try call(.concat) == .string(""))
        #expect(try call(.concat, russian) == russian)
        #expect(fails(.concat, .string("a"), integer("1")))
    }

    @Test func containsStartsEnds() throws {
        #expect(try call(.contains, kazakh, .string("зақ")) == boolean(true))
        #expect(try call(.contains, kazakh, .langString("зақ", "kk")) == boolean(true))
        #expect(try call(.strStarts, uzbek, .string("Oʻz")) == boolean(true))
        #expect(try call(.strEnds, russian, .string("ква")) == boolean(true))
        #expect(try call(.strEnds, russian, .string("Моск")) == boolean(false))
        #expect(try call(.contains, .string("abc"), .string("")) == boolean(true))
        // Code-point matching: "e" is a prefix of "e" + combining acute.
        #expect(try call(.strStarts, .string("e\u{301}clair"), .string("e")) == boolean(true))
        // Incompatible arguments.
        #expect(fails(.contains, .string("abc"), .langString("b", "en")))
        #expect(fails(.contains, .langString("abc", "en"), .langString("b", "fr")))
        #expect(fails(.strStarts, integer("12"), .string("1")))
    }

    @Test func strBeforeAndAfterFollowW3C() throws {
        let en = Term.langString("abc", "en")
        #expect(try call(.strBefore, en, .string("b")) == .langString("a", "en"))
        #expect(try call(.strBefore, en, .string("bc")) == .langString("a", "en"))
        #expect(fails(.strBefore, en, .langString("b", "cy")))
        #expect(try call(.strBefore, en, .string("")) == .langString("", "en"))
        #expect(try call(.strBefore, en, .langString("", "en")) == .langString("", "en"))
        #expect(try call(.strBefore, .string("abc"), .string("")) == .string(""))
        #expect(fails(.strBefore, .string("abc"), .langString("", "en")))
        #expect(try call(.strBefore, en, .string("xyz")) == .string(""))
        #expect(try call(.strAfter, en, .string("b")) == .langString("c", "en"))
        #expect(try call(.strAfter, en, .string("")) == .langString("abc", "en"))
        #expect(try call(.strAfter, .string("abc"), .typed("xyz", xsd + "string")) == .string(""))
        #expect(try call(.strAfter, kazakh, .string("за")) == .langString("қстан", "kk"))
        #expect(try call(.strBefore, .string("Самарқанд"), .string("қ")) == .string("Самар"))
    }

    @Test func encodeForURI() throws {
        #expect(try call(.encodeForURI, .string("Los Angeles")) == .string("Los%20Angeles"))
        #expect(try call(.encodeForURI, .string("100%")) == .string("100%25"))
        #expect(try call(.encodeForURI, .string("食べ物")) == .string("%E9%A3%9F%E3%81%B9%E7%89%A9"))
        #expect(try call(.encodeForURI, .langString("Алматы", "kk")) == .string("%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B"))
        #expect(try call(.encodeForURI, .string("a-b_c.d~e/f")) == .string("a-b_c.d~e%2Ff"))
    }

    @Test func langMatches() throws {
        #expect(try call(.langMatches, .string("en-US"), .string("en")) == boolean(true))
        #expect(try call(.langMatches, .string("EN-us"), .string("en-US")) == boolean(true))
        #expect(try call(.langMatches, .string("uz-Cyrl"), .string("uz")) == boolean(true))
        #expect(try call(.langMatches, .string("uzb"), .string("uz")) == boolean(false))
        #expect(try call(.langMatches, .string("kk"), .string("*")) == boolean(true))
        #expect(try call(.langMatches, .string(""), .string("*")) == boolean(false))
        #expect(try call(.langMatches, .string("fr"), .string("en")) == boolean(false))
        #expect(try call(.langMatches, .string(""), .string("")) == boolean(true))
        #expect(fails(.langMatches, .iri("http://example.org/"), .string("*")))
    }
}
