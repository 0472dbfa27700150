/// Month names and abbreviations: English, Russian (nominative and genitive),
/// Kazakh, Uzbek Latin and Uzbek Cyrillic.
enum MonthNames {
    static func number(of word: String) -> Int? { table[word] }

    /// English names, for messages.
    static let english = ["", "January", "February", "March", "April", "May", "June", "July",
                          "August", "September", "October", "November", "December"]

    private static let lists: [[String]] = [
        ["january", "jan", "январь", "января", "янв", "қаңтар", "yanvar", "январ"],
        ["february", "feb", "февраль", "февраля", "фев", "февр", "ақпан", "fevral", "феврал"],
        ["march", "mar", "март", "марта", "мар", "наурыз", "mart"],
        ["april", "apr", "апрель", "апреля", "апр", "сәуір", "aprel", "апрел"],
        ["may", "май", "мая", "мамыр"],
        ["june", "jun", "июнь", "июня", "июн", "маусым", "iyun"],
        ["july", "jul", "июль", "июля", "июл", "шілде", "iyul"],
        ["august", "aug", "август", "августа", "авг", "тамыз", "avgust"],
        ["september", "sep", "sept", "сентябрь", "сентября", "сен", "сент", "қыркүйек", "sentabr", "сентябр"],
        ["october", "oct", "октябрь", "октября", "окт", "қазан", "oktabr", "октябр"],
        ["november", "nov", "ноябрь", "ноября", "ноя", "нояб", "қараша", "noyabr", "ноябр"],
        ["december", "dec", "декабрь", "декабря", "дек", "желтоқсан", "dekabr", "декабр"],
    ]

    private static let table: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, names) in lists.enumerated() {
            for name in names { table[name] = index + 1 }
        }
        return table
    }()
}
