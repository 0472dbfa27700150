import Foundation
import MnemoRDF
import MnemoSPARQLSyntax
import Testing
@testable import MnemoSPARQLFunctions

@Suite("REGEX and REPLACE") struct RegexTests {
    func matches(_ text: String, _ pattern: String, _ flags: String? = nil) throws -> Bool {
        var args: [Term] = [.string(text), .string(pattern)]
        if let flags { args.append(.string(flags)) }
        return try Builtins.call(.regex, args, makeContext()) == boolean(true)
    }

    func replace(_ text: Term, _ pattern: String, _ replacement: String, _ flags: String? = nil) throws -> Term {
        var args: [Term] = [text, .string(pattern), .string(replacement)]
        if let flags { args.append(.string(flags)) }
        return try Builtins.call(.replace, args, makeContext())
    }

    @Test func basicMatching() throws {
        #expect(try matches("Алматы", "^Ал"))
        #expect(try matches("Oʻzbekiston", "ʻz"))
        #expect(try !matches("Алматы", "^ал"))
        #expect(try matches("Алматы", "^ал", "i"))
        #expect(try matches("QAZAQSTAN", "qazaq", "i"))
        #expect(try Builtins.call(.regex, [.langString("Қазақстан", "kk"), .string("стан$")], makeContext()) == boolean(true))
        #expect(fails(.regex, integer("123"), .string("1")))
        #expect(fails(.regex, .string("abc"), .langString("a", "en")))
        #expect(fails(.regex, .string("abc"), .string("a"), .string("k")))
        #expect(fails(.regex, .string("abc"), .string("(")))
    }

    @Test func flags() throws {
        // s: dot matches newlines.
        #expect(try !matches("a\nb", "a.b"))
        #expect(try matches("a\nb", "a.b", "s"))
        // XPath's dot excludes only \n and \r (ICU's also excludes U+2028).
        #expect(try matches("a\u{2028}b", "a.b"))
        // m: ^ and $ at line boundaries.
        #expect(try !matches("first\nsecond", "^second$"))
        #expect(try matches("first\nsecond", "^second$", "m"))
        #expect(try matches("first\nsecond", "first$", "m"))
        // Without m, $ is only the very end (not before a final newline).
        #expect(try !matches("abc\n", "abc$"))
        // x: whitespace in the pattern is removed, except inside classes.
        #expect(try matches("helloworld", "hello world", "x"))
        #expect(try !matches("helloworld", "hello world"))
        #expect(try matches("a b", "a[ ]b", "x"))
        // q: the pattern is literal.
        #expect(try matches("a.b*c", ".b*", "q"))
        #expect(try !matches("axbbc", ".b*c", "q"))
        #expect(try matches("A.B", "a.b", "qi"))
        #expect(try matches("x\ny", "X$", "mi"))
    }

    @Test func xpathSyntax() throws {
        #expect(try matches("abc", "[a-z-[b]]{3}") == false)
        #expect(try matches("acd", "^[a-z-[b]]{3}$"))
        #expect(try matches("x-y", "x[\\-]y"))
        #expect(try matches("x-y", "x[-]y"))
        #expect(try matches("ab", "\\p{Ll}{2}"))
        #expect(try matches("ж", "\\p{IsCyrillic}"))
        #expect(try !matches("z", "\\p{IsCyrillic}"))
        #expect(try matches("qa:name", "^\\i\\c*$"))
        #expect(try !matches("1abc", "^\\i"))
        // XSD \w includes symbols but not punctuation like _ ; \s is only four characters.
        #expect(try matches("$", "^\\w$"))
        #expect(try !matches("_", "^\\w$"))
        #expect(try !matches("\u{00A0}", "\\s"))
        #expect(try matches("٣", "\\d"))
        #expect(try matches("abab", "^(ab)\\1$"))
        #expect(try matches("aaa", "^a{2,3}$"))
        #expect(try matches("a#b", "a#b"))
        #expect(try matches("(?:x)", "^\\(\\?:x\\)$"))
        #expect(try matches("ab", "(?:a)b"))
        #expect(fails(.regex, .string("ab"), .string("(?=a)")))
        #expect(fails(.regex, .string("ab"), .string("\\bab")))
        #expect(fails(.regex, .string("ab"), .string("\\x41")))
        #expect(fails(.regex, .string("ab"), .string("[a")))
    }

    @Test func replaceFollowsW3C() throws {
        #expect(try replace(.langString("english", "en"), "[^a-z0-9]", "-") == .langString("english", "en"))
        #expect(try replace(.langString("français", "fr"), "[^a-z0-9]", "-") == .langString("fran-ais", "fr"))
        #expect(try replace(.langString("日本語", "ja"), "[^a-z0-9]", "-") == .langString("---", "ja"))
        #expect(try replace(.string("banana"), "ana", "*") == .string("b*na"))
        #expect(try replace(.string("abcd"), "(ab)|(a)", "[1=$1][2=$2]") == .string("[1=ab][2=]cd"))
        #expect(try replace(.string("aAbBaC"), "a", "~/", "i") == .string("~/~/bB~/C"))
    }

    @Test func replaceDetails() throws {
        #expect(try replace(.langString("Самарқанд", "uz-Cyrl"), "қ", "к") == .langString("Самарканд", "uz-cyrl"))
        #expect(try replace(.string("abracadabra"), "a(.)", "a$1$1") == .string("abbraccaddabbra"))
        #expect(try replace(.string("abc"), "b", "\\$\\\\") == .string("a$\\c"))
        #expect(try replace(.string("abc"), "(b)", "$10") == .string("ab0c"))   // $1 then literal 0
        #expect(try replace(.string("abc"), "b", "$0$0") == .string("abbc"))
        #expect(try replace(.string("abc"), "b", "[$2]") == .string("a[]c"))
        #expect(try replace(.string("a.b.c"), ".", "$", "q") == .string("a$b$c"))
        #expect(try replace(.string("😀x😀"), "x", "𝄞") == .string("😀𝄞😀"))
        #expect(try replace(.string("Тошкент"), "^.", "t") == .string("tошкент"))
        // Matches may split a grapheme cluster (code-point semantics).
        let decomposed = try replace(.string("cafe\u{301}s"), "\u{301}", "")
        #expect(Term.identical(decomposed, .string("cafes")))
        #expect(throws: ExpressionError.self) { try replace(.string("abc"), "x*", "-") }
        #expect(throws: ExpressionError.self) { try replace(.string("abc"), "b", "$") }
        #expect(throws: ExpressionError.self) { try replace(.string("abc"), "b", "\\n") }
        #expect(fails(.replace, .string("abc"), .string("b"), .langString("x", "en")))
        #expect(fails(.replace, integer("1"), .string("1"), .string("2")))
    }

    @Test func w3cRegexSuite() throws {
        // sparql10/regex: regex-data-quantifiers.ttl and the result counts.
        let values = ["ac", "abc", "abbc", "abbbc", "a\nc", "a\nb\nc", "a.c", "ABC", "a?+*.{}()[]c", "b"]
        let cases: [(pattern: String, flags: String, count: Int)] = [
            ("abc", "i", 2), ("a[b\\n]c", "", 2), ("a.c", "s", 3), ("a.c", "", 2),
            (" a\n\r\t[\\n]c ", "x", 1), (" a\n\tc ", "x", 1), ("a[^b]c", "", 2),
            ("a?+*.{}()[]c", "q", 1), ("a?+*.{}()[]C", "iq", 1), ("ab{2}c", "", 1), ("ab{1,}c", "", 3),
            ("ab{1,2}c", "", 2), ("ab+c", "", 3), ("ab?c", "", 2), ("ab*c", "", 4),
            ("^b$", "m", 2), ("^b$", "", 1),
        ]
        for (pattern, flags, count) in cases {
            let matching = try values.filter { try matches($0, pattern, flags) }
            #expect(matching.count == count, "\(pattern) /\(flags): \(matching)")
        }
        // regex-data-01.ttl
        #expect(try matches("abcDEFghiJKL", "DeFghI", "i"))
        #expect(try matches("ABCdefGHIjkl", "GHI"))
        #expect(try matches("http://example.com/literal", "example\\.com"))
    }

    @Test func patternsAreCached() throws {
        let ctx = makeContext()
        let a = try ctx.regex(pattern: "a+", flags: "i")
        let b = try ctx.regex(pattern: "a+", flags: "i")
        let c = try ctx.regex(pattern: "a+", flags: "")
        #expect(a === b)
        #expect(a !== c)
    }
}
