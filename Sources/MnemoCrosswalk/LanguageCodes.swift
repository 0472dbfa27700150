/// Language codes as catalogues write them (ISO 639-2, bibliographic or
/// terminology) turned into BCP 47 tags, and script subtags for text
/// written in a language's less usual script.
public enum LanguageCodes {
    static let twoLetter: [String: String] = [
        "rus": "ru", "kaz": "kk", "uzb": "uz", "eng": "en", "ger": "de", "deu": "de", "fre": "fr", "fra": "fr",
        "tat": "tt", "kir": "ky", "tuk": "tk", "tgk": "tg", "ukr": "uk", "bel": "be", "ara": "ar", "per": "fa",
        "fas": "fa", "tur": "tr", "chi": "zh", "zho": "zh", "lat": "la", "ita": "it", "spa": "es", "pol": "pl",
        "cze": "cs", "ces": "cs", "bul": "bg", "srp": "sr", "heb": "he", "gre": "el", "ell": "el", "jpn": "ja",
        "kor": "ko", "mon": "mn", "aze": "az", "arm": "hy", "hye": "hy", "geo": "ka", "kat": "ka", "chu": "cu",
        "bak": "ba", "chv": "cv", "kaa": "kaa", "uig": "ug", "hin": "hi", "urd": "ur", "dut": "nl", "nld": "nl",
        "swe": "sv", "fin": "fi", "est": "et", "lav": "lv", "lit": "lt", "hun": "hu", "rum": "ro", "ron": "ro",
        "vie": "vi", "por": "pt", "dan": "da", "nor": "no", "nob": "nb", "nno": "nn", "ice": "is", "isl": "is",
        "slo": "sk", "slk": "sk", "slv": "sl", "hrv": "hr", "bos": "bs", "mac": "mk", "mkd": "mk", "alb": "sq",
        "sqi": "sq", "wel": "cy", "cym": "cy", "gle": "ga", "baq": "eu", "eus": "eu", "cat": "ca", "glg": "gl",
        "ind": "id", "may": "ms", "msa": "ms", "tha": "th", "ben": "bn", "pus": "ps", "kur": "ku", "tib": "bo",
        "bod": "bo", "san": "sa", "yid": "yi", "epo": "eo", "afr": "af", "swa": "sw", "amh": "am",
    ]
    /// Languages whose usual script is Cyrillic.
    static let cyrillicFirst: Set<String> = ["ru", "kk", "uk", "be", "tt", "ky", "tg", "mn", "bg", "sr", "ba", "cv", "cu"]

    /// A BCP 47 tag for a catalogue's language code (`rus` → `ru`); nil for `und`, `mul`, `zxx` or junk.
    public static func bcp47(_ code: String) -> String? {
        let c = code.trimmed.lowercased()
        if ["und", "mul", "zxx", "mis", "", "|||"].contains(c) { return nil }
        if let t = twoLetter[c] { return t }
        if c.count == 2 || c.count == 3, c.allSatisfy({ $0.isASCII && $0.isLetter }) { return c }
        return nil
    }

    /// The tag for `text` in `language`, with a script subtag when the text is
    /// not in the language's usual script.
    public static func tag(_ text: String, language: String) -> String {
        let base = language.split(separator: "-").first.map(String.init) ?? language
        switch (script(text), cyrillicFirst.contains(base)) {
        case (.latin, true): return base + "-Latn"
        case (.cyrillic, false): return base + "-Cyrl"
        default: return base
        }
    }

    enum Script { case latin, cyrillic, other }

    /// The script of the first letter that is Latin or Cyrillic.
    static func script(_ s: String) -> Script {
        for u in s.unicodeScalars where u.properties.isAlphabetic {
            switch u.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return .latin
            case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return .cyrillic
            default: return .other
            }
        }
        return .other
    }
}
