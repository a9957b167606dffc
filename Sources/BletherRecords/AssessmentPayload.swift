import BletherCore
import Foundation

/// What one revision of an assessment record says: which form, every answer with who gave
/// it and when, the sections marked *nothing here*, what was read back and agreed, who
/// signs, and the previous revision it follows.
///
/// ```swift
/// let payload = AssessmentPayload(record: id, revision: 1, previous: nil, form: form, formSHA256: hash, person: "Morag",
///                                 language: "en-GB", session: session, readBack: shown, signer: key.identity, sealedAt: .now)
/// let bytes = payload.canonical.encoded
/// ```
package struct AssessmentPayload: Sendable {
    package let record: String
    package let revision: Int
    /// The previous revision's id (SHA-256 of its PAE bytes), or `nil` for the first.
    package let previous: String?
    package let form: Form
    package let formSHA256: String
    package let person: String
    package let language: String
    package let session: Session
    package let readBack: ReadBackShown?
    package let signer: KeyIdentity
    package let sealedAt: Date
    /// Words the person added while reviewing the record, in their own words.
    package let comments: [PersonComment]
    /// The costing worked out and explained, when the form costs support.
    package let costing: CostingRecord?
    /// A decision signed in an earlier revision (``DecisionRevision``), carried forward unchanged.
    package let decision: CanonicalValue?
    /// How the costing explanation was gone through with the person, when the form costs support.
    package let costingShown: ReadBackShown?

    package init(record: String, revision: Int, previous: String?, form: Form, formSHA256: String, person: String, language: String,
                session: Session, readBack: ReadBackShown?, signer: KeyIdentity, sealedAt: Date, comments: [PersonComment] = [],
                costing: CostingRecord? = nil, decision: CanonicalValue? = nil, costingShown: ReadBackShown? = nil) {
        self.costingShown = costingShown
        self.comments = comments
        self.costing = costing
        self.decision = decision
        self.record = record
        self.revision = revision
        self.previous = previous
        self.form = form
        self.formSHA256 = formSHA256
        self.person = person
        self.language = language
        self.session = session
        self.readBack = readBack
        self.signer = signer
        self.sealedAt = sealedAt
    }

    /// The payload as it is signed; every member is named by ``PayloadKey`` and read back by ``SignedRecordContent``.
    package var canonical: CanonicalValue {
        var answers: [CanonicalValue] = []
        var agreement: [String: CanonicalValue] = [:]
        // The section of the question the form's roles: name as the agreement.
        let agreementSection = form.agreement?.section
        for section in form.sections {
            for question in session.relevantQuestions(in: section) {
                guard let answer = session.answers[question.id], !answer.value.isEmpty else { continue }
                let entry = CanonicalValue.keyed([
                    PayloadKey.Answer.question: .string(question.id),
                    .section: .string(section.id),
                    .value: answer.value.canonical,
                    .by: .string(answer.speaker.rawValue),
                    .at: .string(RecordTime.text(answer.at)),
                ])
                answers.append(entry)
                if section.id == agreementSection { agreement[question.id] = entry }
            }
        }
        let marks = form.sections.compactMap { section -> CanonicalValue? in
            guard let mark = session.marks[section.id] else { return nil }
            var entry: [PayloadKey.Mark: CanonicalValue] = [.section: .string(section.id), .by: .string(mark.speaker.rawValue), .at: .string(RecordTime.text(mark.at))]
            // What was explored, in the marker's few words; signed like any answer.
            if !mark.note.isEmpty { entry[.note] = .string(mark.note) }
            return .keyed(entry)
        }
        var members: [PayloadKey: CanonicalValue] = [
            .kind: .string(PayloadKey.kindName),
            .version: .integer(PayloadKey.formatVersion),
            .record: .string(record),
            .revision: .integer(revision),
            .prev: previous.map(CanonicalValue.string) ?? .null,
            .form: .keyed([PayloadKey.Form.id: .string(form.id), .version: .integer(form.version), .sha256: .string(formSHA256)]),
            .person: .string(person),
            .language: .string(language),
            .answers: .array(answers),
            .nothingHere: .array(marks),
            .readBack: readBack.map(\.canonical) ?? .null,
            .agreement: .object(agreement),
            .signer: signer.canonical,
            .sealedAt: .string(RecordTime.text(sealedAt)),
            .comments: .array(comments.map {
                .keyed([PayloadKey.Comment.text: .string($0.text), .by: .string($0.speaker.rawValue), .at: .string(RecordTime.text($0.at))])
            }),
        ]
        if let costing { members[.costing] = costing.canonical }
        if let costingShown { members[.costingShown] = costingShown.canonical }
        // An agreement the form says needs witnessing waits for an advocate's or witness's countersignature.
        if let agreementQuestions = form.agreement, agreementQuestions.needsWitness(session.answers[agreementQuestions.agreement]?.value) {
            members[.countersignatureNeeded] = .array(AgreementQuestions.countersigningRoles.map { .string($0.rawValue) })
        }
        if let decision { members[.decision] = decision }
        return .keyed(members)
    }
}

/// Words the person (or whoever was speaking) added about the record, as the payload carries them.
package typealias PersonComment = ReviewComment

/// A text as the person was shown it — the read-back summary, or how the budget was worked
/// out: its language, the SHA-256 of the exact text, when it was first shown, and for how long.
package struct ReadBackShown: Sendable, Equatable {
    package let language: String
    package let sha256: String
    package let at: Date
    /// Whole seconds it was open, when known (records signed before this was noted have none).
    package let seconds: Int?

    package init(language: String, sha256: String, at: Date, seconds: Int? = nil) {
        self.language = language
        self.sha256 = sha256
        self.at = at
        self.seconds = seconds
    }

    /// The note as the shown text's engine made it.
    package init(_ note: ShownTextNote) {
        self.init(language: note.language, sha256: note.sha256, at: note.firstShownAt, seconds: note.seconds)
    }

    var canonical: CanonicalValue {
        var members: [PayloadKey.Shown: CanonicalValue] = [.language: .string(language), .sha256: .string(sha256), .at: .string(RecordTime.text(at))]
        if let seconds { members[.seconds] = .integer(seconds) }
        return .keyed(members)
    }
}
