import Crypto
import Foundation
import Synchronization

/// The worker's key as this process opened it, with a salted hash of the passphrase that
/// opened it: when the worker types the passphrase again — to sign, or to end the person's
/// review — it is checked against the hash, and scrypt's deliberate cost is paid once per
/// process, not at every confirmation. Anything else typed is tried against the key file as
/// before (a passphrase file's line ending, say), so nothing that opened the key is refused.
///
/// ```swift
/// let opened = OpenedKey(key: unlocked, passphrase: typed)
/// opened.isOpened(by: typedAgain)   // true: no key derivation
/// ```
package struct OpenedKey: Sendable {
    package let key: UnlockedKey
    private let salt: [UInt8]
    private let digest: [UInt8]

    package init(key: UnlockedKey, passphrase: String) {
        self.key = key
        salt = (0..<16).map { _ in UInt8.random(in: 0...255) }
        digest = OpenedKey.hash(passphrase, salt: salt)
    }

    /// Whether `passphrase` is the one that opened the key, compared in constant time.
    package func isOpened(by passphrase: String) -> Bool {
        let typed = OpenedKey.hash(passphrase, salt: salt)
        return zip(typed, digest).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0 && typed.count == digest.count
    }

    private static func hash(_ passphrase: String, salt: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: Data(salt) + Data(passphrase.precomposedStringWithCanonicalMapping.utf8)))
    }
}

/// Where a process keeps the key it opened (``OpenedKey``), for every part of it to confirm against.
package final class OpenedKeyMemory: Sendable {
    private let opened = Mutex<OpenedKey?>(nil)

    package init() {}

    package func remember(_ key: OpenedKey) { opened.withLock { $0 = key } }

    /// The key this process opened, when `passphrase` is the one that opened it and it is `identity`'s.
    package func key(of identity: KeyIdentity, confirmedBy passphrase: String) -> UnlockedKey? {
        opened.withLock { $0 }.flatMap { $0.key.identity == identity && $0.isOpened(by: passphrase) ? $0.key : nil }
    }
}
