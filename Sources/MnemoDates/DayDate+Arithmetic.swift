/// Day and year steps used when bounds are opened or widened.
extension DayDate {
    /// The day before this one.
    var previousDay: DayDate {
        if day > 1 { return DayDate(unchecked: year, month, day - 1) }
        if month > 1 { return DayDate(unchecked: year, month - 1, DayDate.daysIn(month: month - 1, year: year)) }
        return DayDate.last(ofYear: year - 1)
    }

    /// The day after this one.
    var nextDay: DayDate {
        if day < DayDate.daysIn(month: month, year: year) { return DayDate(unchecked: year, month, day + 1) }
        if month < 12 { return DayDate(unchecked: year, month + 1, 1) }
        return DayDate.first(ofYear: year + 1)
    }

    /// The same day `years` later (or earlier when negative); 29 February
    /// becomes 28 February in a common year.
    func addingYears(_ years: Int) -> DayDate {
        let y = year + years
        return DayDate(unchecked: y, month, min(day, DayDate.daysIn(month: month, year: y)))
    }
}
