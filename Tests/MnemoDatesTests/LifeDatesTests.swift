import Testing
import MnemoDates

/// A person's dates and the parts they must give.
struct LifeCase: Sendable, CustomTestStringConvertible {
    let text: String
    let birth: Part?
    let death: Part?
    let active: Part?

    init(_ text: String, birth: Part? = nil, death: Part? = nil, active: Part? = nil) {
        self.text = text
        self.birth = birth
        self.death = death
        self.active = active
    }

    var testDescription: String { "'\(text)'" }
}

@Suite struct LifeDatesTests {
    static let cases: [LifeCase] = [
        LifeCase("1834-1887", birth: .year("1834"), death: .year("1887")),
        LifeCase("1834–1887", birth: .year("1834"), death: .year("1887")),
        LifeCase("1834-1887.", birth: .year("1834"), death: .year("1887")),
        LifeCase("(1834-1887)", birth: .year("1834"), death: .year("1887")),
        LifeCase("1834-1887 гг.", birth: .year("1834"), death: .year("1887")),
        LifeCase("1834-87", birth: .year("1834"), death: .year("1887")),
        LifeCase("980-1037", birth: .year("0980"), death: .year("1037")),
        LifeCase("1758 или 1763-1848",
                 birth: Part("1758-01-01", "1763-12-31", .alternatives), death: .year("1848")),
        LifeCase("1758 or 1763-1848",
                 birth: Part("1758-01-01", "1763-12-31", .alternatives), death: .year("1848")),
        LifeCase("c.1630-1665", birth: Part("1625-01-01", "1635-12-31", .approximate), death: .year("1665")),
        LifeCase("ca. 1630-ca. 1665",
                 birth: Part("1625-01-01", "1635-12-31", .approximate), death: Part("1660-01-01", "1670-12-31", .approximate)),
        LifeCase("ок. 1630-1665", birth: Part("1625-01-01", "1635-12-31", .approximate), death: .year("1665")),
        LifeCase("?1626-1704", birth: .year("1626", .uncertain), death: .year("1704")),
        LifeCase("1626?-1704", birth: .year("1626", .uncertain), death: .year("1704")),
        LifeCase("1900-", birth: .year("1900")),
        LifeCase("1834-?", birth: .year("1834")),
        LifeCase("b. 1900", birth: .year("1900")),
        LifeCase("born 12 May 1834", birth: Part("1834-05-12", "1834-05-12")),
        LifeCase("род. 1900", birth: .year("1900")),
        LifeCase("р. 1900", birth: .year("1900")),
        LifeCase("*1900", birth: .year("1900")),
        LifeCase("-1704", death: .year("1704")),
        LifeCase("?-1704", death: .year("1704")),
        LifeCase("d. 1704", death: .year("1704")),
        LifeCase("died 1704", death: .year("1704")),
        LifeCase("ум. 1704", death: .year("1704")),
        LifeCase("†1704", death: .year("1704")),
        LifeCase("d. after 1704", death: Part("1705-01-01", "1804-12-31", .openEnd)),
        LifeCase("b. 1834, d. 1887", birth: .year("1834"), death: .year("1887")),
        LifeCase("*1834 †1887", birth: .year("1834"), death: .year("1887")),
        LifeCase("active 1787-1808", active: Part("1787-01-01", "1808-12-31", .floruit)),
        LifeCase("fl. 1820s", active: Part("1820-01-01", "1829-12-31", .floruit)),
        LifeCase("fl. 1787", active: .year("1787", .floruit)),
        LifeCase("работал 1787-1808", active: Part("1787-01-01", "1808-12-31", .floruit)),
        LifeCase("деят. 1787", active: .year("1787", .floruit)),
        LifeCase("XVII в.", active: Part("1601-01-01", "1700-12-31", .floruit)),
        LifeCase("18th century", active: Part("1701-01-01", "1800-12-31", .floruit)),
        LifeCase("XVII-XVIII вв.", active: Part("1601-01-01", "1800-12-31", .floruit)),
        LifeCase("500-450 BC", birth: .year("-0499"), death: .year("-0449")),
        LifeCase("b. 1834, fl. 1860s", birth: .year("1834"), active: Part("1860-01-01", "1869-12-31", .floruit)),
    ]

    @Test(arguments: cases) func lifeDates(_ c: LifeCase) {
        let result = HistoricalDate.parseLifeDates(c.text)
        guard let dates = result.lifeDates else {
            Issue.record("'\(c.text)' was not read: \(result.reason ?? "")")
            return
        }
        #expect(Part(dates.birth) == c.birth, "birth of '\(c.text)'")
        #expect(Part(dates.death) == c.death, "death of '\(c.text)'")
        #expect(Part(dates.active) == c.active, "activity of '\(c.text)'")
        #expect(dates.original == c.text)
    }

    @Test func partsKeepTheirOwnText() throws {
        let dates = try #require(HistoricalDate.parseLifeDates("c.1630-1665").lifeDates)
        #expect(dates.birth?.original == "c.1630")
        #expect(dates.death?.original == "1665")
        let labeled = try #require(HistoricalDate.parseLifeDates("b. 1834, d. 1887").lifeDates)
        #expect(labeled.birth?.original == "1834")
        #expect(labeled.death?.original == "1887")
        let active = try #require(HistoricalDate.parseLifeDates("fl. ca. 1820").lifeDates)
        #expect(active.active?.original == "ca. 1820")
        let alternatives = try #require(HistoricalDate.parseLifeDates("1758 или 1763-1848").lifeDates)
        #expect(alternatives.birth?.original == "1758 или 1763")
    }

    @Test func precisionOfParts() throws {
        let dates = try #require(HistoricalDate.parseLifeDates("born 12 May 1834").lifeDates)
        #expect(dates.birth?.precision == .day)
        let active = try #require(HistoricalDate.parseLifeDates("XVII в.").lifeDates)
        #expect(active.active?.precision == .century)
    }

    static let unparsed: [UnparsedCase] = [
        UnparsedCase("1834", "'1834' alone does not say whether it is a birth, a death or a period of activity"),
        UnparsedCase("12 May 1834", "alone does not say"),
        UnparsedCase("garbage", "could not read 'garbage'"),
        UnparsedCase("1887-1834", "the death ('1834') comes before the birth ('1887')"),
        UnparsedCase("b. 1900 d. 1850", "the death ('1850') comes before the birth ('1900')"),
        UnparsedCase("1834-05", "would be the year 1805"),
        UnparsedCase("b. 1834, b. 1835", "two birth dates"),
        UnparsedCase("1834-1887 and more", "could not read 'and more'"),
    ]

    @Test(arguments: unparsed) func reported(_ c: UnparsedCase) {
        switch HistoricalDate.parseLifeDates(c.text) {
        case .dates(let dates):
            Issue.record("'\(c.text)' was read: \(dates)")
        case .unparsed(let original, let reason):
            #expect(original == c.text)
            #expect(reason.contains(c.reason), "reason for '\(c.text)': \(reason)")
        }
    }
}
