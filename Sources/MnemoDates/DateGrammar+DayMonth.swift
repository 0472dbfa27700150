/// Days and months with a month name, and the Uzbek and Kazakh order that puts
/// the year first: "1948-yil 14-iyun", "1948 yil 14 iyun", "1948-yil iyun",
/// "1948 йил 14 июнь", "2019 ж. 3 наурыз", "2019 жылғы 3 наурыз".
extension DateGrammar {
    /// A year with its Uzbek or Kazakh year word ("-yil", "yil", "йил", "ж.",
    /// "жылы" …), then a day and month or a month. Nil, consuming nothing, when
    /// no day or month follows the year word: "1850 ж." stays a year.
    mutating func yearFirst(_ year: Int) -> RawPoint? {
        let k: Int
        if cursor.isSymbol("-", 1), cursor.isTight(1), cursor.isTight(2),
           let w = cursor.word(2), Vocabulary.yearFirstMarkers.contains(w) {
            k = 3
        } else if let w = cursor.word(1), Vocabulary.yearFirstMarkers.contains(w) {
            k = 2
        } else {
            return nil
        }
        if let (day, month, length) = dayAndMonth(at: k) {
            cursor.advance(k + length)
            return RawPoint(.day(year, month, day))
        }
        guard let w = cursor.word(k), let month = MonthNames.number(of: w) else { return nil }
        cursor.advance(k + 1)
        return RawPoint(.yearMonth(year, month))
    }

    /// A day and a month name `offset` tokens ahead, and how many tokens they
    /// take: "14 iyun", "14-iyun", "12th May", "12-го мая", "3 наурыз".
    func dayAndMonth(at offset: Int) -> (day: Int, month: Int, length: Int)? {
        guard let digits = cursor.number(offset), digits.count <= 2, let day = Int(digits) else { return nil }
        var k = offset + 1
        if cursor.isTight(k), let w = cursor.word(k), Vocabulary.englishOrdinalSuffixes.contains(w) {
            k += 1
        } else if cursor.isSymbol("-", k), cursor.isTight(k) {
            k += cursor.word(k + 1) == "го" || cursor.word(k + 1) == "е" ? 2 : 1
        }
        guard let w = cursor.word(k), let month = MonthNames.number(of: w) else { return nil }
        return (day, month, k + 1 - offset)
    }

    /// An Uzbek or Kazakh year suffix after a date's year: "14-iyun 1948-yil".
    /// A year word that bounds the date, after a tight dash or a space: Uzbek
    /// "1948-yildan" (from), "1950-yilgacha" (until), Kazakh "1948 жылдан"
    /// (from), "1950 жылға дейін" (until).
    mutating func takeBoundYearWord() -> BoundCase? {
        let dashed = cursor.isSymbol("-") && cursor.isTight(0) && cursor.isTight(1)
        let at = dashed ? 1 : 0
        guard let w = cursor.word(at) else { return nil }
        if let bound = Vocabulary.boundYearWords[w] {
            cursor.advance(at + 1)
            return bound
        }
        if Vocabulary.dativeYearWords.contains(w), let next = cursor.word(at + 1), Vocabulary.untilAfterDative.contains(next) {
            cursor.advance(at + 2)
            return .until
        }
        return nil
    }

    mutating func takeTightYearSuffix() -> Bool {
        guard cursor.isSymbol("-"), cursor.isTight(0), cursor.isTight(1),
              let w = cursor.word(1), Vocabulary.singularYearSuffixes.contains(w) else { return false }
        cursor.advance(2)
        return true
    }
}
