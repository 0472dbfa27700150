import Foundation
import MnemoRDF
import MnemoSPARQLSyntax
import Testing
@testable import MnemoSPARQLFunctions

@Suite("Comparison, ordering and EBV") struct ComparisonTests {
    /// `FILTER(?a != ?b)`: an error excludes the pair.
    func notEqualPasses(_ a: Term, _ b: Term) -> Bool { (try? Builtins.compare(.notEqual, a, b)) ?? false }

    @Test func openWorldEqualityMatrix() {
        // sparql10/open-world data-2.ttl and the expected open-eq-10 result.
        let ex = "http://example/"
        let x: [Term] = [.string("xyz"), .langString("xyz", "en"), .langString("xyz", "EN"),
                         .typed("xyz", xsd + "string"), integer("xyz"), .typed("xyz", ex + "unknown"),
                         .blank("xyz"), .iri(ex + "xyz")]
        let y: [Term] = [.string("abc"), .langString("abc", "en"), .langString("abc", "EN"),
                         .typed("abc", xsd + "string"), integer("abc"), .typed("abc", ex + "unknown"),
                         .blank("abc"), .iri(ex + "abc")]
        let expected: Set<String> = [
            "11", "12", "13", "14", "17", "18", "21", "22", "23", "24", "25", "26", "27", "28",
            "31", "32", "33", "34", "35", "36", "37", "38", "41", "42", "43", "44", "47", "48",
            "52", "53", "57", "58", "62", "63", "67", "68", "71", "72", "73", "74", "75", "76",
            "77", "78", "81", "82", "83", "84", "85", "86", "87", "88",
        ]
        var actual = Set<String>()
        for (i, a) in x.enumerated() {
            for (j, b) in y.enumerated() where notEqualPasses(a, b) { actual.insert("\(i + 1)\(j + 1)") }
        }
        #expect(actual == expected)
        // open-eq-07: the equal pairs among the x values.
        var equalPairs = Set<String>()
        for (i, a) in x.enumerated() {
            for (j, b) in x.enumerated() where (try? Builtins.equal(a, b)) == true { equalPairs.insert("\(i + 1)\(j + 1)") }
        }
        #expect(equalPairs == ["11", "14", "22", "23", "32", "33", "41", "44", "55", "66", "77", "88"])
    }

    @Test func valueEquality() throws {
        #expect(try Builtins.equal(integer("1"), integer("01")))
        #expect(try Builtins.equal(integer("1"), double("1.0e0")))
        #expect(try Builtins.equal(decimal("1.0"), float("1")))
        #expect(try Builtins.equal(.typed("1", xsd + "byte"), integer("1")))
        #expect(try !Builtins.equal(integer("1"), integer("2")))
        #expect(try Builtins.equal(boolean(true), .typed("1", xsd + "boolean")))
        #expect(try Builtins.equal(.string("Алматы"), .typed("Алматы", xsd + "string")))
        #expect(try Builtins.equal(.langString("Алматы", "KK"), .langString("Алматы", "kk")))
        #expect(try !Builtins.equal(.langString("Алматы", "kk"), .langString("Алматы", "ru")))
        #expect(try !Builtins.equal(.string("Алматы"), .langString("Алматы", "kk")))
        #expect(try !Builtins.equal(.string("1"), integer("1")))
        #expect(try !Builtins.equal(double("NaN"), double("NaN")))
        #expect(try Builtins.compare(.notEqual, double("NaN"), double("NaN")))
        // Code points, not canonical equivalence.
        #expect(try !Builtins.equal(.string("\u{E9}"), .string("e\u{301}")))
        #expect(try Builtins.call(.sameTerm, [.string("\u{E9}"), .string("e\u{301}")], makeContext()) == boolean(false))
        // Unknown values: equal only to the identical term.
        #expect(try Builtins.equal(integer("x"), integer("x")))
        #expect(raises { try Builtins.equal(integer("x"), integer("1")) })
        #expect(raises { try Builtins.equal(.typed("a", "http://example/t"), .typed("b", "http://example/t")) })
        #expect(try Builtins.equal(.iri("http://a"), .iri("http://a")))
        #expect(try !Builtins.equal(.iri("http://a"), .string("http://a")))
        #expect(try !Builtins.equal(.blank("a"), .blank("b")))
    }

    @Test func relationalOperators() throws {
        #expect(try Builtins.compare(integer("1"), decimal("1.5")) == -1)
        #expect(try Builtins.compare(double("2"), integer("2")) == 0)
        #expect(try Builtins.compare(.typed("10", xsd + "int"), float("9.5")) == 1)
        #expect(try Builtins.compare(.string("Ақтөбе"), .string("Алматы")) == 1)   // U+049B > U+043B
        #expect(try Builtins.compare(.string("abc"), .string("abd")) == -1)
        #expect(try Builtins.compare(.string("Z"), .string("a")) == -1)
        #expect(try Builtins.compare(.string("a"), .string("a\u{301}")) == -1)
        #expect(try Builtins.compare(boolean(false), boolean(true)) == -1)
        #expect(raises { try Builtins.compare(.langString("a", "en"), .langString("b", "en")) })
        #expect(raises { try Builtins.compare(.string("1"), integer("1")) })
        #expect(raises { try Builtins.compare(.iri("http://a"), .iri("http://b")) })
        #expect(raises { try Builtins.compare(integer("x"), integer("1")) })
        #expect(raises { try Builtins.compare(double("NaN"), integer("1")) })
        for op in [ComparisonOperator.less, .lessOrEqual, .greater, .greaterOrEqual, .equal] {
            #expect(try !Builtins.compare(op, double("NaN"), integer("1")))
        }
        #expect(try Builtins.compare(.lessOrEqual, integer("2"), decimal("2.0")))
        #expect(try !Builtins.compare(.less, integer("2"), decimal("2.0")))
        // open-cmp-02: x2 (1 vs "v2") and x5 (dateTime vs date) are neither <, = nor >.
        #expect(raises { try Builtins.compare(.less, integer("1"), .string("v2")) })
        #expect(raises { try Builtins.compare(.less, dateTime("2006-08-23T09:00:00+01:00"), date("2006-08-22")) })
    }

    @Test func orderByIsTotal() {
        let terms: [Term?] = [
            .string("b"), nil, .iri("http://b"), .blank("z"), integer("10"), double("NaN"),
            decimal("2.5"), .langString("a", "kk"), .typed("x", "http://example/t"), integer("x"),
            boolean(true), boolean(false), dateTime("2001-01-01T00:00:00Z"), .iri("http://a"),
            .string("a"), float("-INF"), integer("2"), double("2"), .blank("a"), .langString("a", "en"),
            dateTime("2000-06-01T00:00:00"), date("2000-01-01"),
        ]
        let sorted = terms.sorted { Builtins.orderCompare($0, $1) < 0 }
        let expected: [Term?] = [
            nil, .blank("a"), .blank("z"), .iri("http://a"), .iri("http://b"),
            double("NaN"), float("-INF"), double("2"), integer("2"), decimal("2.5"), integer("10"),
            boolean(false), boolean(true),
            dateTime("2000-06-01T00:00:00"), dateTime("2001-01-01T00:00:00Z"), date("2000-01-01"),
            .string("a"), .string("b"), .langString("a", "en"), .langString("a", "kk"),
            .typed("x", "http://example/t"), integer("x"),
        ]
        #expect(sorted == expected)
        #expect(terms.map(OrderKey.init).sorted().map(\.term) == expected)
        // Antisymmetry and transitivity over every triple.
        for a in terms {
            #expect(Builtins.orderCompare(a, a) == 0)
            for b in terms {
                #expect(Builtins.orderCompare(a, b) == -Builtins.orderCompare(b, a))
                for c in terms where Builtins.orderCompare(a, b) <= 0 && Builtins.orderCompare(b, c) <= 0 {
                    #expect(Builtins.orderCompare(a, c) <= 0)
                }
            }
        }
    }

    @Test func effectiveBooleanValue() throws {
        #expect(try Builtins.effectiveBooleanValue(boolean(true)))
        #expect(try !Builtins.effectiveBooleanValue(.typed("0", xsd + "boolean")))
        #expect(try !Builtins.effectiveBooleanValue(.typed("yes", xsd + "boolean")))
        #expect(try !Builtins.effectiveBooleanValue(.typed("TRUE", xsd + "boolean")))
        #expect(try Builtins.effectiveBooleanValue(.string("false")))
        #expect(try !Builtins.effectiveBooleanValue(.string("")))
        #expect(try Builtins.effectiveBooleanValue(.langString("иә", "kk")))
        #expect(try !Builtins.effectiveBooleanValue(.langString("", "kk")))
        #expect(try !Builtins.effectiveBooleanValue(integer("0")))
        #expect(try !Builtins.effectiveBooleanValue(double("-0.0")))
        #expect(try !Builtins.effectiveBooleanValue(double("NaN")))
        #expect(try !Builtins.effectiveBooleanValue(integer("abc")))
        #expect(try Builtins.effectiveBooleanValue(decimal("0.01")))
        #expect(try Builtins.effectiveBooleanValue(.typed("3", xsd + "nonNegativeInteger")))
        #expect(raises { try Builtins.effectiveBooleanValue(.iri("http://example.org/")) })
        #expect(raises { try Builtins.effectiveBooleanValue(.blank("b")) })
        #expect(raises { try Builtins.effectiveBooleanValue(dateTime("2001-01-01T00:00:00Z")) })
        #expect(raises { try Builtins.effectiveBooleanValue(.typed("x", "http://example/t")) })
    }
}
