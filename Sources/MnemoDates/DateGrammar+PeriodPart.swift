/// Parts of a period written before it: "early", "mid-", "late", "нач.",
/// "сер.", "кон.", "1st half of the", "1-я пол.", "II пол.", "первая четверть".
extension DateGrammar {
    mutating func periodPart() throws(ParseFailure) -> PeriodPart? {
        if let third = takeThird() {
            _ = takeTightDash()
            while cursor.take(Vocabulary.linking) {}
            return third
        }
        let saved = cursor.position
        if let n = ordinalIndex() {
            let last = n == Vocabulary.lastOrdinal
            if cursor.take(Vocabulary.half) {
                while cursor.take(Vocabulary.linking) {}
                return .half(last ? 2 : n)
            }
            if cursor.take(Vocabulary.quarter) {
                while cursor.take(Vocabulary.linking) {}
                return .quarter(last ? 4 : n)
            }
        }
        cursor.reset(to: saved)
        return nil
    }

    private mutating func takeThird() -> PeriodPart? {
        if cursor.take(Vocabulary.early) { return .early }
        if cursor.take(Vocabulary.middle) { return .middle }
        if cursor.take(Vocabulary.late) { return .late }
        return nil
    }

    /// "1st", "2-я", "first", "вторая", "last", "II": which half or quarter.
    private mutating func ordinalIndex() -> Int? {
        if let w = cursor.word(), let n = Vocabulary.ordinalWords[w] {
            cursor.advance()
            return n
        }
        if let digits = cursor.number(), digits.count == 1, let n = Int(digits) {
            if cursor.isTight(1), let w = cursor.word(1), Vocabulary.englishOrdinalSuffixes.contains(w) {
                cursor.advance(2)
                return n
            }
            if cursor.isSymbol("-", 1), cursor.isTight(1), cursor.isTight(2), let w = cursor.word(2),
               Vocabulary.russianOrdinalSuffixes.contains(w) {
                cursor.advance(3)
                return n
            }
        }
        if let w = cursor.word(), let n = RomanNumerals.value(of: w), n <= 4 {
            cursor.advance()
            return n
        }
        return nil
    }
}
