import Foundation

/// One word of a name, with the keys it is searched under.
///
/// - `norm`: NFKC, case-folded, apostrophes (Uzbek oʻ/gʻ, ʼ) removed.
/// - `forms`: the word in Latin script, lower-case ASCII: the word itself when
///   it is Latin, and its ICU transliterations (`Russian-Latin/BGN`,
///   `Kazakh-Latin/BGN`, `Any-Latin; Latin-ASCII`, and for a Latin word the
///   reverse of `Russian-Latin/BGN` back through Mnemo's own Cyrillic table).
/// - `skeletons`: each form folded to its spelling skeleton (see
///   ``NameKeys/skeleton(_:)``), so spelling variants meet.
/// - `consonants`: the first skeleton without its vowels; the loosest key.
public struct NameToken: Hashable, Sendable {
    public let norm: String
    public let forms: Set<String>
    public let skeletons: Set<String>
    public let consonants: String
    /// A single letter or a digraph written with a full stop ("Ч.", "Ch.").
    public let isInitial: Bool
    /// A patronymic (-ovich, -evna, -uly, -kyzy, -ogli, ...): optional when matching.
    public let isPatronymic: Bool
    /// A particle (de, von, van, ibn, ...): optional when matching.
    public let isParticle: Bool

    /// The skeleton a token is mainly known by (the one of its own spelling).
    public let primarySkeleton: String

    public var isOptional: Bool { isPatronymic || isParticle }

    /// Sorted hashes of `forms`, of `skeletons`, and of the first three
    /// letters of each skeleton of three or more: two words can share a form
    /// or a skeleton, or one's skeleton begin the other's, only if these
    /// share a value, which is far cheaper to test than the strings.
    let formHashes: [Int]
    let skeletonHashes: [Int]
    let headHashes: [Int]
    /// The consonant keys (three letters or more) of every skeleton, not only
    /// the first: Kazakh Жорқұов's j-as-i skeleton meets Yorkhuov's.
    public let consonantKeys: Set<String>
    let consonantHashes: [Int]

    init(norm: String, forms: Set<String>, skeletons: Set<String>, consonants: String, isInitial: Bool,
         isPatronymic: Bool, isParticle: Bool, primarySkeleton: String) {
        self.norm = norm
        self.forms = forms
        self.skeletons = skeletons
        self.consonants = consonants
        self.isInitial = isInitial
        self.isPatronymic = isPatronymic
        self.isParticle = isParticle
        self.primarySkeleton = primarySkeleton
        formHashes = forms.map(\.hashValue).sorted()
        skeletonHashes = skeletons.map(\.hashValue).sorted()
        headHashes = Set(skeletons.filter { $0.count >= 3 }.map { $0.prefix(3).hashValue }).sorted()
        let keys = Set(skeletons.map(NameKeys.consonantKey) + [consonants]).filter { $0.count >= 3 }
        consonantKeys = keys
        consonantHashes = keys.map(\.hashValue).sorted()
    }

    /// Whether two sorted arrays share a value.
    static func meet(_ a: [Int], _ b: [Int]) -> Bool {
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { return true }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return false
    }

    /// The same word marked as a patronymic.
    var asPatronymic: NameToken {
        NameToken(norm: norm, forms: forms, skeletons: skeletons, consonants: consonants, isInitial: isInitial,
                  isPatronymic: true, isParticle: isParticle, primarySkeleton: primarySkeleton)
    }
}

/// A name split into tokens, with the years written in it ("1835-1865").
public struct NameKeys: Sendable {
    public let original: String
    /// The whole name, NFKC and case-folded.
    public let normalized: String
    public let tokens: [NameToken]
    /// Years found in the name (life dates in a heading), removed from the tokens.
    public let years: [Int]

    /// The keys of a name. `transliterate: false` skips ICU (for tests of the folding alone).
    public init(_ name: String, transliterate: Bool = true) {
        self.init(name, memo: nil, transliterate: transliterate, reverse: true)
    }

    /// The keys of a name, each distinct word transliterated once through `memo`.
    public init(_ name: String, memo: TokenMemo) {
        self.init(name, memo: memo, transliterate: memo.transliterate, reverse: memo.reverse)
    }

    init(_ name: String, memo: TokenMemo?, transliterate: Bool = true, reverse: Bool = false) {
        original = name
        let n = NameKeys.normalize(name)
        normalized = n
        var toks: [NameToken] = []
        var years: [Int] = []
        // Where each word stands: after how many commas, and its place in that part.
        var place: [(part: Int, index: Int)] = []
        for raw in NameKeys.words(n) {
            if raw.word.allSatisfy(\.isNumber) {
                if (3...4).contains(raw.word.count), let y = Int(raw.word) { years.append(y) }
                continue
            }
            if let memo {
                toks.append(memo.token(raw.word, dotted: raw.dotted))
            } else {
                toks.append(NameKeys.token(raw.word, dotted: raw.dotted, transliterate: transliterate, reverse: reverse))
            }
            place.append((raw.part, raw.index))
        }
        // A father's name before a Turkic patronymic word, in the forenames of an
        // inverted heading ("Валиханов, Чокан Чингис ұлы"), is a patronymic; before
        // the comma the pair is a surname ("Зеду ұлы, Қажан").
        for i in toks.indices.dropLast() where place[i].part >= 1 && place[i].index >= 1 && place[i + 1].part == place[i].part {
            if NameKeys.turkicPatronymicWords.contains(toks[i + 1].primarySkeleton) || NameKeys.turkicPatronymicWords.contains(NameKeys.latinize(toks[i + 1].norm)) {
                toks[i] = toks[i].asPatronymic
            }
        }
        tokens = toks
        self.years = years
    }

    // MARK: normalisation

    static let apostrophes: Set<Character> = ["'", "ʻ", "ʼ", "’", "‘", "`", "´", "ʹ", "ʽ"]

    /// NFKC, case-folded, apostrophes dropped.
    public static func normalize(_ s: String) -> String {
        let folded = s.precomposedStringWithCompatibilityMapping.folding(options: [.caseInsensitive], locale: nil)
        return String(folded.filter { !apostrophes.contains($0) })
    }

    /// The words of a normalised string, each with whether a full stop follows
    /// it, how many commas come before it, and its place among the words since the last comma.
    static func words(_ n: String) -> [(word: String, dotted: Bool, part: Int, index: Int)] {
        var out: [(String, Bool, Int, Int)] = []
        var cur = ""
        var part = 0, index = 0
        for ch in n {
            if ch.isLetter || ch.isNumber || (ch.unicodeScalars.first.map { CharacterSet.nonBaseCharacters.contains($0) } ?? false) {
                cur.append(ch)
            } else {
                if !cur.isEmpty { out.append((cur, ch == ".", part, index)); cur = ""; index += 1 }
                if ch == "," { part += 1; index = 0 }
            }
        }
        if !cur.isEmpty { out.append((cur, false, part, index)) }
        return out
    }

    /// Kazakh ұлы / қызы and Uzbek oʻgʻli / qizi, in their Latin skeletons and forms.
    static let turkicPatronymicWords: Set<String> = ["uli", "uly", "ulu", "kizi", "kyzy", "qyzy", "qizi", "ogli", "oghli", "ugli", "ughli", "ogly", "oglu", "kyzi"]

    // MARK: one token

    static let digraphs: Set<String> = ["ch", "sh", "zh", "kh", "ts", "gh", "yu", "ya"]

    static func token(_ word: String, dotted: Bool, transliterate: Bool, reverse: Bool = true) -> NameToken {
        let own = latinize(word)
        var forms: Set<String> = [own]
        if transliterate {
            if word.unicodeScalars.contains(where: { $0.value > 0x7F }) {
                for t in Transliteration.toLatin {
                    if let r = t.apply(word) { forms.insert(asciiFold(r)) }
                }
            } else if reverse, let cyr = Transliteration.latinToRussian.apply(word) {
                forms.insert(latinize(cyr))
            }
        }
        // ё is e in most catalogues and yo in others (Ёрма = Yorma): keep both.
        if word.contains("ё") { forms.insert(latinize(word.replacingOccurrences(of: "ё", with: "йо"))) }
        forms.remove("")
        let skel = skeleton(own)
        var skeletons: Set<String> = [skel]
        for f in forms { skeletons.insert(skeleton(f)) }
        // Uzbek writes o where Russian and Kazakh write a (Тошкент, Ташкент; Choʻqon, Чокан): a skeleton with o as a.
        // Letters doubled by it fold as in any skeleton (Саой, Саай: sai).
        for k in skeletons where k.contains("o") {
            var folded = ""
            for c in k.map({ $0 == "o" ? Character("a") : $0 }) where folded.last != c { folded.append(c) }
            skeletons.insert(folded)
        }
        // Kazakh Ж where Russian writes Й/Ё/Ю at the start (Жүсіп, Юсуп; Жақып, Якуб).
        for k in skeletons where k.first == "j" && k.count > 2 { skeletons.insert("i" + k.dropFirst()) }
        skeletons.remove("")
        let cons = consonantKey(skel)
        let isInitial = own.count == 1 || word.count == 1 || (dotted && (digraphs.contains(own) || word.count <= 2))
        return NameToken(norm: word, forms: forms, skeletons: skeletons, consonants: cons,
                         isInitial: isInitial, isPatronymic: isPatronymic(own), isParticle: particles.contains(own),
                         primarySkeleton: skel)
    }

    static let patronymicSuffixes = ["ovich", "evich", "ovna", "evna", "ichna", "uly", "uli", "ulu", "kyzy", "kizi", "qizi", "ogli", "oglu", "ugli"]
    static let particles: Set<String> = ["de", "da", "del", "della", "di", "du", "la", "le", "von", "van", "der", "den", "ten", "ter",
                                         "ibn", "ben", "bin", "bint", "al", "el", "ul", "uly", "ulu", "uli",
                                         // Turkic patronymic words written apart: Kazakh ұлы/қызы, Uzbek oʻgʻli/qizi.
                                         "ogli", "oghli", "ugli", "ughli", "ogly", "oglu", "kyzy", "qyzy", "kizi", "qizi", "gizi"]

    static func isPatronymic(_ latin: String) -> Bool {
        patronymicSuffixes.contains { latin.hasSuffix($0) && latin.count >= $0.count + 3 }
    }

    // MARK: Latin forms

    /// Cyrillic letters of Russian, Kazakh and Uzbek in Latin; other letters unchanged.
    static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "ғ": "gh", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "і": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ng", "о": "o",
        "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ў": "o", "ф": "f",
        "х": "kh", "ҳ": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ї": "i", "є": "e", "ґ": "g",
    ]
    /// Latin letters with diacritics that stand for digraphs.
    static let latinSpecial: [Character: String] = [
        "š": "sh", "ş": "sh", "ș": "sh", "č": "ch", "ç": "ch", "ž": "zh", "ğ": "gh", "ġ": "gh", "ı": "i",
        "ə": "a", "ä": "a", "ö": "o", "ü": "u", "ñ": "n", "ň": "ng", "ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l",
    ]

    /// The word in lower-case ASCII Latin through Mnemo's own tables (no ICU).
    public static func latinize(_ word: String) -> String {
        var s = ""
        for ch in word {
            if let m = cyrillic[ch] { s += m } else if let m = latinSpecial[ch] { s += m } else { s.append(ch) }
        }
        return asciiFold(s)
    }

    /// Lower case, diacritics stripped, only ASCII letters and digits kept.
    static func asciiFold(_ s: String) -> String {
        var pre = ""
        for ch in s.lowercased() {
            if let m = latinSpecial[ch] { pre += m } else { pre.append(ch) }
        }
        let stripped = pre.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var out = ""
        out.unicodeScalars.append(contentsOf: stripped.unicodeScalars.filter {
            ($0.value >= 0x61 && $0.value <= 0x7A) || ($0.value >= 0x30 && $0.value <= 0x39)
        })
        return out
    }

    /// The spelling skeleton of an ASCII Latin word: sh/ch/c/š/č/ş/ç fold to
    /// `s`, zh/dzh/dj to `j` (Uzbek Latin j is ж), kh/x to `h`, gh to `g`, q to `k`, w to `v`, y to `i`,
    /// a leading u before a vowel to `v` (Kazakh Уә-/Ua- for Va-), `ie` after a
    /// vowel to `e`, doubled letters collapsed.
    /// Valikhanov, Valihanov and Walikhanow all give `valihanov`; Shokan,
    /// Chokan and Šokan give `sokan`; Chingisovich and Shyngysuly start alike (`singis-`).
    public static func skeleton(_ ascii: String) -> String {
        var b = Array(ascii.utf8)
        func rep(_ from: String, _ to: String) {
            let f = Array(from.utf8), t = Array(to.utf8)
            guard b.count >= f.count else { return }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var i = 0
            while i < b.count {
                if i + f.count <= b.count && b[i] == f[0] && Array(b[i..<(i + f.count)]) == f {
                    out += t
                    i += f.count
                } else {
                    out.append(b[i]); i += 1
                }
            }
            b = out
        }
        rep("shch", "s"); rep("sch", "s"); rep("sh", "s"); rep("ch", "s"); rep("dzh", "j"); rep("zh", "j"); rep("dj", "j"); rep("kh", "h"); rep("x", "h")
        // x is kh (Uzbek Mingxon, Мингхан): folded with it, before gh, so that both spellings fold alike.
        rep("gh", "g"); rep("ck", "k"); rep("c", "s"); rep("q", "k"); rep("w", "v")
        rep("y", "i")
        let vowels: Set<UInt8> = Set("aeiou".utf8)
        if b.count > 2, b[0] == UInt8(ascii: "u"), vowels.contains(b[1]) { b[0] = UInt8(ascii: "v") }
        if b.count > 2, b[0] == UInt8(ascii: "i"), b[1] == UInt8(ascii: "e") { b.removeFirst() }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "i"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "e"), let last = out.last, vowels.contains(last) {
                i += 1; continue
            }
            // j for й (Abaj, Nikolaj): at the end of a word or before a consonant it is i.
            let ch = (c == UInt8(ascii: "j") && (i + 1 == b.count || !vowels.contains(b[i + 1])) && !out.isEmpty) ? UInt8(ascii: "i") : c
            if out.last != ch { out.append(ch) }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The skeleton without vowels (first letter kept).
    /// Vowels are where Russian, Kazakh and Uzbek spellings of one name differ
    /// most (Айбай, Oybay; Темжан, Temjon), and h where қ, х and kh meet
    /// (Қасқұова, Kaskhuova): an initial vowel is `_`, h is k.
    public static func consonantKey(_ skel: String) -> String {
        guard let first = skel.first else { return "" }
        let head = "aeiou".contains(first) ? "_" : String(first == "h" ? "k" : first)
        return head + String(skel.dropFirst().filter { !"aeiou".contains($0) }.map { $0 == "h" ? "k" : $0 })
    }
}

/// ICU transforms by explicit ID, looked up once; an ID this ICU lacks is left out.
enum Transliteration {
    struct Transform: Sendable {
        let id: String
        let reverse: Bool
        func apply(_ s: String) -> String? {
            s.applyingTransform(StringTransform(rawValue: id), reverse: reverse)
        }
    }
    /// To Latin: whichever of these the ICU in use knows.
    static let toLatin: [Transform] = [
        Transform(id: "Russian-Latin/BGN", reverse: false),
        Transform(id: "Kazakh-Latin/BGN", reverse: false),
        Transform(id: "Any-Latin; Latin-ASCII", reverse: false),
    ].filter { $0.apply("Шоқан") != nil }
    /// Latin back to Cyrillic: `Russian-Latin/BGN` run in reverse.
    static let latinToRussian = Transform(id: "Russian-Latin/BGN", reverse: true)
    /// The IDs available here (for reports).
    public static var available: [String] { toLatin.map(\.id) }
}

/// Token keys memoised by word: a store has far fewer distinct words than labels.
/// Remembers the tokens of each distinct word, so that ICU transliterates
/// every word once however many names hold it. Made `threadSafe`, one memo
/// may serve many threads (the reconciler's, for query words); otherwise it
/// belongs to one thread.
public final class TokenMemo: @unchecked Sendable {
    private var plain: [String: NameToken] = [:]
    private var dotted: [String: NameToken] = [:]
    let transliterate: Bool
    let reverse: Bool
    private let lock: NSLock?
    /// A thread-safe memo forgets everything past this many words.
    static let sharedCapacity = 200_000

    public init(transliterate: Bool = true, reverse: Bool = false, threadSafe: Bool = false) {
        self.transliterate = transliterate
        self.reverse = reverse
        lock = threadSafe ? NSLock() : nil
    }
    /// The keys of one word; `dotted` when it was written with a full stop (an initial).
    public func token(_ word: String, dotted d: Bool) -> NameToken {
        if let lock {
            if let t = lock.withLock({ d ? dotted[word] : plain[word] }) { return t }
            let t = NameKeys.token(word, dotted: d, transliterate: transliterate, reverse: reverse)
            lock.withLock {
                if plain.count + dotted.count >= Self.sharedCapacity { plain = [:]; dotted = [:] }
                if d { dotted[word] = t } else { plain[word] = t }
            }
            return t
        }
        if d {
            if let t = dotted[word] { return t }
            let t = NameKeys.token(word, dotted: true, transliterate: transliterate, reverse: reverse)
            dotted[word] = t
            return t
        }
        if let t = plain[word] { return t }
        let t = NameKeys.token(word, dotted: false, transliterate: transliterate, reverse: reverse)
        plain[word] = t
        return t
    }
}
