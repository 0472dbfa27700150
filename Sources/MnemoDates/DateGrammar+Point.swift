/// One endpoint: qualifier prefixes, an optional part of a period, the date,
/// then suffixes (uncertainty marks, units, eras, year words). An Uzbek case
/// ending on the month ("14-iyundan", "20-iyulgacha") is kept as `boundCase`.
extension DateGrammar {
    mutating func point() throws(ParseFailure) -> RawPoint {
        let start = cursor.position
        var qualifiers: DateQualifiers = []
        var era: Era?
        while true {
            if cursor.takeSymbol("?") {
                qualifiers.insert(.uncertain)
            } else if cursor.takeSymbol("~") {
                qualifiers.insert(.approximate)
            } else if takeCopyrightMark() {
                continue
            } else if cursor.take(Vocabulary.approximate) {
                qualifiers.insert(.approximate)
            } else if cursor.take(Vocabulary.uncertain) {
                qualifiers.insert(.uncertain)
            } else if cursor.take(Vocabulary.commonEraBefore) {
                era = .ce
            } else if !cursor.take(Vocabulary.fillers) {
                break
            }
        }
        let part = try periodPart()
        let coreStart = cursor.position
        var point = try core()
        for k in coreStart..<cursor.position {
            if case .word(let w) = cursor.tokens[k].kind, let bound = MonthNames.boundCase(of: w) { point.boundCase = bound }
        }
        point.qualifiers.formUnion(qualifiers)
        if let era { point.era = era }
        point.part = part
        try suffixes(of: &point, from: start)
        point.tokens = start..<cursor.position
        point.written = cursor.text(of: point.tokens)
        return point
    }

    /// "c1999", "p1999", "©1999", "℗1999": a copyright or phonogram year, read
    /// as the year itself. "c" must touch the number; "c. 1999" is circa.
    private mutating func takeCopyrightMark() -> Bool {
        if cursor.takeSymbol("©") || cursor.takeSymbol("℗") { return true }
        guard let w = cursor.word(), w == "c" || w == "p", cursor.number(1) != nil, cursor.isTight(1) else { return false }
        cursor.advance()
        return true
    }

    private mutating func suffixes(of point: inout RawPoint, from start: Int) throws(ParseFailure) {
        while true {
            if cursor.takeSymbol("?") {
                point.qualifiers.insert(.uncertain)
            } else if cursor.takeSymbol("~") {
                point.qualifiers.insert(.approximate)
            } else if cursor.takeSymbol("%") {
                point.qualifiers.formUnion([.approximate, .uncertain])
            } else if let n = point.unitlessOrdinal, let unit = takeUnit() {
                point.core = .ordinal(n, unit)
            } else if let bound = takeBoundYearWord() {
                point.boundCase = bound
            } else if cursor.take(Vocabulary.yearWords) || takeTightYearSuffix() {
                continue
            } else if let era = takeEra() {
                if let old = point.era, old != era {
                    throw ParseFailure("'\(cursor.text(of: start..<cursor.position))' names two eras")
                }
                point.era = era
            } else if point.part == nil, let part = takeTrailingPart() {
                point.part = part
            } else if cursor.take(Vocabulary.approximateAfter) {
                point.qualifiers.insert(.approximate)
            } else {
                return
            }
        }
    }

    private mutating func takeUnit() -> OrdinalUnit? {
        if cursor.take(Vocabulary.century) { return .century }
        if cursor.take(Vocabulary.millennium) { return .millennium }
        return nil
    }

    private mutating func takeEra() -> Era? {
        if cursor.take(Vocabulary.beforeCommonEra) { return .bce }
        if cursor.take(Vocabulary.commonEra) { return .ce }
        return nil
    }

    private mutating func takeTrailingPart() -> PeriodPart? {
        if cursor.take(Vocabulary.earlyAfter) { return .early }
        if cursor.take(Vocabulary.middleAfter) { return .middle }
        if cursor.take(Vocabulary.lateAfter) { return .late }
        return nil
    }
}
