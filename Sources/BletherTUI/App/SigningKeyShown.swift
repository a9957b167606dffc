/// The key this program signs with, as the signing box shows it: whose it is and its whole
/// fingerprint (every digit of the key id), so the worker can compare it with the one they
/// were given. Set by the edge, which alone reads the key file.
///
/// ```swift
/// model.signingKey = SigningKeyShown(name: "Ann Smith", fingerprint: identity.fullFingerprint)
/// ```
package struct SigningKeyShown: Sendable, Equatable {
    package let name: String
    /// Every hex digit of the key id, in groups of four.
    package let fingerprint: String

    package init(name: String, fingerprint: String) {
        self.name = name
        self.fingerprint = fingerprint
    }
}
