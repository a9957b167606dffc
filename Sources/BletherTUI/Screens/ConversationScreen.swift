import BletherCore

/// The conversation: the list of sections with their states, the progress line, the
/// current section's introduction and questions, and the focused question's editor.
///
/// Keys become ``ConversationIntent``s; the app applies them to the session, saves at
/// once, and hands back the result.
package struct ConversationScreen: Sendable {
    package internal(set) var summary: ConversationSummary
    package internal(set) var session: Session
    package let words: ConversationWording
    /// The focused question's editor; `nil` when the cursor is not on a question.
    package internal(set) var editor: FieldEditor?
    /// The section list has focus, with this section highlighted.
    package internal(set) var sectionListFocus: Int?
    package var message: ScreenMessage?

    package init(summary: ConversationSummary, session: Session, words: ConversationWording) {
        self.summary = summary
        self.session = session
        self.words = words
        resetEditor()
    }

    var catalog: Catalog { words.catalog }
    var form: Form { session.form }

    /// A new session from the engine: the cursor may have moved, so the editor starts afresh.
    mutating func accept(_ changed: Session) {
        let movedQuestion = changed.cursor != session.cursor
        session = changed
        if movedQuestion || editor == nil { resetEditor() }
    }

    mutating func resetEditor() {
        if let question = session.currentQuestion {
            editor = FieldEditor.make(for: question, saved: session.answers[question.id]?.value, words: words,
                                      rules: ConversationCosting(session: session)?.rules)
        } else {
            editor = nil
        }
    }

    /// Reverts the editor to the saved answer.
    mutating func undoDraft() {
        resetEditor()
        message = nil
    }

    // MARK: Keys

    mutating func handle(_ key: Key) -> ConversationIntent {
        if let index = sectionListFocus { return handleSectionList(key, index: index) }
        // While a person or an outcome is being filled in, its form has every key.
        if case .list(let list)? = editor, list.form != nil { return handleEditorKey(key) }
        switch key {
        case .function(2):
            sectionListFocus = session.currentSection.flatMap { form.sectionIndex(id: $0.id) } ?? 0
            message = sectionStateMessage(sectionListFocus!)
            return .none
        case .function(3): return .openWho
        case .function(4):
            // What needs no words is refused before the words are asked for.
            do { return .askNothingHere(section: try session.sectionToMarkNothingHere().id) } catch {
                message = .problem(words.refusal(error)); return .none
            }
        case .function(8):
            guard let question = session.currentQuestion, session.isAnswered(question.id) else { return .none }
            return .confirm(.clear(question: question.id))
        case .function(7):
            return .readBack
        case .function(9):
            guard session.isReadyToSign else { message = .problem(catalog.text(.tuiSignNotReady)); return .none }
            return .sign
        case .function(10):
            return commitThen(.goHome)
        case .pageDown:
            return commitThen(.apply(.nextSection))
        case .pageUp:
            guard let section = session.currentSection, let index = form.sectionIndex(id: section.id), index > 0 else {
                message = .problem(words.refusal(.atStart)); return .none
            }
            return commitThen(.apply(.jump(section: form.sections[index - 1].id)))
        case .tab, .control("s"):
            return commitThen(.apply(.skip))
        case .backTab:
            return commitThen(.apply(.back))
        case .escape:
            // Unsaved typing is not thrown away on one key: changed text is asked about first.
            if let question = session.currentQuestion, let editor, editor.isChanged(for: question, saved: session.answers[question.id]?.value, catalog: catalog) {
                return .confirm(.discardChanges(question: question.id))
            }
            undoDraft()
            return .none
        default:
            break
        }
        return handleEditorKey(key)
    }

    private mutating func handleEditorKey(_ key: Key) -> ConversationIntent {
        guard let question = session.currentQuestion, var current = editor else { return .none }
        switch current {
        case .text(var text):
            if text.handle(key) { current = .text(text) } else { return .none }
        case .line(var line):
            if key == .enter { return commitThen(.apply(.skip), enterPressed: true) }
            if line.handle(key) { current = .line(line) } else { return .none }
        case .numbers(var row):
            if key == .enter { return commitThen(.apply(.skip), enterPressed: true) }
            guard row.handle(key) else {
                // Typing on the row chooses nothing: it says which numbers would.
                if case .character(let typed) = key {
                    message = .answerProblem(question: question.id, words.inputProblem(.notOnScale(String(typed), from: row.points.lowerBound, to: row.points.upperBound)))
                }
                return .none
            }
            current = .numbers(row)
        case .choices(var list):
            if key == .enter { return commitThen(.apply(.skip), enterPressed: true) }
            // Typing chooses nothing in a list (a word such as "maybe" must not pick "yes", nor the
            // space in "I agree" tick the highlighted row): only a choice's number, Space pressed on
            // its own, and on a yes/no question y or n pressed on its own, do.
            let shortcut = list.isTyping || list.isTypingOther ? key : yesNoShortcut(key, for: question)
            guard list.handle(shortcut) else { return .none }
            current = .choices(list)
            if list.isTyping, case .character = key {
                editor = current
                message = .answerProblem(question: question.id, catalog.text(.tuiChoiceTyping))
                return .none
            }
        case .list(var list):
            if case .supportPlan = list.kind, list.form == nil, key == .enter, ConversationCosting(session: session) == nil {
                message = .answerProblem(question: question.id, catalog.text(.planNoRules, ["question": form.costing.map { words.label($0.rules) } ?? ""]))
                return .none
            }
            let choiceWords = ListEditor.choiceWords(words)
            switch list.handle(key, groups: choiceWords.groups, yes: choiceWords.yes, no: choiceWords.no) {
            case .handled, .notHandled:
                current = .list(list)
            case .commit(let value):
                editor = .list(list)
                message = nil
                return .apply(.answer(question: question.id, value: value))
            case .confirmRemove(let index, let name):
                return .confirm(.removeItem(question: question.id, index: index, name: name))
            case .confirmDiscard:
                editor = .list(list)
                return .confirm(.discardItem(question: question.id))
            case .problem(let problem):
                message = .answerProblem(question: question.id, words.inputProblem(problem))
                current = .list(list)
            }
        }
        editor = current
        if message?.isProblem != true { message = nil }
        return .none
    }

    /// On a yes/no question, the first letter of "yes" or "no" (in English or the
    /// catalog's language) chooses it, as 1 and 2 do.
    private func yesNoShortcut(_ key: Key, for question: Question) -> Key {
        guard question.kind.editingStyle == .yesOrNo, case .character(let typed) = key else { return key }
        let letter = typed.lowercased()
        if letter == "y" || letter == catalog.text(.answerYes).prefix(1).lowercased() { return .character("1") }
        if letter == "n" || letter == catalog.text(.answerNo).prefix(1).lowercased() { return .character("2") }
        return key
    }

    /// Saves a changed draft before moving; an unchanged one just moves. A draft that is not
    /// an answer stops the move and says why.
    private mutating func commitThen(_ next: ConversationIntent, enterPressed: Bool = false) -> ConversationIntent {
        guard let question = session.currentQuestion, let editor else { return next }
        let saved = session.answers[question.id]?.value
        if enterPressed, question.required, saved == nil, case .success(let value) = editor.draft(for: question, catalog: catalog), value.isEmpty {
            message = .answerProblem(question: question.id, words.refusal(.required(question: question.id), requiredText: .tuiRequired))
            return .none
        }
        guard editor.isChanged(for: question, saved: saved, catalog: catalog) else { return next }
        switch editor.draft(for: question, catalog: catalog) {
        case .failure(let problem):
            message = .answerProblem(question: question.id, words.inputProblem(problem))
            return .none
        case .success(let value):
            message = nil
            return .saveThen(.answer(question: question.id, value: value), then: next)
        }
    }

    private mutating func handleSectionList(_ key: Key, index: Int) -> ConversationIntent {
        switch key {
        case .up: sectionListFocus = max(index - 1, 0)
        case .down: sectionListFocus = min(index + 1, form.sections.count - 1)
        case .home: sectionListFocus = 0
        case .end: sectionListFocus = form.sections.count - 1
        case .escape, .function(2), .tab:
            sectionListFocus = nil
            message = nil
            return .none
        case .enter:
            sectionListFocus = nil
            return commitThen(.apply(.jump(section: form.sections[index].id)))
        case .function(3): return .openWho
        case .function(10): return commitThen(.goHome)
        case .function(9):
            guard session.isReadyToSign else { message = .problem(catalog.text(.tuiSignNotReady)); return .none }
            return .sign
        default:
            return .none
        }
        message = sectionStateMessage(sectionListFocus!)
        return .none
    }

    private func sectionStateMessage(_ index: Int) -> ScreenMessage {
        let section = form.sections[index]
        let text = "\(words.sectionTitle(section.id)) — \(words.state(session.state(of: section)))"
        return .note(text)
    }

    /// The keys shown in the key bar for the current focus; once every section is done,
    /// signing comes first wherever the worker is.
    var keys: [UIText] {
        let shown = focusKeys
        if case .list(let list)? = editor, list.form != nil { return shown }
        return session.isReadyToSign && !shown.contains(.tuiKeySign) ? [.tuiKeySign] + shown : shown
    }

    private var focusKeys: [UIText] {
        if sectionListFocus != nil { return [.tuiKeyGo, .tuiKeyClose, .tuiKeyWho, .tuiKeyHome] }
        switch editor {
        case .list(let list)? where list.form != nil: return [.tuiKeySave, .tuiKeyClose, .tuiKeyNext]
        case .list?: return [.tuiKeyEditItem, .tuiKeyRemove, .tuiKeyNext, .tuiKeyBack, .tuiKeySections, .tuiKeyWho, .tuiKeyHome]
        case .choices? where session.currentQuestion.flatMap({ session.shownText(confirmedBy: $0.id) }) != nil:
            return [shownHere == .costing ? .tuiKeyExplain : .tuiKeyReadBack, .tuiKeyChoose, .tuiKeyNext, .tuiKeyBack, .tuiKeySections, .tuiKeyHome]
        case .choices?: return [.tuiKeyChoose, .tuiKeyNext, .tuiKeyBack, .tuiKeySections, .tuiKeyWho, .tuiKeyNothing, .tuiKeyClear, .tuiKeyHome]
        case nil: return session.isReadyToSign ? [.tuiKeySign, .tuiKeySections, .tuiKeyHome, .tuiKeyQuit] : [.tuiKeySections, .tuiKeyWho, .tuiKeyHome, .tuiKeyQuit]
        case .text?, .line?, .numbers?: return [.tuiKeyNext, .tuiKeyBack, .tuiKeyUndo, .tuiKeySections, .tuiKeyWho, .tuiKeyNothing, .tuiKeyClear, .tuiKeyHome, .tuiKeyShowPerson]
        }
    }
}

/// What a key in the conversation asks the app to do.
package enum ConversationIntent: Equatable {
    case none
    /// Hand an event to the engine and save what changed.
    case apply(SessionEvent)
    /// Save an answer, then (if it was accepted) do the next thing.
    indirect case saveThen(SessionEvent, then: ConversationIntent)
    case confirm(ConfirmAction)
    /// Ask for a few words on what was explored, then mark the section *talked about — nothing here*.
    case askNothingHere(section: String)
    case openWho
    case goHome
    /// Show the read-back summary.
    case readBack
    /// Ask for the passphrase and sign.
    case sign
}

/// Something destructive, asked about before it is done.
package enum ConfirmAction: Sendable, Equatable {
    case clear(question: String)
    case removeItem(question: String, index: Int, name: String)
    /// Esc on an answer typed or chosen but not saved: throw the changes away?
    case discardChanges(question: String)
    /// Esc on a person, outcome or support line being filled in: throw it away?
    case discardItem(question: String)
}
