import BletherCore
import Foundation

/// Keys while a layer is over the screen: the help, who is speaking, a shown text, the
/// person's words, a passphrase, a note on an empty section, or a question before something
/// destructive.
extension AppModel {
    mutating func handleOverlay(_ current: Overlay, key: Key, at now: Date, into commands: inout [AppCommand]) {
        switch current {
        case .help(var help):
            overlay = help.handle(key) == .close ? nil : .help(help)
        case .who(var who):
            let intent = who.handle(key)
            overlay = intent == .stay ? .who(who) : nil
            if case .choose(let speaker) = intent { apply(.setSpeaker(speaker), at: now, into: &commands) }
        case .readBack(var shown):
            guard shown.handle(key, columns: columns, rows: rows) == .stay else {
                overlay = nil
                finishViewing(at: now, into: &commands)
                return
            }
            overlay = .readBack(shown)
            noteReadBackWindow(shown)
        case .comment(var comment):
            switch comment.handle(key) {
            case .stay: overlay = .comment(comment)
            case .close: overlay = nil
            case .leave: overlay = .leaveReview(passphrase: PassphraseField())
            case .save(let text):
                overlay = nil
                guard case .review(let screen, _) = mode, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
                commands.append(.addComment(conversation: screen.summary.id, text: text))
            }
        case .leaveReview(var passphrase):
            switch passphrase.handleInBox(key) {
            case .stay: overlay = .leaveReview(passphrase: passphrase)
            case .close: overlay = nil
            case .submit:
                // The prompt stays open until the answer comes back: a wrong passphrase keeps it
                // open, emptied, so the next try is typed here too, never into the record behind it.
                // An empty passphrase is no try.
                guard !passphrase.isEmpty else { return }
                commands.append(.unlockReview(passphrase: passphrase.passphrase))
            }
        case .sign(var passphrase):
            switch passphrase.handleInBox(key) {
            case .stay: overlay = .sign(passphrase: passphrase)
            case .close: overlay = nil
            case .submit:
                overlay = nil
                if case .decide = mode { decide(passphrase: passphrase.passphrase, into: &commands) } else { sign(passphrase: passphrase.passphrase, into: &commands) }
            }
        case .nothingHere(var ask):
            switch ask.handle(key) {
            case .stay: overlay = .nothingHere(ask)
            case .close: overlay = nil
            case .mark(let note):
                overlay = nil
                // A refused mark keeps the words typed and says why, in the box; so does one that cannot be saved.
                if apply(.markNothingHere(note: note), at: now, into: &commands) {
                    if case .save(var save)? = commands.last {
                        save.restoreOverlay = .nothingHere(ask)
                        commands[commands.count - 1] = .save(save)
                    }
                } else if case .conversation(var screen) = mode, case .problem(let text)? = screen.message {
                    screen.message = nil
                    mode = .conversation(screen)
                    ask.problem = text
                    overlay = .nothingHere(ask)
                }
            }
        case .confirm(let action):
            switch ConfirmAction.answer(key) {
            case true?:
                overlay = nil
                confirm(action, at: now, into: &commands)
            case false?: overlay = nil
            case nil: break
            }
        }
    }

    private mutating func confirm(_ action: ConfirmAction, at now: Date, into commands: inout [AppCommand]) {
        switch action {
        case .clear(let question):
            if apply(.clear(question: question), at: now, into: &commands), case .conversation(var screen) = mode {
                screen.resetEditor()
                mode = .conversation(screen)
            }
        case .removeItem(let question, let index, _):
            guard case .conversation(var screen) = mode, case .list(var list)? = screen.editor else { return }
            let value = list.remove(at: index)
            screen.editor = .list(list)
            mode = .conversation(screen)
            apply(.answer(question: question, value: value), at: now, into: &commands)
        case .discardChanges:
            guard case .conversation(var screen) = mode else { return }
            screen.undoDraft()
            mode = .conversation(screen)
        case .discardItem:
            guard case .conversation(var screen) = mode, case .list(var list)? = screen.editor else { return }
            list.closeForm()
            screen.editor = .list(list)
            mode = .conversation(screen)
        }
    }

    private mutating func sign(passphrase: String, into commands: inout [AppCommand]) {
        guard case .conversation(var screen) = mode else { return }
        guard canSign else {
            screen.message = .problem(catalog.text(.signNoKey))
            mode = .conversation(screen)
            return
        }
        commands.append(.sign(passphrase: passphrase, conversation: screen.summary.id))
    }

    private mutating func decide(passphrase: String, into commands: inout [AppCommand]) {
        guard case .decide(var screen) = mode, let outcome = screen.chosen else { return }
        guard canDecide else {
            screen.message = .problem(catalog.text(.signNoKey))
            mode = .decide(screen)
            return
        }
        commands.append(.decide(DecisionRequest(record: screen.summary.id, outcome: outcome, reasons: screen.reasons.text,
                                                keyFile: screen.keyFile.text, passphrase: passphrase)))
    }
}
