import BletherCore
import Foundation

/// One signed revision of a record as a copy shows it: what it says, and every signature on
/// it with the day each was made. Every signature must verify with a key trusted here, and
/// names and roles come only from what is authenticated: the first signature's signer as named
/// in the signed payload (whose key made that signature), and each countersignature's key as
/// trusted on this machine — never from an unsigned list.
///
/// ```swift
/// let revision = try SignedRevision(envelope: envelope, form: form, trusted: keys, countersignedAt: [keyID: date])
/// revision.signatures.map(\.name)   // ["Ailsa Grant", "Jo Advocate"]
/// ```
package struct SignedRevision: Sendable {
    /// A signature as a copy names it.
    package struct Signature: Sendable, Equatable {
        package let name: String
        package let role: SignerRole
        package let keyID: String
        /// The day it was made, `YYYY-MM-DD`.
        package let date: String

        package init(name: String, role: SignerRole, keyID: String, date: String) {
            self.name = name
            self.role = role
            self.keyID = keyID
            self.date = date
        }
    }

    package let content: SignedRecordContent
    /// The signer's signature first, then each countersignature in the order it was added.
    package let signatures: [Signature]

    /// - Parameters:
    ///   - envelope: the revision's envelope with its countersignatures after the signer's own.
    ///   - trusted: the keys trusted here; every signature must verify with one of them.
    ///   - countersignedAt: when each countersignature was added, by key id (else the day it was sealed).
    package init(envelope: Envelope, form: Form, trusted: [KeyIdentity], countersignedAt: [String: Date] = [:]) throws {
        let content = try SignedRecordContent(envelope: envelope, form: form)
        let sealedDay = String(content.sealedAt.prefix(10))
        guard let first = envelope.signatures.first, first.keyID == content.signer.keyID else {
            throw SignedRecordContent.Unreadable(
                description: "revision \(content.revision): the payload names \(content.signer.name) as its signer, but that key did not sign it")
        }
        // Only a signature that verifies with a key trusted here is named at all.
        func trustedSigner(of signature: Envelope.Signature) throws -> KeyIdentity {
            guard let identity = trusted.first(where: { $0.keyID == signature.keyID }), let publicKey = identity.signingPublicKey,
                  envelope.isValid(signature, publicKey: publicKey) else {
                throw SignedRecordContent.Unreadable(
                    description: "revision \(content.revision): signed by key \(KeyIdentity.fingerprint(of: signature.keyID)), which is not trusted here or does not verify")
            }
            return identity
        }
        _ = try trustedSigner(of: first)
        var signatures = [Signature(name: content.signer.name, role: content.signer.role, keyID: first.keyID, date: sealedDay)]
        for counter in envelope.signatures.dropFirst() {
            let identity = try trustedSigner(of: counter)
            let day = countersignedAt[counter.keyID].map { String(RecordTime.text($0).prefix(10)) } ?? sealedDay
            signatures.append(Signature(name: identity.name, role: identity.role, keyID: counter.keyID, date: day))
        }
        self.content = content
        self.signatures = signatures
    }
}
