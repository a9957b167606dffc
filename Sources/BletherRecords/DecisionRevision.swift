import BletherCore
import Foundation

/// A team leader's or service manager's decision on a referred budget, as the next signed
/// revision of the record: everything the previous revision said, unchanged, plus a
/// `decision` block naming the outcome, the reasons, the decider, their delegated limit,
/// the amount decided and how to challenge it. The decider's own key signs it.
///
/// ```swift
/// let payload = try DecisionRevision(after: latest, revisionID: id, decider: key.identity,
///                                    outcome: .refused, reasons: "…", at: .now).payload
/// ```
package struct DecisionRevision: Sendable {
    /// Why a decision cannot be signed.
    package enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// The record has no costing to decide on.
        case noCosting
        /// A decision was already signed in an earlier revision.
        case alreadyDecided(outcome: DecisionOutcome, by: String)
        /// The previous revision recorded the worker's own decision, not a referral.
        case notReferred
        /// A refusal must carry its reasons.
        case noReasons
        /// The key's role cannot decide budgets (advocate, witness, worker).
        case notADecider(role: SignerRole)
        /// The amount is above this role's delegated limit.
        case aboveLimit(amount: Money, limit: Money, role: DecisionRole)
        /// The key that signed the referral cannot also decide it.
        case ownReferral
        /// The record was costed with a rules file that is not installed here, byte for byte.
        case rulesDiffer(id: String, version: Int)
        case unreadable(String)

        package var description: String {
            switch self {
            case .noCosting: "the record has no costing to decide on"
            case .alreadyDecided(let outcome, let by): "the budget was already \(outcome.rawValue) by \(by); a new decision needs a new signed conversation"
            case .notReferred: "the worker decided this budget within their limit; it was not referred"
            case .noReasons: "a refusal needs its reasons: add --reason \"…\" in plain words the person can understand"
            case .notADecider(let role): "a \(role.rawValue) key cannot decide budgets; use the key of a team leader or service manager"
            case .aboveLimit(let amount, let limit, let role):
                "\(amount.formatted) is above the \(role.rawValue) limit of \(limit.formatted); it needs someone with a higher limit"
            case .ownReferral: "the key that signed the referral cannot decide it"
            case .rulesDiffer(let id, let version): "the record was costed with rules \(id) version \(version), which differ from those installed here"
            case .unreadable(let why): "the latest revision cannot be read: \(why)"
            }
        }
    }

    package let payload: CanonicalValue

    /// - Parameters:
    ///   - latest: the envelope of the record's latest revision.
    ///   - number: the revision number the decision will have.
    ///   - decider: the deciding key's identity *as trusted here* (its role is the one given
    ///     when the key was trusted, not whatever a key file says).
    ///   - assessmentSigners: the keys that signed earlier revisions of the assessment itself
    ///     (those without a decision); none of them may decide it.
    ///   - installedRules: the SHA-256 of the rules file installed here with an id and version;
    ///     the record's must match, so limits are the council's and not an edited copy's.
    package init(after latest: Envelope, number: Int, decider: KeyIdentity, outcome: DecisionOutcome, reasons: String,
                assessmentSigners: Set<String> = [], installedRules: (_ id: String, _ version: Int) -> String?, at now: Date) throws(Problem) {
        let previous: CanonicalValue
        do { previous = try CanonicalValue(decoding: latest.payload) } catch { throw .unreadable("\(error)") }
        guard case .object(var members) = previous, let costing = previous[PayloadKey.costing], case .object = costing else { throw .noCosting }
        if let earlier = previous[PayloadKey.decision] {
            // A decision whose outcome is not one Blether writes is no decision to stand on.
            guard let outcome = earlier[PayloadKey.Decision.outcome]?.string.flatMap(DecisionOutcome.init(rawValue:)) else {
                throw .unreadable("its decision has an outcome Blether does not write")
            }
            throw .alreadyDecided(outcome: outcome, by: earlier[PayloadKey.Decision.by]?[PayloadKey.Signer.name]?.string ?? "someone")
        }
        guard costing[PayloadKey.Costing.referred]?.bool == true else { throw .notReferred }
        let rules = costing[PayloadKey.Costing.rules]
        if let id = rules?[PayloadKey.Rules.id]?.string, let version = rules?[PayloadKey.Rules.version]?.integer {
            guard let installed = installedRules(id, version), installed == rules?[PayloadKey.Rules.sha256]?.string else {
                throw .rulesDiffer(id: id, version: version)
            }
        }
        guard let role = decider.role.decisionRole, role != .worker else { throw .notADecider(role: decider.role) }
        guard !latest.signatures.contains(where: { $0.keyID == decider.keyID }), !assessmentSigners.contains(decider.keyID) else { throw .ownReferral }
        let cleaned = AnswerText.cleaned(reasons).trimmingCharacters(in: .whitespacesAndNewlines)
        // Reasons are words: blank space, or characters that show nothing, are not reasons.
        if outcome == .refused && !AnswerText.hasWords(cleaned) {
            throw .noReasons
        }
        guard let option = costing[PayloadKey.Costing.option]?.string, let amount = costing[PayloadKey.Costing.amountPence]?[option]?.integer else {
            throw .noCosting
        }
        guard let limit = costing[PayloadKey.Costing.limitsPence]?[role.rawValue]?.integer, amount <= limit else {
            let limit = costing[PayloadKey.Costing.limitsPence]?[role.rawValue]?.integer ?? 0
            throw .aboveLimit(amount: Money(pence: amount), limit: Money(pence: limit), role: role)
        }
        members[PayloadKey.revision.rawValue] = .integer(number)
        members[PayloadKey.prev.rawValue] = .string(latest.revisionID)
        members[PayloadKey.signer.rawValue] = decider.canonical
        members[PayloadKey.sealedAt.rawValue] = .string(RecordTime.text(now))
        members[PayloadKey.decision.rawValue] = .keyed([
            PayloadKey.Decision.outcome: .string(outcome.rawValue),
            .reasons: .string(cleaned),
            .by: decider.canonical,
            .limitPence: .integer(limit),
            .amountPence: .integer(amount),
            .option: .string(option),
            .challenge: costing[PayloadKey.Costing.challenge] ?? .string(""),
            .at: .string(RecordTime.text(now)),
        ])
        payload = .object(members)
    }

    /// The decision block of a stored envelope, if a decision has been signed and the costing
    /// it decided is the same as `costing`: the same rules, plan, amounts and option.
    package static func decision(inEnvelope data: Data, stillFor costing: CostingRecord?) throws -> CanonicalValue? {
        let payload = try CanonicalValue(decoding: Envelope(decoding: data).payload)
        guard let decision = payload[PayloadKey.decision], let costing, let decided = payload[PayloadKey.costing] else { return nil }
        let now = costing.canonical
        let same = PayloadKey.Costing.decided.allSatisfy { decided[$0] == now[$0] }
        return same ? decision : nil
    }
}
