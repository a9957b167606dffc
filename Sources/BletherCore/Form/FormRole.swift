/// A part a question plays that Blether's own rules depend on, named in the form file's
/// `roles:` block (``FormRoles``) rather than assumed from the question's id.
///
/// ```swift
/// form.roles[.agreement]   // "agreement", or whatever question the form names
/// ```
package enum FormRole: String, CaseIterable, Sendable {
    /// Who is here: a `choices` question, also asked when a conversation starts.
    case present
    /// Yes/no: the summary was read back; "yes" only once every page of it was shown.
    case readBack = "read-back"
    /// The person's agreement: a `choice` question, given to the read-back whose hash it keeps.
    case agreement
    /// The witness's name: a `line` question, required when the agreement needs witnessing.
    case witness
    /// Yes/no: the person would like a copy of their record.
    case copyWanted = "copy-wanted"
    /// The form of the copy they asked for: a `choice` (or `choices`) question whose choice ids
    /// are the formats export knows (`printed`, `large-print`, `easy-read`, `email`, `audio`, `braille`).
    case copyFormat = "copy-format"
    /// The language of the copy, in their words: a `line` question.
    case copyLanguage = "copy-language"

    /// The name of the role in a form file's `roles:` block.
    package var keyword: String { rawValue }

    /// Whether a question of `kind` can play this role.
    package func accepts(_ kind: QuestionKind) -> Bool {
        switch (self, kind) {
        case (.present, .multipleChoice), (.readBack, .yesNo), (.agreement, .singleChoice), (.witness, .line): true
        case (.copyWanted, .yesNo), (.copyFormat, .singleChoice), (.copyFormat, .multipleChoice), (.copyLanguage, .line): true
        case (.present, _), (.readBack, _), (.agreement, _), (.witness, _), (.copyWanted, _), (.copyFormat, _), (.copyLanguage, _): false
        }
    }

    /// The kind a question playing this role needs, for messages (`forms check`).
    package var kindKeyword: KindKeyword {
        switch self {
        case .present: .choices
        case .readBack: .yesno
        case .agreement: .choice
        case .witness: .line
        case .copyWanted: .yesno
        case .copyFormat: .choice
        case .copyLanguage: .line
        }
    }
}
