import MnemoMARC

/// The records behind the generated binary fixtures `cp1251.mrc`, `marc8.mrc`
/// and `bad.mrc` (the other binary fixtures are made from the XML fixtures).
enum FixtureRecords {
    static func book(_ id: String, _ f008: String, type: String = "am", _ fields: [MARCDataField]) -> MARCRecord {
        MARCRecord(leader: "00000c\(type)  2200000 i 4500",
                   controlFields: [MARCControlField(tag: "001", value: id),
                                   MARCControlField(tag: "003", value: "MNEMO"),
                                   MARCControlField(tag: "008", value: f008)],
                   dataFields: fields)
    }

    /// Russian, Ukrainian and Belarusian records for `cp1251.mrc`.
    static let cp1251: [MARCRecord] = [
        book("mnemo-cp-000401", "240115s1988    ru            000 d rus d", [
            MARCDataField("041", "0", " ", [("a", "rus")]),
            MARCDataField("100", "1", " ", [("a", "Чехов, Антон Павлович,"), ("d", "1860-1904."), ("4", "aut")]),
            MARCDataField("245", "1", "0", [("a", "Вишнёвый сад :"), ("b", "комедия в четырёх действиях /"),
                                             ("c", "А. П. Чехов.")]),
            MARCDataField("264", " ", "1", [("a", "Москва :"), ("b", "Искусство,"), ("c", "1988.")]),
            MARCDataField("490", "1", " ", [("a", "Библиотека драматурга ;"), ("v", "№ 12")]),
            MARCDataField("500", " ", " ", [("a", "Пьеса «Вишнёвый сад» — последняя пьеса Чехова; первая постановка – МХТ, 1904.")]),
            MARCDataField("651", " ", "4", [("a", "Россия"), ("y", "19 век.")]),
        ]),
        book("mnemo-cp-000402", "240115s1985    un            000 p ukr d", [
            MARCDataField("041", "0", " ", [("a", "ukr")]),
            MARCDataField("100", "1", " ", [("a", "Шевченко, Тарас Григорович,"), ("d", "1814-1861."), ("4", "aut")]),
            MARCDataField("245", "1", "0", [("a", "Кобзар /"), ("c", "Тарас Шевченко ; передмова Івана Франка.")]),
            MARCDataField("264", " ", "1", [("a", "Київ :"), ("b", "Дніпро,"), ("c", "1985.")]),
            MARCDataField("500", " ", " ", [("a", "Ґрунтується на виданні 1860 року. Ілюстрації (ґравюри Т. Шевченка) відтворено з європейських зібрань. Їх подано в додатку.")]),
            MARCDataField("650", " ", "4", [("a", "Українська поезія"), ("y", "19 ст.")]),
            MARCDataField("651", " ", "4", [("a", "Європа")]),
        ]),
        book("mnemo-cp-000403", "240115s1982    bw            000 p bel d", [
            MARCDataField("041", "0", " ", [("a", "bel")]),
            MARCDataField("100", "1", " ", [("a", "Купала, Янка,"), ("d", "1882-1942."), ("4", "aut")]),
            MARCDataField("245", "1", "0", [("a", "Збор твораў :"), ("b", "у дзевяці тамах /"), ("c", "Янка Купала.")]),
            MARCDataField("264", " ", "1", [("a", "Мінск :"), ("b", "Мастацкая літаратура,"), ("c", "1982.")]),
            MARCDataField("650", " ", "4", [("a", "Беларуская паэзія"), ("y", "20 ст.")]),
        ]),
    ]

    /// Latin with diacritics, Vietnamese stacked marks, Cyrillic through escape
    /// sequences, and Kazakh letters MARC-8 lacks (numeric references), for `marc8.mrc`.
    static let marc8: [MARCRecord] = [
        book("mnemo-m8-000501", "240115s1985    xr syan           n cze d", type: "cm", [
            MARCDataField("041", "0", " ", [("a", "cze")]),
            MARCDataField("100", "1", " ", [("a", "Dvořák, Antonín,"), ("d", "1841-1904,"), ("e", "composer."),
                                             ("0", "http://viaf.org/viaf/999000501")]),
            MARCDataField("240", "1", "0", [("a", "Symphonies,"), ("n", "no. 9, op. 95,"), ("r", "E minor")]),
            MARCDataField("245", "1", "0", [("a", "Symfonie č. 9, e moll, op. 95 :"), ("b", "Z Nového světa /"),
                                             ("c", "Antonín Dvořák.")]),
            MARCDataField("264", " ", "1", [("a", "Praha :"), ("b", "Editio Supraphon,"), ("c", "1985.")]),
            MARCDataField("650", " ", "0", [("a", "Symphonies"), ("v", "Scores.")]),
            MARCDataField("651", " ", "4", [("a", "Čechy")]),
        ]),
        book("mnemo-m8-000502", "240115s2004    gw sgan           n ger d", type: "cm", [
            MARCDataField("041", "0", " ", [("a", "ger")]),
            MARCDataField("100", "1", " ", [("a", "Schubert, Franz,"), ("d", "1797-1828,"), ("e", "composer.")]),
            MARCDataField("240", "1", "0", [("a", "Schöne Müllerin")]),
            MARCDataField("245", "1", "4", [("a", "Die schöne Müllerin :"),
                                             ("b", "ein Zyklus von Liedern, gedichtet von Wilhelm Müller /"),
                                             ("c", "Franz Schubert.")]),
            MARCDataField("264", " ", "1", [("a", "München :"), ("b", "G. Henle Verlag,"), ("c", "℗2004.")]),
            MARCDataField("500", " ", " ", [("a", "Urtext; mit Fußnoten. Exemplar aus der Sammlung in Łódź.")]),
            MARCDataField("700", "1", " ", [("a", "Müller, Wilhelm,"), ("d", "1794-1827,"), ("e", "lyricist."), ("4", "lyr")]),
        ]),
        book("mnemo-m8-000503", "240115s1989    vm            000 p vie d", [
            MARCDataField("041", "0", " ", [("a", "vie")]),
            MARCDataField("100", "0", " ", [("a", "Nguyễn Du,"), ("d", "1765-1820,"), ("e", "author.")]),
            MARCDataField("245", "1", "0", [("a", "Truyện Kiều /"), ("c", "Nguyễn Du ; Đào Duy Anh khảo chứng.")]),
            MARCDataField("246", "3", " ", [("a", "Đoạn trường tân thanh")]),
            MARCDataField("264", " ", "1", [("a", "Hà Nội :"), ("b", "Văn học,"), ("c", "1989.")]),
            MARCDataField("650", " ", "4", [("a", "Thơ Việt Nam")]),
        ]),
        book("mnemo-m8-000504", "240115s1988    ru            000 d rus d", [
            MARCDataField("041", "0", " ", [("a", "rus")]),
            MARCDataField("066", " ", " ", [("c", "(N"), ("c", ")Q")]),
            MARCDataField("100", "1", " ", [("6", "880-01"), ("a", "Chekhov, Anton Pavlovich,"), ("d", "1860-1904,"),
                                             ("e", "author.")]),
            MARCDataField("245", "1", "0", [("6", "880-02"), ("a", "Vishnëvyĭ sad :"),
                                             ("b", "komedii︠a︡ v chetyrëkh deĭstvii︠a︡kh /"), ("c", "A.P. Chekhov.")]),
            MARCDataField("264", " ", "1", [("6", "880-03"), ("a", "Moskva :"), ("b", "Iskusstvo,"), ("c", "1988.")]),
            MARCDataField("880", "1", " ", [("6", "100-01/(N"), ("a", "Чехов, Антон Павлович,"), ("d", "1860-1904,"),
                                             ("e", "автор.")]),
            MARCDataField("880", "1", "0", [("6", "245-02/(N"), ("a", "Вишнёвый сад :"),
                                             ("b", "комедия в четырёх действиях /"), ("c", "А.П. Чехов.")]),
            MARCDataField("880", " ", "1", [("6", "264-03/(N"), ("a", "Москва :"), ("b", "Искусство,"), ("c", "1988.")]),
        ]),
        book("mnemo-m8-000505", "240115s1995    kz            000 p kaz d", [
            MARCDataField("041", "0", " ", [("a", "kaz")]),
            MARCDataField("100", "0", " ", [("6", "880-01"), ("a", "Abaĭ Qunanbaĭuly,"), ("d", "1845-1904.")]),
            MARCDataField("245", "1", "0", [("6", "880-02"), ("a", "Qara sözder.")]),
            MARCDataField("880", "0", " ", [("6", "100-01/(N"), ("a", "Абай Құнанбайұлы,"), ("d", "1845-1904.")]),
            MARCDataField("880", "1", "0", [("6", "245-02/(N"), ("a", "Қара сөздер.")]),
        ]),
    ]

    /// The three records of `bad.mrc`; the second is broken after encoding.
    static let bad: [MARCRecord] = [
        book("mnemo-bad-1", "240115s1904    ru            000 d rus d", [
            MARCDataField("100", "1", " ", [("a", "Чехов, Антон Павлович"), ("d", "1860-1904")]),
            MARCDataField("245", "1", "0", [("a", "Вишнёвый сад")]),
        ]),
        book("mnemo-bad-2", "240115s1896    ru            000 d rus d", [
            MARCDataField("245", "1", "0", [("a", "Чайка")]),
        ]),
        book("mnemo-bad-3", "240115s1901    ru            000 d rus d", [
            MARCDataField("100", "1", " ", [("a", "Чехов, Антон Павлович"), ("d", "1860-1904")]),
            MARCDataField("245", "1", "0", [("a", "Три сестры")]),
        ]),
    ]
}
