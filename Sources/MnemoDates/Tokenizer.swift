/// Splits a date expression into tokens. Square brackets, parentheses and braces
/// (cataloguer-supplied text) are dropped, also between digits ("18[34]"); en and em dashes, minus signs and
/// other hyphens become `-`; trailing `,` `;` `:` are dropped; a `.` survives
/// only between two digits ("12.05.1834").
enum Tokenizer {
    /// `singleDashMasks`: whether "196-" is a decade with an unknown last digit
    /// (event dates, MARC 260$c) rather than a year followed by a dash (life dates,
    /// where "980-" means born in 980).
    static func tokens(of text: String, singleDashMasks: Bool) -> [Token] {
        let chars = Array(text)
        var offsets = Array(text.indices)
        offsets.append(text.endIndex)
        var tokens: [Token] = []
        var spaced = true
        var i = 0

        func emit(_ kind: Token.Kind, _ from: Int, _ to: Int) {
            tokens.append(Token(kind: kind, spaced: spaced, range: offsets[from]..<offsets[to]))
            spaced = false
        }

        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                spaced = true
                i += 1
            } else if isBracket(c) {
                i += 1
            } else if isDigit(c) {
                var j = i
                var digits = ""
                while j < chars.count {
                    if isDigit(chars[j]) {
                        digits.append(chars[j])
                    } else if !(isBracket(chars[j]) && j + 1 < chars.count && isDigit(chars[j + 1])) {
                        break
                    }
                    j += 1
                }
                if let end = maskEnd(chars, after: j, known: digits.count, singleDash: singleDashMasks) {
                    emit(.masked(known: digits, unknown: end - j), i, end)
                    i = end
                } else {
                    emit(.number(digits), i, j)
                    i = j
                }
            } else if c.isLetter && !isApostrophe(c) {
                var j = i
                var word = ""
                while j < chars.count {
                    let ch = chars[j]
                    if ch.isLetter && !isApostrophe(ch) {
                        word += String(ch).lowercased()
                    } else if isApostrophe(ch), j + 1 < chars.count, chars[j + 1].isLetter, !isApostrophe(chars[j + 1]) {
                        word += "'"
                    } else {
                        break
                    }
                    j += 1
                }
                let dotted = j < chars.count && chars[j] == "."
                emit(.word(word), i, dotted ? j + 1 : j)
                if dotted { spaced = true }
                i = dotted ? j + 1 : j
            } else if c == "." {
                if i > 0, isDigit(chars[i - 1]), i + 1 < chars.count, isDigit(chars[i + 1]) {
                    emit(.symbol("."), i, i + 1)
                } else {
                    spaced = true
                }
                i += 1
            } else {
                emit(.symbol(isDash(c) ? "-" : isApostrophe(c) ? "'" : c), i, i + 1)
                i += 1
            }
        }
        while let last = tokens.last, case .symbol(let s) = last.kind, ",;:".contains(s) {
            tokens.removeLast()
        }
        return tokens
    }

    /// Where a masked year ends, when the digits before `after` are followed by
    /// `u`/`x` or `-` placeholders that make exactly four characters.
    private static func maskEnd(_ chars: [Character], after start: Int, known: Int, singleDash: Bool) -> Int? {
        guard known < 4 else { return nil }
        let need = 4 - known
        var k = start
        while k < chars.count, k - start < need, "uUxX".contains(chars[k]) { k += 1 }
        if k - start == need, k == chars.count || !(chars[k].isLetter || isDigit(chars[k])) { return k }

        k = start
        while k < chars.count, isDash(chars[k]) { k += 1 }
        guard k - start == need, need >= 2 || singleDash else { return nil }
        if k < chars.count, chars[k].isLetter { return nil }
        var m = k
        while m < chars.count, chars[m].isWhitespace { m += 1 }
        if m < chars.count, isDigit(chars[m]) { return nil }
        return k
    }

    static func isDigit(_ c: Character) -> Bool { ("0"..."9").contains(c) }

    static func isBracket(_ c: Character) -> Bool { "[](){}".contains(c) }

    static func isDash(_ c: Character) -> Bool {
        "-\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2015}\u{2212}\u{FE63}\u{FF0D}".contains(c)
    }

    static func isApostrophe(_ c: Character) -> Bool {
        "'\u{2019}\u{2018}\u{02BC}\u{02BB}\u{02B9}`".contains(c)
    }
}
