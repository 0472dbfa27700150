import Foundation

extension String {
    /// The string in Unicode NFC; ASCII is returned as is without a copy.
    var precomposedForMARC: String {
        if utf8.allSatisfy({ $0 < 0x80 }) { return self }
        return precomposedStringWithCanonicalMapping
    }
}

extension Unicode.Scalar {
    /// True for a nonspacing combining mark (general category Mn).
    var isCombiningMark: Bool { properties.generalCategory == .nonspacingMark }
}
