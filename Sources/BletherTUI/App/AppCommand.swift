import BletherCore
import Foundation

/// Work the full-screen model asks the edge to do — reading and writing the store, signing,
/// checking a passphrase — because the model itself touches nothing outside its own value.
/// The runner (`FullScreenApp` in BletherApp) does each in order before the next key, and
/// hands what came of it back with ``AppModel/receive(_:at:)``.
///
/// ```swift
/// for command in model.update(.enter, at: Date()) { runner.run(command) }
/// ```
package enum AppCommand: Sendable {
    /// Read every conversation for the home: answered with ``AppResult/home(conversations:unreadable:)``.
    case loadHome
    /// Open a conversation to carry on with it, noting that in the audit log first:
    /// ``AppResult/opened(_:)``. `thenAnswer` is the answer to who is here, when it was asked
    /// while starting.
    case open(conversation: String, thenAnswer: AnswerValue?)
    /// Make a new conversation for this person and open it.
    case start(form: FormIdentity, person: String, present: AnswerValue?)
    /// Hand the record over to the person, noting that in the audit log first: ``AppResult/review(_:)``.
    case review(conversation: String, returnTo: ConversationScreen?)
    /// Open a referred record for a decision, noting that in the audit log first:
    /// ``AppResult/decision(summary:explanation:)``.
    case openDecision(conversation: String)
    /// Save what the engine changed. When it cannot be saved, the runner stops, and answers
    /// ``AppResult/saveFailed(problem:save:)`` so the screen is as it was before.
    case save(SessionSave)
    /// Note something in the audit log.
    case note(AuditNote, conversation: String)
    /// Save the person's own words about their record: ``AppResult/commentSaved(_:passphraseWithheld:)``.
    case addComment(conversation: String, text: String)
    /// Is this the worker's passphrase, to leave the person's review: ``AppResult/reviewUnlocked(_:)``.
    case unlockReview(passphrase: String)
    /// Sign the conversation's record: ``AppResult/signed(_:)``.
    case sign(passphrase: String, conversation: String)
    /// Sign a decision on a referred budget: ``AppResult/decided(_:)``.
    case decide(DecisionRequest)
}

/// Which form, by id and version: all a command needs to find it again.
package struct FormIdentity: Sendable, Equatable {
    package let id: String
    package let version: Int

    package init(_ form: Form) {
        id = form.id
        version = form.version
    }
}

/// What the engine changed, for the store: the effects, the session they came from, and the
/// screen to go back to if they cannot be saved.
package struct SessionSave: Sendable {
    package let conversation: String
    package let effects: [SessionEffect]
    package let session: Session
    package let at: Date
    /// Whether this is the first change since the conversation was opened (noted once in the audit log).
    package let firstChange: Bool
    /// The screen as it was before the change.
    package let restore: ConversationScreen
    /// The box to open again if the change cannot be saved (the note on an empty section, with its words).
    package var restoreOverlay: Overlay?
}

/// What the full screen notes in the audit log by itself (opening is noted by the commands that open).
package enum AuditNote: Sendable, Equatable {
    case reviewClosed, reviewEndedWithoutPassphrase
}

/// What a decider chose on a referred budget, with the key to sign it.
package struct DecisionRequest: Sendable, Equatable {
    package let record: String
    package let outcome: DecisionOutcome
    package let reasons: String
    /// The decider's key file, or empty for this data directory's own key.
    package let keyFile: String
    package let passphrase: String
}
