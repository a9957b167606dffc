/// Every member name of an assessment payload (`application/vnd.blether.assessment.v1+json`),
/// in one place: ``AssessmentPayload`` and ``DecisionRevision`` write with these,
/// ``SignedRecordContent``, ``RevisionVerifier`` and ``UnchangedRevision`` read with them.
/// Answers' own members are ``AnswerKey``.
///
/// ```swift
/// payload[PayloadKey.costing]?[PayloadKey.Costing.referred]?.bool
/// ```
public enum PayloadKey: String, CanonicalKey, CaseIterable {
    case kind, version, record, revision, prev, form, person, language, answers, nothingHere, readBack, agreement, signer,
         sealedAt, comments, costing, costingShown, countersignatureNeeded, decision

    /// `form`: which form, its version and the SHA-256 of its file.
    public enum Form: String, CanonicalKey { case id, version, sha256 }
    /// One entry of `answers` (and of `agreement`, keyed by question).
    public enum Answer: String, CanonicalKey { case question, section, value, by, at }
    /// One entry of `nothingHere`: a section marked *talked about — nothing here*.
    public enum Mark: String, CanonicalKey { case section, by, at, note }
    /// `readBack` and `costingShown`: a text as the person was shown it.
    public enum Shown: String, CanonicalKey { case language, sha256, at, seconds }
    /// `signer`, and a decision's `by`.
    public enum Signer: String, CanonicalKey { case keyID, name, role }
    /// One entry of `comments`: the person's words added while reviewing.
    public enum Comment: String, CanonicalKey { case text, by, at }
    /// `costing`: how the budget was worked out.
    public enum Costing: String, CanonicalKey {
        case rules, plan, points, indicativeYearlyPence, weeklyPence, amountPence, contributionPence, contributionPercent,
             limitsPence, explanation, challenge, referred, option, deemed, decidedBy

        /// The parts of the costing a decision is for: a later revision whose costing differs in
        /// any of these no longer carries the decision.
        public static let decided: [Costing] = [.rules, .plan, .amountPence, .option, .deemed]
    }
    /// `costing.rules`: which rules file costed it.
    public enum Rules: String, CanonicalKey { case id, version, council, sha256, period }
    /// `costing.rules.period`.
    public enum Period: String, CanonicalKey { case from, to }
    /// `costing.explanation`: the text the person was shown.
    public enum Explanation: String, CanonicalKey { case language, text, sha256 }
    /// `decision`: a team leader's or service manager's signed decision.
    public enum Decision: String, CanonicalKey { case outcome, reasons, by, limitPence, amountPence, option, challenge, at }

    /// The payload's `kind` and `version`.
    public static let kindName = "blether.assessment"
    public static let formatVersion = 1
}
