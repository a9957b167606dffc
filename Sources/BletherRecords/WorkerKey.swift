import BletherCore
import Crypto
import CryptoExtras
import Foundation

/// A worker's (or advocate's, or manager's) Ed25519 signing key, kept on disk encrypted:
/// scrypt turns the passphrase into a key that seals the private key with AES-GCM.
/// The same passphrase-derived key also wraps the data keys that seal personal content.
///
/// ```swift
/// let file = try WorkerKeyFile.create(name: "Ailsa Grant", role: .worker, passphrase: "…")
/// let unlocked = try file.unlock(passphrase: "…")
/// let signature = try unlocked.sign(bytes)
/// ```
package struct WorkerKeyFile: Sendable, Codable, Equatable {
    package let kind: String
    package let identity: KeyIdentity
    let scryptSalt: String
    let scryptRounds: Int
    let sealedPrivateKey: String

    package static let currentKind = "blether-signing-key-v1"

    /// Why a key could not be made or opened.
    package enum Problem: Error, Equatable, Sendable {
        case wrongPassphrase
        case damaged(String)
        case passphraseTooShort(minimum: Int)
        /// Spaces, tabs or line breaks only: nothing anyone would remember typing.
        case passphraseOnlyWhiteSpace
        /// Long enough, but fewer than `minimum` characters anyone can see — letters, digits,
        /// punctuation or symbols — the rest being controls (NUL, Esc), invisible formatting
        /// (U+200B) or white space.
        case passphraseTooFewVisible(minimum: Int)
    }

    package static let minimumPassphraseLength = 10

    /// The scrypt costs a key file may have: powers of two in this range (Blether makes 2^15).
    static let scryptCosts = 2...(1 << 20)

    /// Whether `passphrase` may seal a new key: at least ``minimumPassphraseLength``
    /// characters, and as many of them visible (``isVisible(_:)``), so not only white space,
    /// controls or invisible formatting. Keys made before keep opening as they were.
    package static func checkNew(passphrase: String) throws(Problem) {
        if !passphrase.isEmpty, passphrase.allSatisfy(\.isWhitespace) { throw .passphraseOnlyWhiteSpace }
        guard passphrase.count >= minimumPassphraseLength else { throw .passphraseTooShort(minimum: minimumPassphraseLength) }
        guard passphrase.filter(isVisible).count >= minimumPassphraseLength else { throw .passphraseTooFewVisible(minimum: minimumPassphraseLength) }
    }

    /// Whether a person sees `character` when it is written: a letter, digit, punctuation mark
    /// or symbol (with any accents on it), not a control, a format character or white space.
    package static func isVisible(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        return switch first.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default:
            false
        }
    }

    /// A new key, sealed under `passphrase`. `rounds` is scrypt's cost (a power of two).
    package static func create(name typedName: String, role: SignerRole, passphrase: String, rounds: Int = 1 << 15) throws(Problem) -> (file: WorkerKeyFile, key: UnlockedKey) {
        try checkNew(passphrase: passphrase)
        // The name is shown wherever the key's signatures are: one line, nothing that moves a terminal.
        let name = AnswerText.oneLine(typedName)
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
    ///
    /// Earlier versions of Blether read a passphrase file with Windows (CRLF) or old Mac (CR)
    /// line endings with the ending still on, and sealed the key under that: when the words
    /// alone do not open a key, they are tried once more with `\r\n`, then `\r`, after them,
    /// so such a key opens with the same words typed, or in any file.
    package func unlock(passphrase: String) throws(Problem) -> UnlockedKey {
        do {
            return try unlock(exactly: passphrase)
        } catch .wrongPassphrase where !passphrase.hasSuffix("\r") && !passphrase.hasSuffix("\n") {
            for ending in ["\r\n", "\r"] {
                if let opened = try? unlock(exactly: passphrase + ending) { return opened }
            }
            throw .wrongPassphrase
        }
    }

    private func unlock(exactly passphrase: String) throws(Problem) -> UnlockedKey {
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
package struct UnlockedKey: Sendable {
    package let identity: KeyIdentity
    let privateKey: Curve25519.Signing.PrivateKey
    /// Derived from the passphrase; wraps the per-person data keys.
    let wrappingKey: SymmetricKey

    package func sign(_ bytes: Data) throws -> Data {
        try privateKey.signature(for: bytes)
    }
}
