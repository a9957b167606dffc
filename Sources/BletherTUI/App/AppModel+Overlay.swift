import BletherCore
import Foundation

/// Keys while a layer is over the screen: the help, who is speaking, a shown text, the
/// person's words, a passphrase, a note on an empty section, or a question before something
/// destructive.
extension AppModel {
    mutating func handleOverlay(_ current: Overlay, key: Key, at now: Date, into commands: inout [AppCommand]) {
        switch current {
        case .help(let scroll):
            switch key {
            case .down: overlay = .help(scroll: scroll + 1)
            case .up: overlay = .help(scroll: max(scroll - 1, 0))
            case .pageDown: overlay = .help(scroll: scroll + 10)
            case .pageUp: overlay = .help(scroll: max(scroll - 10, 0))
            case .escape, .function(1), .enter, .character("q"): overlay = nil
            default: break
            }
        case .who(let highlighted):
            switch key {
            case .up: overlay = .who(highlighted: max(highlighted - 1, 0))
            case .down: overlay = .who(highlighted: min(highlighted + 1, Speaker.allCases.count - 1))
            case .escape, .function(3): overlay = nil
            case .enter:
                overlay = nil
                apply(.setSpeaker(Speaker.allCases[highlighted]), at: now, into: &commands)
            case .character(let digit):
                if let number = digit.wholeNumberValue, (1...Speaker.allCases.count).contains(number) {
                    overlay = nil
                    apply(.setSpeaker(Speaker.allCases[number - 1]), at: now, into: &commands)
                }
            default: break
            }
        case .readBack(let title, let document, let scroll):
            let page = Overlay.readBackPage(document: document, columns: columns, rows: rows)
            let last = max(page.lines - page.height, 0)
            var moved = scroll
            switch key {
            case .down: moved = scroll + 1
            case .up: moved = scroll - 1
            case .pageDown, .character(" "): moved = scroll + page.height
            case .pageUp: moved = scroll - page.height
            case .home: moved = 0
            case .end: moved = last
            case .escape, .function(7), .enter:
                overlay = nil
                finishViewing(at: now, into: &commands)
                return
            default: break
            }
            moved = min(max(moved, 0), last)
            overlay = .readBack(title: title, document: document, scroll: moved)
            noteReadBackWindow(document, scroll: moved)
        case .comment(var editor):
            switch key {
            case .escape: overlay = nil
            case .control("s"):
                overlay = nil
                guard case .review(let screen, _) = mode, !editor.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
                commands.append(.addComment(conversation: screen.summary.id, text: editor.text))
            default:
                editor.handle(key)
                overlay = .comment(editor)
            }
        case .leaveReview(var passphrase):
            switch key {
            case .escape: overlay = nil
            case .enter:
                // The prompt stays open until the answer comes back: a wrong passphrase keeps it
                // open, emptied, so the next try is typed here too, never into the record behind it.
                guard !passphrase.isEmpty else { return }
                commands.append(.unlockReview(passphrase: passphrase.passphrase))
            default:
                passphrase.handle(key)
                overlay = .leaveReview(passphrase: passphrase)
            }
        case .sign(var passphrase):
            switch key {
            case .escape: overlay = nil
            case .enter:
                overlay = nil
                if case .decide = mode { decide(passphrase: passphrase.passphrase, into: &commands) } else { sign(passphrase: passphrase.passphrase, into: &commands) }
            default:
                passphrase.handle(key)
                overlay = .sign(passphrase: passphrase)
            }
        case .nothingHere(let section, let required, var note, let problem):
            switch key {
            case .escape: overlay = nil
            case .enter:
                overlay = nil
                // A refused mark keeps the words typed and says why, in the box.
                if !apply(.markNothingHere(note: note.text), at: now, into: &commands), case .conversation(var screen) = mode,
                   case .problem(let text)? = screen.message {
                    screen.message = nil
                    mode = .conversation(screen)
                    overlay = .nothingHere(section: section, required: required, note: note, problem: text)
                }
            default:
                note.handle(key)
                overlay = .nothingHere(section: section, required: required, note: note, problem: problem)
            }
        case .confirm(let action):
            switch key {
            case .character("y"), .character("Y"):
                overlay = nil
                confirm(action, at: now, into: &commands)
            case .character("n"), .character("N"), .escape:
                overlay = nil
            default: break
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
