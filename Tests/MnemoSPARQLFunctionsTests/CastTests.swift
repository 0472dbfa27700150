import Foundation
import MnemoRDF
import MnemoSPARQLSyntax
import Testing
@testable import MnemoSPARQLFunctions

@Suite("XSD casts") struct CastTests {
    /// The inputs of sparql11/cast/data.ttl, in order.
    let inputs: [Term] = [
        .iri("http://example.org/z"), .string("string"), .string("-10.2E3"), .string("+33.3300"),
        .string("0.0"), .string("0"), .string("0E1"), .string("1.5"), .string("1"), .string("1E0"),
        .string("13"), .string("2002-10-10T17:00:00Z"), .string("false"), .string("true"),
        boolean(true), boolean(false), .typed("0", xsd + "boolean"),
        integer("0"), integer("1"), integer("-1"), decimal("0.0"), decimal("1.0"), decimal("-1.0"),
        double("0E1"), double("1E0"), float("0E1"), float("1E0"), float("1.25"), float("-7.875"),
        decimal("2.5"), decimal("-2.5"),
    ]

    func results(_ type: String) -> [Term?] {
        inputs.map { try? cast(type, $0) }
    }

    @Test func toString() {
        let expected: [String] = [
            "http://example.org/z", "string", "-10.2E3", "+33.3300", "0.0", "0", "0E1", "1.5", "1", "1E0",
            "13", "2002-10-10T17:00:00Z", "false", "true", "true", "false", "false", "0", "1", "-1",
            "0", "1", "-1", "0", "1", "0", "1", "1.25", "-7.875", "2.5", "-2.5",
        ]
        #expect(results("string") == expected.map { Term.string($0) })
    }

    @Test func toInteger() {
        let expected: [String?] = [
            nil, nil, nil, nil, nil, "0", nil, nil, "1", nil, "13", nil, nil, nil, "1", "0", "0",
            "0", "1", "-1", "0", "1", "-1", "0", "1", "0", "1", "1", "-7", "2", "-2",
        ]
        #expect(results("integer") == expected.map { $0.map(integer) })
    }

    @Test func toBoolean() {
        let expected: [Bool?] = [
            nil, nil, nil, nil, nil, false, nil, nil, true, nil, nil, nil, false, true, true, false, false,
            false, true, true, false, true, true, false, true, false, true, true, true, true, true,
        ]
        #expect(results("boolean") == expected.map { $0.map(boolean) })
    }

    @Test func toDecimal() {
        let expected: [String?] = [
            nil, nil, nil, "33.33", "0.0", "0.0", nil, "1.5", "1.0", nil, "13.0", nil, nil, nil,
            "1.0", "0.0", "0.0", "0.0", "1.0", "-1.0", "0.0", "1.0", "-1.0", "0.0", "1.0", "0.0", "1.0",
            "1.25", "-7.875", "2.5", "-2.5",
        ]
        #expect(results("decimal") == expected.map { $0.map(decimal) })
    }

    @Test func toDoubleAndFloat() {
        let expected: [String?] = [
            nil, nil, "-1.02E4", "3.333E1", "0.0E0", "0.0E0", "0.0E0", "1.5E0", "1.0E0", "1.0E0", "1.3E1",
            nil, nil, nil, "1.0E0", "0.0E0", "0.0E0", "0.0E0", "1.0E0", "-1.0E0", "0.0E0", "1.0E0", "-1.0E0",
            "0.0E0", "1.0E0", "0.0E0", "1.0E0", "1.25E0", "-7.875E0", "2.5E0", "-2.5E0",
        ]
        #expect(results("double") == expected.map { $0.map(double) })
        #expect(results("float") == expected.map { $0.map(float) })
    }

    @Test func numericEdgeCases() throws {
        #expect(try cast("integer", decimal("1.9")) == integer("1"))
        #expect(try cast("integer", double("-1.9")) == integer("-1"))
        #expect(try cast("integer", .string(" 42 ")) == integer("42"))
        #expect(raises { try cast("integer", .string("1.5")) })
        #expect(raises { try cast("integer", double("INF")) })
        #expect(raises { try cast("integer", double("NaN")) })
        #expect(raises { try cast("decimal", float("INF")) })
        #expect(raises { try cast("decimal", .string("1e3")) })
        #expect(try cast("double", .string("INF")) == double("INF"))
        #expect(try cast("double", .string("-INF")) == double("-INF"))
        #expect(try cast("double", .string("NaN")) == double("NaN"))
        #expect(try cast("float", double("1e40")) == float("INF"))
        #expect(try cast("decimal", double("1e-5")) == decimal("0.00001"))
        #expect(try cast("decimal", double("1.5e20")) == decimal("150000000000000000000.0"))
        #expect(try cast("string", double("1.5e20")) == .string("1.5E20"))
        #expect(try cast("string", double("0.000001")) == .string("0.000001"))
        #expect(try cast("string", double("1e-7")) == .string("1.0E-7"))
        #expect(try cast("string", double("123456.5")) == .string("123456.5"))
        #expect(try cast("string", double("1e6")) == .string("1.0E6"))
        #expect(try cast("string", double("-0")) == .string("-0"))
        #expect(try cast("string", double("-INF")) == .string("-INF"))
        #expect(try cast("int", .string("2147483647")) == .typed("2147483647", xsd + "int"))
        #expect(raises { try cast("int", .string("2147483648")) })
        #expect(try cast("byte", double("-128.7")) == .typed("-128", xsd + "byte"))
        #expect(raises { try cast("unsignedByte", integer("-1")) })
        #expect(raises { try cast("integer", integer("abc")) })
    }

    @Test func otherSources() throws {
        #expect(try cast("string", .langString("Тошкент", "uz-Cyrl")) == .string("Тошкент"))
        #expect(try cast("string", .typed("x", "http://example/t")) == .string("x"))
        #expect(try cast("string", dateTime("2002-10-10T17:00:00+00:00")) == .string("2002-10-10T17:00:00Z"))
        #expect(raises { try cast("string", .blank("b")) })
        #expect(raises { try cast("integer", .blank("b")) })
        #expect(raises { try cast("integer", .iri("http://example.org/1")) })
        #expect(raises { try cast("integer", .langString("1", "en")) })
        #expect(raises { try cast("boolean", .string("yes")) })
        #expect(raises { try cast("boolean", .string("TRUE")) })
        #expect(raises { try cast("dateTime", integer("1")) })
    }

    @Test func dateCasts() throws {
        #expect(try cast("dateTime", .string("2002-10-10T17:00:00Z")) == dateTime("2002-10-10T17:00:00Z"))
        #expect(try cast("dateTime", .string(" 2002-10-10T17:00:00.500-05:00 ")) == dateTime("2002-10-10T17:00:00.5-05:00"))
        #expect(try cast("dateTime", .string("2002-10-10T24:00:00")) == dateTime("2002-10-11T00:00:00"))
        #expect(raises { try cast("dateTime", .string("2002-10-10")) })
        #expect(raises { try cast("dateTime", .string("2002-02-30T00:00:00")) })
        #expect(try cast("dateTime", date("2002-10-10+01:00")) == dateTime("2002-10-10T00:00:00+01:00"))
        #expect(try cast("date", dateTime("2002-10-10T17:00:00-05:00")) == date("2002-10-10-05:00"))
        #expect(try cast("date", .string("2024-02-29")) == date("2024-02-29"))
        #expect(try cast("time", dateTime("2002-10-10T17:00:00Z")) == .typed("17:00:00Z", xsd + "time"))
        #expect(try cast("gYear", dateTime("2002-10-10T17:00:00Z")) == .typed("2002Z", xsd + "gYear"))
        #expect(try cast("gMonthDay", date("2002-10-10")) == .typed("--10-10", xsd + "gMonthDay"))
        #expect(try cast("dayTimeDuration", .string("PT5H")) == .typed("PT5H", xsd + "dayTimeDuration"))
        #expect(raises { try cast("yearMonthDuration", .string("PT5H")) })
    }

    @Test func unknownFunctions() {
        #expect(raises { try Builtins.callIRI("http://example.org/fn", [integer("1")], makeContext()) })
        #expect(raises { try Builtins.callIRI(xsd + "integer", [], makeContext()) })
        #expect(raises { try Builtins.callIRI(xsd + "integer", [integer("1"), integer("2")], makeContext()) })
        #expect(raises { try Builtins.callIRI(xsd + "anyURI", [.string("http://a")], makeContext()) })
    }
}
