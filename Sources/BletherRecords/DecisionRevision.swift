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
public struct DecisionRevision: Sendable {
    public enum Outcome: String, Sendable, CaseIterable { case approved, refused }

    /// Why a decision cannot be signed.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// The record has no costing to decide on.
        case noCosting
        /// A decision was already signed in an earlier revision.
        case alreadyDecided(outcome: String, by: String)
        /// The previous revision recorded the worker's own decision, not a referral.
        case notReferred
        /// A refusal must carry its reasons.
        case noReasons
        /// The key's role cannot decide budgets (advocate, witness, worker).
        case notADecider(role: String)
        /// The amount is above this role's delegated limit.
        case aboveLimit(amount: Money, limit: Money, role: String)
        /// The key that signed the referral cannot also decide it.
        case ownReferral
        /// The record was costed with a rules file that is not installed here, byte for byte.
        case rulesDiffer(id: String, version: Int)
        case unreadable(String)

        public var description: String {
            switch self {
            case .noCosting: "the record has no costing to decide on"
            case .alreadyDecided(let outcome, let by): "the budget was already \(outcome) by \(by); a new decision needs a new signed conversation"
            case .notReferred: "the worker decided this budget within their limit; it was not referred"
            case .noReasons: "a refusal needs its reasons: add --reason \"…\" in plain words the person can understand"
            case .notADecider(let role): "a \(role) key cannot decide budgets; use the key of a team leader or service manager"
            case .aboveLimit(let amount, let limit, let role):
                "\(amount.formatted) is above the \(role) limit of \(limit.formatted); it needs someone with a higher limit"
            case .ownReferral: "the key that signed the referral cannot decide it"
            case .rulesDiffer(let id, let version): "the record was costed with rules \(id) version \(version), which differ from those installed here"
            case .unreadable(let why): "the latest revision cannot be read: \(why)"
            }
        }
    }

    public let payload: CanonicalValue

    /// - Parameters:
    ///   - latest: the envelope of the record's latest revision.
    ///   - number: the revision number the decision will have.
    ///   - decider: the deciding key's identity *as trusted here* (its role is the one given
    ///     when the key was trusted, not whatever a key file says).
    ///   - assessmentSigners: the keys that signed earlier revisions of the assessment itself
    ///     (those without a decision); none of them may decide it.
    ///   - installedRules: the SHA-256 of the rules file installed here with an id and version;
    ///     the record's must match, so limits are the council's and not an edited copy's.
    public init(after latest: Envelope, number: Int, decider: KeyIdentity, outcome: Outcome, reasons: String,
                assessmentSigners: Set<String> = [], installedRules: (_ id: String, _ version: Int) -> String?, at now: Date) throws(Problem) {
        let previous: CanonicalValue
        do { previous = try CanonicalValue(decoding: latest.payload) } catch { throw .unreadable("\(error)") }
        guard case .object(var members) = previous, let costing = previous["costing"], case .object = costing else { throw .noCosting }
        if let earlier = previous["decision"] {
            throw .alreadyDecided(outcome: earlier["outcome"]?.string ?? "decided", by: earlier["by"]?["name"]?.string ?? "someone")
        }
        guard costing["referred"]?.bool == true else { throw .notReferred }
        let rules = costing["rules"]
        if let id = rules?["id"]?.string, let version = rules?["version"]?.integer {
            guard let installed = installedRules(id, version), installed == rules?["sha256"]?.string else { throw .rulesDiffer(id: id, version: version) }
        }
        guard let role = DecisionRole(rawValue: decider.role), role != .worker else { throw .notADecider(role: decider.role) }
        guard !latest.signatures.contains(where: { $0.keyID == decider.keyID }), !assessmentSigners.contains(decider.keyID) else { throw .ownReferral }
        let cleaned = AnswerText.cleaned(reasons).trimmingCharacters(in: .whitespacesAndNewlines)
        // Reasons are words: blank space, or characters that show nothing, are not reasons.
        if outcome == .refused && !AnswerText.hasWords(cleaned) {
            throw .noReasons
        }
        guard let option = costing["option"]?.string, let amount = costing["amountPence"]?[option]?.integer else { throw .noCosting }
        guard let limit = costing["limitsPence"]?[role.rawValue]?.integer, amount <= limit else {
            let limit = costing["limitsPence"]?[role.rawValue]?.integer ?? 0
            throw .aboveLimit(amount: Money(pence: amount), limit: Money(pence: limit), role: role.rawValue)
        }
        members["revision"] = .integer(number)
        members["prev"] = .string(latest.revisionID)
        members["signer"] = .object(["keyID": .string(decider.keyID), "name": .string(decider.name), "role": .string(decider.role)])
        members["sealedAt"] = .string(RecordTime.text(now))
        members["decision"] = .object([
            "outcome": .string(outcome.rawValue),
            "reasons": .string(cleaned),
            "by": .object(["keyID": .string(decider.keyID), "name": .string(decider.name), "role": .string(decider.role)]),
            "limitPence": .integer(limit),
            "amountPence": .integer(amount),
            "option": .string(option),
            "challenge": costing["challenge"] ?? .string(""),
            "at": .string(RecordTime.text(now)),
        ])
        payload = .object(members)
    }

    /// The decision block of a stored envelope, if a decision has been signed and the costing
    /// it decided is the same as `costing`: the same rules, plan, amounts and option.
    public static func decision(inEnvelope data: Data, stillFor costing: CostingRecord?) throws -> CanonicalValue? {
        let payload = try CanonicalValue(decoding: Envelope(decoding: data).payload)
        guard let decision = payload["decision"], let costing, let decided = payload["costing"] else { return nil }
        let now = costing.canonical
        let same = ["rules", "plan", "amountPence", "option", "deemed"].allSatisfy { decided[$0] == now[$0] }
        return same ? decision : nil
    }
}
