/// One lexical unit of a date expression. Words are lowercased; a dot after a
/// word (an abbreviation: "ca.", "в.", "н.э.") is part of the word's text range
/// but not of the word.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        /// ASCII digits as written, leading zeros kept ("0988", "05").
        case number(String)
        /// Letters, lowercased; apostrophes inside a word become `'` ("o'rtasi").
        case word(String)
        /// Any other single character; dashes of every kind become `-`.
        case symbol(Character)
        /// A year with unknown trailing digits, MARC style: "19--", "18uu", "196x".
        case masked(known: String, unknown: Int)
    }

    var kind: Kind
    /// True when whitespace, an abbreviation dot or the start of text comes
    /// before the token; false when it touches the previous one ("c1999", "1820s").
    var spaced: Bool
    /// Where the token lies in the original text.
    var range: Range<String.Index>
}
