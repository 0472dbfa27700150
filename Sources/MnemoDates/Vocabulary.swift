/// Words that qualify or frame a date, in English, Russian, Kazakh and Uzbek
/// (Latin and Cyrillic). Phrases are written as the tokenizer sees them:
/// lowercase, abbreviation dots removed, words separated by spaces.
enum Vocabulary {
    static func phrases(_ items: String...) -> [[String]] {
        items.map { $0.split(separator: " ").map(String.init) }
    }

    /// Before an endpoint: approximately.
    static let approximate = phrases(
        "c", "ca", "cca", "circa", "approx", "approximately", "about", "around",
        "около", "ок", "прибл", "приблизительно", "примерно",
        "шамамен", "шамасы", "taxminan", "тахминан")

    /// After an endpoint: approximately (Kazakh and Uzbek postpositions).
    static let approximateAfter = phrases("шамасында", "шамасы", "atrofida", "атрофида", "approx")

    /// Before an endpoint: uncertain.
    static let uncertain = phrases(
        "probably", "possibly", "perhaps", "вероятно", "возможно", "предположительно", "предп",
        "ehtimol", "эҳтимол")

    /// Before a whole expression: a period of activity.
    static let floruit = phrases(
        "active", "act", "fl", "flor", "floruit", "flourished",
        "работал", "работала", "работал а", "работали", "деят", "деятельность",
        "годы деятельности", "период деятельности", "faoliyat", "фаолият")

    /// Before a life date: birth.
    static let birth = phrases(
        "b", "born", "род", "родился", "родилась", "р", "туған", "tug'ilgan", "туғилган")

    /// Before a life date: death.
    static let death = phrases(
        "d", "died", "ум", "умер", "умерла", "сконч", "скончался", "скончалась",
        "vafot", "vafot etgan", "вафот", "вафот этган", "қайтыс", "қайтыс болған")

    /// Words with no meaning of their own before a date ("in 1834", "в 1834 г.").
    static let fillers = phrases("the", "in", "в", "year", "anno")

    /// Between a period part and its period ("first half of the 19th century").
    static let linking = phrases("of", "the")

    /// Between alternatives.
    static let or = phrases("or", "или", "либо", "yoki", "ёки", "немесе")

    /// Between the ends of a range (besides "-").
    static let to = phrases("to", "по", "until", "till", "through", "thru", "до")

    /// "between A and B".
    static let between = phrases("between", "между")
    static let and = phrases("and", "и")

    /// Before a date: the span ends strictly before it.
    static let before = phrases("before", "ante", "pre", "prior to", "до", "ранее", "раньше")
    /// Before a date: the span ends with it at the latest.
    static let notLater = phrases(
        "not later than", "no later than", "not after", "until", "till", "up to",
        "не позднее", "не позже")
    /// Before a date: the span begins strictly after it.
    static let after = phrases("after", "post", "после", "позднее", "позже")
    /// Before a date: the span begins with it at the earliest.
    static let notEarlier = phrases(
        "not earlier than", "no earlier than", "not before", "не ранее", "не раньше")
    /// Before a date: from it on, to an end that may follow ("с 1787 по 1808").
    static let from = phrases("from", "since", "с", "со", "от")
}
