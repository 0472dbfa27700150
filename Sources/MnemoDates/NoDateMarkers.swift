/// Statements that there is no date: "s.a." (sine anno), "s.d.", "n.d.",
/// "б.г." (без года), "б.д.", "undated", an empty string, MARC "uuuu".
enum NoDateMarkers {
    private static let markers: Set<String> = [
        "", "sa", "sd", "nd", "sineanno", "sinedato", "nodate", "undated", "dateunknown", "unknown",
        "бг", "бд", "безгода", "бездаты", "йилсиз", "yilsiz",
        "?", "??", "???", "????", "uuuu", "xxxx", "----",
    ]

    /// Whether `text`, without spaces, dots and brackets, says there is no date.
    static func matches(_ text: String) -> Bool {
        let compact = text.lowercased().filter { !$0.isWhitespace && !".,[]()".contains($0) }
        return markers.contains(compact)
    }
}
