import MnemoSearch

/// Whether a person's names are those of a man or of a woman, where their
/// grammar says so: East Slavic surnames and patronymics (Иванов / Иванова,
/// Петрович / Петровна, also in Kazakh and Uzbek use) and Turkic patronymic
/// words (ұлы, oʻgʻli / қызы, qizi). Two records whose names disagree are two
/// people: a husband and wife, a father and daughter, a brother and sister.
enum NameGender: String, Sendable {
    case male, female

    /// What the names say, nil when they say nothing or contradict one another.
    static func of(_ names: [[NameToken]]) -> NameGender? {
        var male = false, female = false
        for name in names {
            for t in name where !t.isInitial {
                switch of(word: NameKeys.latinize(t.norm), patronymic: t.isPatronymic) {
                case .male: male = true
                case .female: female = true
                case nil: break
                }
            }
        }
        return male == female ? nil : (male ? .male : .female)
    }

    static let maleWords: Set<String> = ["uly", "uli", "ulu", "ogli", "oghli", "ugli", "ughli", "ogly", "oglu"]
    static let femaleWords: Set<String> = ["kyzy", "qyzy", "kizi", "qizi", "kyzi", "gizi"]

    /// What one word (in Mnemo's Latin) says.
    static func of(word w: String, patronymic: Bool) -> NameGender? {
        if maleWords.contains(w) { return .male }
        if femaleWords.contains(w) { return .female }
        if patronymic {
            if w.hasSuffix("vna") || w.hasSuffix("ichna") { return .female }
            if w.hasSuffix("vich") || w.hasSuffix("ich") { return .male }
            return nil
        }
        guard w.count >= 5 else { return nil }
        if w.hasSuffix("ova") || w.hasSuffix("eva") || w.hasSuffix("skaya") { return .female }
        if w.hasSuffix("ov") || w.hasSuffix("ev") || w.hasSuffix("skiy") || w.hasSuffix("skii") { return .male }
        return nil
    }
}

/// Whether a person is named after the father: a name whose patronymic is
/// made from the person's own forename (Гультай Гультаевич, Шабай Шабай ұлы).
/// Such a person has a namesake by necessity, the father, so a record giving
/// only the forename and surname could be either of them.
enum NamedAfterFather {
    static let suffixes = ["ovich", "evich", "ovna", "evna", "ichna", "ich", "vich", "vna"]

    static func test(_ names: [[NameToken]]) -> Bool {
        names.contains { name in
            let fathers = name.filter(\.isPatronymic).map { p -> String in
                let latin = NameKeys.latinize(p.norm)
                let stem = suffixes.first(where: { latin.hasSuffix($0) && latin.count > $0.count + 1 }).map { String(latin.dropLast($0.count)) } ?? latin
                return key(stem)
            }.filter { $0.count >= 2 }
            guard !fathers.isEmpty else { return false }
            return name.contains { t in
                guard !t.isPatronymic, !t.isOptional, !t.isInitial else { return false }
                return fathers.contains(key(NameKeys.latinize(t.norm)))
            }
        }
    }

    /// The consonants of a Latin word, y read as the vowel it mostly is here (Гультай, gultay: g-l-t).
    static func key(_ latin: String) -> String {
        NameKeys.consonantKey(String(latin.map { $0 == "y" ? "i" : $0 }))
    }
}
