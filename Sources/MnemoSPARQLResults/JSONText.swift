import MnemoRDF

/// JSON string spelling shared by the JSON writers (see ``JSONString``).
enum JSONText {
    /// `s` as a JSON string literal, with its quotes.
    static func quoted(_ s: String) -> String { JSONString.quoted(s) }
}
