/// A word fragment in the five scripts (see ``Script``), both as written
/// inside a word and capitalised for the start of one.
struct Fragment {
    let lower: [[UInt8]]
    let upper: [[UInt8]]

    init(_ forms: [String]) {
        precondition(forms.count == Script.count)
        lower = forms.map(utf8)
        upper = forms.map { s in utf8(s.prefix(1).uppercased() + s.dropFirst()) }
    }
}

/// A labelled type (E55) in up to four languages: en, ru, kk, uz-Latn.
struct TypeTerm {
    let en: [UInt8], ru: [UInt8], kk: [UInt8]?, uzLatn: [UInt8]?
    let enTitle: [UInt8], ruTitle: [UInt8]

    init(_ en: String, _ ru: String, _ kk: String? = nil, _ uzLatn: String? = nil) {
        self.en = utf8(en)
        self.ru = utf8(ru)
        self.kk = kk.map(utf8)
        self.uzLatn = uzLatn.map(utf8)
        enTitle = utf8(en.prefix(1).uppercased() + en.dropFirst())
        ruTitle = utf8(ru.prefix(1).uppercased() + ru.dropFirst())
    }
}

private let oʻ = "o\u{02BB}"   // Uzbek Latin oʻ (modifier letter turned comma)
private let gʻ = "g\u{02BB}"   // Uzbek Latin gʻ

/// The syllable and word lists names are built from. Forms are given as
/// [Latin/English, Russian, Kazakh, Uzbek Latin, Uzbek Cyrillic].
struct NameTables {
    /// First syllables of given names, surname roots and place names.
    let starts: [Fragment] = [
        ["ab", "аб", "әб", "ab", "аб"], ["nur", "нур", "нұр", "nur", "нур"],
        ["gul", "гуль", "гүл", "gul", "гул"], ["o", "о", "ө", oʻ, "ў"],
        ["tem", "тем", "тем", "tem", "тем"], ["sul", "сул", "сұл", "sul", "сул"],
        ["ta", "та", "та", "ta", "та"], ["kas", "кас", "қас", "qas", "қас"],
        ["gha", "га", "ға", gʻ + "a", "ға"], ["kho", "хо", "хо", "ho", "ҳо"],
        ["zhan", "жан", "жан", "jan", "жан"], ["mu", "му", "мұ", "mu", "му"],
        ["dil", "диль", "діл", "dil", "дил"], ["i", "и", "і", "i", "и"],
        ["sa", "са", "са", "sa", "са"], ["ming", "минг", "мың", "ming", "минг"],
        ["tur", "тур", "тұр", "tur", "тур"], ["sha", "ша", "ша", "sha", "ша"],
        ["yor", "ёр", "жор", "yor", "ёр"], ["ul", "ул", "ұл", "ul", "ул"],
        ["al", "аль", "әл", "al", "ал"], ["far", "фар", "фар", "far", "фар"],
        ["ruz", "руз", "рұз", "r" + oʻ + "z", "рўз"], ["mir", "мир", "мір", "mir", "мир"],
        ["ka", "ка", "қа", "qa", "қа"], ["hu", "ху", "һу", "hu", "ҳу"],
        ["er", "эр", "ер", "er", "эр"], ["u", "у", "ү", "u", "у"],
        ["as", "ас", "ас", "as", "ас"], ["bo", "бо", "бо", "bo", "бо"],
        ["ai", "ай", "ай", "oy", "ой"], ["ze", "зе", "зе", "ze", "зе"],
    ].map(Fragment.init)

    /// Middle syllables of surname roots and place names.
    let mids: [Fragment] = [
        ["ra", "ра", "ра", "ra", "ра"], ["li", "ли", "лі", "li", "ли"],
        ["san", "сан", "сан", "san", "сан"], ["ma", "ма", "ма", "ma", "ма"],
        ["ki", "ки", "кі", "ki", "ки"], ["mur", "мур", "мұр", "mur", "мур"],
        ["ang", "анг", "аң", "ang", "анг"], ["gir", "гир", "гір", gʻ + "ir", "ғир"],
        ["zhi", "жи", "жі", "ji", "жи"], ["lo", "ло", "лө", "lo", "ло"],
        ["du", "ду", "ду", "du", "ду"], ["ya", "я", "я", "ya", "я"],
        ["na", "на", "на", "na", "на"], ["khu", "ху", "құ", "xu", "ху"],
        ["bi", "би", "бі", "bi", "би"], ["ten", "тен", "тең", "ten", "тен"],
        ["kha", "ха", "ха", "ha", "ҳа"], ["gay", "гай", "ғай", gʻ + "ay", "ғай"],
    ].map(Fragment.init)

    let maleEnds: [Fragment] = [
        ["bek", "бек", "бек", "bek", "бек"], ["zhan", "жан", "жан", "jon", "жон"],
        ["khan", "хан", "хан", "xon", "хон"], ["din", "дин", "дін", "din", "дин"],
        ["bay", "бай", "бай", "boy", "бой"], ["ur", "ур", "ұр", "ur", "ур"],
        ["mat", "мат", "мат", "mat", "мат"], ["tay", "тай", "тай", "toy", "той"],
    ].map(Fragment.init)

    let femaleEnds: [Fragment] = [
        ["gul", "гуль", "гүл", "gul", "гул"], ["ai", "ай", "ай", "oy", "ой"],
        ["nisa", "ниса", "ниса", "niso", "нисо"], ["ra", "ра", "ра", "ra", "ра"],
        ["ziya", "зия", "зия", "ziyo", "зиё"], ["khon", "хон", "хан", "xon", "хон"],
        ["bibi", "биби", "бибі", "bibi", "биби"], ["sara", "сара", "сара", "sara", "сара"],
    ].map(Fragment.init)

    let maleSuffixes: [Fragment] = [
        ["ov", "ов", "ов", "ov", "ов"], ["ev", "ев", "ев", "yev", "ев"],
        ["iy", "ий", "и", "iy", "ий"], [" uly", " улы", " ұлы", " " + oʻ + gʻ + "li", " ўғли"],
    ].map(Fragment.init)

    let femaleSuffixes: [Fragment] = [
        ["ova", "ова", "ова", "ova", "ова"], ["eva", "ева", "ева", "yeva", "ева"],
        ["iya", "ия", "ия", "iya", "ия"], [" kyzy", " кызы", " қызы", " qizi", " қизи"],
    ].map(Fragment.init)

    let russianMale: [Fragment] = [
        ["Ivan", "Иван", "Иван", "Ivan", "Иван"], ["Pyotr", "Пётр", "Петр", "Pyotr", "Пётр"],
        ["Aleksandr", "Александр", "Александр", "Aleksandr", "Александр"],
        ["Nikolay", "Николай", "Николай", "Nikolay", "Николай"],
        ["Mikhail", "Михаил", "Михаил", "Mixail", "Михаил"], ["Sergey", "Сергей", "Сергей", "Sergey", "Сергей"],
        ["Vasiliy", "Василий", "Василий", "Vasiliy", "Василий"],
    ].map(Fragment.init)

    let russianFemale: [Fragment] = [
        ["Anna", "Анна", "Анна", "Anna", "Анна"], ["Yekaterina", "Екатерина", "Екатерина", "Yekaterina", "Екатерина"],
        ["Mariya", "Мария", "Мария", "Mariya", "Мария"], ["Olga", "Ольга", "Ольга", "Olga", "Ольга"],
        ["Sofya", "Софья", "Софья", "Sofya", "Софья"], ["Natalya", "Наталья", "Наталья", "Natalya", "Наталья"],
    ].map(Fragment.init)

    /// Real country names; further countries are synthetic "{root}stan".
    let countries: [Fragment] = [
        ["Kazakhstan", "Казахстан", "Қазақстан", "Qozo" + gʻ + "iston", "Қозоғистон"],
        ["Uzbekistan", "Узбекистан", "Өзбекстан", oʻ.uppercased() + "zbekiston", "Ўзбекистон"],
        ["Kyrgyzstan", "Киргизия", "Қырғызстан", "Qirg" + "\u{02BB}" + "iziston", "Қирғизистон"],
        ["Tajikistan", "Таджикистан", "Тәжікстан", "Tojikiston", "Тожикистон"],
        ["Turkmenistan", "Туркменистан", "Түрікменстан", "Turkmaniston", "Туркманистон"],
        ["Russia", "Россия", "Ресей", "Rossiya", "Россия"],
        ["Afghanistan", "Афганистан", "Ауғанстан", "Af" + gʻ + "oniston", "Афғонистон"],
        ["Iran", "Иран", "Иран", "Eron", "Эрон"],
        ["China", "Китай", "Қытай", "Xitoy", "Хитой"],
        ["Mongolia", "Монголия", "Моңғолия", "M" + oʻ + gʻ + "uliston", "Мўғулистон"],
    ].map(Fragment.init)

    let countrySuffix = Fragment(["stan", "стан", "стан", "iston", "истон"])
    let regionWord = Fragment([" Region", "ская область", " облысы", " viloyati", " вилояти"])
    let districtWord = Fragment([" District", "ский район", " ауданы", " tumani", " тумани"])

    let settlementSuffixes: [Fragment] = [
        ["abad", "абад", "абад", "obod", "обод"], ["kent", "кент", "кент", "kent", "кент"],
        ["tepa", "тепа", "төбе", "tepa", "тепа"], ["bulak", "булак", "бұлақ", "buloq", "булоқ"],
        ["kul", "куль", "көл", "k" + oʻ + "l", "кўл"], ["say", "сай", "сай", "soy", "сой"],
        ["aryk", "арык", "арық", "ariq", "ариқ"], ["gan", "ган", "ған", gʻ + "on", "ғон"],
    ].map(Fragment.init)

    /// Types 0 and 1 classify appellations, 2 and 3 persons (gender), the rest objects.
    let types: [TypeTerm] = [
        TypeTerm("preferred name", "предпочтительное имя"),
        TypeTerm("variant name", "вариант имени"),
        TypeTerm("male", "мужской", "ер", "erkak"),
        TypeTerm("female", "женский", "әйел", "ayol"),
        TypeTerm("painting", "живопись", "кескіндеме", "rangtasvir"),
        TypeTerm("drawing", "рисунок", "сурет", "rasm"),
        TypeTerm("photograph", "фотография", "фотосурет", "fotosurat"),
        TypeTerm("carpet", "ковёр", "кілем", "gilam"),
        TypeTerm("suzani", "сюзане", nil, "s" + oʻ + "zana"),
        TypeTerm("ceramic dish", "керамическое блюдо", nil, "sopol lagan"),
        TypeTerm("manuscript", "рукопись", "қолжазба", "q" + oʻ + "lyozma"),
        TypeTerm("coin", "монета", "тиын", "tanga"),
        TypeTerm("jewellery", "ювелирное изделие", "зергерлік бұйым", "zargarlik buyumi"),
        TypeTerm("textile", "текстиль"),
        TypeTerm("sculpture", "скульптура", "мүсін", "haykal"),
        TypeTerm("musical instrument", "музыкальный инструмент", "музыкалық аспап", "musiqa asbobi"),
        TypeTerm("weapon", "оружие", "қару", "qurol"),
        TypeTerm("map", "карта", "карта", "xarita"),
        TypeTerm("print", "гравюра"),
        TypeTerm("costume", "костюм"),
        TypeTerm("book", "книга", "кітап", "kitob"),
    ]
    let maleType = 2
    let femaleType = 3
    let firstObjectType = 4

    let monthsEn: [[UInt8]] = ["January", "February", "March", "April", "May", "June", "July",
                               "August", "September", "October", "November", "December"].map(utf8)
    let monthsRu: [[UInt8]] = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля",
                               "августа", "сентября", "октября", "ноября", "декабря"].map(utf8)
}
