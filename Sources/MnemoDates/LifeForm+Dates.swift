/// Resolving a person's dates to spans.
///
/// An unlabeled pair "A-B" is birth A and death B, unless both ends are decades
/// or coarser ("XVII-XVIII вв."), which is a period of activity. A lone date is
/// a period of activity when it is a decade or coarser ("XVII в.", "1820s", as
/// AACR2 22.18A and RUSMARC 700$f use a bare century); a lone year or day is
/// reported, since it could be a birth, a death or an activity.
extension LifeForm {
    func dates(original: String, cursor: TokenCursor) throws(ParseFailure) -> LifeDates {
        var dates = LifeDates(original: original)
        switch self {
        case .labeled(let segments):
            for segment in segments {
                var b = try segment.form.bounds()
                if segment.role == .active { b.qualifiers.insert(.floruit) }
                let span = b.span(original: cursor.text(of: segment.tokens).trimmed)
                switch segment.role {
                case .birth: dates.birth = span
                case .death: dates.death = span
                case .active: dates.active = span
                }
            }
            if let birth = dates.birth, let death = dates.death, death.end < birth.begin {
                throw ParseFailure("the death ('\(death.original)') comes before the birth ('\(birth.original)')")
            }
        case .birthDeath(let left?, let right?):
            let (birth, death) = try Combine.range(left, right) { "the death ('\($1)') comes before the birth ('\($0)')" }
            if birth.precision >= .decade, death.precision >= .decade {
                var active = birth.merged(with: death)
                active.qualifiers.insert(.floruit)
                dates.active = active.span(original: Self.text(of: left + right, cursor))
            } else {
                dates.birth = birth.span(original: Self.text(of: left, cursor))
                dates.death = death.span(original: Self.text(of: right, cursor))
            }
        case .birthDeath(let left?, nil):
            dates.birth = try Combine.alternatives(left).span(original: Self.text(of: left, cursor))
        case .birthDeath(nil, let right?):
            dates.death = try Combine.alternatives(right).span(original: Self.text(of: right, cursor))
        case .birthDeath(nil, nil):
            throw ParseFailure("no date given")
        case .lone(let points):
            var b = try Combine.alternatives(points)
            let text = Self.text(of: points, cursor)
            guard b.precision >= .decade else {
                throw ParseFailure("'\(text)' alone does not say whether it is a birth, a death or a period of activity; "
                    + "write 'b. \(text)', 'd. \(text)', '\(text)-' or 'fl. \(text)'")
            }
            b.qualifiers.insert(.floruit)
            dates.active = b.span(original: text)
        }
        return dates
    }

    private static func text(of points: [RawPoint], _ cursor: TokenCursor) -> String {
        guard let first = points.first, let last = points.last else { return "" }
        return cursor.text(of: first.tokens.lowerBound..<last.tokens.upperBound)
    }
}
