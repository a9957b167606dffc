import BletherCore

/// What came of an ``AppCommand``, handed back to the model by the runner.
///
/// ```swift
/// model.receive(.reviewUnlocked(false), at: Date())   // the prompt stays, emptied
/// ```
public enum AppResult: Sendable {
    case home(conversations: [ConversationSummary], unreadable: [String])
    case opened(OpenedConversation)
    case review(OpenedReview)
    case decision(summary: ConversationSummary, explanation: Document)
    case commentSaved([ReviewComment])
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
public struct ShownProblem: Error, Sendable, Equatable {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }
}

/// A conversation read from the store, ready to carry on with.
public struct OpenedConversation: Sendable {
    public let summary: ConversationSummary
    public let session: Session
    public let comments: [ReviewComment]
    /// The answer to the first question, given while starting.
    public let thenAnswer: AnswerValue?

    public init(summary: ConversationSummary, session: Session, comments: [ReviewComment], thenAnswer: AnswerValue?) {
        self.summary = summary
        self.session = session
        self.comments = comments
        self.thenAnswer = thenAnswer
    }
}

/// A record as the person reads it in their review.
public struct OpenedReview: Sendable {
    public let screen: ReviewScreen
    public let returnTo: ConversationScreen?

    public init(screen: ReviewScreen, returnTo: ConversationScreen?) {
        self.screen = screen
        self.returnTo = returnTo
    }
}
