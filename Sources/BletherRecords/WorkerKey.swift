import BletherCore
import Crypto
import CryptoExtras
import Foundation

/// A worker's (or advocate's, or manager's) Ed25519 signing key, kept on disk encrypted:
/// scrypt turns the passphrase into a key that seals, with AES-GCM, the private key and the
/// key that wraps the data keys sealing personal content.
///
/// A key made by Blether before version 2 of the file has no sealed wrapping key: the key
/// scrypt derives is itself the wrapping key. Such a key, or one sealed at a lower scrypt cost
/// than ``scryptCost``, is sealed again on its next successful unlock (``needsSealingAgain``,
/// ``sealedAgain(passphrase:key:)``) keeping the same wrapping key, so every record sealed
/// before still opens.
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
    /// The key that wraps data keys, sealed like the private key (version 2 on).
    let sealedWrappingKey: String?

    package static let currentKind = "blether-signing-key-v2"
    /// Files made before the wrapping key was sealed in them: scrypt's key wraps data keys.
    static let firstKind = "blether-signing-key-v1"

    /// The scrypt cost Blether seals keys with: N = 2^17, r = 8, p = 1, the OWASP minimum.
    /// Unlocking takes about 128 MiB for a moment, given back when it is done.
    package static let scryptCost = 1 << 17

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

    /// The scrypt costs a key file may have: powers of two in this range (Blether makes 2^17).
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
    package static func create(name typedName: String, role: SignerRole, passphrase: String, rounds: Int = scryptCost) throws(Problem) -> (file: WorkerKeyFile, key: UnlockedKey) {
        try checkNew(passphrase: passphrase)
        // The name is shown wherever the key's signatures are: one line, nothing that moves a terminal.
        let name = AnswerText.oneLine(typedName)
        let privateKey = Curve25519.Signing.PrivateKey()
        let identity = KeyIdentity(name: name, role: role, publicKey: privateKey.publicKey.rawRepresentation.base64EncodedString())
        let key = UnlockedKey(identity: identity, privateKey: privateKey, wrappingKey: SymmetricKey(size: .bits256))
        return (try seal(key, passphrase: passphrase, rounds: rounds), key)
    }

    /// Whether the file should be sealed again after it is next unlocked: it was made before
    /// the wrapping key was sealed in it, or at a lower scrypt cost than Blether uses now.
    package var needsSealingAgain: Bool {
        kind != WorkerKeyFile.currentKind || scryptRounds < WorkerKeyFile.scryptCost
    }

    /// The same key, sealed afresh under `passphrase` at ``scryptCost`` with a new salt; its
    /// wrapping key unchanged, so data keys wrapped before still open.
    package func sealedAgain(passphrase: String, key: UnlockedKey) throws(Problem) -> WorkerKeyFile {
        guard key.identity == identity else { throw .damaged("the key given is not the one in this file") }
        return try WorkerKeyFile.seal(key, passphrase: passphrase, rounds: WorkerKeyFile.scryptCost)
    }

    /// Seals the private key and the wrapping key under a key scrypt derives from `passphrase`.
    private static func seal(_ key: UnlockedKey, passphrase: String, rounds: Int) throws(Problem) -> WorkerKeyFile {
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
        let sealing = try deriveKey(passphrase: passphrase, salt: salt, rounds: rounds)
        do {
            let privateKey = try AES.GCM.seal(key.privateKey.rawRepresentation, using: sealing, authenticating: Data(currentKind.utf8)).combined!
            let wrapping = try AES.GCM.seal(key.wrappingKey.withUnsafeBytes { Data($0) }, using: sealing,
                                            authenticating: Data((currentKind + wrappingContext).utf8)).combined!
            return WorkerKeyFile(kind: currentKind, identity: key.identity, scryptSalt: salt.base64EncodedString(), scryptRounds: rounds,
                                 sealedPrivateKey: privateKey.base64EncodedString(), sealedWrappingKey: wrapping.base64EncodedString())
        } catch {
            throw .damaged("cannot seal the key: \(error)")
        }
    }

    /// Bound to the wrapping key's sealing, so it cannot be swapped with the private key's.
    private static let wrappingContext = "/wrapping-key"

    static func deriveKey(passphrase: String, salt: Data, rounds: Int) throws(Problem) -> SymmetricKey {
        // scrypt's working memory (128 MiB at 2^17) is one allocation, freed when it is done; the
        // C library gives one that large straight back to the system (the benchmark's memory
        // figure shows it).
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
        let version2 = kind == WorkerKeyFile.currentKind
        guard version2 || kind == WorkerKeyFile.firstKind, let salt = Data(base64Encoded: scryptSalt),
              let sealed = Data(base64Encoded: sealedPrivateKey),
              version2 == (sealedWrappingKey != nil) else { throw .damaged("the key file is not one Blether can read") }
        let sealedWrapping = try sealedWrappingKey.map { (text: String) throws(Problem) -> Data in
            guard let data = Data(base64Encoded: text) else { throw .damaged("the key file is not one Blether can read") }
            return data
        }
        // scrypt traps on a cost below 2 and cannot finish on a huge one: only what Blether makes is tried.
        guard WorkerKeyFile.scryptCosts.contains(scryptRounds), scryptRounds.nonzeroBitCount == 1 else {
            throw .damaged("the key file's scrypt cost \(scryptRounds) is not one Blether makes")
        }
        let sealing = try WorkerKeyFile.deriveKey(passphrase: passphrase, salt: salt, rounds: scryptRounds)
        let raw: Data
        do {
            raw = try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: sealing, authenticating: Data(kind.utf8))
        } catch {
            throw .wrongPassphrase
        }
        guard let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw),
              privateKey.publicKey.rawRepresentation.base64EncodedString() == identity.publicKey else {
            throw .damaged("the private key does not match the public key in the file")
        }
        var wrapping = sealing
        if let sealedWrapping {
            guard let opened = try? AES.GCM.open(AES.GCM.SealedBox(combined: sealedWrapping), using: sealing,
                                                 authenticating: Data((kind + WorkerKeyFile.wrappingContext).utf8)),
                  opened.count == 32 else {
                throw .damaged("the key file's wrapping key does not open with the passphrase that opens its private key")
            }
            wrapping = SymmetricKey(data: opened)
        }
        return UnlockedKey(identity: identity, privateKey: privateKey, wrappingKey: wrapping)
    }
}

/// An opened key: signs, and wraps and unwraps data keys. Lives in memory only.
package struct UnlockedKey: Sendable {
    package let identity: KeyIdentity
    let privateKey: Curve25519.Signing.PrivateKey
    /// Wraps the per-person data keys: sealed in the key file (in files made before version 2,
    /// the key scrypt derives from the passphrase).
    let wrappingKey: SymmetricKey

    package func sign(_ bytes: Data) throws -> Data {
        try privateKey.signature(for: bytes)
    }
}
