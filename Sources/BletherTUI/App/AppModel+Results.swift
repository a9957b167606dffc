import BletherCore
import Foundation

/// What came of the work the model asked for: a screen to show, words to say, or a save
/// that could not be made.
extension AppModel {
    /// Takes in what came of a command; returns any further work it leads to.
    package mutating func receive(_ result: AppResult, at now: Date) -> [AppCommand] {
        var commands: [AppCommand] = []
        switch result {
        case .home(let conversations, let unreadable):
            var home = HomeScreen(conversations: conversations)
            if !unreadable.isEmpty { home.message = .problem(catalog.text(.listUnreadable, ["ids": unreadable.joined(separator: ", ")])) }
            if let note = homeNote { home.message = .note(note) }
            homeNote = nil
            mode = .home(home)
        case .opened(let opened):
            changedConversations.remove(opened.summary.id)
            var screen = ConversationScreen(summary: opened.summary, session: opened.session,
                                            words: ConversationWording(catalog: catalog, form: opened.session.form))
            if let last = opened.comments.last {
                screen.message = .note(catalog.text(.reviewRequests, count: opened.comments.count, ["person": BidiLine.personsWords(opened.summary.person)])
                    + " “" + BidiLine.personsWords(last.text) + "”")
            }
            mode = .conversation(screen)
            if let present = opened.thenAnswer, let question = opened.session.form.presentQuestion {
                // Who is here was asked when starting; the conversation goes on from the next question.
                if apply(.answer(question: question.id, value: present), at: now, into: &commands) {
                    apply(.skip, at: now, into: &commands)
                }
            }
        case .review(let opened):
            mode = .review(opened.screen, returnTo: opened.returnTo)
            overlay = nil
        case .decision(let summary, let explanation):
            mode = .decide(DecisionScreen(summary: summary, explanation: explanation, catalog: catalog))
        case .commentSaved(let comments, let passphraseWithheld):
            guard case .review(var screen, let returnTo) = mode else { break }
            screen.comments = comments
            screen.message = passphraseWithheld ? .problem(catalog.text(.reviewPassphraseNotKept)) : .note(catalog.text(.reviewCommentSaved))
            mode = .review(screen, returnTo: returnTo)
        case .reviewUnlocked(let unlocked):
            // Only the worker's passphrase ends the review; the person never reaches another record.
            guard case .review(var screen, let returnTo) = mode else { break }
            guard unlocked else {
                screen.message = .problem(catalog.text(.reviewLeaveWrong))
                mode = .review(screen, returnTo: returnTo)
                if case .leaveReview(var passphrase)? = overlay {
                    passphrase.refuse()
                    overlay = .leaveReview(passphrase: passphrase)
                }
                break
            }
            overlay = nil
            commands.append(.note(.reviewClosed, conversation: screen.summary.id))
            if let returnTo {
                mode = .conversation(returnTo)
            } else {
                isFinished = true
            }
        case .signed(let said):
            guard case .conversation(var screen) = mode else { break }
            switch said {
            case .success(let text): screen.message = .note(text)
            case .failure(let problem): screen.message = .problem(problem.text)
            }
            mode = .conversation(screen)
        case .decided(.success(let said)):
            commands.append(.loadHome)
            homeNote = said.components(separatedBy: "\n").first ?? said
        case .decided(.failure(let problem)):
            guard case .decide(var screen) = mode else { break }
            screen.message = .problem(problem.text)
            mode = .decide(screen)
        case .failed(let problem):
            // A note kept for the home is said only on the home it was meant for.
            homeNote = nil
            show(problem)
        case .saveFailed(let problem, let save):
            if save.firstChange { changedConversations.remove(save.conversation) }
            mode = .conversation(save.restore)
            if case .nothingHere(var ask)? = save.restoreOverlay {
                // The box comes back with the words typed, and says why, as a refusal does.
                ask.problem = problem.text
                overlay = .nothingHere(ask)
            } else {
                show(problem)
            }
        }
        settleLayout()
        return commands
    }

    /// Says a problem on the screen in front.
    mutating func show(_ problem: ShownProblem) {
        switch mode {
        case .home(var home): home.message = .problem(problem.text); mode = .home(home)
        case .new(var screen): screen.message = .problem(problem.text); mode = .new(screen)
        case .conversation(var screen): screen.message = .problem(problem.text); mode = .conversation(screen)
        case .review(var screen, let returnTo): screen.message = .problem(problem.text); mode = .review(screen, returnTo: returnTo)
        case .decide(var screen): screen.message = .problem(problem.text); mode = .decide(screen)
        }
    }
}
