import MnemoMARC

/// Made-up but realistically sized bibliographic records (about 20 fields, a
/// third of them Cyrillic or Kazakh), for streaming tests and benchmarks.
enum SyntheticRecords {
    static let surnames = ["Толстой", "Пушкин", "Ахматова", "Құнанбайұлы", "Навоий", "Чехов", "Әуезов", "Гоголь"]
    static let forenames = ["Лев Николаевич", "Александр Сергеевич", "Анна Андреевна", "Абай", "Алишер", "Антон Павлович", "Мұхтар Омарханұлы", "Николай Васильевич"]
    static let places = ["Москва", "Санкт-Петербург", "Алматы", "Ташкент", "Казань", "Семей"]
    static let publishers = ["Художественная литература", "Жазушы", "Наука", "Ғылым", "Азбука"]
    static let subjects = ["Русская литература", "Қазақ әдебиеті", "Поэзия", "История", "Фольклор"]

    static func record(_ i: Int) -> MARCRecord {
        let k = i % surnames.count
        let year = 1900 + i % 120
        var r = MARCRecord(leader: "00000cam a2200000 i 4500")
        r.controlFields = [
            MARCControlField(tag: "001", value: "syn-\(i)"),
            MARCControlField(tag: "003", value: "MNEMO"),
            MARCControlField(tag: "005", value: "20240115103000.0"),
            MARCControlField(tag: "008", value: "240115s\(year)    ru            000 1 rus d"),
        ]
        r.dataFields = [
            MARCDataField("020", " ", " ", [("a", "978500\(String(format: "%07d", i))")]),
            MARCDataField("040", " ", " ", [("a", "MNEMO"), ("b", "rus"), ("e", "rda"), ("c", "MNEMO")]),
            MARCDataField("041", "0", " ", [("a", "rus")]),
            MARCDataField("100", "1", " ", [("a", "\(surnames[k]), \(forenames[k])"), ("d", "18\(10 + k)-19\(10 + k)"),
                                             ("e", "автор"), ("4", "aut"), ("0", "http://viaf.org/viaf/99900\(i % 9000 + 1000)")]),
            MARCDataField("245", "1", "0", [("a", "Собрание сочинений в \(k + 2) томах :"), ("b", "том \(i % 12 + 1) /"),
                                             ("c", "\(forenames[k]) \(surnames[k]) ; под редакцией коллектива авторов.")]),
            MARCDataField("250", " ", " ", [("a", "Издание \(i % 5 + 1)-е.")]),
            MARCDataField("264", " ", "1", [("a", "\(places[i % places.count]) :"), ("b", "\(publishers[i % publishers.count]),"), ("c", "\(year).")]),
            MARCDataField("300", " ", " ", [("a", "\(200 + i % 400) страниц :"), ("b", "иллюстрации ;"), ("c", "21 см.")]),
            MARCDataField("336", " ", " ", [("a", "текст"), ("b", "txt"), ("2", "rdacontent")]),
            MARCDataField("337", " ", " ", [("a", "без посредника"), ("b", "n"), ("2", "rdamedia")]),
            MARCDataField("338", " ", " ", [("a", "том"), ("b", "nc"), ("2", "rdacarrier")]),
            MARCDataField("500", " ", " ", [("a", "Запись \(i): текст печатается по изданию \(year - 10) года с исправлениями.")]),
            MARCDataField("650", " ", "4", [("a", subjects[i % subjects.count]), ("y", "20 век.")]),
            MARCDataField("651", " ", "4", [("a", places[(i + 1) % places.count]), ("0", "http://www.wikidata.org/entity/Q\(649 + i % 7)")]),
            MARCDataField("700", "1", " ", [("a", "\(surnames[(k + 3) % surnames.count]), \(forenames[(k + 3) % forenames.count])"),
                                             ("e", "редактор"), ("4", "edt")]),
            MARCDataField("856", "4", "1", [("u", "https://library.mnemo.example/syn/\(i)")]),
        ]
        return r
    }
}
