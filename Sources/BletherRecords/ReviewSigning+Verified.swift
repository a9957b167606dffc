import BletherCore
import Foundation

extension ReviewSigning {
    /// What the review says about signing, from a record's verification and its latest signed
    /// revision as read: the signer's name only as this machine trusts the key that verifiably
    /// signed that revision, and the day from inside the signed payload.
    ///
    /// ```swift
    /// let signing = ReviewSigning(verified: try sealing.verify(record: id, trusted: keys), latest: content)
    /// ```
    package init(verified: RevisionVerifier.Result, latest: SignedRecordContent?) {
        guard verified.revisions > 0 else {
            self = .notSigned
            return
        }
        guard verified.failure == nil, let latest, latest.revision == verified.revisions, let signer = verified.signatures.last?.first, signer.keyID == latest.signer.keyID,
              let trusted = signer.trusted, let at = try? Date.ISO8601FormatStyle().parse(latest.sealedAt) else {
            self = .unchecked
            return
        }
        self = .signed(name: trusted.name, at: at)
    }
}
