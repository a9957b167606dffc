import Crypto
import Foundation

/// Who a public key belongs to: a worker, an advocate, a witness or a manager.
public struct KeyIdentity: Sendable, Equatable, Codable {
    public let name: String
    public let role: String
    /// Raw 32-byte Ed25519 public key, base64.
    public let publicKey: String

    public init(name: String, role: String, publicKey: String) {
        self.name = name
        self.role = role
        self.publicKey = publicKey
    }

    /// The roles a key may have.
    public static let roles = ["worker", "advocate", "witness", "team-leader", "service-manager"]

    /// SHA-256 of the raw public key, hex: the key id in every signature.
    public var keyID: String {
        KeyIdentity.keyID(of: Data(base64Encoded: publicKey) ?? Data())
    }

    public static func keyID(of rawPublicKey: Data) -> String {
        Data(SHA256.hash(data: rawPublicKey)).hex
    }

    /// The first 16 hex digits in groups of four, for reading aloud and comparing by eye.
    public var fingerprint: String {
        KeyIdentity.fingerprint(of: keyID)
    }

    /// Safe for any text: an id from an untrusted bundle may be short or odd.
    public static func fingerprint(of keyID: String) -> String {
        let digits = Array(keyID.prefix(16))
        return stride(from: 0, to: digits.count, by: 4).map { String(digits[$0..<min($0 + 4, digits.count)]) }.joined(separator: " ")
    }

    public var signingPublicKey: Curve25519.Signing.PublicKey? {
        Data(base64Encoded: publicKey).flatMap { try? Curve25519.Signing.PublicKey(rawRepresentation: $0) }
    }
}
