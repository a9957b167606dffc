/// Every member name of an assessment payload (`application/vnd.blether.assessment.v1+json`),
/// in one place: ``AssessmentPayload`` and ``DecisionRevision`` write with these,
/// ``SignedRecordContent``, ``RevisionVerifier`` and ``UnchangedRevision`` read with them.
/// Answers' own members are ``AnswerKey``.
///
/// ```swift
/// payload[PayloadKey.costing]?[PayloadKey.Costing.referred]?.bool
/// ```
package enum PayloadKey: String, CanonicalKey, CaseIterable {
    case kind, version, record, revision, prev, form, person, language, answers, nothingHere, readBack, agreement, signer,
         sealedAt, comments, costing, costingShown, countersignatureNeeded, decision

    /// `form`: which form, its version and the SHA-256 of its file.
    package enum Form: String, CanonicalKey { case id, version, sha256 }
    /// One entry of `answers` (and of `agreement`, keyed by question).
    package enum Answer: String, CanonicalKey { case question, section, value, by, at }
    /// One entry of `nothingHere`: a section marked *talked about — nothing here*.
    package enum Mark: String, CanonicalKey { case section, by, at, note }
    /// `readBack` and `costingShown`: a text as the person was shown it.
    package enum Shown: String, CanonicalKey { case language, sha256, at, seconds }
    /// `signer`, and a decision's `by`.
    package enum Signer: String, CanonicalKey { case keyID, name, role }
    /// One entry of `comments`: the person's words added while reviewing.
    package enum Comment: String, CanonicalKey { case text, by, at }
    /// `costing`: how the budget was worked out.
    package enum Costing: String, CanonicalKey {
        case rules, plan, points, indicativeYearlyPence, weeklyPence, amountPence, contributionPence, contributionPercent,
             limitsPence, explanation, challenge, referred, option, deemed, decidedBy

        /// The parts of the costing a decision is for: a later revision whose costing differs in
        /// any of these no longer carries the decision.
        package static let decided: [Costing] = [.rules, .plan, .amountPence, .option, .deemed]
    }
    /// `costing.rules`: which rules file costed it.
    package enum Rules: String, CanonicalKey { case id, version, council, sha256, period }
    /// `costing.rules.period`.
    package enum Period: String, CanonicalKey { case from, to }
    /// `costing.explanation`: the text the person was shown.
    package enum Explanation: String, CanonicalKey { case language, text, sha256 }
    /// `decision`: a team leader's or service manager's signed decision.
    package enum Decision: String, CanonicalKey { case outcome, reasons, by, limitPence, amountPence, option, challenge, at }

    /// The payload's `kind` and `version`.
    package static let kindName = "blether.assessment"
    package static let formatVersion = 1
}
