import BletherCore
import BletherForms
import BletherRecords
import BletherStore
import Foundation

/// The full-screen program as a value a driver can run and a test can drive: keys in,
/// a grid out. Every accepted answer is saved to the store before the next key.
///
/// ```swift
/// let app = FullScreenApp(library: library, catalog: catalog, language: "en-GB", store: store, size: (80, 24))
/// app.handle(.character("M"))
/// let grid = app.render()
/// ```
public final class FullScreenApp {
    let library: FormLibrary
    public let catalog: Catalog
    let language: String
    let store: ConversationStore
    let clock: () -> Date
    public var settings: DisplaySettings
    public private(set) var columns: Int
    public private(set) var rows: Int
    public private(set) var isFinished = false

    enum Mode {
        case home(HomeScreen)
        case new(NewConversationScreen)
        case conversation(ConversationScreen)
        /// The person reading their record; `returnTo` is the conversation to go back to
        /// once the worker's passphrase is given (none when started as `blether review`).
        case review(ReviewScreen, returnTo: ConversationScreen?)
        /// A team leader or service manager deciding a referred budget.
        case decide(DecisionScreen)
    }

    var mode: Mode
    public private(set) var overlay: Overlay?

    /// How this program signs: the key holder's name for the prompt, and the work itself
    /// (passphrase, conversation id) → what to say. `nil` when signing is not offered.
    public struct Signing {
        public let sign: (_ passphrase: String, _ conversation: String) throws -> String

        public init(sign: @escaping (_ passphrase: String, _ conversation: String) throws -> String) {
            self.sign = sign
        }
    }

    public var signing: Signing?

    /// How this program signs a decision on a referred budget: the decision → what to say
    /// (an error's description is shown as the problem).
    public struct Deciding {
        /// What the decider chose, with the key to sign it.
        public struct Decision: Sendable {
            public let record: String
            /// `approved` or `refused`.
            public let outcome: String
            public let reasons: String
            /// The decider's key file, or empty for this data directory's own key.
            public let keyFile: String
            public let passphrase: String
        }

        public let decide: (Decision) throws -> String

        public init(decide: @escaping (Decision) throws -> String) {
            self.decide = decide
        }
    }

    public var deciding: Deciding?
    /// Checks the worker's passphrase before the person's review is left.
    public var reviewLock: ((String) -> Bool)?
    /// The text F7 shows while it is open: which text, its hash, and which lines have been on screen.
    struct ReadBackViewing {
        let kind: ShownText
        let sha256: String
        var viewing: ShownTextViewing
    }

    private var viewing: ReadBackViewing?
    /// Conversations changed since they were opened, each noted once in the audit log.
    private var changedConversations = Set<String>()

    public init(library: FormLibrary, catalog: Catalog, language: String, store: ConversationStore, size: (columns: Int, rows: Int),
                settings: DisplaySettings = DisplaySettings(), clock: @escaping () -> Date = Date.init) throws(StoreError) {
        self.library = library
        self.catalog = catalog
        self.language = language
        self.store = store
        self.clock = clock
        self.settings = settings
        columns = size.columns
        rows = size.rows
        mode = .home(try FullScreenApp.homeScreen(store: store, catalog: catalog))
    }

    /// The home with every conversation that opens; one that does not is named, never hiding the rest.
    static func homeScreen(store: ConversationStore, catalog: Catalog) throws(StoreError) -> HomeScreen {
        let (conversations, unreadable) = try store.readableSummaries()
        var home = HomeScreen(conversations: conversations)
        if !unreadable.isEmpty { home.message = .problem(catalog.text(.listUnreadable, ["ids": unreadable.map(\.id).joined(separator: ", ")])) }
        return home
    }

    /// The conversation on screen, if any.
    public var conversation: ConversationScreen? {
        if case .conversation(let screen) = mode { return screen }
        return nil
    }

    /// Opens a conversation straight away (`blether resume <id>`).
    public func open(conversation id: String) throws(StoreError) {
        let summary = try store.summary(id: id)
        guard let form = library.form(id: summary.formID, version: summary.formVersion) else {
            throw .unreadable(path: id, reason: catalog.text(.errorFormVersionGone, ["version": String(summary.formVersion), "form": summary.formID,
                                                                                      "available": library.latestForm(id: summary.formID).map { String($0.version) } ?? "—"]))
        }
        let session = try store.restore(id: id, form: form)
        try store.note(.opened, record: id, at: clock())
        changedConversations.remove(id)
        var screen = ConversationScreen(summary: summary, session: session, words: ConversationWording(catalog: catalog, form: form))
        let comments = try store.reviewComments(conversation: id)
        if let last = comments.last {
            screen.message = .note(catalog.text(.reviewRequests, count: comments.count, ["person": summary.person]) + " “" + last.text + "”")
        }
        mode = .conversation(screen)
    }

    /// Hands the record over to the person (`blether review <id>`, or Ctrl-P in a conversation):
    /// the latest signed revision, or the draft before signing.
    public func review(conversation id: String, returnTo: ConversationScreen? = nil) throws(StoreError) {
        let summary = try store.summary(id: id)
        guard let form = library.form(id: summary.formID, version: summary.formVersion) else { throw .noConversation(id: id) }
        let words = ConversationWording(catalog: catalog, form: form)
        var session = try store.restore(id: id, form: form)
        var signed: SignedRecordContent?
        if let latest = try RecordSealing(store: store).envelopes(record: id).last,
           let envelope = try? Envelope(decoding: latest), let content = try? SignedRecordContent(envelope: envelope, form: form) {
            session = content.session
            signed = content
        }
        let screen = ReviewScreen(summary: summary, words: words, session: session, content: signed,
                                  comments: try store.reviewComments(conversation: id))
        try store.note(.reviewOpened, record: id, at: clock())
        mode = .review(screen, returnTo: returnTo)
        overlay = nil
    }

    /// Starts a new conversation straight away (`blether new`).
    public func start(form: Form, person: String, present: AnswerValue? = nil) throws(StoreError) {
        let summary = try store.create(form: form, person: person, language: language, at: clock())
        try open(conversation: summary.id)
        if let present, let question = form.sections.first?.questions.first {
            // Who is here was asked when starting; the conversation goes on from the next question.
            if apply(.answer(question: question.id, value: present)) { apply(.skip) }
        }
    }

    // MARK: Keys

    public func handle(_ key: Key) {
        switch key {
        case .resize(let newColumns, let newRows):
            columns = newColumns
            rows = newRows
            return
        case .interrupt:
            // In the person's review, Ctrl-C asks for the worker's passphrase like Esc.
            if case .review = mode {
                if case .leaveReview = overlay {} else { overlay = .leaveReview(passphrase: PassphraseField()) }
                return
            }
            saveBeforeExit()
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
            handleOverlay(overlay, key: key)
            return
        }
        if key == .function(1) {
            overlay = .help(scroll: 0)
            return
        }
        switch mode {
        case .home(var home):
            let intent = home.handle(key)
            mode = .home(home)
            switch intent {
            case .none: break
            case .new: mode = .new(NewConversationScreen(forms: library.latestForms, catalog: catalog))
            case .open(let id): openOrSay(id)
            case .decide(let id): openDecision(id)
            }
            if key == .control("q") || key == .function(10) { isFinished = true }
        case .new(var screen):
            let intent = screen.handle(key)
            mode = .new(screen)
            switch intent {
            case .none: break
            case .cancel: goHome()
            case .start(let form, let person, let present):
                do { try start(form: form, person: person, present: present) } catch { showStoreProblem(error) }
            }
        case .conversation(var screen):
            if key == .control("p") {
                do { try review(conversation: screen.summary.id, returnTo: screen) } catch { showStoreProblem(error) }
                return
            }
            let intent = screen.handle(key)
            mode = .conversation(screen)
            perform(intent)
        case .decide(var screen):
            let intent = screen.handle(key)
            mode = .decide(screen)
            switch intent {
            case .none: break
            case .back: goHome()
            case .sign: overlay = .sign(passphrase: PassphraseField())
            }
        case .review(var screen, let returnTo):
            let pageCount = screen.pages(width: columns - 4, height: rows - 5).count
            let intent = screen.handle(key, pageCount: pageCount)
            mode = .review(screen, returnTo: returnTo)
            switch intent {
            case .none: break
            case .comment: overlay = .comment(TextEditor())
            case .leave: overlay = .leaveReview(passphrase: PassphraseField())
            }
        }
    }

    private func perform(_ intent: ConversationIntent) {
        switch intent {
        case .none: break
        case .apply(let event): apply(event)
        case .saveThen(let event, let next):
            if apply(event) { perform(next) }
        case .askNothingHere(let section):
            let required = conversation?.session.form.section(id: section)?.nothingHereNote == .required
            overlay = .nothingHere(section: section, required: required, note: LineEditor(), problem: nil)
        case .confirm(let action): overlay = .confirm(action)
        case .openWho:
            let current = conversation.map { Speaker.allCases.firstIndex(of: $0.session.speaker) ?? 0 } ?? 0
            overlay = .who(highlighted: current)
        case .goHome: goHome()
        case .readBack:
            guard case .conversation(var screen) = mode else { return }
            let kind = screen.shownHere
            switch screen.text(of: kind) {
            case .success(let text):
                // The box's title already says what the text is: it starts below its own title.
                let title = screen.title(of: kind)
                let body = text.hasPrefix(title + "\n\n") ? String(text.dropFirst(title.count + 2)) : text
                overlay = .readBack(title: title, text: body, scroll: 0)
                viewing = ReadBackViewing(kind: kind, sha256: ContentHash.sha256(text), viewing: ShownTextViewing(openedAt: clock()))
                noteReadBackWindow(body, scroll: 0)
            case .failure(let unavailable):
                overlay = .readBack(title: screen.title(of: kind), text: unavailable.message, scroll: 0)
                viewing = nil
            }
            mode = .conversation(screen)
        case .sign:
            overlay = .sign(passphrase: PassphraseField())
        }
    }

    /// Hands an event to the engine and saves what changed; says why if it was refused.
    @discardableResult
    func apply(_ event: SessionEvent) -> Bool {
        guard case .conversation(var screen) = mode else { return false }
        var session = screen.session
        let now = clock()
        do {
            let effects = try session.handle(event, at: now)
            try store.save(effects, of: session, conversation: screen.summary.id, at: now)
            if effects.contains(where: { $0 != .saveCursor && $0 != .saveSpeaker }), changedConversations.insert(screen.summary.id).inserted {
                try store.note(.changed, record: screen.summary.id, at: now)
            }
            screen.accept(session)
            screen.message = nil
            if effects.contains(.agreementCleared) {
                screen.message = .problem(catalog.text(.agreementCleared, ["person": screen.summary.person]))
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
        } catch SessionRefusal.notGoneThrough(let kind) {
            screen.message = .problem(screen.showFirst(kind))
            mode = .conversation(screen)
            return false
        } catch let refusal as SessionRefusal {
            screen.message = .problem(screen.words.refusal(refusal, requiredText: .tuiRequired))
            mode = .conversation(screen)
            return false
        } catch let error as StoreError {
            showStoreProblem(error)
            return false
        } catch {
            return false
        }
    }

    private func handleOverlay(_ current: Overlay, key: Key) {
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
                apply(.setSpeaker(Speaker.allCases[highlighted]))
            case .character(let digit):
                if let number = digit.wholeNumberValue, (1...Speaker.allCases.count).contains(number) {
                    overlay = nil
                    apply(.setSpeaker(Speaker.allCases[number - 1]))
                }
            default: break
            }
        case .readBack(let title, let text, let scroll):
            let page = Overlay.readBackPage(text: text, columns: columns, rows: rows)
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
                finishViewing()
                return
            default: break
            }
            moved = min(max(moved, 0), last)
            overlay = .readBack(title: title, text: text, scroll: moved)
            noteReadBackWindow(text, scroll: moved)
        case .comment(var editor):
            switch key {
            case .escape: overlay = nil
            case .control("s"):
                overlay = nil
                saveComment(editor.text)
            default:
                editor.handle(key)
                overlay = .comment(editor)
            }
        case .leaveReview(var passphrase):
            switch key {
            case .escape: overlay = nil
            case .enter:
                // A wrong passphrase keeps the prompt open, emptied: the next try is typed here
                // too, never into the record behind it.
                guard !passphrase.isEmpty else { return }
                if leaveReview(passphrase: passphrase.passphrase) {
                    overlay = nil
                } else {
                    passphrase.refuse()
                    overlay = .leaveReview(passphrase: passphrase)
                }
            default:
                passphrase.handle(key)
                overlay = .leaveReview(passphrase: passphrase)
            }
        case .sign(var passphrase):
            switch key {
            case .escape: overlay = nil
            case .enter:
                overlay = nil
                if case .decide = mode { decide(passphrase: passphrase.passphrase) } else { sign(passphrase: passphrase.passphrase) }
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
                if !apply(.markNothingHere(note: note.text)), case .conversation(var screen) = mode, case .problem(let text)? = screen.message {
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
                confirm(action)
            case .character("n"), .character("N"), .escape:
                overlay = nil
            default: break
            }
        }
    }

    /// Notes which lines of the text F7 shows are on screen now.
    private func noteReadBackWindow(_ text: String, scroll: Int) {
        let page = Overlay.readBackPage(text: text, columns: columns, rows: rows)
        viewing?.viewing.show(lines: scroll..<(scroll + page.height), of: page.lines)
    }

    /// The text F7 showed is closed: the engine notes how long it was open and whether every page was shown.
    private func finishViewing() {
        guard let current = viewing else { return }
        viewing = nil
        apply(.shown(current.kind, current.viewing.note(language: catalog.language, sha256: current.sha256, closedAt: clock())))
    }

    private func confirm(_ action: ConfirmAction) {
        switch action {
        case .clear(let question):
            if apply(.clear(question: question)), case .conversation(var screen) = mode {
                screen.resetEditor()
                mode = .conversation(screen)
            }
        case .removeItem(let question, let index, _):
            guard case .conversation(var screen) = mode, case .list(var list)? = screen.editor else { return }
            let value = list.remove(at: index)
            screen.editor = .list(list)
            mode = .conversation(screen)
            apply(.answer(question: question, value: value))
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

    private func saveComment(_ text: String) {
        guard case .review(var screen, let returnTo) = mode, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        do {
            try store.addReviewComment(conversation: screen.summary.id, text: text, speaker: .person, at: clock())
            screen.comments = try store.reviewComments(conversation: screen.summary.id)
            screen.message = .note(catalog.text(.reviewCommentSaved))
        } catch {
            screen.message = .problem("\(error)")
        }
        mode = .review(screen, returnTo: returnTo)
    }

    /// Only the worker's passphrase ends the review; the person never reaches another record.
    /// Returns whether it was the worker's.
    private func leaveReview(passphrase: String) -> Bool {
        guard case .review(var screen, let returnTo) = mode else { return false }
        guard reviewLock?(passphrase) == true else {
            screen.message = .problem(catalog.text(.reviewLeaveWrong))
            mode = .review(screen, returnTo: returnTo)
            return false
        }
        try? store.note(.reviewClosed, record: screen.summary.id, at: clock())
        if let returnTo {
            mode = .conversation(returnTo)
        } else {
            isFinished = true
        }
        return true
    }

    private func sign(passphrase: String) {
        guard case .conversation(var screen) = mode else { return }
        guard let signing else {
            screen.message = .problem(catalog.text(.signNoKey))
            mode = .conversation(screen)
            return
        }
        do {
            screen.message = .note(try signing.sign(passphrase, screen.summary.id))
        } catch {
            screen.message = .problem("\(error)")
        }
        mode = .conversation(screen)
    }

    /// Opens the decision screen on a referred record, with its costing as signed.
    private func openDecision(_ id: String) {
        do {
            let summary = try store.summary(id: id)
            var explanation = ""
            if let form = library.form(id: summary.formID, version: summary.formVersion),
               let latest = try RecordSealing(store: store).envelopes(record: id).last,
               let envelope = try? Envelope(decoding: latest), let content = try? SignedRecordContent(envelope: envelope, form: form) {
                // What is to be decided first, then how it was worked out.
                if let option = content.chosenOption, let amount = content.chosenAmount, let costed = content.decidedBy {
                    // Referred by the worker though within their limit: a team leader decides.
                    let role = costed == .worker ? DecisionRole.teamLeader : costed
                    explanation = catalog.text(.decisionToDecide, ["number": String(option.number), "amount": amount.formatted,
                                                                   "role": catalog.roleName(role.rawValue)]) + "\n\n"
                }
                explanation += content.costingExplanation ?? ""
            }
            try store.note(.opened, record: id, at: clock())
            mode = .decide(DecisionScreen(summary: summary, explanation: explanation, catalog: catalog))
        } catch {
            showStoreProblem(error)
        }
    }

    private func decide(passphrase: String) {
        guard case .decide(var screen) = mode, let outcome = screen.chosen else { return }
        guard let deciding else {
            screen.message = .problem(catalog.text(.signNoKey))
            mode = .decide(screen)
            return
        }
        do {
            let said = try deciding.decide(.init(record: screen.summary.id, outcome: outcome, reasons: screen.reasons.text,
                                                 keyFile: screen.keyFile.text, passphrase: passphrase))
            goHome()
            if case .home(var home) = mode {
                home.message = .note(said.components(separatedBy: "\n").first ?? said)
                mode = .home(home)
            }
        } catch {
            screen.message = .problem("\(error)")
            mode = .decide(screen)
        }
    }

    private func goHome() {
        do {
            mode = .home(try FullScreenApp.homeScreen(store: store, catalog: catalog))
        } catch {
            showStoreProblem(error)
        }
    }

    private func openOrSay(_ id: String) {
        do { try open(conversation: id) } catch { showStoreProblem(error) }
    }

    private func showStoreProblem(_ error: StoreError) {
        let text: String
        switch error {
        case .unreadable(_, let reason): text = reason
        case .noConversation(let id): text = catalog.text(.errorNoConversation, ["id": id])
        case .cannotSave(let reason): text = reason
        default: text = "\(error)"
        }
        switch mode {
        case .home(var home): home.message = .problem(text); mode = .home(home)
        case .new(var screen): screen.message = .problem(text); mode = .new(screen)
        case .conversation(var screen): screen.message = .problem(text); mode = .conversation(screen)
        case .review(var screen, let returnTo): screen.message = .problem(text); mode = .review(screen, returnTo: returnTo)
        case .decide(var screen): screen.message = .problem(text); mode = .decide(screen)
        }
    }

    /// On Ctrl-C, a signal or a lost terminal: saves the answer being typed if it is a
    /// valid answer. Everything committed before is already on disk.
    public func saveBeforeExit() {
        guard case .conversation(let screen) = mode, let question = screen.session.currentQuestion, let editor = screen.editor,
              editor.isChanged(for: question, saved: screen.session.answers[question.id]?.value, catalog: screen.catalog),
              case .success(let value) = editor.draft(for: question, catalog: screen.catalog) else { return }
        apply(.answer(question: question.id, value: value))
    }

    /// On SIGTERM, SIGHUP or a SIGINT sent from outside: saves the answer being typed
    /// (``saveBeforeExit()``) and, in the person's review, notes in the audit log that it
    /// ended without the worker's passphrase, as the plain review does. Returns whether a
    /// review ended so.
    ///
    /// ```swift
    /// if try app.endBySignal() { /* exit status 1 */ }
    /// ```
    @discardableResult
    public func endBySignal() throws(StoreError) -> Bool {
        saveBeforeExit()
        isFinished = true
        guard case .review(let screen, _) = mode else { return false }
        overlay = nil
        try store.note(.reviewEndedWithoutPassphrase, record: screen.summary.id, at: clock())
        return true
    }

    // MARK: Drawing

    /// The screen as it should look now.
    public func render() -> CellGrid {
        guard columns >= ScreenFrame.minimumColumns, rows >= ScreenFrame.minimumRows else {
            return ScreenFrame.tooSmall(columns: columns, rows: rows, catalog: catalog)
        }
        var grid = CellGrid(columns: columns, rows: rows)
        grid.rightToLeft = catalog.rightToLeft
        let frame = ScreenFrame(catalog: catalog, settings: settings)
        var words: ConversationWording?
        switch mode {
        case .home(let home):
            home.render(into: &grid, frame: frame) { [catalog] id in catalog.text(FormTextKey.title(form: id)) }
        case .new(let screen):
            screen.render(into: &grid, frame: frame)
        case .conversation(var screen):
            screen.render(into: &grid, frame: frame)
            words = screen.words
            mode = .conversation(screen)
        case .review(let screen, _):
            screen.render(into: &grid, frame: frame)
            words = screen.words
        case .decide(let screen):
            screen.render(into: &grid, frame: frame)
        }
        overlay?.render(into: &grid, frame: frame, words: words)
        return grid
    }
}
