/// How many terminal columns text takes: one per character (grapheme
/// cluster), two for East Asian wide and fullwidth characters and emoji, so
/// Cyrillic, Kazakh and Uzbek text (one column per letter, whatever its byte
/// length or combining marks) and CJK text both line up.
enum TextWidth {
    static func of(_ s: String) -> Int {
        var w = 0
        for c in s { w += of(c) }
        return w
    }

    static func of(_ c: Character) -> Int {
        guard let u = c.unicodeScalars.first else { return 0 }
        return isWide(u.value) || (c.unicodeScalars.count > 1 && c.unicodeScalars.contains { $0.value == 0xFE0F }) ? 2 : 1
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x25FD...0x25FE,
        0x2614...0x2615, 0x2648...0x2653, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26F5...0x26F5,
        0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728, 0x2753...0x2755, 0x2E80...0x303E,
        0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F004...0x1F004, 0x1F18E...0x1F18E, 0x1F200...0x1F251,
        0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x3FFFD,
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        guard v >= 0x1100 else { return false }
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < wideRanges[mid].lowerBound { hi = mid - 1 }
            else if v > wideRanges[mid].upperBound { lo = mid + 1 }
            else { return true }
        }
        return false
    }

    /// `s` cut to at most `width` columns, ending in `…` when cut.
    static func truncate(_ s: String, to width: Int) -> String {
        guard of(s) > width else { return s }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var out = "", w = 0
        for c in s {
            let cw = of(c)
            if w + cw > width - 1 { break }
            out.append(c)
            w += cw
        }
        return out + "…"
    }

    /// `s` padded with spaces on the right to `width` columns.
    static func pad(_ s: String, to width: Int) -> String {
        let w = of(s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }
}
