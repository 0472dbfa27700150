import Foundation
import MnemoMARC

/// Reading values out of MARC fields as a profile describes them.
enum MARCValues {
    static func matches(_ f: MARCDataField, ind1: String?, ind2: String?) -> Bool {
        func ok(_ want: String?, _ have: Character) -> Bool {
            guard let want, !want.isEmpty, want != "*" else { return true }
            return want.contains(have)
        }
        return ok(ind1, f.ind1) && ok(ind2, f.ind2)
    }

    /// The values a spec selects from one field (one, or several with `each`).
    static func values(_ f: MARCDataField, subfields: String?, template: String?, join: String?, each: Bool = false) -> [String] {
        if let template { return [apply(template, f)].filter { !$0.isEmpty } }
        let codes = subfields ?? "a"
        let parts = f.subfields.filter { codes.contains($0.code) }.map { clean($0.value) }.filter { !$0.isEmpty }
        if each { return parts }
        let joined = parts.joined(separator: join ?? " ")
        return joined.isEmpty ? [] : [joined]
    }

    /// Fills a template: `{a}`, `{g|b}` alternatives, literal text before a placeholder kept only when it has a value
    /// (and text after the last one only when that one had a value).
    static func apply(_ template: String, _ f: MARCDataField) -> String {
        var out = ""
        var literal = ""
        var lastHadValue = false
        var i = template.startIndex
        while i < template.endIndex {
            let c = template[i]
            if c == "{", let close = template[i...].firstIndex(of: "}") {
                let names = template[template.index(after: i)..<close].split(separator: "|")
                var value: String?
                for n in names {
                    if let code = n.first, let v = f[code].map(clean), !v.isEmpty { value = v; break }
                }
                if let value {
                    if !out.isEmpty { out += literal }
                    out += value
                }
                lastHadValue = value != nil
                literal = ""
                i = template.index(after: close)
            } else {
                literal.append(c)
                i = template.index(after: i)
            }
        }
        // Text after the last placeholder (a closing parenthesis) follows a value only.
        if lastHadValue && !literal.isEmpty { out += literal }
        return out
    }

    /// Removes ISBD punctuation at the end (` /`, ` :`, ` ;`, ` =`, `,`), and a final
    /// period unless it closes an initial or abbreviation (`Н.`, `гр.`).
    static func clean(_ s: String) -> String {
        var v = s.trimmed
        // Most values end in a letter or digit: nothing below applies.
        if let end = v.unicodeScalars.last, !" /:;=,.]".unicodeScalars.contains(end) { return v }
        // Trailing punctuation and the spaces before it, scalar by scalar (a
        // mark combining with the punctuation would have ended the run above).
        let scalars = v.unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex {
            let u = scalars[scalars.index(before: end)]
            guard " /:;=,".unicodeScalars.contains(u) || u.properties.isWhitespace else { break }
            end = scalars.index(before: end)
        }
        if end < scalars.endIndex { v = String(scalars[..<end]) }
        if v.hasSuffix(".") {
            let word = v.dropLast().split(whereSeparator: { $0 == " " || $0 == "," }).last ?? ""
            if word.count > 3 && !word.contains(".") { v.removeLast() }
        }
        if v.hasPrefix("[") && v.hasSuffix("]") && !v.dropFirst().contains("[") {
            v = String(v.dropFirst().dropLast())
        }
        return v
    }

    /// The fields embedded in a linking field with the given tag: each `$1`
    /// opens one (its value: tag, then two indicators), holding the subfields
    /// up to the next `$1`.
    static func embeddedFields(_ f: MARCDataField, tag: String) -> [MARCDataField] {
        var out: [MARCDataField] = []
        var current: MARCDataField?
        for sf in f.subfields {
            if sf.code == "1" {
                if let c = current, c.tag == tag { out.append(c) }
                let head = Array(sf.value)
                guard head.count >= 3 else { current = nil; continue }
                current = MARCDataField(tag: String(head[0..<3]), ind1: head.count > 3 ? head[3] : " ",
                                        ind2: head.count > 4 ? head[4] : " ", subfields: [])
            } else {
                current?.subfields.append(sf)
            }
        }
        if let c = current, c.tag == tag { out.append(c) }
        return out
    }

    /// Characters `from-to` of a control field.
    static func positions(_ value: String, _ spec: String) -> String? {
        let parts = spec.split(separator: "-").compactMap { Int($0) }
        guard let from = parts.first else { return nil }
        let to = parts.count > 1 ? parts[1] : from
        guard from >= 0, from <= to else { return nil }
        let s: String
        // Control fields are ASCII by definition (one byte, one character); other text is counted in characters.
        if value.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            let bytes = Array(value.utf8)
            guard to < bytes.count else { return nil }
            s = String(decoding: bytes[from...to], as: UTF8.self).trimmed
        } else {
            let chars = Array(value)
            guard to < chars.count else { return nil }
            s = String(chars[from...to]).trimmed
        }
        return s.isEmpty || s.allSatisfy({ $0 == "|" || $0 == "u" || $0 == "#" }) ? nil : s
    }
}
