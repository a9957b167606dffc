import BletherCore
import Crypto
import Foundation

/// Checks a record's revisions: every signature against trusted keys, every `prev` link,
/// and that each payload is the one encoding Blether writes. Names the first revision
/// that fails and why.
///
/// Names and roles come only from `trusted` (this machine's trust). Keys `carried` with a
/// copy — a bundle's — only check that the bytes are unchanged: their signers are shown as
/// unconfirmed, with the fingerprint to compare, and can never make a budget decision count.
///
/// ```swift
/// let result = RevisionVerifier(trusted: keys).verify(record: "k7m2qx9a", envelopes: stored)
/// if let failure = result.failure { print(failure) }
/// ```
package struct RevisionVerifier: Sendable {
    /// Keys whose signatures can be checked, by key id, each read once; the identity only for
    /// keys trusted here.
    let keys: [String: (identity: KeyIdentity?, publicKey: Curve25519.Signing.PublicKey)]
    /// The ids of the keys carried with the record: each must have signed something in it.
    let carriedIDs: Set<String>

    /// The payload members a chain check reads, looked up once.
    /// The fields read in the one pass that checks a payload's encoding: the chain, the signer,
    /// and what a decision, the listed state and a needed countersignature are checked against.
    static let chainFields: Set<String> = Set([PayloadKey.record, .revision, .prev, .signer, .decision, .costing, .countersignatureNeeded].map(\.rawValue))
    /// The parts of the costing a decision is for.
    static let decidedFields = PayloadKey.Costing.decided

    /// - Parameters:
    ///   - trusted: the keys this machine trusts, with the names and roles it trusts them with.
    ///   - carried: raw Ed25519 public keys that came with the record (a bundle's), used only to
    ///     check signatures; a key's id is its hash, so a carried key cannot pose as another.
    package init(trusted: [KeyIdentity], carried: [Data] = []) {
        var byID: [String: (identity: KeyIdentity?, publicKey: Curve25519.Signing.PublicKey)] = [:]
        var carriedIDs = Set<String>()
        for raw in carried {
            carriedIDs.insert(KeyIdentity.keyID(of: raw))
            if let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) { byID[KeyIdentity.keyID(of: raw)] = (nil, publicKey) }
        }
        self.carriedIDs = carriedIDs
        for identity in trusted {
            if let publicKey = identity.signingPublicKey { byID[identity.keyID] = (identity, publicKey) }
        }
        keys = byID
    }

    /// Why a revision does not verify.
    package enum Reason: Sendable, Equatable, CustomStringConvertible {
        case malformed(String)
        /// Nothing to verify: a record or copy with no signed revision.
        case empty
        /// A key carried with the record that signed none of its revisions: nothing may ride along unchecked.
        case strayKey(keyID: String)
        case unsigned
        case unknownKey(String)
        case badSignature(keyID: String, name: String)
        case brokenChain(expected: String?, found: String?)
        case forkedChain(previous: String)
        case otherRecord(String)
        case outOfOrder(expected: Int, found: Int)
        /// The payload names a signer whose key did not make the first signature.
        case signerMismatch(named: String)
        /// A budget decision signed by a key trusted here as neither a team leader nor a service
        /// manager, or by a key that signed the assessment.
        case decisionNotByDecider(name: String)
        /// A budget decision signed by a key this machine does not know, so not by anyone it
        /// trusts to decide.
        case decisionByUnknownKey(keyID: String)
        /// A decision whose amount, option or limit is not the costing's, or above the decider's limit.
        case decisionNotAsCosted
        /// A decision kept in a later revision whose costing has changed.
        case decisionOutdated

        package var description: String {
            switch self {
            case .malformed(let detail): "malformed: \(detail)"
            case .empty: "it holds no signed revision, so there is nothing to verify"
            case .strayKey(let keyID): "it carries key \(KeyIdentity.fingerprint(of: keyID)), which signed none of its revisions"
            case .unsigned: "it has no signature"
            case .unknownKey(let keyID): "signed by an unknown key \(KeyIdentity.fingerprint(of: keyID)) — add it with blether keys trust if you know whose it is"
            case .badSignature(let keyID, let name): "bad signature by \(name) (key \(KeyIdentity.fingerprint(of: keyID))): the signed bytes were changed"
            case .brokenChain(let expected, let found):
                "broken chain: prev is \(found.map { String($0.prefix(16)) } ?? "none") but the previous revision is \(expected.map { String($0.prefix(16)) } ?? "none")"
            case .forkedChain(let previous): "forked chain: another revision already follows \(previous.prefix(16))"
            case .otherRecord(let record): "the payload belongs to record \(record)"
            case .outOfOrder(let expected, let found): "revision number \(found) where \(expected) was expected"
            case .signerMismatch(let named): "the payload names \(named) as its signer, but another key signed it"
            case .decisionNotByDecider(let name):
                "a budget decision signed by \(name), who is trusted here neither as a team leader nor as a service manager, or who signed the assessment"
            case .decisionByUnknownKey(let keyID):
                "a budget decision signed by key \(KeyIdentity.fingerprint(of: keyID)), which this machine does not know: it counts only from a key trusted here as a team leader or service manager (blether keys trust FILE)"
            case .decisionNotAsCosted: "a budget decision whose amount, option or limit is not the record's costing, or above the decider's limit"
            case .decisionOutdated: "a budget decision kept although the plan, option or amounts changed after it"
            }
        }
    }

    /// The first failure of a record, with its revision.
    package struct Failure: Sendable, Equatable, CustomStringConvertible {
        package let record: String
        package let revision: Int
        package let revisionID: String?
        package let reason: Reason

        package var description: String {
            "record \(record) revision \(revision)\(revisionID.map { " (\($0.prefix(16)))" } ?? ""): \(reason)"
        }
    }

    package struct Result: Sendable, Equatable {
        package let record: String
        package let revisions: Int
        /// Who signed each revision, in order, as authenticated here.
        package let signatures: [[VerifiedSigner]]
        package let failure: Failure?

        /// Who signed each revision, in order, by name and role (or as unconfirmed, with the fingerprint).
        package var signers: [[String]] { signatures.map { $0.map(\.description) } }
        /// Every signature whose key this machine does not trust.
        package var unconfirmed: [VerifiedSigner] { signatures.flatMap { $0.filter { !$0.isConfirmed } } }
        /// The latest revision's agreement needs an advocate's or witness's countersignature
        /// (`countersignatureNeeded` in its payload), and none is on it yet.
        package var awaitingCountersignature = false
        /// Where the record stands, as its latest signed revision says (see ``ConversationState``).
        package var listedState: ConversationState?
    }

    /// Verifies stored envelopes, oldest first.
    package func verify(record: String, envelopes: [Data]) -> Result {
        verify(record: record, decoded: envelopes.map { bytes in Swift.Result { () throws(Envelope.Malformed) in try Envelope(decoding: bytes) } })
    }

    /// Verifies envelopes already read, oldest first (a store's, with their countersignatures).
    package func verify(record: String, read envelopes: [Envelope]) -> Result {
        verify(record: record, decoded: envelopes.map { .success($0) })
    }

    private func verify(record: String, decoded envelopes: [Swift.Result<Envelope, Envelope.Malformed>]) -> Result {
        guard !envelopes.isEmpty else {
            return Result(record: record, revisions: 0, signatures: [], failure: Failure(record: record, revision: 0, revisionID: nil, reason: .empty))
        }
        var previousID: String?
        var signers: [[VerifiedSigner]] = []
        /// The latest revision that is not a budget decision: where a witnessed agreement was signed.
        var lastAssessment = 0
        var seenPrevious = Set<String>()
        var previousDecision: CanonicalValue?
        /// What the standing decision decided: the costing's rules, plan, amounts and option.
        var decidedCosting: [CanonicalValue?] = []
        /// Everyone who signed the assessment itself (revisions without a decision).
        var assessmentSigners = Set<String>()
        /// The latest revision's fields read in the one pass: its state and countersignatures needed.
        var latestPayload: [String: CanonicalValue] = [:]
        for (index, decoded) in envelopes.enumerated() {
            let number = index + 1
            func fail(_ reason: Reason, id: String? = nil) -> Result {
                Result(record: record, revisions: envelopes.count, signatures: signers,
                       failure: Failure(record: record, revision: number, revisionID: id, reason: reason))
            }
            let envelope: Envelope
            switch decoded {
            case .success(let read): envelope = read
            case .failure(let error): return fail(.malformed(error.description))
            }
            // The bytes every signature covers, made once; the id, from them, names a failure and
            // is checked as the next revision's link.
            let signedBytes = envelope.signedBytes
            var computedID: String?
            var id: String { if computedID == nil { computedID = Envelope.revisionID(of: signedBytes) }; return computedID! }
            guard envelope.payloadType == Envelope.assessmentType else { return fail(.malformed("payload type \(envelope.payloadType)"), id: id) }
            guard !envelope.signatures.isEmpty else { return fail(.unsigned, id: id) }
            for signature in envelope.signatures {
                guard let (identity, publicKey) = keys[signature.keyID] else {
                    return fail(.unknownKey(signature.keyID), id: id)
                }
                guard publicKey.isValidSignature(signature.bytes, for: signedBytes) else {
                    return fail(.badSignature(keyID: signature.keyID, name: identity?.name ?? "key \(KeyIdentity.fingerprint(of: signature.keyID))"), id: id)
                }
            }
            // One pass checks the payload is exactly Blether's encoding and reads the chain fields.
            let payload: [String: CanonicalValue]
            do { payload = try CanonicalCheck.topLevelFields(of: envelope.payload, named: RevisionVerifier.chainFields) } catch {
                return fail(.malformed("the payload is not in Blether's one encoding (\(error))"), id: id)
            }
            if let signer = payload[PayloadKey.signer.rawValue], signer[PayloadKey.Signer.keyID]?.string != envelope.signatures[0].keyID {
                return fail(.signerMismatch(named: signer[PayloadKey.Signer.name]?.string ?? "?"), id: id)
            }
            guard payload[PayloadKey.record.rawValue]?.string == record else { return fail(.otherRecord(payload[PayloadKey.record.rawValue]?.string ?? "?"), id: id) }
            guard payload[PayloadKey.revision.rawValue]?.integer == number else { return fail(.outOfOrder(expected: number, found: payload[PayloadKey.revision.rawValue]?.integer ?? 0), id: id) }
            let prev = payload[PayloadKey.prev.rawValue]?.string
            if let prev, seenPrevious.contains(prev) { return fail(.forkedChain(previous: prev), id: id) }
            guard prev == previousID else { return fail(.brokenChain(expected: previousID, found: prev), id: id) }
            if let prev { seenPrevious.insert(prev) }
            // A new budget decision must come from a team leader or service manager who did not sign
            // the assessment, within their limit, for the costing as signed; a decision kept in a
            // later revision must still be for the same costing.
            if let decision = payload[PayloadKey.decision.rawValue] {
                // An outcome Blether does not write is neither an approval nor a refusal.
                guard decision[PayloadKey.Decision.outcome]?.string.flatMap(DecisionOutcome.init(rawValue:)) != nil else {
                    return fail(.malformed("the decision's outcome is not one Blether writes"), id: id)
                }
                guard let costing = payload[PayloadKey.costing.rawValue] else { return fail(.decisionNotAsCosted, id: id) }
                let decided = RevisionVerifier.decidedFields.map { costing[$0] }
                if decision != previousDecision {
                    let signer = envelope.signatures[0].keyID
                    // Only this machine's trust says who may decide: never the copy's own say-so.
                    guard let decider = keys[signer]?.identity else { return fail(.decisionByUnknownKey(keyID: signer), id: id) }
                    guard let role = decider.role.decisionRole?.rawValue, role != DecisionRole.worker.rawValue,
                          decision[PayloadKey.Decision.by]?[PayloadKey.Signer.keyID]?.string == signer, !assessmentSigners.contains(signer) else {
                        return fail(.decisionNotByDecider(name: decider.name), id: id)
                    }
                    guard decision[PayloadKey.Decision.by]?[PayloadKey.Signer.role]?.string == role, let option = decision[PayloadKey.Decision.option]?.string,
                          option == costing[PayloadKey.Costing.option]?.string, let amount = decision[PayloadKey.Decision.amountPence]?.integer,
                          amount == costing[PayloadKey.Costing.amountPence]?[option]?.integer, let limit = decision[PayloadKey.Decision.limitPence]?.integer,
                          limit == costing[PayloadKey.Costing.limitsPence]?[role]?.integer, amount <= limit else {
                        return fail(.decisionNotAsCosted, id: id)
                    }
                    decidedCosting = decided
                } else if decided != decidedCosting {
                    return fail(.decisionOutdated, id: id)
                }
            } else {
                assessmentSigners.formUnion(envelope.signatures.map(\.keyID))
            }
            // A revision that makes no new decision is one the person's agreement stands in.
            if payload[PayloadKey.decision.rawValue] == nil || payload[PayloadKey.decision.rawValue] == previousDecision { lastAssessment = index }
            previousDecision = payload[PayloadKey.decision.rawValue]
            let named = payload[PayloadKey.signer.rawValue]?[PayloadKey.Signer.name]?.string
            signers.append(envelope.signatures.enumerated().map { index, signature in
                VerifiedSigner(keyID: signature.keyID, trusted: keys[signature.keyID]?.identity, namedInPayload: index == 0 ? named : nil)
            })
            previousID = index + 1 < envelopes.count ? id : nil
            latestPayload = payload
        }
        let signed = Set(signers.joined().map(\.keyID))
        if let stray = carriedIDs.subtracting(signed).sorted().first {
            return Result(record: record, revisions: envelopes.count, signatures: signers,
                          failure: Failure(record: record, revision: envelopes.count, revisionID: nil, reason: .strayKey(keyID: stray)))
        }
        var result = Result(record: record, revisions: envelopes.count, signatures: signers, failure: nil)
        if let needed = latestPayload[PayloadKey.countersignatureNeeded.rawValue]?.array {
            let roles = needed.compactMap { $0.string.flatMap(SignerRole.init(rawValue:)) }
            // On the revision the agreement was signed in, or a decision on it since; only a role
            // this machine trusts the key with counts, and never the revision's own signer.
            result.awaitingCountersignature = !signers[lastAssessment...].contains { revision in
                revision.dropFirst().contains { $0.keyID != revision.first?.keyID && $0.trusted.map { roles.contains($0.role) } == true }
            }
        }
        // The state reads only the decision and the costing, both among the fields read above.
        result.listedState = ConversationState.of(payload: .object(latestPayload), awaitingCountersignature: result.awaitingCountersignature)
        return result
    }
}
