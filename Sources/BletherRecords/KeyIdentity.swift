import BletherCore
import Crypto
import Foundation

/// Who a public key belongs to: a worker, an advocate, a witness or a manager.
public struct KeyIdentity: Sendable, Equatable, Codable {
    public let name: String
    public let role: SignerRole
    /// Raw 32-byte Ed25519 public key, base64.
    public let publicKey: String

    public init(name: String, role: SignerRole, publicKey: String) {
        self.name = name
        self.role = role
        self.publicKey = publicKey
    }

    /// A key file naming a role Blether does not know: refused, never read as another role.
    public struct UnknownRole: Error, Equatable, CustomStringConvertible {
        public let role: String
        public var description: String { "the role \"\(BidiIsolation.visible(role))\" is not one of \(SignerRole.allNames)" }
    }

    enum CodingKeys: String, CodingKey { case name, role, publicKey }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let roleText = try container.decode(String.self, forKey: .role)
        guard let role = SignerRole(rawValue: roleText) else { throw UnknownRole(role: roleText) }
        self.init(name: try container.decode(String.self, forKey: .name), role: role,
                  publicKey: try container.decode(String.self, forKey: .publicKey))
    }

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

    /// The signer as a payload names it (`signer`, and a decision's `by`).
    public var canonical: CanonicalValue {
        .keyed([PayloadKey.Signer.keyID: .string(keyID), .name: .string(name), .role: .string(role.rawValue)])
    }

    public var signingPublicKey: Curve25519.Signing.PublicKey? {
        Data(base64Encoded: publicKey).flatMap { try? Curve25519.Signing.PublicKey(rawRepresentation: $0) }
    }
}
