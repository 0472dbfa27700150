/// The message digests behind SPARQL's hash functions, for other modules
/// (the HTTP service hashes its access tokens with SHA-256).
public enum Digest {
    /// SHA-256 (FIPS 180-4) of `message`: 32 bytes.
    public static func sha256(_ message: [UInt8]) -> [UInt8] { Hashes.sha256(message) }

    /// Lower-case hexadecimal spelling of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String { Hashes.hex(bytes) }
}
