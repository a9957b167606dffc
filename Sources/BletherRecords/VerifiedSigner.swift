import BletherCore

/// Who made one signature on a revision, as far as it is authenticated: by this machine's
/// trust, never by the bundle or file that carried the key.
///
/// ```swift
/// for signer in result.signatures.last ?? [] { print(signer) }   // "Ailsa Grant (worker)"
/// ```
package struct VerifiedSigner: Sendable, Equatable, CustomStringConvertible {
    /// SHA-256 of the signing key: the same on every machine.
    package let keyID: String
    /// The name and role this machine trusts the key with; `nil` when it does not know the key.
    package let trusted: KeyIdentity?
    /// The name the signed payload gives its signer — the key holder's own word, confirmed by
    /// nobody; only the first signature of a revision has one.
    package let namedInPayload: String?

    package init(keyID: String, trusted: KeyIdentity?, namedInPayload: String?) {
        self.keyID = keyID
        self.trusted = trusted
        self.namedInPayload = namedInPayload
    }

    package var isConfirmed: Bool { trusted != nil }

    package var description: String {
        if let trusted { return "\(BidiIsolation.isolate(trusted.name)) (\(trusted.role.rawValue))" }
        let said = namedInPayload.map { "“\(BidiIsolation.isolate($0))”, " } ?? ""
        return "\(said)name unconfirmed — key \(KeyIdentity.fingerprint(of: keyID))"
    }
}
