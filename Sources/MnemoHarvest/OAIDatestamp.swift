/// OAI-PMH UTCdatetime values in requests (section 3.3.1): validation and
/// fitting `from`/`until` to what the repository accepts.
enum OAIDatestamp {
    /// The granularity a value is written in, or nil when it is neither
    /// `YYYY-MM-DD` nor `YYYY-MM-DDThh:mm:ssZ`.
    static func granularity(of value: String) -> OAIGranularity? {
        let c = Array(value.utf8)
        func digits(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                guard c[i] >= UInt8(ascii: "0"), c[i] <= UInt8(ascii: "9") else { return nil }
                n = n * 10 + Int(c[i] - UInt8(ascii: "0"))
            }
            return n
        }
        guard c.count == 10 || c.count == 20 else { return nil }
        guard digits(0..<4) != nil, c[4] == UInt8(ascii: "-"), let month = digits(5..<7),
              c[7] == UInt8(ascii: "-"), let day = digits(8..<10),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        if c.count == 10 { return .day }
        guard c[10] == UInt8(ascii: "T"), let h = digits(11..<13), c[13] == UInt8(ascii: ":"),
              let m = digits(14..<16), c[16] == UInt8(ascii: ":"), let s = digits(17..<19),
              c[19] == UInt8(ascii: "Z"), h < 24, m < 60, s < 61 else { return nil }
        return .second
    }

    /// Checks `from` and `until` and adapts them to the repository:
    /// - a repository of day granularity gets days (a timestamp is truncated);
    /// - the two bounds must share one granularity: with a repository of second
    ///   granularity a day bound is widened to the whole day, otherwise (granularity
    ///   unknown) the timestamp is truncated to its day, which every repository accepts.
    ///
    /// Returns the values to send and a warning for every change made.
    static func fit(from: String?, until: String?, repository: OAIGranularity?) throws
        -> (from: String?, until: String?, warnings: [String]) {
        var warnings: [String] = []
        func check(_ name: String, _ value: String?) throws -> OAIGranularity? {
            guard let value else { return nil }
            guard let g = granularity(of: value) else {
                throw OAIError.invalidArgument(
                    "\(name) \"\(value)\" is not an OAI-PMH datestamp (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)")
            }
            return g
        }
        var from = from, until = until
        let fromG = try check("from", from), untilG = try check("until", until)
        func truncate(_ name: String, _ value: inout String?, _ why: String) {
            guard let v = value, v.count == 20 else { return }
            let day = String(v.prefix(10))
            warnings.append("\(name) \(v) truncated to \(day): \(why)")
            value = day
        }
        if repository == .day {
            let why = "the repository's granularity is YYYY-MM-DD"
            truncate("from", &from, why)
            truncate("until", &until, why)
        } else if let fromG, let untilG, fromG != untilG {
            if repository == .second {
                if fromG == .day, let f = from {
                    from = f + "T00:00:00Z"
                    warnings.append("from \(f) widened to \(from!): from and until must share one granularity")
                }
                if untilG == .day, let u = until {
                    until = u + "T23:59:59Z"
                    warnings.append("until \(u) widened to \(until!): from and until must share one granularity")
                }
            } else {
                let why = "from and until must share one granularity"
                truncate("from", &from, why)
                truncate("until", &until, why)
            }
        }
        if let f = from, let u = until, f > u {
            throw OAIError.invalidArgument("from \(f) is later than until \(u)")
        }
        return (from, until, warnings)
    }
}
