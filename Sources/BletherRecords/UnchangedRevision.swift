import Foundation

/// Whether a revision about to be signed says nothing its predecessor did not: the same answers
/// and who gave them, the same sections marked, the same words from the person, the same
/// agreement, costing and decision. Only what differs in every revision is left out of the
/// comparison — its number, its link to the one before, who sealed it and when — and the moment
/// the summary was last read back (reading the same summary again changes nothing agreed).
///
/// ```swift
/// if UnchangedRevision.isUnchanged(payload.canonical, since: latestEnvelope) { /* refuse to sign */ }
/// ```
public enum UnchangedRevision {
    /// Payload members that differ in every revision, however little changed.
    public static let sealingFields: Set<String> = ["revision", "prev", "signer", "sealedAt"]

    /// Whether `next` says the same as the payload `latest` signed.
    public static func isUnchanged(_ next: CanonicalValue, since latest: Envelope) -> Bool {
        // Both as the one encoding reads them back, so text is compared exactly as it is signed.
        guard let previous = try? CanonicalValue(decoding: latest.payload), let next = try? CanonicalValue(decoding: next.encoded) else { return false }
        return said(next) == said(previous)
    }

    /// A payload without the members that always differ.
    static func said(_ payload: CanonicalValue) -> CanonicalValue? {
        guard case .object(var members) = payload else { return nil }
        for field in sealingFields { members[field] = nil }
        if case .object(var readBack)? = members["readBack"] {
            readBack["at"] = nil
            members["readBack"] = .object(readBack)
        }
        return .object(members)
    }
}
