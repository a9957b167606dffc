import Crypto
import CryptoExtras
import Foundation

/// A worker's (or advocate's, or manager's) Ed25519 signing key, kept on disk encrypted:
/// scrypt turns the passphrase into a key that seals the private key with AES-GCM.
/// The same passphrase-derived key also wraps the data keys that seal personal content.
///
/// ```swift
/// let file = try WorkerKeyFile.create(name: "Ailsa Grant", role: "worker", passphrase: "…")
/// let unlocked = try file.unlock(passphrase: "…")
/// let signature = try unlocked.sign(bytes)
/// ```
public struct WorkerKeyFile: Sendable, Codable, Equatable {
    public let kind: String
    public let identity: KeyIdentity
    let scryptSalt: String
    let scryptRounds: Int
    let sealedPrivateKey: String

    public static let currentKind = "blether-signing-key-v1"

    /// Why a key could not be made or opened.
    public enum Problem: Error, Equatable, Sendable {
        case wrongPassphrase
        case damaged(String)
        case passphraseTooShort(minimum: Int)
    }

    public static let minimumPassphraseLength = 10

    /// The scrypt costs a key file may have: powers of two in this range (Blether makes 2^15).
    static let scryptCosts = 2...(1 << 20)

    /// A new key, sealed under `passphrase`. `rounds` is scrypt's cost (a power of two).
    public static func create(name: String, role: String, passphrase: String, rounds: Int = 1 << 15) throws(Problem) -> (file: WorkerKeyFile, key: UnlockedKey) {
        guard passphrase.count >= minimumPassphraseLength else { throw .passphraseTooShort(minimum: minimumPassphraseLength) }
        let privateKey = Curve25519.Signing.PrivateKey()
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
        let wrapping = try deriveKey(passphrase: passphrase, salt: salt, rounds: rounds)
        let sealed: Data
        do {
            sealed = try AES.GCM.seal(privateKey.rawRepresentation, using: wrapping, authenticating: Data(currentKind.utf8)).combined!
        } catch {
            throw .damaged("cannot seal the key: \(error)")
        }
        let identity = KeyIdentity(name: name, role: role, publicKey: privateKey.publicKey.rawRepresentation.base64EncodedString())
        let file = WorkerKeyFile(kind: currentKind, identity: identity, scryptSalt: salt.base64EncodedString(), scryptRounds: rounds,
                                 sealedPrivateKey: sealed.base64EncodedString())
        return (file, UnlockedKey(identity: identity, privateKey: privateKey, wrappingKey: wrapping))
    }

    static func deriveKey(passphrase: String, salt: Data, rounds: Int) throws(Problem) -> SymmetricKey {
        do {
            return try KDF.Scrypt.deriveKey(from: Data(passphrase.precomposedStringWithCanonicalMapping.utf8), salt: salt,
                                            outputByteCount: 32, rounds: rounds, blockSize: 8, parallelism: 1)
        } catch {
            throw .damaged("scrypt failed: \(error)")
        }
    }

    /// Opens the key. A wrong passphrase reveals nothing but that it is wrong.
    public func unlock(passphrase: String) throws(Problem) -> UnlockedKey {
        guard kind == WorkerKeyFile.currentKind, let salt = Data(base64Encoded: scryptSalt),
              let sealed = Data(base64Encoded: sealedPrivateKey) else { throw .damaged("the key file is not one Blether can read") }
        // scrypt traps on a cost below 2 and cannot finish on a huge one: only what Blether makes is tried.
        guard WorkerKeyFile.scryptCosts.contains(scryptRounds), scryptRounds.nonzeroBitCount == 1 else {
            throw .damaged("the key file's scrypt cost \(scryptRounds) is not one Blether makes")
        }
        let wrapping = try WorkerKeyFile.deriveKey(passphrase: passphrase, salt: salt, rounds: scryptRounds)
        let raw: Data
        do {
            raw = try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: wrapping, authenticating: Data(kind.utf8))
        } catch {
            throw .wrongPassphrase
        }
        guard let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw),
              privateKey.publicKey.rawRepresentation.base64EncodedString() == identity.publicKey else {
            throw .damaged("the private key does not match the public key in the file")
        }
        return UnlockedKey(identity: identity, privateKey: privateKey, wrappingKey: wrapping)
    }
}

/// An opened key: signs, and wraps and unwraps data keys. Lives in memory only.
public struct UnlockedKey: Sendable {
    public let identity: KeyIdentity
    let privateKey: Curve25519.Signing.PrivateKey
    /// Derived from the passphrase; wraps the per-person data keys.
    let wrappingKey: SymmetricKey

    public func sign(_ bytes: Data) throws -> Data {
        try privateKey.signature(for: bytes)
    }
}
