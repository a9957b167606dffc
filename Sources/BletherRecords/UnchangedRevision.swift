import Foundation

/// Whether a revision about to be signed says nothing its predecessor did not: the same answers
/// and who gave them, the same sections marked, the same words from the person, the same
/// agreement, costing and decision. Left out of the comparison is what differs in every revision
/// — its number, its link to the one before, who sealed it and when — and the moments at which
/// answers, marks and the read-back were given: the same answer typed again, or the same summary
/// read again, changes nothing the person agreed to.
///
/// ```swift
/// if UnchangedRevision.isUnchanged(payload.canonical, since: latestEnvelope) { /* refuse to sign */ }
/// ```
package enum UnchangedRevision {
    /// Payload members that differ in every revision, however little changed.
    package static let sealingFields: Set<PayloadKey> = [.revision, .prev, .signer, .sealedAt]

    /// Whether `next` says the same as the payload `latest` signed.
    package static func isUnchanged(_ next: CanonicalValue, since latest: Envelope) -> Bool {
        // Both as the one encoding reads them back, so text is compared exactly as it is signed.
        guard let previous = try? CanonicalValue(decoding: latest.payload), let next = try? CanonicalValue(decoding: next.encoded) else { return false }
        return said(next) == said(previous)
    }

    /// A payload without the members that always differ, nor the moments things were said.
    static func said(_ payload: CanonicalValue) -> CanonicalValue? {
        guard case .object(var members) = payload else { return nil }
        for field in sealingFields { members[field.rawValue] = nil }
        func withoutMoment(_ value: CanonicalValue) -> CanonicalValue {
            guard case .object(var entry) = value else { return value }
            // Answers, marks and the read-back all name their moment `at`.
            entry[PayloadKey.Answer.at.rawValue] = nil
            return .object(entry)
        }
        for field in [PayloadKey.answers, .nothingHere].map(\.rawValue) {
            if case .array(let entries)? = members[field] { members[field] = .array(entries.map(withoutMoment)) }
        }
        if case .object(let agreement)? = members[PayloadKey.agreement.rawValue] {
            members[PayloadKey.agreement.rawValue] = .object(agreement.mapValues(withoutMoment))
        }
        if let readBack = members[PayloadKey.readBack.rawValue] { members[PayloadKey.readBack.rawValue] = withoutMoment(readBack) }
        return .object(members)
    }
}
