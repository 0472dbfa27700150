import Foundation
import MnemoRDF
import MnemoSPARQLSyntax
import Testing
@testable import MnemoSPARQLFunctions

@Suite("Dates, times and timezones") struct DateTimeTests {
    @Test func accessorsFollowW3C() throws {
        // sparql11/functions data.ttl d1…d4
        let d1 = dateTime("2010-06-21T11:28:01Z"), d2 = dateTime("2010-12-21T15:38:02-08:00")
        let d3 = dateTime("2008-06-20T23:59:00Z"), d4 = dateTime("2011-02-01T01:02:03")
        #expect(try [d1, d2, d3, d4].map { try call(.year, $0) } == [2010, 2010, 2008, 2011].map(Term.integer))
        #expect(try [d1, d2, d3, d4].map { try call(.month, $0) } == [6, 12, 6, 2].map(Term.integer))
        #expect(try [d1, d2, d3, d4].map { try call(.day, $0) } == [21, 21, 20, 1].map(Term.integer))
        #expect(try [d1, d2, d3, d4].map { try call(.hours, $0) } == [11, 15, 23, 1].map(Term.integer))
        #expect(try [d1, d2, d3, d4].map { try call(.minutes, $0) } == [28, 38, 59, 2].map(Term.integer))
        #expect(try [d1, d2, d3, d4].map { try call(.seconds, $0) } == ["1", "2", "0", "3"].map { decimal($0 + ".0") })
        #expect(try call(.timezone, d1) == .typed("PT0S", xsd + "dayTimeDuration"))
        #expect(try call(.timezone, d2) == .typed("-PT8H", xsd + "dayTimeDuration"))
        #expect(fails(.timezone, d4))
        #expect(try call(.tz, d1) == .string("Z"))
        #expect(try call(.tz, d2) == .string("-08:00"))
        #expect(try call(.tz, d4) == .string(""))
    }

    @Test func moreAccessors() throws {
        #expect(try call(.seconds, dateTime("2001-01-01T00:00:01.250Z")) == decimal("1.25"))
        #expect(try call(.timezone, dateTime("2001-01-01T00:00:00+05:30")) == .typed("PT5H30M", xsd + "dayTimeDuration"))
        #expect(try call(.timezone, dateTime("2001-01-01T00:00:00-00:45")) == .typed("-PT45M", xsd + "dayTimeDuration"))
        #expect(try call(.timezone, dateTime("2001-01-01T00:00:00+14:00")) == .typed("PT14H", xsd + "dayTimeDuration"))
        #expect(try call(.tz, dateTime("2001-01-01T00:00:00+00:00")) == .string("+00:00"))
        #expect(try call(.year, dateTime("-0044-03-15T12:00:00")) == .integer(-44))
        #expect(try call(.year, dateTime("12345-01-01T00:00:00")) == .integer(12345))
        // 24:00:00 is midnight at the end of the day.
        #expect(try call(.day, dateTime("1999-12-31T24:00:00")) == .integer(1))
        #expect(try call(.year, dateTime("1999-12-31T24:00:00")) == .integer(2000))
        #expect(try call(.hours, dateTime("1999-12-31T24:00:00")) == .integer(0))
        // xsd:date has year/month/day and timezone; xsd:time has the clock.
        #expect(try call(.year, date("2024-02-29+06:00")) == .integer(2024))
        #expect(try call(.timezone, date("2024-02-29+06:00")) == .typed("PT6H", xsd + "dayTimeDuration"))
        #expect(try call(.minutes, .typed("13:45:00", xsd + "time")) == .integer(45))
        #expect(fails(.hours, date("2024-02-29")))
        #expect(fails(.year, .typed("13:45:00", xsd + "time")))
        // Invalid lexical forms and other types.
        for bad in ["2023-02-29T00:00:00", "2001-13-01T00:00:00", "2001-01-01T25:00:00", "2001-01-01T24:00:01",
                    "2001-01-01 00:00:00", "01-01-01T00:00:00", "02001-01-01T00:00:00", "2001-01-01T00:00:00+15:00",
                    "2001-01-01T00:00:60", "2001-01-01T00:00:00.Z", "2001-1-01T00:00:00"] {
            #expect(fails(.year, dateTime(bad)), "\(bad)")
        }
        #expect(fails(.year, .string("2010-06-21T11:28:01Z")))
        #expect(fails(.year, .typed("2010", xsd + "gYear")))
    }

    @Test func now() throws {
        let ctx = makeContext()
        let first = try Builtins.call(.now, [], ctx)
        #expect(first == dateTime("2023-11-14T22:13:20.25Z"))
        #expect(try Builtins.call(.now, [], ctx) == first)
        let plain = FunctionContext(now: Date(timeIntervalSince1970: 0))
        #expect(try Builtins.call(.now, [], plain) == dateTime("1970-01-01T00:00:00Z"))
        let early = FunctionContext(now: Date(timeIntervalSince1970: -86_400.5))
        #expect(try Builtins.call(.now, [], early) == dateTime("1969-12-30T23:59:59.5Z"))
    }

    @Test func comparisonsWithAndWithoutTimezone() throws {
        #expect(try Builtins.equal(dateTime("2002-04-02T12:00:00-01:00"), dateTime("2002-04-02T17:00:00+04:00")))
        #expect(try Builtins.equal(dateTime("2002-04-02T23:00:00-04:00"), dateTime("2002-04-03T02:00:00-01:00")))
        #expect(try Builtins.equal(dateTime("2002-04-02T12:00:00Z"), dateTime("2002-04-02T12:00:00.000+00:00")))
        #expect(try Builtins.equal(dateTime("1999-12-31T24:00:00"), dateTime("2000-01-01T00:00:00")))
        #expect(try Builtins.compare(dateTime("2002-04-02T12:00:00Z"), dateTime("2002-04-02T12:00:01Z")) == -1)
        // One side without timezone: determinate only beyond ±14 hours.
        #expect(raises { try Builtins.equal(dateTime("2002-04-02T12:00:00"), dateTime("2002-04-02T12:00:00Z")) })
        #expect(raises { try Builtins.compare(dateTime("2002-04-02T12:00:00"), dateTime("2002-04-03T01:00:00Z")) })
        #expect(try Builtins.compare(dateTime("2002-04-02T12:00:00"), dateTime("2002-04-03T02:00:01Z")) == -1)
        #expect(try Builtins.compare(dateTime("2002-04-03T02:00:01Z"), dateTime("2002-04-02T12:00:00")) == 1)
        #expect(try !Builtins.equal(dateTime("2000-01-01T00:00:00"), dateTime("2002-04-02T12:00:00Z")))
        // open-world date-2 / date-3: xsd:date.
        let probe = date("2006-08-23")
        #expect(try !Builtins.compare(.notEqual, date("2006-08-23"), probe))
        #expect(raises { try Builtins.compare(.notEqual, date("2006-08-23Z"), probe) })
        #expect(raises { try Builtins.compare(.notEqual, date("2006-08-23+00:00"), probe) })
        #expect(try Builtins.compare(.notEqual, date("2001-01-01"), probe))
        #expect(try Builtins.compare(.notEqual, date("2001-01-01Z"), probe))
        #expect(try Builtins.compare(.notEqual, dateTime("2006-08-23T09:00:00+01:00"), probe))
        let lower = date("2006-08-22")
        #expect(try Builtins.compare(.greater, date("2006-08-23"), lower))
        #expect(try Builtins.compare(.greater, date("2006-08-23Z"), lower))
        #expect(try Builtins.compare(.greater, date("2006-08-23+00:00"), lower))
        #expect(try !Builtins.compare(.greater, date("2001-01-01Z"), lower))
        #expect(raises { try Builtins.compare(.greater, dateTime("2006-08-23T09:00:00+01:00"), lower) })
        // Other kinds.
        #expect(try Builtins.compare(.typed("23:00:00-01:00", xsd + "time"), .typed("00:30:00Z", xsd + "time")) == 1)
        #expect(try Builtins.equal(.typed("2001", xsd + "gYear"), .typed("2001", xsd + "gYear")))
        #expect(try Builtins.compare(.typed("--12-25", xsd + "gMonthDay"), .typed("--02-29", xsd + "gMonthDay")) == 1)
    }

    @Test func w3cDateTimeOperators() throws {
        // sparql10/expr-ops data-dateTime.ttl with the lt/le/gt/ge results.
        let early = "2008-10-01T00:00:00", late = "2008-10-03T00:00:00"
        let pairs: [String: (String, String)] = [
            "tzasc": (early + "Z", late + "Z"), "tzdesc": (late + "Z", early + "Z"), "tzeq": (early + "Z", early + "Z"),
            "ntzasc": (early, late), "ntzdesc": (late, early), "ntzeq": (early, early),
            "tzntzasc": (early + "Z", late), "tzntzdesc": (late + "Z", early),
            "ntztzasc": (early, late + "Z"), "ntztzdesc": (late, early + "Z"),
        ]
        func passing(_ op: ComparisonOperator) -> Set<String> {
            Set(pairs.filter { (try? Builtins.compare(op, dateTime($0.value.0), dateTime($0.value.1))) == true }.keys)
        }
        #expect(passing(.less) == ["ntzasc", "ntztzasc", "tzasc", "tzntzasc"])
        #expect(passing(.lessOrEqual) == ["ntzasc", "ntzeq", "ntztzasc", "tzasc", "tzeq", "tzntzasc"])
        #expect(passing(.greater) == ["ntzdesc", "ntztzdesc", "tzdesc", "tzntzdesc"])
        #expect(passing(.greaterOrEqual) == ["ntzdesc", "ntzeq", "ntztzdesc", "tzdesc", "tzeq", "tzntzdesc"])
    }

    @Test func durations() throws {
        let dt = xsd + "dayTimeDuration", ym = xsd + "yearMonthDuration"
        #expect(try Builtins.equal(.typed("PT1H", dt), .typed("PT60M", dt)))
        #expect(try Builtins.equal(.typed("P1D", dt), .typed("PT24H", dt)))
        #expect(try Builtins.compare(.typed("-PT8H", dt), .typed("PT0S", dt)) == -1)
        #expect(try Builtins.compare(.typed("P1Y", ym), .typed("P11M", ym)) == 1)
        #expect(try Builtins.equal(.typed("P1Y", ym), .typed("P12M", xsd + "duration")))
        #expect(raises { try Builtins.compare(.typed("P1M", xsd + "duration"), .typed("P30D", xsd + "duration")) })
        #expect(try Builtins.equal(.typed("P1Y", dt), .typed("P1Y", dt)))   // ill-typed, but identical
        #expect(Duration(Literal("P", datatype: xsd + "duration")) == nil)
        #expect(Duration(Literal("PT", datatype: xsd + "duration")) == nil)
        #expect(Duration(Literal("P1DT", datatype: xsd + "duration")) == nil)
        #expect(Duration(Literal("PT1.5S", datatype: dt))?.seconds == Decimal(string: "1.5"))
        #expect(Duration.dayTimeLexical(seconds: Decimal(string: "-93784.5")!) == "-P1DT2H3M4.5S")
    }
}
