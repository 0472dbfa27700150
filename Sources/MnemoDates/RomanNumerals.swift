/// Roman numerals for centuries and millennia ("XVII в.", "II тыс."), accepting
/// the Cyrillic look-alikes Х, І, С, М that Russian and Kazakh text often uses.
enum RomanNumerals {
    private static let values: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000]
    private static let lookalikes: [Character: Character] = ["х": "x", "і": "i", "с": "c", "м": "m"]

    /// The value of a canonically written numeral (lowercase), or nil.
    static func value(of word: String) -> Int? {
        let latin = word.map { lookalikes[$0] ?? $0 }
        guard !latin.isEmpty, latin.count <= 12, latin.allSatisfy({ values[$0] != nil }) else { return nil }
        var total = 0
        for (k, c) in latin.enumerated() {
            let v = values[c]!
            if k + 1 < latin.count, v < values[latin[k + 1]]! { total -= v } else { total += v }
        }
        return total > 0 && spelling(of: total) == String(latin) ? total : nil
    }

    /// The canonical spelling of `n` (1...3999).
    static func spelling(of n: Int) -> String {
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var rest = n
        var out = ""
        for (value, letters) in table {
            while rest >= value {
                out += letters
                rest -= value
            }
        }
        return out
    }
}
