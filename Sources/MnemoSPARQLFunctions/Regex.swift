import Foundation
import MnemoRDF

/// A regular expression compiled from an XPath pattern and flags (s, m, i, x, q).
final class CompiledRegex: @unchecked Sendable {
    let expression: NSRegularExpression
    /// The `q` flag: the pattern and the replacement are taken literally.
    let literal: Bool
    /// Whether the pattern matches the empty string (an error for REPLACE).
    let matchesEmpty: Bool

    init(pattern: String, flags: String) throws {
        var options: NSRegularExpression.Options = []
        var dotAll = false, multiline = false, extended = false, literal = false
        for flag in flags {
            switch flag {
            case "s": dotAll = true
            case "m": multiline = true
            case "i": options.insert(.caseInsensitive)
            case "x": extended = true
            case "q": literal = true
            default: throw ExpressionError("unknown regex flag \(flag)")
            }
        }
        let translated: String
        if literal {
            translated = NSRegularExpression.escapedPattern(for: pattern)
        } else {
            var translator = RegexTranslator(pattern, dotAll: dotAll, multiline: multiline, extended: extended)
            translated = try translator.translate()
        }
        do {
            expression = try NSRegularExpression(pattern: translated, options: options)
        } catch {
            throw ExpressionError("invalid regular expression: \(pattern)")
        }
        self.literal = literal
        matchesEmpty = expression.firstMatch(in: "", range: NSRange(location: 0, length: 0)) != nil
    }

    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
    }

    /// fn:replace: every non-overlapping match replaced, `$N` and `\$`, `\\` in
    /// the replacement interpreted (unless the `q` flag is set).
    func replace(in text: String, with replacement: String) throws -> String {
        if matchesEmpty { throw ExpressionError("REPLACE pattern matches the empty string") }
        let parts = try literal ? [.text(replacement)] : parseReplacement(replacement)
        // Work on UTF-16 offsets, as NSRegularExpression does: a match may
        // start or end inside a grapheme cluster (e.g. at a combining mark).
        let units = Array(text.utf16)
        var out = [UInt16]()
        out.reserveCapacity(units.count)
        var last = 0
        for match in expression.matches(in: text, range: NSRange(location: 0, length: units.count)) {
            out += units[last..<match.range.location]
            for part in parts {
                switch part {
                case .text(let s): out += s.utf16
                case .group(let n):
                    guard n < match.numberOfRanges else { continue }
                    let r = match.range(at: n)
                    if r.location != NSNotFound { out += units[r.location..<r.location + r.length] }
                }
            }
            last = match.range.location + match.range.length
        }
        out += units[last...]
        return String(decoding: out, as: UTF16.self)
    }

    private enum Part { case text(String), group(Int) }

    /// Splits a replacement string: `$N` takes the longest digit run that names
    /// an existing group (at least one digit), `\\` and `\$` are literal.
    private func parseReplacement(_ replacement: String) throws -> [Part] {
        let groups = expression.numberOfCaptureGroups
        var parts: [Part] = []
        var pending = ""
        var scalars = replacement.unicodeScalars[...]
        while let c = scalars.popFirst() {
            if c == "\\" {
                guard let next = scalars.popFirst(), next == "\\" || next == "$" else {
                    throw ExpressionError("invalid \\ in replacement")
                }
                pending.unicodeScalars.append(next)
            } else if c == "$" {
                guard let first = scalars.first, ("0"..."9").contains(first) else {
                    throw ExpressionError("invalid $ in replacement")
                }
                scalars.removeFirst()
                var n = Int(first.value - 48)
                while let next = scalars.first, ("0"..."9").contains(next), n * 10 + Int(next.value - 48) <= groups {
                    n = n * 10 + Int(next.value - 48)
                    scalars.removeFirst()
                }
                if !pending.isEmpty { parts.append(.text(pending)); pending = "" }
                parts.append(.group(n))
            } else {
                pending.unicodeScalars.append(c)
            }
        }
        if !pending.isEmpty { parts.append(.text(pending)) }
        return parts
    }
}

/// REGEX and REPLACE (sections 17.4.3.14, 17.4.3.15).
enum RegexFunctions {
    static func regex(_ args: [Term], _ ctx: FunctionContext) throws -> Term {
        let text = try StringFunctions.stringArgument(args[0], "REGEX")
        let pattern = try StringFunctions.simpleArgument(args[1], "REGEX")
        let flags = args.count > 2 ? try StringFunctions.simpleArgument(args[2], "REGEX") : ""
        return .boolean(try ctx.regex(pattern: pattern, flags: flags).matches(text.text))
    }

    static func replace(_ args: [Term], _ ctx: FunctionContext) throws -> Term {
        let text = try StringFunctions.stringArgument(args[0], "REPLACE")
        let pattern = try StringFunctions.simpleArgument(args[1], "REPLACE")
        let replacement = try StringFunctions.simpleArgument(args[2], "REPLACE")
        let flags = args.count > 3 ? try StringFunctions.simpleArgument(args[3], "REPLACE") : ""
        let regex = try ctx.regex(pattern: pattern, flags: flags)
        return text.same(try regex.replace(in: text.text, with: replacement))
    }
}
