extension String {
    /// The string without leading and trailing whitespace (Unicode White_Space),
    /// returned as is when there is none. Much cheaper than Foundation's
    /// `trimmingCharacters(in:)`, which the crosswalks would call on every value.
    var trimmed: String { trimmed(orAnyOf: "") }

    /// The string without leading and trailing whitespace or any of `extra`'s characters.
    func trimmed(orAnyOf extra: String) -> String {
        func strip(_ u: Unicode.Scalar) -> Bool {
            if u.isASCII {
                switch u.value {
                case 0x09...0x0D, 0x20: return true
                default: return !extra.isEmpty && extra.unicodeScalars.contains(u)
                }
            }
            return u.properties.isWhitespace || (!extra.isEmpty && extra.unicodeScalars.contains(u))
        }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, strip(first) || strip(last) else { return self }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, strip(scalars[start]) { start = scalars.index(after: start) }
        while end > start, strip(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
