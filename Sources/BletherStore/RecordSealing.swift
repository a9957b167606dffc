import BletherCore
import BletherRecords
import Foundation

/// Seals, countersigns and verifies records in a store, writing each to the audit log.
///
/// ```swift
/// let sealing = RecordSealing(store: store)
/// let envelope = try sealing.seal(conversation: summary, session: session, formSHA256: hash, key: unlocked, at: .now)
/// let result = try sealing.verify(record: summary.id, trusted: keys.trustedIdentities())
/// ```
public struct RecordSealing: Sendable {
    public let store: ConversationStore

    public init(store: ConversationStore) {
        self.store = store
    }

    /// Why a record cannot be sealed yet.
    public enum Problem: Error, Equatable, Sendable {
        /// These sections still need an answer or a mark.
        case incomplete(sections: [String])
        /// The form asks whether the summary was read back, and it has not been shown.
        case notReadBack(question: String)
        /// Answers changed after the summary was read back; it must be read back again.
        case readBackOutdated
        case store(StoreError)
        case signing(String)
    }

    /// Seals the conversation as its next revision, linked to the last, signed with `key`.
    @discardableResult
    ///
    /// - Parameter readBackText: the summary as it would be read back now, in a language; its
    ///   hash must match the one recorded when it was read back, or the person agreed to something else.
    public func seal(conversation summary: ConversationSummary, session: Session, formSHA256: String, key: UnlockedKey, at now: Date,
                     readBackText: (String) -> String?) throws(Problem) -> Envelope {
        let incomplete = session.form.sections.filter { !session.state(of: $0).isComplete }.map(\.id)
        guard incomplete.isEmpty else { throw .incomplete(sections: incomplete) }
        do {
            let readBack = try store.latestReadBack(conversation: summary.id)
            if session.form.question(id: ReadBackSummary.questionID) != nil, readBack == nil {
                throw Problem.notReadBack(question: ReadBackSummary.questionID)
            }
            if let readBack, let current = readBackText(readBack.language), ContentHash.sha256(current) != readBack.sha256 {
                throw Problem.readBackOutdated
            }
            let previous = try store.revisions(record: summary.id)
            let payload = AssessmentPayload(
                record: summary.id, revision: previous.count + 1, previous: previous.last?.revisionID, form: session.form,
                formSHA256: formSHA256, person: summary.person, language: summary.language, session: session,
                readBack: readBack.map { ReadBackShown(language: $0.language, sha256: $0.sha256, at: $0.at) },
                signer: key.identity, sealedAt: now,
                comments: try store.reviewComments(conversation: summary.id).map { PersonComment(text: $0.text, speaker: $0.speaker, at: $0.at) })
            let envelope = try Envelope.sign(payload: payload.canonical.encoded, type: Envelope.assessmentType, with: key)
            try store.appendRevision(record: summary.id, number: previous.count + 1, revisionID: envelope.revisionID, envelope: envelope.encoded, at: now)
            try store.audit(actor: key.identity.keyID, action: "sealed", record: summary.id, detail: "revision \(previous.count + 1) \(envelope.revisionID)", at: now)
            return envelope
        } catch let problem as Problem {
            throw problem
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .signing("\(error)")
        }
    }

    /// Adds `key`'s signature to the latest revision, as an advocate, witness or manager.
    public func countersign(record: String, key: UnlockedKey, at now: Date) throws(Problem) -> String {
        do {
            guard let latest = try store.revisions(record: record).last else { throw Problem.store(.noConversation(id: record)) }
            let envelope = try Envelope(decoding: latest.envelope)
            let signature = try key.sign(envelope.signedBytes)
            try store.addCountersignature(revisionID: latest.revisionID, keyID: key.identity.keyID, signature: signature, at: now)
            try store.audit(actor: key.identity.keyID, action: "countersigned", record: record, detail: "revision \(latest.number) as \(key.identity.role)", at: now)
            return latest.revisionID
        } catch let problem as Problem {
            throw problem
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .signing("\(error)")
        }
    }

    /// Each revision's envelope with its countersignatures, as it would be exported.
    public func envelopes(record: String) throws(StoreError) -> [Data] {
        try store.revisions(record: record).map { revision in
            guard var envelope = try? Envelope(decoding: revision.envelope) else { return revision.envelope }
            for counter in revision.countersignatures {
                envelope = Envelope(payloadType: envelope.payloadType, payload: envelope.payload,
                                    signatures: envelope.signatures + [.init(keyID: counter.keyID, bytes: counter.signature)])
            }
            return envelope.encoded
        }
    }

    /// Verifies one record against the trusted keys and notes it in the audit log.
    public func verify(record: String, trusted: [KeyIdentity], actor: String = "verify", at now: Date = Date()) throws(StoreError) -> RevisionVerifier.Result {
        let result = RevisionVerifier(trusted: trusted).verify(record: record, envelopes: try envelopes(record: record))
        try store.audit(actor: actor, action: result.failure == nil ? "verified" : "verify-failed", record: record,
                        detail: result.failure?.description ?? "\(result.revisions) revisions", at: now)
        return result
    }
}
