/// Words for units, eras, years and parts of periods.
extension Vocabulary {
    static let century = phrases(
        "century", "centuries", "cent", "c",
        "в", "вв", "век", "века", "веке", "веков", "столетие", "столетия", "столетии", "ст", "століття",
        "ғ", "ғғ", "ғасыр", "ғасырдың", "ғасырда", "ғасырлар",
        "asr", "asrlar", "asrning", "asrda", "asrlarda", "аср", "асрлар", "асрнинг", "асрда", "асрларда")

    static let millennium = phrases(
        "millennium", "millennia", "тыс", "тысячелетие", "тысячелетия", "тысячелетии", "мыңжылдық")

    /// After a date: before the Common Era.
    static let beforeCommonEra = phrases(
        "bc", "b c", "bce", "b c e", "до н э", "до нашей эры", "до р х", "до рождества христова",
        "б з д", "m a", "м а", "miloddan avvalgi", "милоддан аввалги")

    /// After a date: Common Era.
    static let commonEra = phrases("ad", "a d", "ce", "c e", "н э", "нашей эры", "б з", "milodiy", "милодий")

    /// Before a date: Common Era ("AD 50").
    static let commonEraBefore = phrases("ad", "a d")

    /// After a year: the word "year(s)", dropped ("1834 г.", "1834-1887 гг.", "1850 ж.").
    static let yearWords = phrases(
        "г", "гг", "год", "года", "году", "годы", "годов", "годах",
        "y", "yy", "yil", "yili", "yilda", "yillar", "yillari", "yillarda",
        "йил", "йили", "йилда", "йиллар", "йилларда",
        "ж", "жж", "жыл", "жылы", "жылғы", "жылдар", "жылдары", "жылдарда",
        "year", "years")

    /// After "1850-": a decade ("1850-е", "1850-х гг.").
    static let decadeSuffixes: Set<String> = ["е", "х", "x", "ые", "ых", "s"]

    /// After "1850-": plural years, Kazakh and Uzbek. Alone they make a decade
    /// ("1850-yillar"); after a range they are only a plural ("1840-1850-yillar").
    static let pluralYearSuffixes: Set<String> = [
        "yillar", "yillari", "yillarda", "йиллар", "йиллари", "йилларда", "жылдар", "жылдары", "жылдарда",
    ]

    /// After "1850-": a singular year ("1850-yil", "1850-жылы").
    static let singularYearSuffixes: Set<String> = ["yil", "yili", "yilda", "йил", "йили", "йилда", "жылы"]

    /// Year words in the Uzbek ablative ("-dan": from) and limitative ("-gacha":
    /// until), Latin and Cyrillic, bare or after the possessive "-i", and the
    /// Kazakh ablative ("жылдан": from).
    static let boundYearWords: [String: BoundCase] = [
        "yildan": .from, "yilidan": .from, "yilgacha": .until, "yiligacha": .until,
        "йилдан": .from, "йилидан": .from, "йилгача": .until, "йилигача": .until,
        "жылдан": .from, "жылынан": .from,
    ]

    /// Kazakh dative year words, bounding the date when "дейін" (until) follows: "1950 жылға дейін".
    static let dativeYearWords: Set<String> = ["жылға", "жылына"]
    static let untilAfterDative: Set<String> = ["дейін", "шейін", "deyin"]

    /// After a year, with or without a dash, before its day and month (Uzbek and
    /// Kazakh): "1948-yil 14-iyun", "1948 йил 14 июнь", "2019 ж. 3 наурыз".
    static let yearFirstMarkers: Set<String> = [
        "yil", "yili", "yilning", "y", "йил", "йили", "йилнинг", "ж", "жыл", "жылы", "жылғы",
    ]

    /// After "18-": a Russian ordinal ending ("18-й", "1-я", "18-го"); after a
    /// year of three or four digits, a year ("1850-й год", "1850-м году").
    static let russianOrdinalSuffixes: Set<String> = ["й", "я", "го", "ый", "ой", "ая", "е", "м", "ом", "ого", "ий"]

    /// Touching a number: an English ordinal ("18th", "1st").
    static let englishOrdinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]

    /// Ordinal words that count halves and quarters; `last` stands for the last one.
    static let lastOrdinal = -1
    static let ordinalWords: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "last": lastOrdinal,
        "первая": 1, "первой": 1, "первую": 1, "вторая": 2, "второй": 2, "вторую": 2,
        "третья": 3, "третьей": 3, "третью": 3, "четвертая": 4, "четвёртая": 4, "четвертой": 4, "четвёртой": 4,
        "последняя": lastOrdinal, "последней": lastOrdinal, "последнюю": lastOrdinal,
    ]

    static let half = phrases("half", "пол", "половина", "половины", "половине", "полов")
    static let quarter = phrases("quarter", "четв", "четверть", "четверти")

    /// Before a period: its first, middle or last third-ish (see `PeriodPart`).
    static let early = phrases("early", "beginning", "start", "нач", "начало", "начала", "начале")
    static let middle = phrases("mid", "middle", "сер", "середина", "середины", "середине")
    static let late = phrases("late", "end", "кон", "конец", "конца", "конце")

    /// After a period (Kazakh and Uzbek): its beginning, middle or end.
    static let earlyAfter = phrases(
        "басы", "басында", "boshi", "boshida", "boshlari", "boshlarida", "боши", "бошида", "бошлари", "бошларида")
    static let middleAfter = phrases(
        "ортасы", "ортасында", "o'rtasi", "o'rtasida", "o'rtalari", "o'rtalarida", "ўртаси", "ўртасида", "ўрталари")
    static let lateAfter = phrases(
        "аяғы", "аяғында", "соңы", "соңында", "oxiri", "oxirida", "oxirlari", "oxirlarida", "охири", "охирида", "охирлари")
}
