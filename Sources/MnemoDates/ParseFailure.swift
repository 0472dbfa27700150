/// Why a date expression could not be read; becomes the `reason` of an
/// `unparsed` result.
struct ParseFailure: Error {
    var reason: String

    init(_ reason: String) { self.reason = reason }
}

/// Whitespace trimming without Foundation.
extension StringProtocol {
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
