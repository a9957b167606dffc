import BletherCore
import Foundation

/// What a signed revision says, read back from its payload: the answers as they were
/// signed, ready to be shown in a copy. Reading never changes the signed bytes.
///
/// ```swift
/// let content = try SignedRecordContent(envelope: envelope, form: form)
/// content.session.answers["language"]
/// ```
public struct SignedRecordContent: Sendable {
    public let record: String
    public let revision: Int
    public let revisionID: String
    public let person: String
    public let language: String
    public let signer: KeyIdentityName
    public let sealedAt: String
    /// The answers and marks as signed, in a session over `form`.
    public let session: Session
    /// How the indicative budget was worked out, exactly as the person was shown it.
    public let costingExplanation: String?
    /// The council's words on how to challenge or appeal a decision.
    public let challenge: String?
    /// Whether the worker referred the budget to a team leader or service manager.
    public let isReferred: Bool
    /// A team leader's or service manager's signed decision, when there is one.
    public let decision: Decision?
    /// The option chosen (or deemed), its relevant amount, and who may decide it, as costed.
    public let chosenOption: SDSOption?
    /// The person made no choice, so Option 3 was recorded as the deemed choice.
    public let isDeemed: Bool
    public let chosenAmount: Money?
    public let decidedBy: DecisionRole?
    /// The person's own words, added while they reviewed their record and carried in this revision.
    public let comments: [Comment]

    /// The option chosen (or deemed) and its relevant amount, in `words`' language.
    public func choiceLines(_ words: ConversationWording) -> [String] {
        chosenOption.map { words.choiceLines(option: $0, deemed: isDeemed, amount: chosenAmount) } ?? []
    }

    /// A decision on a referred budget, as signed.
    public struct Decision: Sendable, Equatable {
        /// `approved` or `refused`.
        public let outcome: String
        public let reasons: String
        public let name: String
        public let role: String
        /// The day it was signed, `YYYY-MM-DD`.
        public let date: String
    }

    /// Words added about the record while it was reviewed, as signed: who said them and on which day.
    public struct Comment: Sendable, Equatable {
        public let text: String
        public let speaker: Speaker
        /// The day they were added, `YYYY-MM-DD`.
        public let date: String
    }

    /// A signer as named inside the payload.
    public struct KeyIdentityName: Sendable, Equatable {
        public let name: String
        public let role: String
        public let keyID: String
    }

    public struct Unreadable: Error, CustomStringConvertible {
        public let description: String
    }

    public init(envelope: Envelope, form: Form) throws {
        let payload = try CanonicalValue(decoding: envelope.payload)
        guard let record = payload["record"]?.string, let revision = payload["revision"]?.integer,
              let person = payload["person"]?.string, let language = payload["language"]?.string else {
            throw Unreadable(description: "the payload lacks record, revision, person or language")
        }
        let decoder = JSONDecoder()
        var answers: [String: Answer] = [:]
        for entry in payload["answers"]?.array ?? [] {
            guard let question = entry["question"]?.string, let value = entry["value"], let by = entry["by"]?.string.flatMap(Speaker.init(rawValue:)) else {
                throw Unreadable(description: "an answer in the payload lacks its question, value or speaker")
            }
            let decoded = try decoder.decode(AnswerValue.self, from: value.encoded)
            answers[question] = Answer(value: decoded, speaker: by, at: Date(timeIntervalSince1970: 0))
        }
        var marks: [String: SectionMark] = [:]
        for entry in payload["nothingHere"]?.array ?? [] {
            if let section = entry["section"]?.string, let by = entry["by"]?.string.flatMap(Speaker.init(rawValue:)) {
                marks[section] = SectionMark(speaker: by, at: Date(timeIntervalSince1970: 0), note: entry["note"]?.string ?? "")
            }
        }
        self.record = record
        self.revision = revision
        revisionID = envelope.revisionID
        self.person = person
        self.language = language
        signer = KeyIdentityName(name: payload["signer"]?["name"]?.string ?? "", role: payload["signer"]?["role"]?.string ?? "",
                                 keyID: payload["signer"]?["keyID"]?.string ?? "")
        sealedAt = payload["sealedAt"]?.string ?? ""
        costingExplanation = payload["costing"]?["explanation"]?["text"]?.string
        challenge = payload["costing"]?["challenge"]?.string
        isReferred = payload["costing"]?["referred"]?.bool ?? false
        chosenOption = payload["costing"]?["option"]?.string.flatMap(SDSOption.init(rawValue:))
        isDeemed = payload["costing"]?["deemed"]?.bool ?? false
        chosenAmount = chosenOption.flatMap { payload["costing"]?["amountPence"]?[$0.rawValue]?.integer }.map(Money.init(pence:))
        decidedBy = payload["costing"]?["decidedBy"]?.string.flatMap(DecisionRole.init(rawValue:))
        decision = payload["decision"].map {
            Decision(outcome: $0["outcome"]?.string ?? "", reasons: $0["reasons"]?.string ?? "", name: $0["by"]?["name"]?.string ?? "",
                     role: $0["by"]?["role"]?.string ?? "", date: String(($0["at"]?.string ?? "").prefix(10)))
        }
        comments = try (payload["comments"]?.array ?? []).map { entry in
            guard let text = entry["text"]?.string, let by = entry["by"]?.string.flatMap(Speaker.init(rawValue:)) else {
                throw Unreadable(description: "the person's words in the payload lack their text or who said them")
            }
            return Comment(text: text, speaker: by, date: String((entry["at"]?.string ?? "").prefix(10)))
        }
        session = Session(form: form, answers: answers, marks: marks, cursor: .finished)
    }
}
