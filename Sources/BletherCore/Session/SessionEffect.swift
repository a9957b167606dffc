/// Work for the edge after a session changed: each is saved at once.
package enum SessionEffect: Sendable, Hashable {
    case saveAnswer(question: String)
    case deleteAnswer(question: String)
    case saveSectionMark(section: String)
    case deleteSectionMark(section: String)
    case saveCursor
    case saveSpeaker
    /// Note how a text was shown (``Session/shownTexts``).
    case saveShown(ShownText)
    /// What was shown no longer matches the answers: it must be shown again.
    case withdrawShown(ShownText)
    /// Note the read-back the agreement answer was given to (``ShownTexts/agreedTo``).
    case saveAgreedReadBack
    /// The agreement answer is gone, and with it what it was given to.
    case withdrawAgreement
    /// An answer read back changed after the person agreed: the read-back and agreement answers
    /// were removed, and the person must be asked again. Nothing more to save; a face says so.
    case agreementCleared
}

extension SessionEffect {
    /// Whether this changes what the record says (the audit log notes a conversation's first
    /// such change once it is opened); moving on or saying who speaks does not.
    ///
    /// ```swift
    /// if effects.contains(where: \.changesTheRecord) { … note .changed once … }
    /// ```
    package var changesTheRecord: Bool {
        switch self {
        case .saveCursor, .saveSpeaker: false
        case .saveAnswer, .deleteAnswer, .saveSectionMark, .deleteSectionMark, .saveShown, .withdrawShown, .saveAgreedReadBack,
             .withdrawAgreement, .agreementCleared: true
        }
    }
}
