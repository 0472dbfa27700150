import Testing
import MnemoDates

@Suite struct QualifierTests {
    /// A year is widened by five years each side; a month or a day by one year.
    static let approximate: [SpanCase] = [
        SpanCase("ca. 1600", "1595-01-01", "1605-12-31", .approximate),
        SpanCase("c. 1600", "1595-01-01", "1605-12-31", .approximate),
        SpanCase("c.1600", "1595-01-01", "1605-12-31", .approximate),
        SpanCase("circa 1600", "1595-01-01", "1605-12-31", .approximate),
        SpanCase("approx. 1600", "1595-01-01", "1605-12-31", .approximate),
        SpanCase("около 1600 г.", "1595-01-01", "1605-12-31", .approximate),
        SpanCase("ок. 1600", "1595-01-01", "1605-12-31", .approximate),
        SpanCase("ок.1600", "1595-01-01", "1605-12-31", .approximate),
        SpanCase("шамамен 1600 ж.", "1595-01-01", "1605-12-31", .approximate),
        SpanCase("taxminan 1600-yil", "1595-01-01", "1605-12-31", .approximate),
        SpanCase("1600~", "1595-01-01", "1605-12-31", .approximate),
        SpanCase("[ca. 1850]", "1845-01-01", "1855-12-31", .approximate),
        SpanCase("ca. 850", "0845-01-01", "0855-12-31", .approximate),
        SpanCase("ca. May 1834", "1833-05-01", "1835-05-31", .approximate, .month),
        SpanCase("ca. 29 Feb 1836", "1835-02-28", "1837-02-28", .approximate, .day),
        SpanCase("ca. 1820s", "1820-01-01", "1829-12-31", .approximate, .decade),
        SpanCase("ca. XVII в.", "1601-01-01", "1700-12-31", .approximate, .century),
        SpanCase("c.1630-1665", "1625-01-01", "1665-12-31", .approximate),
        SpanCase("1630-ca. 1665", "1630-01-01", "1670-12-31", .approximate),
    ]

    @Test(arguments: approximate) func approximation(_ c: SpanCase) { expectSpan(c) }

    static let uncertain: [SpanCase] = [
        SpanCase("?1626", "1626-01-01", "1626-12-31", .uncertain),
        SpanCase("1626?", "1626-01-01", "1626-12-31", .uncertain),
        SpanCase("[1910?]", "1910-01-01", "1910-12-31", .uncertain),
        SpanCase("[1910]?", "1910-01-01", "1910-12-31", .uncertain),
        SpanCase("probably 1910", "1910-01-01", "1910-12-31", .uncertain),
        SpanCase("1834-05?", "1834-05-01", "1834-05-31", .uncertain, .month),
        SpanCase("?1626-1704", "1626-01-01", "1704-12-31", .uncertain),
        SpanCase("1890-1895?", "1890-01-01", "1895-12-31", .uncertain),
        SpanCase("1834%", "1829-01-01", "1839-12-31", [.approximate, .uncertain]),
    ]

    @Test(arguments: uncertain) func uncertainty(_ c: SpanCase) { expectSpan(c) }

    static let bracketed: [SpanCase] = [
        SpanCase("[1910]", "1910-01-01", "1910-12-31"),
        SpanCase("[18]34", "1834-01-01", "1834-12-31"),
        SpanCase("18[34]", "1834-01-01", "1834-12-31"),
        SpanCase("(1834)", "1834-01-01", "1834-12-31"),
    ]

    @Test(arguments: bracketed) func bracketsAreDropped(_ c: SpanCase) { expectSpan(c) }

    static let alternatives: [SpanCase] = [
        SpanCase("1758 или 1763", "1758-01-01", "1763-12-31", .alternatives),
        SpanCase("1758 or 1763", "1758-01-01", "1763-12-31", .alternatives),
        SpanCase("1758/1763", "1758-01-01", "1763-12-31", .alternatives),
        SpanCase("1763 or 1758", "1758-01-01", "1763-12-31", .alternatives),
        SpanCase("1758 yoki 1763", "1758-01-01", "1763-12-31", .alternatives),
        SpanCase("1758 немесе 1763", "1758-01-01", "1763-12-31", .alternatives),
        SpanCase("1758 или 63", "1758-01-01", "1763-12-31", .alternatives),
        SpanCase("1750/51", "1750-01-01", "1751-12-31", .alternatives),
        SpanCase("1758 or 1760 or 1763", "1758-01-01", "1763-12-31", .alternatives),
        SpanCase("1758 или 1763-1848", "1758-01-01", "1848-12-31", .alternatives),
        SpanCase("ca. 1758 or 1763", "1753-01-01", "1763-12-31", [.alternatives, .approximate]),
        SpanCase("May 1834 or 1835", "1834-05-01", "1835-12-31", .alternatives, .year),
        // A comma list of years: several dates, the span covers them all.
        SpanCase("1834, 1836", "1834-01-01", "1836-12-31", .alternatives),
        SpanCase("1834, 1836, 1840", "1834-01-01", "1840-12-31", .alternatives),
        SpanCase("1834, 1836 гг.", "1834-01-01", "1836-12-31", .alternatives),
        SpanCase("1834, 1836-1840", "1834-01-01", "1840-12-31", .alternatives),
        // The comma of "May 12, 1834" stays part of the date.
        SpanCase("May 12, 1834", "1834-05-12", "1834-05-12", [], .day),
    ]

    @Test(arguments: alternatives) func alternative(_ c: SpanCase) { expectSpan(c) }

    static let floruit: [SpanCase] = [
        SpanCase("active 1787-1808", "1787-01-01", "1808-12-31", .floruit),
        SpanCase("fl. 1787", "1787-01-01", "1787-12-31", .floruit),
        SpanCase("fl. 1820s", "1820-01-01", "1829-12-31", .floruit, .decade),
        SpanCase("fl. ca. 1820", "1815-01-01", "1825-12-31", [.floruit, .approximate]),
        SpanCase("работал 1787-1808", "1787-01-01", "1808-12-31", .floruit),
        SpanCase("работал(а) 1787-1808", "1787-01-01", "1808-12-31", .floruit),
        SpanCase("деят. 1787", "1787-01-01", "1787-12-31", .floruit),
        SpanCase("flourished 18th century", "1701-01-01", "1800-12-31", .floruit, .century),
    ]

    @Test(arguments: floruit) func activity(_ c: SpanCase) { expectSpan(c) }
}
