import BletherCore

/// What came of an ``AppCommand``, handed back to the model by the runner.
///
/// ```swift
/// model.receive(.reviewUnlocked(false), at: Date())   // the prompt stays, emptied
/// ```
package enum AppResult: Sendable {
    case home(conversations: [ConversationSummary], unreadable: [String])
    case opened(OpenedConversation)
    case review(OpenedReview)
    case decision(summary: ConversationSummary, explanation: Document)
    /// The person's words were saved (all the comments now, as the review shows them); a line
    /// that was the worker's passphrase was left out, when `passphraseWithheld` (``ReviewWords``).
    case commentSaved([ReviewComment], passphraseWithheld: Bool)
    case reviewUnlocked(Bool)
    /// What signing said, or why it could not be done.
    case signed(Result<String, ShownProblem>)
    case decided(Result<String, ShownProblem>)
    /// A command could not be done; the words say why. Shown on the screen in front.
    case failed(ShownProblem)
    /// A save could not be done: the conversation goes back to the screen before it, and says why.
    case saveFailed(problem: ShownProblem, save: SessionSave)
}

/// A problem already put into the reader's words by the edge that met it.
package struct ShownProblem: Error, Sendable, Equatable {
    package let text: String

    package init(_ text: String) {
        self.text = text
    }
}

/// A conversation read from the store, ready to carry on with.
package struct OpenedConversation: Sendable {
    package let summary: ConversationSummary
    package let session: Session
    package let comments: [ReviewComment]
    /// The answer to the first question, given while starting.
    package let thenAnswer: AnswerValue?

    package init(summary: ConversationSummary, session: Session, comments: [ReviewComment], thenAnswer: AnswerValue?) {
        self.summary = summary
        self.session = session
        self.comments = comments
        self.thenAnswer = thenAnswer
    }
}

/// A record as the person reads it in their review.
package struct OpenedReview: Sendable {
    package let screen: ReviewScreen
    package let returnTo: ConversationScreen?

    package init(screen: ReviewScreen, returnTo: ConversationScreen?) {
        self.screen = screen
        self.returnTo = returnTo
    }
}
