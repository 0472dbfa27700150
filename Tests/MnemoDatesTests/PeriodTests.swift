import Testing
import MnemoDates

@Suite struct PeriodTests {
    static let decades: [SpanCase] = [
        SpanCase("1820s", "1820-01-01", "1829-12-31", [], .decade),
        SpanCase("1820's", "1820-01-01", "1829-12-31", [], .decade),
        SpanCase("the 1820s", "1820-01-01", "1829-12-31", [], .decade),
        SpanCase("1850-е", "1850-01-01", "1859-12-31", [], .decade),
        SpanCase("1850-е гг.", "1850-01-01", "1859-12-31", [], .decade),
        SpanCase("1850-х гг.", "1850-01-01", "1859-12-31", [], .decade),
        SpanCase("1850-yillar", "1850-01-01", "1859-12-31", [], .decade),
        SpanCase("1850-жылдары", "1850-01-01", "1859-12-31", [], .decade),
        SpanCase("1820s-1830s", "1820-01-01", "1839-12-31", [], .decade),
        SpanCase("early 1820s", "1820-01-01", "1823-12-31", [], .decade),
        SpanCase("mid-1820s", "1823-01-01", "1826-12-31", [], .decade),
        SpanCase("late 1820s", "1826-01-01", "1829-12-31", [], .decade),
        SpanCase("кон. 1850-х гг.", "1856-01-01", "1859-12-31", [], .decade),
        SpanCase("1st half of the 1820s", "1820-01-01", "1824-12-31", [], .decade),
    ]

    @Test(arguments: decades) func decade(_ c: SpanCase) { expectSpan(c) }

    /// Century N is (N-1)*100+1 … N*100.
    static let centuries: [SpanCase] = [
        SpanCase("18th century", "1701-01-01", "1800-12-31", [], .century),
        SpanCase("18th c.", "1701-01-01", "1800-12-31", [], .century),
        SpanCase("18th cent.", "1701-01-01", "1800-12-31", [], .century),
        SpanCase("the 19th century", "1801-01-01", "1900-12-31", [], .century),
        SpanCase("1st century", "0001-01-01", "0100-12-31", [], .century),
        SpanCase("21st century", "2001-01-01", "2100-12-31", [], .century),
        SpanCase("XVII в.", "1601-01-01", "1700-12-31", [], .century),
        SpanCase("XVII век", "1601-01-01", "1700-12-31", [], .century),
        SpanCase("в XVII веке", "1601-01-01", "1700-12-31", [], .century),
        SpanCase("ХVІІ в.", "1601-01-01", "1700-12-31", [], .century),
        SpanCase("18 в.", "1701-01-01", "1800-12-31", [], .century),
        SpanCase("18-й век", "1701-01-01", "1800-12-31", [], .century),
        SpanCase("XIX ғ.", "1801-01-01", "1900-12-31", [], .century),
        SpanCase("XIX ғасыр", "1801-01-01", "1900-12-31", [], .century),
        SpanCase("XIX asr", "1801-01-01", "1900-12-31", [], .century),
        SpanCase("XIX аср", "1801-01-01", "1900-12-31", [], .century),
        SpanCase("XVII-XVIII вв.", "1601-01-01", "1800-12-31", [], .century),
        SpanCase("XVII—XVIII вв.", "1601-01-01", "1800-12-31", [], .century),
        SpanCase("17-18 вв.", "1601-01-01", "1800-12-31", [], .century),
        SpanCase("17th-18th centuries", "1601-01-01", "1800-12-31", [], .century),
        SpanCase("XIX-XX asrlar", "1801-01-01", "2000-12-31", [], .century),
        SpanCase("XVII в. - 1750", "1601-01-01", "1750-12-31", [], .century),
    ]

    @Test(arguments: centuries) func century(_ c: SpanCase) { expectSpan(c) }

    /// Early = first 35 years, mid = years 33–66, late = last 35; halves; quarters.
    static let parts: [SpanCase] = [
        SpanCase("early 19th century", "1801-01-01", "1835-12-31", [], .century),
        SpanCase("mid 19th century", "1834-01-01", "1867-12-31", [], .century),
        SpanCase("mid-19th century", "1834-01-01", "1867-12-31", [], .century),
        SpanCase("late 19th century", "1866-01-01", "1900-12-31", [], .century),
        SpanCase("beginning of the 19th century", "1801-01-01", "1835-12-31", [], .century),
        SpanCase("нач. XIX в.", "1801-01-01", "1835-12-31", [], .century),
        SpanCase("начало XIX века", "1801-01-01", "1835-12-31", [], .century),
        SpanCase("сер. XIX в.", "1834-01-01", "1867-12-31", [], .century),
        SpanCase("середина XIX века", "1834-01-01", "1867-12-31", [], .century),
        SpanCase("кон. XIX в.", "1866-01-01", "1900-12-31", [], .century),
        SpanCase("конец XIX в.", "1866-01-01", "1900-12-31", [], .century),
        SpanCase("XIX ғасырдың басы", "1801-01-01", "1835-12-31", [], .century),
        SpanCase("XIX asr oxiri", "1866-01-01", "1900-12-31", [], .century),
        SpanCase("XIX asr oʻrtalari", "1834-01-01", "1867-12-31", [], .century),
        SpanCase("1st half of the 19th century", "1801-01-01", "1850-12-31", [], .century),
        SpanCase("first half of the 19th century", "1801-01-01", "1850-12-31", [], .century),
        SpanCase("2nd half of the 19th century", "1851-01-01", "1900-12-31", [], .century),
        SpanCase("1-я пол. XIX в.", "1801-01-01", "1850-12-31", [], .century),
        SpanCase("2-я пол. XIX в.", "1851-01-01", "1900-12-31", [], .century),
        SpanCase("II пол. XIX в.", "1851-01-01", "1900-12-31", [], .century),
        SpanCase("первая половина XIX века", "1801-01-01", "1850-12-31", [], .century),
        SpanCase("в первой половине XIX века", "1801-01-01", "1850-12-31", [], .century),
        SpanCase("2nd quarter of the 19th century", "1826-01-01", "1850-12-31", [], .century),
        SpanCase("last quarter of the 18th century", "1776-01-01", "1800-12-31", [], .century),
        SpanCase("1-я четв. XVIII в.", "1701-01-01", "1725-12-31", [], .century),
        SpanCase("late 18th - early 19th century", "1766-01-01", "1835-12-31", [], .century),
        SpanCase("кон. XVIII - нач. XIX в.", "1766-01-01", "1835-12-31", [], .century),
        SpanCase("early 5th century BC", "-0499-01-01", "-0465-12-31", [], .century),
    ]

    @Test(arguments: parts) func partOfAPeriod(_ c: SpanCase) { expectSpan(c) }

    static let millennia: [SpanCase] = [
        SpanCase("2nd millennium", "1001-01-01", "2000-12-31", [], .millennium),
        SpanCase("II тыс.", "1001-01-01", "2000-12-31", [], .millennium),
        SpanCase("1st millennium BC", "-0999-01-01", "0000-12-31", [], .millennium),
        SpanCase("II тыс. до н.э.", "-1999-01-01", "-1000-12-31", [], .millennium),
        SpanCase("early 2nd millennium", "1001-01-01", "1350-12-31", [], .millennium),
    ]

    @Test(arguments: millennia) func millennium(_ c: SpanCase) { expectSpan(c) }
}
