import Crypto
import Foundation

/// AES-GCM sealing of personal content at rest. Each conversation (one supported person)
/// has its own random data key; the data key is kept only wrapped by the worker's wrapping
/// key, which is sealed in their key file under their passphrase. The context (such as the conversation id and what the bytes
/// are) is authenticated, so sealed bytes cannot be moved to another row unnoticed.
///
/// ```swift
/// let dataKey = PersonalDataSealing.newDataKey()
/// let wrapped = try unlocked.wrap(dataKey, context: "conversation k7m2qx9a")
/// let sealed = try PersonalDataSealing.seal(Data("Morag".utf8), with: dataKey, context: "k7m2qx9a person")
/// ```
package enum PersonalDataSealing {
    package struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        package let description: String
    }

    package static func newDataKey() -> SymmetricKey {
        SymmetricKey(size: .bits256)
    }

    package static func seal(_ plaintext: Data, with key: SymmetricKey, context: String) throws(Failure) -> Data {
        do {
            return try AES.GCM.seal(plaintext, using: key, authenticating: Data(context.utf8)).combined!
        } catch {
            throw Failure(description: "cannot seal: \(error)")
        }
    }

    package static func open(_ sealed: Data, with key: SymmetricKey, context: String) throws(Failure) -> Data {
        do {
            return try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: key, authenticating: Data(context.utf8))
        } catch {
            throw Failure(description: "sealed data for \(context) does not open with this key")
        }
    }
}

extension UnlockedKey {
    /// Wraps a data key under the worker's wrapping key.
    package func wrap(_ dataKey: SymmetricKey, context: String) throws(PersonalDataSealing.Failure) -> Data {
        let raw = dataKey.withUnsafeBytes { Data($0) }
        return try PersonalDataSealing.seal(raw, with: wrappingKey, context: "data-key " + context)
    }

    package func unwrap(_ wrapped: Data, context: String) throws(PersonalDataSealing.Failure) -> SymmetricKey {
        SymmetricKey(data: try PersonalDataSealing.open(wrapped, with: wrappingKey, context: "data-key " + context))
    }
}
