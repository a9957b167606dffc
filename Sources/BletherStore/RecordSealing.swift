import BletherCore
import BletherRecords
import Foundation
import Synchronization

/// Seals, countersigns and verifies records in a store, writing each to the audit log.
///
/// ```swift
/// let sealing = RecordSealing(store: store)
/// let envelope = try sealing.seal(conversation: summary, session: session, formSHA256: hash, key: unlocked, at: .now)
/// let result = try sealing.verify(record: summary.id, trusted: keys.trustedIdentities())
/// ```
package struct RecordSealing: Sendable {
    package let store: ConversationStore

    package init(store: ConversationStore) {
        self.store = store
    }

    /// Why a record cannot be sealed yet.
    package enum Problem: Error, Equatable, Sendable {
        /// These sections still need an answer or a mark.
        case incomplete(sections: [String])
        /// The form asks whether the summary was read back, and it has not been shown.
        case notReadBack(question: String)
        /// Answers changed after the summary was read back; it must be read back again.
        case readBackOutdated
        /// The amounts cannot be worked out from the plan and the rules.
        case costing(CostingCalculation.Problem)
        /// How the amount was worked out has not been gone through with the person.
        case costingNotShown
        /// The costing changed after it was gone through with the person.
        case costingOutdated
        /// A decision revision cannot be signed.
        case decision(DecisionRevision.Problem)
        /// Nothing in the conversation changed since this revision was signed (``UnchangedRevision``).
        case unchanged(revision: Int)
        /// The key signed a revision of the record (the assessing worker, or a decider), so it cannot countersign it.
        case countersignOwn(revision: Int)
        /// The key has already countersigned this revision.
        case countersignedAlready(revision: Int, at: Date)
        case store(StoreError)
        case signing(String)
    }

    /// Seals the conversation as its next revision, linked to the last, signed with `key`.
    ///
    /// - Parameter readBackText: the summary as it would be read back now, in a language; its
    ///   hash must match the one recorded when it was read back, or the person agreed to something else.
    /// - Parameter costing: the costing worked out and explained in a language (the one it was
    ///   shown in, or `nil` for the record's), when the form costs support.
    @discardableResult
    package func seal(conversation summary: ConversationSummary, session: Session, formSHA256: String, key: UnlockedKey, at now: Date,
                     readBackText: (String) -> String?,
                     costing: (String?) throws(CostingCalculation.Problem) -> CostingRecord? = { _ in nil }) throws(Problem) -> Envelope {
        let states = session.sectionStates
        let incomplete = session.form.sections.filter { states[$0.id]?.isComplete != true }.map(\.id)
        guard incomplete.isEmpty else { throw .incomplete(sections: incomplete) }
        return try reportingProblems {
            // The person agreed to one read-back, whose hash was kept with their agreement: the
            // record signed must read back exactly that text.
            var readBack: ShownTextNote?
            if let agreement = session.form.agreement, let question = agreement.readBack {
                guard let agreed = try store.agreedReadBack(conversation: summary.id) else { throw Problem.notReadBack(question: question) }
                guard let current = readBackText(agreed.language), ContentHash.sha256(current) == agreed.sha256 else { throw Problem.readBackOutdated }
                readBack = agreed
            }
            let previous = try store.revisions(record: summary.id)
            // The explanation kept is the one gone through with the person: same language, same words.
            let shownCosting = try store.latestShown(.costing, conversation: summary.id)
            let worked: CostingRecord?
            do throws(CostingCalculation.Problem) { worked = try costing(shownCosting?.language) } catch { throw Problem.costing(error) }
            if let worked {
                // Gone through once, then changed: it is out of date rather than never shown.
                guard let shownCosting else { throw try store.wasShown(.costing, conversation: summary.id) ? Problem.costingOutdated : Problem.costingNotShown }
                guard ContentHash.sha256(worked.explanation) == shownCosting.sha256 else { throw Problem.costingOutdated }
            }
            // A decision signed by a team leader or service manager stays with later revisions
            // only while the costing it decided is unchanged; a new plan or option is decided afresh.
            let decision = try previous.last.flatMap { try DecisionRevision.decision(inEnvelope: $0.envelope, stillFor: worked) }
            let payload = AssessmentPayload(
                record: summary.id, revision: previous.count + 1, previous: previous.last?.revisionID, form: session.form,
                formSHA256: formSHA256, person: summary.person, language: summary.language, session: session,
                readBack: readBack.map(ReadBackShown.init),
                signer: key.identity, sealedAt: now,
                comments: try store.reviewComments(conversation: summary.id).map { PersonComment(text: $0.text, speaker: $0.speaker, at: $0.at) },
                costing: worked, decision: decision, costingShown: worked == nil ? nil : shownCosting.map(ReadBackShown.init))
            let canonical = payload.canonical
            // Signing the same again would only make a revision that says nothing new.
            if let latest = previous.last, let envelope = try? Envelope(decoding: latest.envelope),
               UnchangedRevision.isUnchanged(canonical, since: envelope) {
                throw Problem.unchanged(revision: latest.number)
            }
            // Above the worker's limit the record waits, listed as referred, for a decision revision;
            // an agreement that needs witnessing waits for an advocate's or witness's countersignature.
            // A decision carried forward whose outcome Blether does not write is not signed again.
            let needsWitness = session.form.agreement.map { $0.needsWitness(session.answers[$0.agreement]?.value) } ?? false
            guard let state = ConversationState.of(payload: canonical, awaitingCountersignature: needsWitness) else {
                throw Problem.signing("the decision in revision \(previous.count) has an outcome Blether does not write")
            }
            let envelope = try Envelope.sign(payload: canonical.encoded, type: Envelope.assessmentType, with: key)
            try store.appendRevision(record: summary.id, number: previous.count + 1, revisionID: envelope.revisionID, envelope: envelope.encoded,
                                     state: state, actor: key.identity.keyID, action: .sealed,
                                     detail: "revision \(previous.count + 1) \(envelope.revisionID)", at: now)
            return envelope
        }
    }

    /// Signs a team leader's or service manager's decision on a referred budget as the record's
    /// next revision, with their own key; the record is then listed as approved or refused.
    /// - Parameters:
    ///   - identity: the deciding key's identity as trusted here (see ``DecisionRevision``).
    ///   - installedRules: the SHA-256 of the rules file installed here with an id and version.
    @discardableResult
    package func decide(record: String, key: UnlockedKey, identity: KeyIdentity, outcome: DecisionOutcome, reasons: String,
                       installedRules: (_ id: String, _ version: Int) -> String?, at now: Date) throws(Problem) -> (envelope: Envelope, number: Int) {
        return try reportingProblems {
            let revisions = try store.revisions(record: record)
            guard let latest = revisions.last else { throw Problem.store(.noConversation(id: record)) }
            let previous = try Envelope(decoding: latest.envelope)
            guard identity.keyID == key.identity.keyID else { throw Problem.signing("the identity given is not the key's") }
            // Whoever signed the assessment itself (not a decision on it) cannot decide it.
            // Countersignatures count: an advocate or witness to the assessment is no more its judge.
            var assessmentSigners = Set<String>()
            for stored in try envelopes(record: record) {
                guard let envelope = try? Envelope(decoding: stored),
                      (try? CanonicalCheck.topLevelFields(of: envelope.payload, named: [PayloadKey.decision.rawValue])[PayloadKey.decision.rawValue]) == nil else { continue }
                assessmentSigners.formUnion(envelope.signatures.map(\.keyID))
            }
            let decision = try DecisionRevision(after: previous, number: revisions.count + 1, decider: identity, outcome: outcome,
                                                reasons: reasons, assessmentSigners: assessmentSigners, installedRules: installedRules, at: now)
            let envelope = try Envelope.sign(payload: decision.payload.encoded, type: Envelope.assessmentType, with: key)
            try store.appendRevision(record: record, number: revisions.count + 1, revisionID: envelope.revisionID, envelope: envelope.encoded,
                                     state: outcome.state, actor: key.identity.keyID, action: .decided,
                                     detail: "\(outcome.rawValue) as \(identity.role.rawValue) in revision \(revisions.count + 1) \(envelope.revisionID)", at: now)
            return (envelope, revisions.count + 1)
        }
    }

    /// Adds `key`'s signature to the latest revision, as an advocate, witness or manager. Each key
    /// countersigns a revision once, and no key that signed the revision countersigns it.
    /// - Parameter role: the role the key is trusted here as (not the key file's own word).
    package func countersign(record: String, key: UnlockedKey, role: SignerRole? = nil, at now: Date) throws(Problem) -> (revisionID: String, number: Int) {
        let role = role ?? key.identity.role
        return try reportingProblems {
            let revisions = try store.revisions(record: record)
            guard let latest = revisions.last else { throw Problem.store(.noConversation(id: record)) }
            let envelope = try Envelope(decoding: latest.envelope)
            // Whoever signed any revision of the record — the assessing worker, or a decider — is no witness to it.
            for revision in revisions.reversed() {
                if try Envelope(decoding: revision.envelope).signatures.contains(where: { $0.keyID == key.identity.keyID }) {
                    throw Problem.countersignOwn(revision: revision.number)
                }
            }
            if let earlier = latest.countersignatures.first(where: { $0.keyID == key.identity.keyID }) {
                throw Problem.countersignedAlready(revision: latest.number, at: earlier.signedAt)
            }
            let signature = try key.sign(envelope.signedBytes)
            try store.addCountersignature(record: record, number: latest.number, revisionID: latest.revisionID, keyID: key.identity.keyID,
                                          signature: signature, detail: "revision \(latest.number) as \(role.rawValue)", at: now)
            if role.countersigns, try store.summary(id: record).state == .awaitingCountersignature {
                // Countersigned, the record is listed as its budget stands (approved, or signed).
                let payload = try CanonicalValue(decoding: envelope.payload)
                try store.setState(record: record, ConversationState.of(payload: payload, awaitingCountersignature: false) ?? .signed, at: now)
            }
            return (latest.revisionID, latest.number)
        }
    }

    /// Runs `body`, saying any failure as a ``Problem``.
    private func reportingProblems<Value>(_ body: () throws -> Value) throws(Problem) -> Value {
        do {
            return try body()
        } catch let problem as Problem {
            throw problem
        } catch let problem as DecisionRevision.Problem {
            throw .decision(problem)
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .signing("\(error)")
        }
    }

    /// Each revision's envelope with its countersignatures, as it would be exported.
    package func envelopes(record: String) throws(StoreError) -> [Data] {
        try store.revisions(record: record).map(RecordSealing.withCountersignatures)
    }

    /// A stored revision's envelope with its countersignatures after the signer's own.
    static func withCountersignatures(_ revision: StoredRevision) -> Data {
        guard let envelope = try? Envelope(decoding: revision.envelope) else { return revision.envelope }
        return envelope.adding(revision.countersignatures.map { .init(keyID: $0.keyID, bytes: $0.signature) }).encoded
    }

    /// Every signed revision of a record, oldest first, with every signature on each as a copy
    /// names it (see ``SignedRevision``): read from the stored revisions and countersignatures.
    /// Verify the record first; a countersignature by a key not trusted here is refused.
    package func history(record: String, form: Form, trusted: [KeyIdentity]) throws -> [SignedRevision] {
        try store.revisions(record: record).map { revision in
            let added = Dictionary(revision.countersignatures.map { ($0.keyID, $0.signedAt) }, uniquingKeysWith: { first, _ in first })
            return try SignedRevision(envelope: try Envelope(decoding: RecordSealing.withCountersignatures(revision)), form: form,
                                      trusted: trusted, countersignedAt: added)
        }
    }

    /// Notes an export in the audit log, once for the whole run. A copy given to the person is
    /// its own event, `copy-given`; any other export is `exported`. Either names the formats
    /// made (comma-separated, as `--format` names them), the language and the revision copied
    /// (its number and id): `large-print,pdf gd revision 2 9f…`.
    package func noteExport(record: String, revision: (number: Int, id: String), formats: [String], language: String, given: Bool,
                           actor: String, at now: Date) throws(StoreError) {
        try store.audit(actor: actor, action: given ? .copyGiven : .exported, record: record,
                        detail: "\(formats.joined(separator: ",")) \(language) revision \(revision.number) \(revision.id)", at: now)
    }

    /// Verifies one record against the trusted keys. (`blether verify` notes each run once in the audit log.)
    package func verify(record: String, trusted: [KeyIdentity]) throws(StoreError) -> RevisionVerifier.Result {
        try verify(record: record, with: RevisionVerifier(trusted: trusted))
    }

    /// Verifies many records: each one's revisions read and opened once, in turn, then
    /// checked side by side on every core; the results in the order of `records`, a record
    /// that cannot be read given as its error without stopping the others.
    ///
    /// ```swift
    /// for (record, outcome) in RecordSealing(store: store).verify(records: ids, trusted: keys) { … }
    /// ```
    package func verify(records: [String], trusted: [KeyIdentity]) -> [(record: String, outcome: Result<RevisionVerifier.Result, StoreError>)] {
        let verifier = RevisionVerifier(trusted: trusted)
        // Reading (and opening) the revisions is as much work as checking them, so each core
        // reads a share of the records, in a read of its own, and checks what it read.
        let shares = records.count < 64 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 4
        let each = (records.count + shares - 1) / max(shares, 1)
        let checked = Mutex<[Int: Result<RevisionVerifier.Result, StoreError>]>([:])
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            let range = min(share * each, records.count)..<min((share + 1) * each, records.count)
            guard !range.isEmpty else { return }
            let read: [Result<[StoredRevision], StoreError>]
            do throws(StoreError) { read = try store.revisions(records: Array(records[range])) } catch { read = range.map { _ in .failure(error) } }
            let outcomes = zip(range, read).map { index, revisions in
                (index, revisions.map { RecordSealing.verify(record: records[index], revisions: $0, with: verifier) })
            }
            checked.withLock { for (index, outcome) in outcomes { $0[index] = outcome } }
        }
        let results = checked.withLock { $0 }
        return records.indices.map { (records[$0], results[$0]!) }
    }

    /// Verifies one record with a verifier made once for many: each revision is read and
    /// opened once, and its envelope checked as read, its countersignatures added, never
    /// encoded again.
    package func verify(record: String, with verifier: RevisionVerifier) throws(StoreError) -> RevisionVerifier.Result {
        RecordSealing.verify(record: record, revisions: try store.revisions(record: record), with: verifier)
    }

    /// Verifies revisions already read, their envelopes checked as stored.
    static func verify(record: String, revisions: [StoredRevision], with verifier: RevisionVerifier) -> RevisionVerifier.Result {
        var envelopes: [Envelope] = []
        for revision in revisions {
            guard let envelope = try? Envelope(decoding: revision.envelope) else {
                // Said as the verifier says it, from the bytes as stored.
                return verifier.verify(record: record, envelopes: revisions.map(RecordSealing.withCountersignatures))
            }
            envelopes.append(envelope.adding(revision.countersignatures.map { .init(keyID: $0.keyID, bytes: $0.signature) }))
        }
        return verifier.verify(record: record, read: envelopes)
    }
}
