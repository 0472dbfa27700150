/// Reads dates as catalogues write them (MARC, RUSMARC, LIDO, EAD, Dublin Core,
/// CSV) into CIDOC-CRM time-spans with outer bounds: `begin` is the earliest
/// possible day (P82a_begin_of_the_begin), `end` the latest (P82b_end_of_the_end).
/// A date that is not understood in full is returned as `unparsed` with a reason;
/// nothing is guessed.
///
/// Forms and their bounds (calendar: proleptic Gregorian, astronomical years):
///
/// - Year: "1834" → 1834-01-01 … 1834-12-31. Years before 1000 need three digits
///   ("988"); a one- or two-digit year needs an era ("AD 50", "50 BC").
/// - Month: "May 1834", "мая 1834", "05.1834", "1834-05" → the whole month, leap
///   years counted. "1834-05" is a month only in event dates and only when the two
///   digits cannot abbreviate a later year (05 ≤ 34); "1804-07" is 1804–1807.
///   "+1834-05" (ISO with sign) is always a month.
/// - Day: "1834-05-12", "+1834-05-12", "-0499-05-03" (ISO, astronomical years;
///   "-0499" alone is the ISO year 500 BC because of its zero padding),
///   "12.05.1834" (day.month.year), "12 May 1834", "May 12, 1834", "12 мая 1834 г.".
/// - Uzbek and Kazakh, year first or last: "1948-yil 14-iyun", "1948 yil 14
///   iyun", "14-iyun 1948-yil", "1948 йил 14 июнь", "2019 ж. 3 наурыз", "3
///   наурыз 2019 ж.", "2019 жылы 3 наурызда"; months: "1948-yil iyun". Uzbek case
///   endings: "-da" (on) reads as the date, "-dan" (from) and "-gacha" (until)
///   bound it: "1948-yil 14-iyundan" opens its end, "…20-iyulgacha" its start,
///   and "14-iyundan 20-iyulgacha" is a range. The same on the year word:
///   "1948-yildan 1950-yilgacha", "1948-йилдан"; Kazakh "1948 жылдан" (from),
///   "1950 жылға дейін" (until), "1948 жылдан 1950 жылға дейін".
/// - Range "A-B" (also "–", "—", "to", "по", "until", "between A and B",
///   "с A по B", "from A to B") → begin of A … end of B. B may be abbreviated:
///   "1804-07" is 1804–1807, "1890-95" 1890–1895. Within one year the year may be
///   written once: "3 марта – 30 июня 2019 г.", "3 March – 30 June 2019",
///   "2019 ж. 3 наурыз – 30 маусым", "1948-yil 14-iyun – 20-iyul", "March – June
///   2019"; within one month the month too: "3–30 июня 2019 г.", "с 3 по 30 июня
///   2019 г.". A range across New Year must write both years.
/// - Alternatives "1758 or 1763", "1758 или 1763", "1758/1763", and lists of
///   years "1834, 1836, 1840" → earliest … latest, flagged `alternatives`.
/// - Approximate "c.", "ca.", "circa", "approx.", "about", "около", "ок.",
///   "шамамен", "taxminan", "~" → flagged `approximate`; a year is widened by 5
///   years on each side ("ca. 1600" → 1595–1605), a month or day by one year;
///   decades, centuries and millennia are not widened. A qualifier applies to the
///   end it is written with: "c.1630-1665" → 1625 … 1665.
/// - Uncertain "?1626", "1626?", "[1910?]", "probably" → flagged `uncertain`,
///   not widened. Square brackets (cataloguer-supplied) are dropped.
/// - Floruit "active", "fl.", "работал", "деят." before the date → flagged `floruit`.
/// - Decades "1820s", "1820's", "1850-е", "1850-х гг.", "1850-yillar" → 1820–1829.
///   "1800s" is reported: it may be a decade or a century.
/// - Centuries "18th century", "18th c.", "XVII в.", "XVII век", "XIX ғ.",
///   "XIX asr", "XIX аср", "17-18 вв.", "XVII-XVIII вв." → century N is
///   (N−1)·100+1 … N·100 (17th: 1601–1700). Millennia: "2nd millennium BC",
///   "II тыс. до н.э." likewise with 1000.
/// - Parts: "early"/"нач." = the first 35 years (1801–1835), "mid"/"сер." = the
///   34th to 67th years (1834–1867), "late"/"кон." = the last 35 years
///   (1866–1900), so neighbouring parts share a year or two; halves
///   ("1st half of the 19th century", "1-я пол. XIX в." → 1801–1850) and quarters
///   ("2nd quarter" → 1826–1850). The same rules scale to decades and millennia.
/// - BCE: "500 BC", "500 BCE", "500 до н.э.", "V в. до н.э." (500–401 BC →
///   -0499 … -0400). An era written on the end of a range covers both ends.
/// - Open bounds: "before 1800", "до 1800", "ante 1800" end the day before the
///   anchor; "не позднее 1800", "not later than 1800", "until 1800", "-1800" end
///   with it; both begin a century before the anchor (1700-01-01), flagged
///   `openStart`. "after 1800", "после 1800" begin the day after; "не ранее
///   1800", "from 1800", "1800-" begin with it; both end a century after
///   (1900-12-31), flagged `openEnd`.
/// - Library forms: "c1999", "p1999", "©1999" → 1999 ("c" touching the year is
///   copyright; "c. 1999" and "c 1999" are circa); "[19--]", "19--?", "18uu",
///   "19xx" → 1900–1999 and "196-", "196u" → 1960–1969, flagged `uncertain`.
/// - Trailing year words are dropped: "г.", "гг.", "y.", "yil", "ж.", "жыл".
/// - No date: "", "s.a.", "s.d.", "n.d.", "б.г.", "uuuu" → unparsed "no date given".
public enum HistoricalDate {
    /// Reads an event's date (production, acquisition, EAD unitdate, dc:date)
    /// as one span covering the whole expression.
    public static func parse(_ text: String) -> DateParseResult {
        eventMemo.value(for: text, parseUnremembered)
    }

    private static let eventMemo = ParseMemo<DateParseResult>()
    private static let lifeMemo = ParseMemo<LifeDatesResult>()

    private static func parseUnremembered(_ text: String) -> DateParseResult {
        if NoDateMarkers.matches(text) { return .unparsed(original: text, reason: "no date given") }
        var grammar = DateGrammar(text: text, mode: .event)
        do {
            let floruit = grammar.cursor.take(Vocabulary.floruit)
            let form = try grammar.eventForm()
            try grammar.expectEnd()
            var bounds = try form.bounds()
            if floruit { bounds.qualifiers.insert(.floruit) }
            return .span(bounds.span(original: text))
        } catch {
            return .unparsed(original: text, reason: error.reason)
        }
    }

    /// Reads a person's dates as in MARC 100$d, RUSMARC 700$f or LIDO displayDate.
    ///
    /// - "1834-1887", "1834-87", "1834-1887 гг." → birth 1834, death 1887.
    /// - "1758 или 1763-1848" → birth 1758…1763 (`alternatives`), death 1848.
    /// - "c.1630-1665" → birth ca. 1630 (1625–1635, `approximate`), death 1665: a
    ///   qualifier applies only to the end it precedes or follows.
    /// - "?1626-1704" → birth uncertain 1626.
    /// - "1900-", "b. 1900", "born 12 May 1834", "род. 1900", "р. 1900", "*1900" → birth only.
    /// - "-1704", "d. 1704", "ум. 1704", "†1704" → death only.
    /// - "active 1787-1808", "fl. 1820s", "работал 1787-1808" → activity only,
    ///   flagged `floruit`; so is a bare decade, century or millennium ("XVII в.").
    /// - Labels combine: "b. 1834, d. 1887".
    /// - A lone year ("1834") is reported: it could be a birth, a death or an activity.
    public static func parseLifeDates(_ text: String) -> LifeDatesResult {
        lifeMemo.value(for: text, parseLifeDatesUnremembered)
    }

    private static func parseLifeDatesUnremembered(_ text: String) -> LifeDatesResult {
        if NoDateMarkers.matches(text) { return .unparsed(original: text, reason: "no date given") }
        var grammar = DateGrammar(text: text, mode: .life)
        do {
            let form = try grammar.lifeForm()
            return .dates(try form.dates(original: text, cursor: grammar.cursor))
        } catch {
            return .unparsed(original: text, reason: error.reason)
        }
    }
}
