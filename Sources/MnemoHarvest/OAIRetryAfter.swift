import Foundation

/// The HTTP `Retry-After` header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
enum OAIRetryAfter {
    /// The wait the header asks for, measured from `now`; nil when unreadable.
    /// A date in the past means no wait.
    static func delay(_ value: String, now: Date = Date()) -> Duration? {
        let v = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(v) { return seconds >= 0 ? .seconds(seconds) : nil }
        guard let date = httpDate(v) else { return nil }
        let wait = date.timeIntervalSince(now)
        return wait > 0 ? .milliseconds(Int64((wait * 1000).rounded(.up))) : .zero
    }

    /// Reads the three HTTP-date forms: IMF-fixdate, RFC 850 and asctime.
    static func httpDate(_ value: String) -> Date? {
        // asctime pads a one-digit day with a space ("Wed May  1 …").
        let value = value.split(separator: " ").joined(separator: " ")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEEE, dd-MMM-yy HH:mm:ss 'GMT'", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let d = formatter.date(from: value) { return d }
        }
        return nil
    }
}
