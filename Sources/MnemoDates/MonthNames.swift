/// Month names and abbreviations: English, Russian (nominative and genitive),
/// Kazakh (also in the locative: "наурызда"), Uzbek Latin and Uzbek Cyrillic
/// (also with the case endings -da "on", -dan "from", -gacha "until", alone or
/// after the possessive -i: "iyunda", "iyundan", "iyulgacha", "июнида", "iyuni").
enum MonthNames {
    static func number(of word: String) -> Int? { table[word] ?? uzbekInflected(word)?.month }

    /// The bound an Uzbek case ending makes of a date: "-dan" its start,
    /// "-gacha" its end; nil for "-da" and for a name without an ending.
    static func boundCase(of word: String) -> BoundCase? { uzbekInflected(word)?.bound }

    private static func uzbekInflected(_ word: String) -> (month: Int, bound: BoundCase?)? {
        for (ending, bound) in uzbekEndings where word.hasSuffix(ending) {
            if let month = uzbekStems[String(word.dropLast(ending.count))] { return (month, bound) }
        }
        return nil
    }

    /// Case endings, bare or after the possessive "-i" ("1948-yilning 14-iyunida").
    private static let uzbekEndings: [(String, BoundCase?)] = [
        ("da", nil), ("dan", .from), ("gacha", .until), ("i", nil), ("ida", nil), ("idan", .from), ("igacha", .until),
        ("да", nil), ("дан", .from), ("гача", .until), ("и", nil), ("ида", nil), ("идан", .from), ("игача", .until),
    ]

    /// Uzbek month names as case endings attach to them, Latin and Cyrillic.
    private static let uzbekStems: [String: Int] = [
        "yanvar": 1, "fevral": 2, "mart": 3, "aprel": 4, "may": 5, "iyun": 6, "iyul": 7, "avgust": 8,
        "sentabr": 9, "sentyabr": 9, "oktabr": 10, "oktyabr": 10, "noyabr": 11, "dekabr": 12,
        "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "май": 5, "июн": 6, "июл": 7, "август": 8,
        "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    ]

    /// English names, for messages.
    static let english = ["", "January", "February", "March", "April", "May", "June", "July",
                          "August", "September", "October", "November", "December"]

    private static let lists: [[String]] = [
        ["january", "jan", "январь", "января", "янв", "қаңтар", "қаңтарда", "yanvar", "январ"],
        ["february", "feb", "февраль", "февраля", "фев", "февр", "ақпан", "ақпанда", "fevral", "феврал"],
        ["march", "mar", "март", "марта", "мар", "наурыз", "наурызда", "mart"],
        ["april", "apr", "апрель", "апреля", "апр", "сәуір", "сәуірде", "aprel", "апрел"],
        ["may", "май", "мая", "мамыр", "мамырда"],
        ["june", "jun", "июнь", "июня", "июн", "маусым", "маусымда", "iyun"],
        ["july", "jul", "июль", "июля", "июл", "шілде", "шілдеде", "iyul"],
        ["august", "aug", "август", "августа", "авг", "тамыз", "тамызда", "avgust"],
        ["september", "sep", "sept", "сентябрь", "сентября", "сен", "сент",
         "қыркүйек", "қыркүйекте", "sentabr", "sentyabr", "сентябр"],
        ["october", "oct", "октябрь", "октября", "окт", "қазан", "қазанда", "oktabr", "oktyabr", "октябр"],
        ["november", "nov", "ноябрь", "ноября", "ноя", "нояб", "қараша", "қарашада", "noyabr", "ноябр"],
        ["december", "dec", "декабрь", "декабря", "дек", "желтоқсан", "желтоқсанда", "dekabr", "декабр"],
    ]

    private static let table: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, names) in lists.enumerated() {
            for name in names { table[name] = index + 1 }
        }
        return table
    }()
}
