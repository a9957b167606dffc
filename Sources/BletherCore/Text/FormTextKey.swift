/// The catalog keys under which a form's words live, derived from its ids.
///
/// ```swift
/// FormTextKey.questionLabel(form: "adult-good-conversation", question: "good-life")
/// // "forms.adult-good-conversation.questions.good-life.label"
/// ```
public enum FormTextKey {
    public static func title(form: String) -> String { "forms.\(form).title" }
    public static func summary(form: String) -> String { "forms.\(form).summary" }
    public static func sectionTitle(form: String, section: String) -> String { "forms.\(form).sections.\(section).title" }
    public static func sectionIntro(form: String, section: String) -> String { "forms.\(form).sections.\(section).intro" }
    public static func questionLabel(form: String, question: String) -> String { "forms.\(form).questions.\(question).label" }
    /// Optional: a hint shown under the question.
    public static func questionHint(form: String, question: String) -> String { "forms.\(form).questions.\(question).hint" }
    /// Optional: the message when a required question is left empty.
    public static func requiredMessage(form: String, question: String) -> String { "forms.\(form).questions.\(question).required" }
    /// The message when the question's constraint does not hold.
    public static func constraintMessage(form: String, question: String) -> String { "forms.\(form).questions.\(question).constraint" }
    public static func choice(form: String, question: String, choice: String) -> String { "forms.\(form).questions.\(question).choices.\(choice)" }

    /// Keys every catalog must have for `form`: titles, introductions, labels, choices
    /// and constraint messages. Hints and required messages are optional.
    public static func requiredKeys(for form: Form) -> [String] {
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
    public static func optionalKeys(for form: Form) -> [String] {
        form.allQuestions.flatMap {
            [questionHint(form: form.id, question: $0.id), requiredMessage(form: form.id, question: $0.id)]
                + $0.kind.optionalTextKeys(form: form.id, question: $0.id).flatMap { $0 }
        }
    }
}
