import Foundation
import MnemoRDF
import MnemoSPARQLSyntax
import Testing
@testable import MnemoSPARQLFunctions

@Suite("Numerics and promotion") struct NumericTests {
    @Test func canonicalResults() throws {
        #expect(try Builtins.add(integer("1"), integer("1")) == integer("2"))
        #expect(try Builtins.add(integer("01"), integer("+2")) == integer("3"))
        #expect(try Builtins.subtract(integer("1"), integer("3")) == integer("-2"))
        #expect(try Builtins.add(decimal("1.25"), decimal("0.25")) == decimal("1.5"))
        #expect(try Builtins.add(decimal("1.5"), decimal("1.5")) == decimal("3.0"))
        #expect(try Builtins.add(double("1.5"), double("1")) == double("2.5E0"))
        #expect(try Builtins.multiply(double("2.5"), integer("10")) == double("2.5E1"))
        #expect(try Builtins.divide(double("1"), integer("1000")) == double("1.0E-3"))
        #expect(try Builtins.add(float("0.5"), float("0.5")) == float("1.0E0"))
        #expect(try Builtins.subtract(double("0"), double("0")) == double("0.0E0"))
        #expect(try Builtins.multiply(double("-1"), double("0")) == double("-0.0E0"))
        #expect(try Builtins.multiply(double("1e20"), double("12345")) == double("1.2345E24"))
        #expect(try Builtins.unaryPlus(decimal("+001.50")) == decimal("1.5"))
        #expect(try Builtins.unaryMinus(integer("5")) == integer("-5"))
        #expect(try Builtins.unaryMinus(integer("0")) == integer("0"))
        #expect(try Builtins.unaryMinus(double("INF")) == double("-INF"))
    }

    @Test func promotion() throws {
        func datatype(_ t: Term) -> String? { if case .literal(let l) = t { l.datatype } else { nil } }
        #expect(datatype(try Builtins.add(integer("1"), decimal("1.0"))) == xsd + "decimal")
        #expect(datatype(try Builtins.add(decimal("1"), float("1"))) == xsd + "float")
        #expect(datatype(try Builtins.add(float("1"), double("1"))) == xsd + "double")
        #expect(datatype(try Builtins.multiply(integer("2"), double("1"))) == xsd + "double")
        // Derived integer types compute as xsd:integer (type-promotion tests).
        #expect(try Builtins.add(.typed("1", xsd + "byte"), .typed("2", xsd + "short")) == integer("3"))
        #expect(try Builtins.add(.typed("1", xsd + "unsignedLong"), .typed("1", xsd + "positiveInteger")) == integer("2"))
        #expect(try Builtins.add(.typed("1", xsd + "int"), decimal("0.5")) == decimal("1.5"))
        // Float arithmetic is single precision.
        #expect(try Builtins.add(float("0.1"), float("0.2")) == float("3.0E-1"))
        #expect(try Builtins.add(double("0.1"), double("0.2")) == double("3.0000000000000004E-1"))
    }

    @Test func division() throws {
        #expect(try Builtins.divide(integer("1"), integer("2")) == decimal("0.5"))
        #expect(try Builtins.divide(integer("4"), integer("2")) == decimal("2.0"))
        #expect(try Builtins.divide(integer("-7"), integer("4")) == decimal("-1.75"))
        #expect(raises { try Builtins.divide(integer("1"), integer("0")) })
        #expect(raises { try Builtins.divide(decimal("1.5"), decimal("0.0")) })
        #expect(try Builtins.divide(double("1"), integer("0")) == double("INF"))
        #expect(try Builtins.divide(double("-1"), double("0")) == double("-INF"))
        #expect(try Builtins.divide(float("0"), float("0")) == float("NaN"))
        #expect(try Builtins.divide(integer("1"), double("0")) == double("INF"))
    }

    @Test func invalidOperands() {
        #expect(raises { try Builtins.add(integer("1"), .string("1")) })
        #expect(raises { try Builtins.add(integer("x"), integer("1")) })
        #expect(raises { try Builtins.add(.typed("300", xsd + "byte"), integer("1")) })
        #expect(raises { try Builtins.multiply(.iri("http://example.org/"), integer("1")) })
        #expect(raises { try Builtins.unaryMinus(.string("1")) })
        #expect(raises { try Builtins.add(boolean(true), integer("1")) })
    }

    @Test func absCeilFloorRound() throws {
        #expect(try call(.abs, integer("-2")) == integer("2"))
        #expect(try call(.abs, decimal("-1.6")) == decimal("1.6"))
        #expect(try call(.abs, double("-0.5e1")) == double("5.0E0"))
        #expect(try call(.abs, .typed("-5", xsd + "int")) == integer("5"))
        #expect(try call(.ceil, decimal("2.5")) == decimal("3.0"))
        #expect(try call(.ceil, decimal("-1.6")) == decimal("-1.0"))
        #expect(try call(.ceil, decimal("1.1")) == decimal("2.0"))
        #expect(try call(.ceil, integer("-2")) == integer("-2"))
        #expect(try call(.ceil, double("-0.5")) == double("-0.0E0"))
        #expect(try call(.floor, decimal("-1.6")) == decimal("-2.0"))
        #expect(try call(.floor, float("2.5")) == float("2.0E0"))
        #expect(try call(.round, decimal("2.5")) == decimal("3.0"))
        #expect(try call(.round, decimal("-2.5")) == decimal("-2.0"))
        #expect(try call(.round, decimal("-1.6")) == decimal("-2.0"))
        #expect(try call(.round, decimal("1.1")) == decimal("1.0"))
        #expect(try call(.round, double("2.5")) == double("3.0E0"))
        #expect(try call(.round, double("-2.5")) == double("-2.0E0"))
        #expect(try call(.round, double("-0.4")) == double("-0.0E0"))
        #expect(try call(.round, double("0.49999999999999994")) == double("0.0E0"))
        #expect(try call(.round, double("NaN")) == double("NaN"))
        #expect(try call(.round, float("-INF")) == float("-INF"))
        #expect(fails(.round, .string("1.5")))
    }

    @Test func isNumeric() throws {
        #expect(try call(.isNumeric, integer("12")) == boolean(true))
        #expect(try call(.isNumeric, decimal(".5")) == boolean(true))
        #expect(try call(.isNumeric, double("-INF")) == boolean(true))
        #expect(try call(.isNumeric, float("1e3")) == boolean(true))
        #expect(try call(.isNumeric, .typed("255", xsd + "unsignedByte")) == boolean(true))
        #expect(try call(.isNumeric, integer("abc")) == boolean(false))
        #expect(try call(.isNumeric, integer("1.5")) == boolean(false))
        #expect(try call(.isNumeric, integer(" 1")) == boolean(false))
        #expect(try call(.isNumeric, decimal("1e3")) == boolean(false))
        #expect(try call(.isNumeric, double("inf")) == boolean(false))
        #expect(try call(.isNumeric, double("0x10")) == boolean(false))
        #expect(try call(.isNumeric, .typed("256", xsd + "unsignedByte")) == boolean(false))
        #expect(try call(.isNumeric, .typed("0", xsd + "positiveInteger")) == boolean(false))
        #expect(try call(.isNumeric, .string("1")) == boolean(false))
        #expect(try call(.isNumeric, .iri("http://example.org/1")) == boolean(false))
    }

    @Test func lexicalForms() {
        #expect(Builtins.numericValue(decimal("5.")) == 5)
        #expect(Builtins.numericValue(double(".5e1")) == 5)
        #expect(Builtins.numericValue(double("5.e-1")) == 0.5)
        #expect(Builtins.numericValue(decimal("-.5")) == -0.5)
        #expect(Builtins.numericValue(decimal(".")) == nil)
        #expect(Builtins.numericValue(double("1e")) == nil)
        #expect(Builtins.numericValue(double("e1")) == nil)
        #expect(Builtins.numericValue(integer("+")) == nil)
        #expect(Builtins.numericValue(integer("")) == nil)
        #expect(Builtins.numericValue(double("+INF")) == .infinity)
        #expect(Builtins.numericValue(.string("1")) == nil)
    }

    @Test func largeValues() throws {
        // Long lexical forms go through Foundation's parser; 38 digits are exact.
        #expect(try Builtins.add(integer("12345678901234567890123"), integer("1")) == integer("12345678901234567890124"))
        #expect(try Builtins.add(decimal("12345678901234567890.5"), decimal("0.25")) == decimal("12345678901234567890.75"))
        #expect(try Builtins.multiply(integer("9999999999999999999"), integer("9999999999999999999"))
                == integer("99999999999999999980000000000000000001"))
        #expect(try Builtins.subtract(decimal("0.000000000000000000001"), decimal("0")) == decimal("0.000000000000000000001"))
        #expect(try Builtins.divide(integer("1"), integer("3")) == decimal("0.33333333333333333333333333333333333333"))
        #expect(try Builtins.equal(integer("-0"), integer("0")))
        #expect(try Builtins.unaryPlus(decimal("-0.0")) == decimal("0.0"))
    }

    @Test func aggregates() throws {
        #expect(try Builtins.sum([integer("1"), integer("2"), integer("3")]) == integer("6"))
        #expect(try Builtins.average([integer("1"), integer("2"), integer("3")]) == decimal("2.0"))
        #expect(try Builtins.average([integer("1"), integer("2")]) == decimal("1.5"))
        #expect(try Builtins.sum([decimal("1.0"), decimal("2.2"), decimal("3.5")]) == decimal("6.7"))
        #expect(try Builtins.sum([integer("1"), decimal("2.2")]) == decimal("3.2"))
        #expect(try Builtins.sum([double("2E-1"), decimal("2.2")]) == double("2.4000000000000004E0"))
        #expect(try Builtins.average([double("1.0E2"), double("2.0E3"), double("3.0E4")]) == double("1.07E4"))
        #expect(try Builtins.sum([]) == integer("0"))
        #expect(try Builtins.average([]) == integer("0"))
        #expect(raises { try Builtins.sum([integer("1"), .string("2")]) })
        var acc = NumericAccumulator()
        try acc.add(.typed("7", xsd + "int"))
        try acc.add(float("0.5"))
        #expect(acc.count == 2)
        #expect(acc.sum == float("7.5E0"))
        #expect(Builtins.minimum([integer("3"), decimal("2.5"), .string("a")]) == decimal("2.5"))
        #expect(Builtins.maximum([integer("3"), decimal("2.5"), .string("a")]) == .string("a"))
        #expect(Builtins.maximum([.iri("http://a"), .blank("b")]) == .iri("http://a"))
        #expect(Builtins.minimum([]) == nil)
    }
}
