/// The questions of a form that hold the person's agreement: the yes/no question that says the
/// summary was read back, the agreement itself, and who witnessed it — the questions the form's
/// `roles:` block names for `read-back`, `agreement` and `witness` (``FormRoles``).
///
/// ```swift
/// if let agreement = form.agreement, agreement.needsWitness(session.answers[agreement.agreement]?.value) { … }
/// ```
package struct AgreementQuestions: Sendable, Equatable {
    /// The agreement: a choice question.
    package let agreement: String
    /// The section that holds it; every section before it is read back.
    package let section: String
    /// "The summary was read back": a yes/no question before the agreement, if the form has one.
    package let readBack: String?
    /// The witness's name, if the form asks for one.
    package let witness: String?
    /// Agreement choices that need a named witness and an advocate's or witness's
    /// countersignature (`witnessed_when:` on the agreement question).
    package let witnessedWhen: [String]

    /// The roles whose countersignature completes a witnessed agreement.
    package static let countersigningRoles: [SignerRole] = [.advocate, .witness]

    /// The form's agreement questions, or `nil` when the form asks for no agreement.
    package init?(form: Form) {
        guard let id = form.roles[.agreement], let question = form.question(id: id),
              let section = form.section(containing: question.id) else { return nil }
        agreement = question.id
        self.section = section.id
        readBack = form.roles[.readBack].flatMap(form.question(id:)).map(\.id)
        witness = form.roles[.witness].flatMap(form.question(id:)).map(\.id)
        witnessedWhen = question.witnessedWhen
    }

    /// Whether this agreement answer needs a witness named and a countersignature.
    package func needsWitness(_ value: AnswerValue?) -> Bool {
        guard case .choice(let id?, _)? = value else { return false }
        return witnessedWhen.contains(id)
    }
}

extension Form {
    /// Which questions hold the person's agreement, when the form asks for one.
    package var agreement: AgreementQuestions? { AgreementQuestions(form: self) }

    /// Whether an answer to this question is part of what is read back before the agreement:
    /// every question of a section before the agreement's.
    package func isReadBack(_ questionID: String) -> Bool {
        guard let agreement, let section = section(containing: questionID),
              let index = sectionIndex(id: section.id), let end = sectionIndex(id: agreement.section) else { return false }
        return index < end
    }
}
