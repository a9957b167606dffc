import BletherCore
import Crypto
import Foundation

/// Who a public key belongs to: a worker, an advocate, a witness or a manager.
package struct KeyIdentity: Sendable, Equatable, Codable {
    package let name: String
    package let role: SignerRole
    /// Raw 32-byte Ed25519 public key, base64.
    package let publicKey: String

    package init(name: String, role: SignerRole, publicKey: String) {
        self.name = name
        self.role = role
        self.publicKey = publicKey
    }

    /// A key file naming a role Blether does not know: refused, never read as another role.
    package struct UnknownRole: Error, Equatable, CustomStringConvertible {
        package let role: String
        package var description: String { "the role \"\(BidiIsolation.visible(role))\" is not one of \(SignerRole.allNames)" }
    }

    enum CodingKeys: String, CodingKey { case name, role, publicKey }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let roleText = try container.decode(String.self, forKey: .role)
        guard let role = SignerRole(rawValue: roleText) else { throw UnknownRole(role: roleText) }
        self.init(name: try container.decode(String.self, forKey: .name), role: role,
                  publicKey: try container.decode(String.self, forKey: .publicKey))
    }

    /// SHA-256 of the raw public key, hex: the key id in every signature.
    package var keyID: String {
        KeyIdentity.keyID(of: Data(base64Encoded: publicKey) ?? Data())
    }

    package static func keyID(of rawPublicKey: Data) -> String {
        Data(SHA256.hash(data: rawPublicKey)).hex
    }

    /// The first 16 hex digits in groups of four, for reading aloud and comparing by eye.
    package var fingerprint: String {
        KeyIdentity.fingerprint(of: keyID)
    }

    /// Safe for any text: an id from an untrusted bundle may be short or odd.
    package static func fingerprint(of keyID: String) -> String {
        let digits = Array(keyID.prefix(16))
        return stride(from: 0, to: digits.count, by: 4).map { String(digits[$0..<min($0 + 4, digits.count)]) }.joined(separator: " ")
    }

    /// Every hex digit of the key id in groups of four: what the signing box shows, to compare whole.
    package var fullFingerprint: String {
        let digits = Array(keyID)
        return stride(from: 0, to: digits.count, by: 4).map { String(digits[$0..<min($0 + 4, digits.count)]) }.joined(separator: " ")
    }

    /// The signer as a payload names it (`signer`, and a decision's `by`).
    package var canonical: CanonicalValue {
        .keyed([PayloadKey.Signer.keyID: .string(keyID), .name: .string(name), .role: .string(role.rawValue)])
    }

    package var signingPublicKey: Curve25519.Signing.PublicKey? {
        Data(base64Encoded: publicKey).flatMap { try? Curve25519.Signing.PublicKey(rawRepresentation: $0) }
    }
}
