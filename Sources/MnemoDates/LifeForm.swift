/// The shape of a person's dates, read but not yet resolved to days.
enum LifeForm {
    /// Parts named by a word or sign: "b. 1834", "d. 1887", "fl. 1820s", "*1834 †1887".
    case labeled([LifeSegment])
    /// "1834-1887", "1900-", "-1704", "?-1704", "1834-?".
    case birthDeath(birth: [RawPoint]?, death: [RawPoint]?)
    /// A date with neither label nor dash: "XVII в.", "1834".
    case lone([RawPoint])
}

/// A labeled part of a person's dates.
struct LifeSegment {
    enum Role: String {
        case birth, death, active
    }

    var role: Role
    var form: EventForm
    /// The tokens of the date, after its label.
    var tokens: Range<Int>
}

extension DateGrammar {
    mutating func lifeForm() throws(ParseFailure) -> LifeForm {
        var segments: [LifeSegment] = []
        while !cursor.atEnd {
            guard let role = takeLifeLabel() else { break }
            let start = cursor.position
            let form = try eventForm()
            guard !segments.contains(where: { $0.role == role }) else {
                throw ParseFailure("two \(role.rawValue) dates in '\(cursor.text)'")
            }
            segments.append(LifeSegment(role: role, form: form, tokens: start..<cursor.position))
            _ = cursor.takeSymbol(",") || cursor.takeSymbol(";")
        }
        if !segments.isEmpty {
            try expectEnd()
            return .labeled(segments)
        }
        if takeOpenStartDash() {
            let death = try alternatives()
            try expectEnd()
            return .birthDeath(birth: nil, death: death)
        }
        let left = try alternatives()
        if takeRangeSeparator() {
            if atOpenEnd {
                _ = cursor.takeSymbol("?")
                try expectEnd()
                return .birthDeath(birth: left, death: nil)
            }
            let right = try alternatives()
            try expectEnd()
            return .birthDeath(birth: left, death: right)
        }
        try expectEnd()
        return .lone(left)
    }

    private mutating func takeLifeLabel() -> LifeSegment.Role? {
        if cursor.take(Vocabulary.floruit) { return .active }
        if cursor.take(Vocabulary.birth) || cursor.takeSymbol("*") { return .birth }
        if cursor.take(Vocabulary.death) || cursor.takeSymbol("†") || cursor.takeSymbol("✝") { return .death }
        return nil
    }
}
