import Foundation
import MnemoRDF
import Testing
@testable import MnemoSPARQLFunctions

/// xsd:decimal arithmetic in 64 bits where it fits, and in Foundation's
/// Decimal where it does not, with the same answers either way.
@Suite("Decimal numbers") struct DecimalNumberTests {
    func d(_ s: String) -> DecimalNumber { DecimalNumber(lexical: Substring(s))! }

    @Test func canonicalFormsHaveOneDigitAfterThePointAtLeast() {
        #expect(d("185").canonical == "185.0")
        #expect(d("185.500").canonical == "185.5")
        #expect(d("-0.25").canonical == "-0.25")
        #expect(d(".5").canonical == "0.5")
        #expect(d("-0.0").canonical == "0.0")
        #expect(d("0.000000000000000001").canonical == "0.000000000000000001")
        #expect(d("+007.10").canonical == "7.1")
    }

    @Test func equalValuesAreEqualAndHashAlike() {
        #expect(d("1.50") == d("1.5"))
        #expect(d("1.5") == DecimalNumber(Decimal(string: "1.5")!))
        #expect(Set([d("2.0"), d("2"), DecimalNumber(Int64(2)), DecimalNumber(Decimal(2))]).count == 1)
        #expect(d("0.1") < d("0.25"))
        #expect(d("-3") < d("-2.999"))
    }

    @Test func exactDivisionStaysExact() {
        #expect((d("1850") / d("10")).canonical == "185.0")
        #expect((d("1") / d("8")).canonical == "0.125")
        #expect((d("1.5") / d("0.03")).canonical == "50.0")
        #expect((d("-7") / d("2")).canonical == "-3.5")
        // A quotient that does not terminate takes Foundation's 38 digits.
        let third = d("1") / d("3")
        #expect(third.canonical.hasPrefix("0.3333333333333333333"))
        #expect(third.canonical.count > 30)
    }

    @Test func overflowFallsBackToFoundation() {
        let big = d("999999999999999999")  // 18 digits: small
        let product = big * big
        #expect(product.canonical == "999999999999999998000000000000000001.0")
        #expect((big + big).canonical == "1999999999999999998.0")
        #expect(d("12345678901234567890.5").canonical == "12345678901234567890.5")
        #expect((d("0.1") + d("0.2")).canonical == "0.3")
    }

    @Test func roundingTowardsInfinities() {
        #expect(d("2.5").rounded(.down).canonical == "2.0")
        #expect(d("-2.5").rounded(.down).canonical == "-3.0")
        #expect(d("-2.5").rounded(.up).canonical == "-2.0")
        #expect(d("2.000001").rounded(.up).canonical == "3.0")
        #expect(NumericValue.decimal(d("-2.5")).rounded.term == .typed("-2.0", XSD.decimal))
        #expect(NumericValue.decimal(d("2.5")).rounded.term == .typed("3.0", XSD.decimal))
    }

    @Test func integerDivisionGivesADecimal() throws {
        let q = try NumericValue.apply(.divide, .integer(1850), .integer(10))
        #expect(q.term == .typed("185.0", XSD.decimal))
        #expect(q.floor.term == .typed("185.0", XSD.decimal))
        let decade = try NumericValue.apply(.multiply, q.floor, .integer(10))
        #expect(decade.term == .typed("1850.0", XSD.decimal))
        #expect(throws: ExpressionError.self) { try NumericValue.apply(.divide, .integer(1), .integer(0)) }
    }
}
