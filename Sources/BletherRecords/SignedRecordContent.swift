import BletherCore
import Foundation

/// What a signed revision says, read back from its payload: the answers as they were
/// signed, ready to be shown in a copy. Reading never changes the signed bytes.
///
/// ```swift
/// let content = try SignedRecordContent(envelope: envelope, form: form)
/// content.session.answers["language"]
/// ```
package struct SignedRecordContent: Sendable {
    package let record: String
    package let revision: Int
    package let revisionID: String
    package let person: String
    package let language: String
    package let signer: KeyIdentityName
    package let sealedAt: String
    /// The answers and marks as signed, in a session over `form`.
    package let session: Session
    /// How the indicative budget was worked out, exactly as the person was shown it.
    package let costingExplanation: String?
    /// The council's words on how to challenge or appeal a decision.
    package let challenge: String?
    /// Whether the worker referred the budget to a team leader or service manager.
    package let isReferred: Bool
    /// A team leader's or service manager's signed decision, when there is one.
    package let decision: Decision?
    /// The option chosen (or deemed), its relevant amount, and who may decide it, as costed.
    package let chosenOption: SDSOption?
    /// The person made no choice, so Option 3 was recorded as the deemed choice.
    package let isDeemed: Bool
    package let chosenAmount: Money?
    /// What the person pays towards the chosen option, as costed; `nil` when the rules ask for
    /// no contribution (zero only when they ask for one and none is due).
    package let contribution: Money?
    /// Which council rules costed it (their id and version), as signed.
    package let costedWith: (id: String, version: Int)?
    /// The SHA-256 of the rules file costed with, as signed.
    package let costedWithSHA256: String?
    /// The days the costing's rules cover (the budget's period), as signed.
    package let budgetPeriod: (from: CalendarDate, to: CalendarDate)?
    package let decidedBy: DecisionRole?
    /// The person's own words, added while they reviewed their record and carried in this revision.
    package let comments: [Comment]

    /// The option chosen (or deemed) and its relevant amount, in `words`' language.
    package func choiceLines(_ words: ConversationWording) -> [String] {
        chosenOption.map { words.choiceLines(option: $0, deemed: isDeemed, amount: chosenAmount) } ?? []
    }

    /// Where the budget stands in this revision, by the rule `blether list` follows
    /// (``BudgetStanding/of(payload:)``): decided, referred, approved by the worker, or not costed.
    package let budgetStanding: BudgetStanding

    /// A decision on a referred budget, as signed.
    package struct Decision: Sendable, Equatable {
        package let outcome: DecisionOutcome
        package let reasons: String
        package let name: String
        package let role: SignerRole
        /// The day it was signed, `YYYY-MM-DD`.
        package let date: String
    }

    /// Words added about the record while it was reviewed, as signed: who said them and on which day.
    package struct Comment: Sendable, Equatable {
        package let text: String
        package let speaker: Speaker
        /// The day they were added, `YYYY-MM-DD`.
        package let date: String
    }

    /// A signer as named inside the payload.
    package struct KeyIdentityName: Sendable, Equatable {
        package let name: String
        package let role: SignerRole
        package let keyID: String
    }

    package struct Unreadable: Error, CustomStringConvertible {
        package let description: String
    }

    package init(envelope: Envelope, form: Form) throws {
        let payload = try CanonicalValue(decoding: envelope.payload)
        guard let record = payload[PayloadKey.record]?.string, let revision = payload[PayloadKey.revision]?.integer,
              let person = payload[PayloadKey.person]?.string, let language = payload[PayloadKey.language]?.string else {
            throw Unreadable(description: "the payload lacks record, revision, person or language")
        }
        // A member that must name one of an enum's values: absent is `nil`, anything else unknown is refused.
        func known<Value: RawRepresentable>(_ value: CanonicalValue?, _: Value.Type, _ what: String) throws -> Value? where Value.RawValue == String {
            guard let value else { return nil }
            guard let text = value.string, let known = Value(rawValue: text) else {
                throw Unreadable(description: "revision \(revision): \(what) \"\(BidiIsolation.visible(value.string ?? "?"))\" is not one Blether writes")
            }
            return known
        }
        var answers: [String: Answer] = [:]
        for entry in payload[PayloadKey.answers]?.array ?? [] {
            guard let question = entry[PayloadKey.Answer.question]?.string, let value = entry[PayloadKey.Answer.value],
                  let by = try known(entry[PayloadKey.Answer.by], Speaker.self, "the speaker") else {
                throw Unreadable(description: "an answer in the payload lacks its question, value or speaker")
            }
            do {
                answers[question] = Answer(value: try AnswerValue(canonical: value), speaker: by, at: Date(timeIntervalSince1970: 0))
            } catch {
                throw Unreadable(description: "revision \(revision): the answer to \(question) does not read: \(error)")
            }
        }
        var marks: [String: SectionMark] = [:]
        for entry in payload[PayloadKey.nothingHere]?.array ?? [] {
            if let section = entry[PayloadKey.Mark.section]?.string, let by = try known(entry[PayloadKey.Mark.by], Speaker.self, "the speaker") {
                marks[section] = SectionMark(speaker: by, at: Date(timeIntervalSince1970: 0), note: entry[PayloadKey.Mark.note]?.string ?? "")
            }
        }
        self.record = record
        self.revision = revision
        revisionID = envelope.revisionID
        self.person = person
        self.language = language
        let signer = payload[PayloadKey.signer]
        guard let signerRole = try known(signer?[PayloadKey.Signer.role], SignerRole.self, "the signer's role") else {
            throw Unreadable(description: "revision \(revision): the payload does not name its signer's role")
        }
        self.signer = KeyIdentityName(name: signer?[PayloadKey.Signer.name]?.string ?? "", role: signerRole,
                                      keyID: signer?[PayloadKey.Signer.keyID]?.string ?? "")
        sealedAt = payload[PayloadKey.sealedAt]?.string ?? ""
        let costing = payload[PayloadKey.costing]
        costingExplanation = costing?[PayloadKey.Costing.explanation]?[PayloadKey.Explanation.text]?.string
        challenge = costing?[PayloadKey.Costing.challenge]?.string
        isReferred = costing?[PayloadKey.Costing.referred]?.bool ?? false
        chosenOption = try known(costing?[PayloadKey.Costing.option], SDSOption.self, "the option")
        isDeemed = costing?[PayloadKey.Costing.deemed]?.bool ?? false
        chosenAmount = chosenOption.flatMap { costing?[PayloadKey.Costing.amountPence]?[$0.rawValue]?.integer }.map(Money.init(pence:))
        let percent = costing?[PayloadKey.Costing.contributionPercent]?.integer ?? 0
        contribution = percent > 0 ? chosenOption.flatMap { costing?[PayloadKey.Costing.contributionPence]?[$0.rawValue]?.integer }.map(Money.init(pence:)) : nil
        let rules = costing?[PayloadKey.Costing.rules]
        if let id = rules?[PayloadKey.Rules.id]?.string, let version = rules?[PayloadKey.Rules.version]?.integer {
            costedWith = (id, version)
        } else {
            costedWith = nil
        }
        costedWithSHA256 = rules?[PayloadKey.Rules.sha256]?.string
        let period = rules?[PayloadKey.Rules.period]
        if let from = period?[PayloadKey.Period.from]?.string.flatMap({ try? CalendarDate(parsing: $0) }),
           let to = period?[PayloadKey.Period.to]?.string.flatMap({ try? CalendarDate(parsing: $0) }) {
            budgetPeriod = (from, to)
        } else {
            budgetPeriod = nil
        }
        decidedBy = try known(costing?[PayloadKey.Costing.decidedBy], DecisionRole.self, "who may decide")
        if let decided = payload[PayloadKey.decision] {
            // An outcome or role Blether does not write is never read as an approval.
            guard let outcome = try known(decided[PayloadKey.Decision.outcome], DecisionOutcome.self, "the decision"),
                  let role = try known(decided[PayloadKey.Decision.by]?[PayloadKey.Signer.role], SignerRole.self, "the decider's role") else {
                throw Unreadable(description: "revision \(revision): the decision lacks its outcome or the decider's role")
            }
            decision = Decision(outcome: outcome, reasons: decided[PayloadKey.Decision.reasons]?.string ?? "",
                                name: decided[PayloadKey.Decision.by]?[PayloadKey.Signer.name]?.string ?? "", role: role,
                                date: String((decided[PayloadKey.Decision.at]?.string ?? "").prefix(10)))
        } else {
            decision = nil
        }
        // An outcome Blether does not write was refused above, so the standing is always known here.
        budgetStanding = BudgetStanding.of(payload: payload) ?? .notCosted
        comments = try (payload[PayloadKey.comments]?.array ?? []).map { entry in
            guard let text = entry[PayloadKey.Comment.text]?.string, let by = try known(entry[PayloadKey.Comment.by], Speaker.self, "the speaker") else {
                throw Unreadable(description: "the person's words in the payload lack their text or who said them")
            }
            return Comment(text: text, speaker: by, date: String((entry[PayloadKey.Comment.at]?.string ?? "").prefix(10)))
        }
        session = Session(form: form, answers: answers, marks: marks, cursor: .finished)
    }
}
