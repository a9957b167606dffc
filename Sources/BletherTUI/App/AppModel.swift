import BletherCore
import Foundation

/// The full-screen program as a pure value, built the way Bubble Tea and ratatui programs are:
/// ``update(_:at:)`` takes a key and returns the work to do (``AppCommand``); what came of it
/// comes back through ``receive(_:at:)``; ``render()`` only reads. Nothing here touches the
/// disk — the runner at the edge (`FullScreenApp`) does the commands against the store.
///
/// ```swift
/// var model = AppModel(catalog: catalog, forms: library.latestForms, size: (80, 24), contentHash: ContentHash.sha256)
/// var work = model.update(.character("M"), at: Date())
/// while !work.isEmpty { work = runner.run(work, on: &model) }
/// let grid = model.render()
/// ```
package struct AppModel: Sendable {
    package let catalog: Catalog
    /// The forms a new conversation can use (the latest version of each).
    let forms: [Form]
    package var settings: DisplaySettings
    package private(set) var columns: Int
    package private(set) var rows: Int
    package internal(set) var isFinished = false
    /// Whether this program can sign records and decisions (a key is there to sign with).
    package var canSign = false
    package var canDecide = false
    /// The key signing uses, shown in the passphrase box; `nil` when the edge cannot say.
    package var signingKey: SigningKeyShown?

    /// What is on screen.
    var mode: AppScreen
    package internal(set) var overlay: Overlay?
    /// The text F7 shows while it is open: which text, its hash, and which lines have been on screen.
    var viewing: ReadBackViewing?
    /// Conversations changed since they were opened, each noted once in the audit log.
    var changedConversations = Set<String>()
    /// What to say on the home once it is read again (what a decision said).
    var homeNote: String?
    /// The SHA-256 of a shown text, in hex (the edge brings the cryptography).
    let contentHash: @Sendable (String) -> String

    struct ReadBackViewing: Sendable {
        let kind: ShownText
        let sha256: String
        var viewing: ShownTextViewing
    }

    package init(catalog: Catalog, forms: [Form], size: (columns: Int, rows: Int), settings: DisplaySettings = DisplaySettings(),
                contentHash: @escaping @Sendable (String) -> String) {
        self.catalog = catalog
        self.contentHash = contentHash
        self.forms = forms
        self.settings = settings
        columns = size.columns
        rows = size.rows
        mode = .home(HomeScreen(conversations: []))
    }

    /// The conversation on screen, if any.
    package var conversation: ConversationScreen? {
        if case .conversation(let screen) = mode { return screen }
        return nil
    }

    // MARK: Keys

    /// What a key does: the new state, and the work for the edge to do, in order.
    package mutating func update(_ key: Key, at now: Date) -> [AppCommand] {
        var commands: [AppCommand] = []
        handle(key, at: now, into: &commands)
        settleLayout()
        return commands
    }

    /// Keys that arrived together (a paste): handled in order as ``update(_:at:)`` handles
    /// each, with the layout settled once after them, not after every letter. Letters typed
    /// in a row are taken together; any other key, or one that gives the edge work (a save),
    /// ends the run, so its work is done before the next key is read. Returns the work and
    /// how many keys were handled.
    ///
    /// ```swift
    /// let (commands, handled) = model.update(keys: pasted[...], at: now)
    /// ```
    package mutating func update(keys: ArraySlice<Key>, at now: Date) -> (commands: [AppCommand], handled: Int) {
        var commands: [AppCommand] = []
        var handled = 0
        for key in keys {
            if handled > 0 { guard case .character = key else { break } }
            handle(key, at: now, into: &commands)
            handled += 1
            guard commands.isEmpty else { break }
        }
        settleLayout()
        return (commands, handled)
    }

    mutating func handle(_ key: Key, at now: Date, into commands: inout [AppCommand]) {
        // A window too small to show anything: only a resize does anything (and, outside the
        // person's review, Ctrl-C to save and leave), so no key acts where it cannot be seen.
        if columns < ScreenFrame.minimumColumns || rows < ScreenFrame.minimumRows {
            switch key {
            case .resize: break
            case .interrupt: if case .review = mode { return }
            default: return
            }
        }
        switch key {
        case .mouse(let event):
            handleMouse(event, at: now, into: &commands)
            return
        case .resize(let newColumns, let newRows):
            if case .review(var screen, let returnTo) = mode, newColumns >= ScreenFrame.minimumColumns, newRows >= ScreenFrame.minimumRows {
                // The part of the record being read stays at the top of the page (from a window too
                // small to show it, the part at the top when the lines last re-flowed).
                if columns >= ScreenFrame.minimumColumns, rows >= ScreenFrame.minimumRows {
                    screen.resize(from: (columns, rows), to: (newColumns, newRows))
                } else {
                    screen.keepPlace(screen.anchor, columns: newColumns, rows: newRows)
                }
                mode = .review(screen, returnTo: returnTo)
            }
            columns = newColumns
            rows = newRows
            return
        case .interrupt:
            // In the person's review, Ctrl-C asks for the worker's passphrase like Esc — after
            // asking whether to throw away any words of the person's not yet saved.
            if case .review = mode {
                switch overlay {
                case .leaveReview?: break
                case .comment(let comment)?: handleOverlay(.comment(comment), key: key, at: now, into: &commands)
                default: overlay = .leaveReview(passphrase: PassphraseField())
                }
                return
            }
            commands += saveBeforeExit(at: now)
            isFinished = true
            return
        case .function(5):
            settings.highContrast.toggle()
            return
        case .function(6):
            settings.asciiOnly.toggle()
            return
        default:
            break
        }
        if let overlay {
            handleOverlay(overlay, key: key, at: now, into: &commands)
            return
        }
        if key == .function(1) {
            // The person reading their record gets their own help, not the worker's keys.
            if case .review = mode { overlay = .help(HelpOverlay(topic: .review)) } else { overlay = .help(HelpOverlay()) }
            return
        }
        switch mode {
        case .home(var home):
            let intent = home.handle(key)
            mode = .home(home)
            switch intent {
            case .none: break
            case .new: mode = .new(NewConversationScreen(forms: forms, catalog: catalog))
            case .open(let id): commands.append(.open(conversation: id, thenAnswer: nil))
            case .decide(let id): commands.append(.openDecision(conversation: id))
            }
            if key == .function(10) { isFinished = true }
        case .new(var screen):
            let intent = screen.handle(key)
            mode = .new(screen)
            switch intent {
            case .none: break
            case .cancel: commands.append(.loadHome)
            case .start(let form, let person, let present): commands.append(.start(form: FormIdentity(form), person: person, present: present))
            }
        case .conversation(var screen):
            if key == .control("p") {
                commands.append(.review(conversation: screen.summary.id, returnTo: screen))
                return
            }
            let intent = screen.handle(key)
            mode = .conversation(screen)
            perform(intent, at: now, into: &commands)
        case .decide(var screen):
            let intent = screen.handle(key)
            mode = .decide(screen)
            switch intent {
            case .none: break
            case .back: commands.append(.loadHome)
            case .sign: overlay = .sign(passphrase: PassphraseField())
            }
        case .review(var screen, let returnTo):
            let intent = screen.handle(key, columns: columns, rows: rows)
            mode = .review(screen, returnTo: returnTo)
            switch intent {
            case .none: break
            case .comment: overlay = .comment(CommentOverlay())
            case .leave: overlay = .leaveReview(passphrase: PassphraseField())
            }
        }
    }

    private mutating func perform(_ intent: ConversationIntent, at now: Date, into commands: inout [AppCommand]) {
        switch intent {
        case .none: break
        case .apply(let event): apply(event, at: now, into: &commands)
        case .saveThen(let event, let next):
            if apply(event, at: now, into: &commands) { perform(next, at: now, into: &commands) }
        case .askNothingHere(let section):
            let required = conversation?.session.form.section(id: section)?.nothingHereNote == .required
            overlay = .nothingHere(NothingHereOverlay(section: section, required: required))
        case .confirm(let action): overlay = .confirm(action)
        case .openWho:
            let current = conversation.map { Speaker.allCases.firstIndex(of: $0.session.speaker) ?? 0 } ?? 0
            overlay = .who(WhoOverlay(highlighted: current))
        case .goHome: commands.append(.loadHome)
        case .readBack: openShownText(at: now)
        case .sign: overlay = .sign(passphrase: PassphraseField())
        }
    }

    /// Hands an event to the engine; when it is accepted, the screen shows the result and the
    /// change goes to the store; when refused, the screen says why. Returns whether it was accepted.
    @discardableResult
    mutating func apply(_ event: SessionEvent, at now: Date, into commands: inout [AppCommand]) -> Bool {
        guard case .conversation(var screen) = mode else { return false }
        let before = screen
        var session = screen.session
        do {
            let effects = try session.handle(event, at: now)
            let id = screen.summary.id
            let changes = effects.contains(where: \.changesTheRecord)
            let first = changes && changedConversations.insert(id).inserted
            commands.append(.save(SessionSave(conversation: id, effects: effects, session: session, at: now, firstChange: first, restore: before,
                                              restoreOverlay: nil)))
            screen.accept(session)
            screen.message = nil
            if effects.contains(.agreementCleared) {
                screen.message = .problem(catalog.text(.agreementCleared, ["person": BidiLine.personsWords(screen.summary.person)]))
                mode = .conversation(screen)
                return true
            }
            switch event {
            case .markNothingHere:
                if let marked = screen.session.marks.max(by: { $0.value.at < $1.value.at })?.key {
                    screen.message = .note(catalog.text(.plainMarked, ["section": screen.words.sectionTitle(marked)]))
                }
            case .setSpeaker(let speaker):
                let text: UIText = screen.session.askedSpeaker == nil ? .plainSpeakerNow : .plainSpeakerNowHere
                screen.message = .note(catalog.text(text, ["speaker": screen.words.speakerName(speaker)]))
            default: break
            }
            mode = .conversation(screen)
            return true
        } catch .notGoneThrough(let kind) {
            screen.message = Self.said(screen.showFirst(kind), refusing: event, on: screen)
            mode = .conversation(screen)
            return false
        } catch {
            screen.message = Self.said(screen.words.refusal(error, requiredText: .tuiRequired), refusing: event, on: screen)
            mode = .conversation(screen)
            return false
        }
    }

    /// Where a refusal is said: under the question when it refused that question's answer (or
    /// leaving it unanswered, or clearing it), at the foot of the screen otherwise.
    private static func said(_ words: String, refusing event: SessionEvent, on screen: ConversationScreen) -> ScreenMessage {
        switch event {
        case .answer(let question, _), .clear(let question): return .answerProblem(question: question, words)
        case .skip: return screen.session.currentQuestion.map { .answerProblem(question: $0.id, words) } ?? .problem(words)
        default: return .problem(words)
        }
    }

    /// On Ctrl-C, a signal or a lost terminal: saves the answer being typed if it is a
    /// valid answer. Everything committed before is already on disk.
    package mutating func saveBeforeExit(at now: Date) -> [AppCommand] {
        guard case .conversation(let screen) = mode, let question = screen.session.currentQuestion, let editor = screen.editor,
              editor.isChanged(for: question, saved: screen.session.answers[question.id]?.value, catalog: screen.catalog),
              case .success(let value) = editor.draft(for: question, catalog: screen.catalog) else { return [] }
        var commands: [AppCommand] = []
        apply(.answer(question: question.id, value: value), at: now, into: &commands)
        return commands
    }

    /// Ends the program on a signal: saves the answer being typed, and, in the person's review,
    /// saves the words they were writing and notes that it ended without the worker's passphrase.
    package mutating func endBySignal(at now: Date) -> (commands: [AppCommand], endedReview: Bool) {
        var commands = saveBeforeExit(at: now)
        isFinished = true
        guard case .review(let screen, _) = mode else { return (commands, false) }
        // Nobody can be asked now: the person's words being written are kept, as a worker's answer is.
        if case .comment(let comment)? = overlay, comment.hasWords {
            commands.append(.addComment(conversation: screen.summary.id, text: comment.editor.text))
        }
        overlay = nil
        commands.append(.note(.reviewEndedWithoutPassphrase, conversation: screen.summary.id))
        return (commands, true)
    }

    // MARK: Drawing

    /// Lets the screen in front settle its scrolling for the current size, so the caret
    /// stays in view; done after every change, so ``render()`` only reads (and a click is
    /// read against the screen ``render()`` gives, which is the screen last drawn).
    mutating func settleLayout() {
        guard columns >= ScreenFrame.minimumColumns, rows >= ScreenFrame.minimumRows else { return }
        if case .help(var help) = overlay {
            help.settle(columns: columns, rows: rows, catalog: catalog)
            overlay = .help(help)
        }
        if case .decide(var decision) = mode {
            decision.settle(columns: columns, rows: rows, frame: ScreenFrame(catalog: catalog, settings: settings))
            mode = .decide(decision)
        }
        guard case .conversation(var screen) = mode else { return }
        var scratch = CellGrid(columns: columns, rows: rows, direction: LayoutDirection(catalog))
        scratch.asciiOnly = settings.asciiOnly
        screen.render(into: &scratch, frame: ScreenFrame(catalog: catalog, settings: settings))
        mode = .conversation(screen)
    }

    /// The screen as it should look now.
    package func render() -> CellGrid {
        guard columns >= ScreenFrame.minimumColumns, rows >= ScreenFrame.minimumRows else {
            return ScreenFrame.tooSmall(columns: columns, rows: rows, catalog: catalog, asciiOnly: settings.asciiOnly)
        }
        var grid = CellGrid(columns: columns, rows: rows, direction: LayoutDirection(catalog))
        grid.asciiOnly = settings.asciiOnly
        let frame = ScreenFrame(catalog: catalog, settings: settings)
        var words: ConversationWording?
        switch mode {
        case .home(let home):
            home.render(into: &grid, frame: frame) { [catalog] id in catalog.text(FormTextKey.title(form: id)) }
        case .new(let screen):
            screen.render(into: &grid, frame: frame)
        case .conversation(let settled):
            // Drawing a copy: the scrolling was settled when the state last changed.
            var screen = settled
            screen.render(into: &grid, frame: frame)
            words = screen.words
        case .review(let screen, _):
            screen.render(into: &grid, frame: frame)
            words = screen.words
        case .decide(let screen):
            screen.render(into: &grid, frame: frame)
        }
        if case .sign(let passphrase)? = overlay {
            passphrase.renderSigning(into: &grid, frame: frame, label: signBoxLabel)
        } else {
            overlay?.render(into: &grid, frame: frame, words: words)
        }
        return grid
    }
}

extension AppModel {
    /// What the signing box says: what is typed, that it signs (a record, or a decision), and
    /// with which key, by name and whole fingerprint, or the key file named for a decision.
    var signBoxLabel: (label: String, key: String?) {
        let ownKey = signingKey.map { catalog.text(.tuiSignKey, ["name": $0.name, "fingerprint": $0.fingerprint]) }
        guard case .decide(let screen) = mode else { return (catalog.text(.tuiSignLabel), ownKey) }
        let file = screen.keyFile.text.trimmingCharacters(in: .whitespaces)
        return (catalog.text(.tuiSignDecisionLabel), file.isEmpty ? ownKey : catalog.text(.tuiSignKeyFile, ["file": file]))
    }
}

/// The screen in front: one per mode of the program.
enum AppScreen: Sendable {
    case home(HomeScreen)
    case new(NewConversationScreen)
    case conversation(ConversationScreen)
    /// The person reading their record; `returnTo` is the conversation to go back to
    /// once the worker's passphrase is given (none when started as `blether review`).
    case review(ReviewScreen, returnTo: ConversationScreen?)
    /// A team leader or service manager deciding a referred budget.
    case decide(DecisionScreen)
}
