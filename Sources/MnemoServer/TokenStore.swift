import Foundation
import MnemoSPARQLFunctions

/// What a bearer token allows.
public enum TokenRole: String, Sendable, CaseIterable {
    /// Reads only (matters when reads are protected).
    case read
    /// Reads and writes (SPARQL Update, Graph Store writes).
    case write
}

/// The access tokens the service accepts, kept only as salted SHA-256 hashes.
///
/// The token file has one token a line: `LABEL ROLE SALT HASH`, where SALT
/// is 16 random bytes and HASH is SHA-256(SALT ‖ TOKEN), both in hex; `#`
/// starts a comment. Tokens are 32 random bytes (64 hex digits), so a plain
/// salted hash is enough: there is nothing to guess that a slow hash would
/// protect. `mnemo token` makes a token and its line. A presented token is
/// hashed with every entry's salt and compared in constant time against
/// every entry, so the time taken says nothing about which entry, if any,
/// came close.
public struct TokenStore: Sendable {
    /// One accepted token.
    public struct Entry: Sendable, Equatable {
        public var label: String
        public var role: TokenRole
        var salt: [UInt8]
        var hash: [UInt8]
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    /// Parses token-file text; errors name the line.
    public init(text: String, source: String = "tokens") throws {
        for (n, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: \.isWhitespace).map(String.init)
            if fields.isEmpty { continue }
            func fail(_ why: String) -> TokenFileError { TokenFileError(description: "\(source):\(n + 1): \(why)") }
            guard fields.count == 4 else { throw fail("expected LABEL ROLE SALT HASH, found \(fields.count) fields") }
            guard let role = TokenRole(rawValue: fields[1]) else { throw fail("role must be read or write, not '\(fields[1])'") }
            guard let salt = Self.unhex(fields[2]), salt.count >= 8 else { throw fail("the salt is not hexadecimal (at least 8 bytes)") }
            guard let hash = Self.unhex(fields[3]), hash.count == 32 else { throw fail("the hash is not 64 hexadecimal digits") }
            entries.append(Entry(label: fields[0], role: role, salt: salt, hash: hash))
        }
    }

    /// True when no token is configured (then nobody can write).
    public var isEmpty: Bool { entries.isEmpty }

    /// The entry a presented token matches, or nil.
    public func verify(_ token: String) -> Entry? {
        let bytes = Array(token.utf8)
        var found: Entry?
        for e in entries {
            let digest = Digest.sha256(e.salt + bytes)
            if Self.constantTimeEqual(digest, e.hash), found == nil { found = e }
        }
        return found
    }

    /// A new random token and its token-file line.
    public static func makeToken(label: String, role: TokenRole) -> (token: String, line: String) {
        var rng = SystemRandomNumberGenerator()
        let token = Digest.hex((0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) })
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let hash = Digest.sha256(salt + Array(token.utf8))
        return (token, "\(label) \(role.rawValue) \(Digest.hex(salt)) \(Digest.hex(hash))")
    }

    /// Compares two byte strings, taking time that depends only on their lengths.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<a.count { diff |= a[i] ^ b[i] }
        return diff == 0
    }

    static func unhex(_ s: String) -> [UInt8]? {
        let u = Array(s.utf8)
        guard u.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(u.count / 2)
        var i = 0
        while i < u.count {
            guard let h = nibble(u[i]), let l = nibble(u[i + 1]) else { return nil }
            out.append(h << 4 | l)
            i += 2
        }
        return out
    }
}

/// A malformed token file.
public struct TokenFileError: Error, CustomStringConvertible {
    public var description: String
}
