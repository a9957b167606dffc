/// The catalog keys under which a form's words live, derived from its ids.
///
/// ```swift
/// FormTextKey.questionLabel(form: "adult-good-conversation", question: "good-life")
/// // "forms.adult-good-conversation.questions.good-life.label"
/// ```
package enum FormTextKey {
    package static func title(form: String) -> String { "forms.\(form).title" }
    package static func summary(form: String) -> String { "forms.\(form).summary" }
    package static func sectionTitle(form: String, section: String) -> String { "forms.\(form).sections.\(section).title" }
    package static func sectionIntro(form: String, section: String) -> String { "forms.\(form).sections.\(section).intro" }
    package static func questionLabel(form: String, question: String) -> String { "forms.\(form).questions.\(question).label" }
    /// Optional: a hint shown under the question.
    package static func questionHint(form: String, question: String) -> String { "forms.\(form).questions.\(question).hint" }
    /// Optional: the message when a required question is left empty.
    package static func requiredMessage(form: String, question: String) -> String { "forms.\(form).questions.\(question).required" }
    /// The message when the question's constraint does not hold.
    package static func constraintMessage(form: String, question: String) -> String { "forms.\(form).questions.\(question).constraint" }
    package static func choice(form: String, question: String, choice: String) -> String { "forms.\(form).questions.\(question).choices.\(choice)" }

    /// Keys every catalog must have for `form`: titles, introductions, labels, choices
    /// and constraint messages. Hints and required messages are optional.
    package static func requiredKeys(for form: Form) -> [String] {
        var keys = [title(form: form.id), summary(form: form.id)]
        for section in form.sections {
            keys.append(sectionTitle(form: form.id, section: section.id))
            keys.append(sectionIntro(form: form.id, section: section.id))
            for question in section.questions {
                keys.append(questionLabel(form: form.id, question: question.id))
                if question.constraint != nil || [form.costing?.decision, form.costing?.option, form.costing?.plan].contains(question.id) { keys.append(constraintMessage(form: form.id, question: question.id)) }
                keys += question.kind.choiceIDs.map { choice(form: form.id, question: question.id, choice: $0) }
            }
        }
        return keys
    }

    /// Keys a catalog may have for `form` beyond ``requiredKeys(for:)``.
    package static func optionalKeys(for form: Form) -> [String] {
        form.allQuestions.flatMap {
            [questionHint(form: form.id, question: $0.id), requiredMessage(form: form.id, question: $0.id)]
                + $0.kind.optionalTextKeys(form: form.id, question: $0.id).flatMap { $0 }
        }
    }
}
