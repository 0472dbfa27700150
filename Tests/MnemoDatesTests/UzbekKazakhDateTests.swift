import Testing
import MnemoDates

/// Full dates as Uzbek and Kazakh museum records write them, year first or last.
@Suite struct UzbekKazakhDateTests {
    static let uzbekDays: [SpanCase] = [
        SpanCase("1948-yil 14-iyun", "1948-06-14", "1948-06-14", [], .day),
        SpanCase("1994-yil 17-may", "1994-05-17", "1994-05-17", [], .day),
        SpanCase("1948 yil 14 iyun", "1948-06-14", "1948-06-14", [], .day),
        SpanCase("1948 y. 14 iyun", "1948-06-14", "1948-06-14", [], .day),
        SpanCase("1948-yil 14-iyunda", "1948-06-14", "1948-06-14", [], .day),
        SpanCase("1948 yilning 14 iyunida", "1948-06-14", "1948-06-14", [], .day),
        SpanCase("14-iyun 1948-yil", "1948-06-14", "1948-06-14", [], .day),
        SpanCase("14 iyun 1948 yil", "1948-06-14", "1948-06-14", [], .day),
        SpanCase("1948 йил 14 июнь", "1948-06-14", "1948-06-14", [], .day),
        SpanCase("1948-йил 14-июн", "1948-06-14", "1948-06-14", [], .day),
        SpanCase("1948 йил 14 июнда", "1948-06-14", "1948-06-14", [], .day),
        SpanCase("14-июнь 1948-йил", "1948-06-14", "1948-06-14", [], .day),
        SpanCase("1952-yil 29-fevral", "1952-02-29", "1952-02-29", [], .day),
        SpanCase("1948-yil 3-sentyabr", "1948-09-03", "1948-09-03", [], .day),
        SpanCase("1948-yil 3-oktyabrda", "1948-10-03", "1948-10-03", [], .day),
        SpanCase("taxminan 1948-yil 14-iyun", "1947-06-14", "1949-06-14", .approximate, .day),
    ]

    @Test(arguments: uzbekDays) func uzbekDay(_ c: SpanCase) { expectSpan(c) }

    static let uzbekMonths: [SpanCase] = [
        SpanCase("1948-yil iyun", "1948-06-01", "1948-06-30", [], .month),
        SpanCase("iyun 1948-yil", "1948-06-01", "1948-06-30", [], .month),
        SpanCase("1948 йил февраль", "1948-02-01", "1948-02-29", [], .month),
        SpanCase("1948-yil mayda", "1948-05-01", "1948-05-31", [], .month),
    ]

    @Test(arguments: uzbekMonths) func uzbekMonth(_ c: SpanCase) { expectSpan(c) }

    static let kazakhDays: [SpanCase] = [
        SpanCase("2019 ж. 3 наурыз", "2019-03-03", "2019-03-03", [], .day),
        SpanCase("3 наурыз 2019 ж.", "2019-03-03", "2019-03-03", [], .day),
        SpanCase("2019 жылы 3 наурызда", "2019-03-03", "2019-03-03", [], .day),
        SpanCase("2019 жылғы 3 наурыз", "2019-03-03", "2019-03-03", [], .day),
        SpanCase("2019-жылы 3 наурыз", "2019-03-03", "2019-03-03", [], .day),
        SpanCase("2019 ж. 21 қыркүйекте", "2019-09-21", "2019-09-21", [], .day),
        SpanCase("2019 ж. наурыз", "2019-03-01", "2019-03-31", [], .month),
        SpanCase("шамамен 2019 ж. 3 наурыз", "2018-03-03", "2020-03-03", .approximate, .day),
    ]

    @Test(arguments: kazakhDays) func kazakhDay(_ c: SpanCase) { expectSpan(c) }

    /// Every month name, read as a whole month of 2001 (so each month's length is checked too).
    static let monthNames: [SpanCase] = [
        ("yanvar", "01-01", "01-31"), ("fevral", "02-01", "02-28"), ("mart", "03-01", "03-31"),
        ("aprel", "04-01", "04-30"), ("may", "05-01", "05-31"), ("iyun", "06-01", "06-30"),
        ("iyul", "07-01", "07-31"), ("avgust", "08-01", "08-31"), ("sentabr", "09-01", "09-30"),
        ("oktabr", "10-01", "10-31"), ("noyabr", "11-01", "11-30"), ("dekabr", "12-01", "12-31"),
    ].map { SpanCase("2001-yil \($0.0)", "2001-\($0.1)", "2001-\($0.2)", [], .month) } + [
        ("январь", "01-01", "01-31"), ("феврал", "02-01", "02-28"), ("март", "03-01", "03-31"),
        ("апрель", "04-01", "04-30"), ("май", "05-01", "05-31"), ("июнь", "06-01", "06-30"),
        ("июль", "07-01", "07-31"), ("август", "08-01", "08-31"), ("сентябрь", "09-01", "09-30"),
        ("октябр", "10-01", "10-31"), ("ноябрь", "11-01", "11-30"), ("декабрь", "12-01", "12-31"),
    ].map { SpanCase("2001 йил \($0.0)", "2001-\($0.1)", "2001-\($0.2)", [], .month) } + [
        ("қаңтар", "01-01", "01-31"), ("ақпан", "02-01", "02-28"), ("наурыз", "03-01", "03-31"),
        ("сәуір", "04-01", "04-30"), ("мамыр", "05-01", "05-31"), ("маусым", "06-01", "06-30"),
        ("шілде", "07-01", "07-31"), ("тамыз", "08-01", "08-31"), ("қыркүйек", "09-01", "09-30"),
        ("қазан", "10-01", "10-31"), ("қараша", "11-01", "11-30"), ("желтоқсан", "12-01", "12-31"),
    ].map { SpanCase("2001 ж. \($0.0)", "2001-\($0.1)", "2001-\($0.2)", [], .month) }

    @Test(arguments: monthNames) func monthName(_ c: SpanCase) { expectSpan(c) }

    /// Uzbek "-dan" (from) and "-gacha" (until) on the month bound the date.
    static let bounded: [SpanCase] = [
        SpanCase("1948-yil 14-iyundan", "1948-06-14", "2048-12-31", .openEnd, .day),
        SpanCase("1948-yil 20-iyulgacha", "1848-01-01", "1948-07-20", .openStart, .day),
        SpanCase("1948-yil 14-iyundan 20-iyulgacha", "1948-06-14", "1948-07-20", [], .day),
        SpanCase("1948 йил 14 июндан 20 июлгача", "1948-06-14", "1948-07-20", [], .day),
        SpanCase("1948-yil 14-iyundan 1950-yil 2-martgacha", "1948-06-14", "1950-03-02", [], .day),
    ]

    @Test(arguments: bounded) func boundByCaseEnding(_ c: SpanCase) { expectSpan(c) }

    /// The same endings on the year word itself: Uzbek "-yildan" / "-yilgacha",
    /// Kazakh "жылдан" (from) and "жылға дейін" (until).
    static let boundYears: [SpanCase] = [
        SpanCase("1948-yildan 1950-yilgacha", "1948-01-01", "1950-12-31", [], .year),
        SpanCase("1948 yildan 1950 yilgacha", "1948-01-01", "1950-12-31", [], .year),
        SpanCase("1948-йилдан 1950-йилгача", "1948-01-01", "1950-12-31", [], .year),
        SpanCase("1948-yilidan 1950-yiligacha", "1948-01-01", "1950-12-31", [], .year),
        SpanCase("1948-yildan", "1948-01-01", "2048-12-31", .openEnd, .year),
        SpanCase("1950-yilgacha", "1850-01-01", "1950-12-31", .openStart, .year),
        SpanCase("1948 жылдан 1950 жылға дейін", "1948-01-01", "1950-12-31", [], .year),
        SpanCase("1948 жылдан", "1948-01-01", "2048-12-31", .openEnd, .year),
        SpanCase("1950 жылға дейін", "1850-01-01", "1950-12-31", .openStart, .year),
        SpanCase("1948-yildan 1950-yil 2-martgacha", "1948-01-01", "1950-03-02", [], .year),
    ]

    @Test(arguments: boundYears) func boundYearWords(_ c: SpanCase) { expectSpan(c) }


    static let unparsed: [UnparsedCase] = [
        UnparsedCase("1850 ж. 3", "could not read '3'"),
        UnparsedCase("1948-yil 14", "could not read '14'"),
        UnparsedCase("1948-yil 31-iyun", "June 1948 has no day 31"),
        UnparsedCase("14-iyun", "could not read '14-iyun': it names no year"),
        UnparsedCase("iyun", "could not read 'iyun': it names no year"),
    ]

    @Test(arguments: unparsed) func reported(_ c: UnparsedCase) { expectUnparsed(c) }

    @Test func lifeDates() throws {
        let dates = try #require(HistoricalDate.parseLifeDates("1948-yil 14-iyun – 2001-yil 3-mart").lifeDates)
        #expect(Part(dates.birth) == Part("1948-06-14", "1948-06-14"))
        #expect(Part(dates.death) == Part("2001-03-03", "2001-03-03"))
        let born = try #require(HistoricalDate.parseLifeDates("tug'ilgan 1948-yil 14-iyunda").lifeDates)
        #expect(Part(born.birth) == Part("1948-06-14", "1948-06-14"))
        #expect(born.death == nil)
    }
}
