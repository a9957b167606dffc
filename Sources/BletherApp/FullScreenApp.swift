import BletherCore
import BletherForms
import BletherRecords
import BletherStore
import BletherTUI
import Foundation

/// The full-screen program at the edge: runs the pure ``AppModel`` against the store —
/// reading conversations and records, saving every accepted answer before the next key,
/// noting in the audit log, signing — and hands back what came of each command. Keys in, a
/// grid out, for the terminal driver or a test.
///
/// ```swift
/// let app = try FullScreenApp(library: library, catalog: catalog, language: "en-GB", store: store, size: (80, 24))
/// app.handle(.character("M"))
/// let grid = app.render()
/// ```
package final class FullScreenApp: TerminalProgram {
    let library: FormLibrary
    let language: String
    let store: ConversationStore
    let clock: () -> Date
    /// Everything on screen, as a value.
    package private(set) var model: AppModel

    /// How this program signs: the work itself (passphrase, conversation id) → what to say.
    /// `nil` when signing is not offered.
    package struct Signing {
        package let sign: (_ passphrase: String, _ conversation: String) throws -> String

        package init(sign: @escaping (_ passphrase: String, _ conversation: String) throws -> String) {
            self.sign = sign
        }
    }

    /// How this program signs a decision on a referred budget: the decision → what to say
    /// (an error's description is shown as the problem).
    package struct Deciding {
        package typealias Decision = DecisionRequest
        package let decide: (Decision) throws -> String

        package init(decide: @escaping (Decision) throws -> String) {
            self.decide = decide
        }
    }

    package var signing: Signing? { didSet { model.canSign = signing != nil } }
    package var deciding: Deciding? { didSet { model.canDecide = deciding != nil } }
    /// The key signing uses, named in the passphrase box with its whole fingerprint.
    package var signingKey: SigningKeyShown? {
        get { model.signingKey }
        set { model.signingKey = newValue }
    }
    /// Checks the worker's passphrase before the person's review is left.
    package var reviewLock: ((String) -> Bool)?
    /// Whether a line of the person's words is the worker's passphrase, checked quickly and
    /// noting nothing: such a line is never saved (``ReviewWords``).
    package var isWorkersPassphrase: (String) -> Bool = { _ in false }
    /// The keys this machine trusts, with the names it trusts them with: the only source of the
    /// name the person's review says signed their record. None (or keys that cannot be read):
    /// a signed record says its signature cannot be checked here.
    package var trustedKeys: () throws -> [KeyIdentity] = { [] }

    package init(library: FormLibrary, catalog: Catalog, language: String, store: ConversationStore, size: (columns: Int, rows: Int),
                settings: DisplaySettings = DisplaySettings(), clock: @escaping () -> Date = Date.init) throws(StoreError) {
        self.library = library
        self.language = language
        self.store = store
        self.clock = clock
        model = AppModel(catalog: catalog, forms: library.latestForms, size: size, settings: settings, contentHash: ContentHash.sha256)
        run(model.receive(try home(), at: clock()))
    }

    package var catalog: Catalog { model.catalog }
    package var settings: DisplaySettings {
        get { model.settings }
        set { model.settings = newValue }
    }
    package var columns: Int { model.columns }
    package var rows: Int { model.rows }
    package var isFinished: Bool { model.isFinished }
    /// The conversation on screen, if any.
    package var conversation: ConversationScreen? { model.conversation }
    package var overlay: Overlay? { model.overlay }

    /// Opens a conversation straight away (`blether resume <id>`).
    package func open(conversation id: String) throws(StoreError) {
        run(model.receive(try opened(id, thenAnswer: nil), at: clock()))
    }

    /// Hands the record over to the person (`blether review <id>`, or Ctrl-P in a conversation):
    /// the latest signed revision, or the draft before signing.
    package func review(conversation id: String, returnTo: ConversationScreen? = nil) throws(StoreError) {
        run(model.receive(try reviewed(id, returnTo: returnTo), at: clock()))
    }

    /// Starts a new conversation straight away (`blether new`).
    package func start(form: Form, person: String, present: AnswerValue? = nil) throws(StoreError) {
        let summary = try store.create(form: form, person: person, language: language, at: clock())
        run(model.receive(try opened(summary.id, thenAnswer: present), at: clock()))
    }

    package func handle(_ key: Key) {
        run(model.update(key, at: clock()))
    }

    /// Keys that arrived together (a paste): letters in a row are handled as one change, and
    /// any work a key gives (a save) is done before the next is handled.
    package func handle(_ keys: [Key]) {
        var rest = keys[...]
        while !rest.isEmpty, !isFinished {
            let (commands, handled) = model.update(keys: rest, at: clock())
            run(commands)
            rest = rest.dropFirst(max(handled, 1))
        }
    }

    /// The screen as it should look now.
    package func render() -> CellGrid {
        model.render()
    }

    /// On Ctrl-C, a signal or a lost terminal: saves the answer being typed if it is a
    /// valid answer. Everything committed before is already on disk.
    package func saveBeforeExit() {
        run(model.saveBeforeExit(at: clock()))
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
    package func endBySignal() throws(StoreError) -> Bool {
        let (commands, endedReview) = model.endBySignal(at: clock())
        for command in commands {
            if case .note(let note, let conversation) = command {
                try store.note(note.action, record: conversation, at: clock())
            } else {
                run([command])
            }
        }
        return endedReview
    }

    // MARK: Running commands

    /// Does each command in order, and the work what came of it leads to, before the next key.
    /// A save that fails stops the rest: they followed from a change that is not on disk.
    func run(_ commands: [AppCommand]) {
        var queue = commands[...]
        while let command = queue.popFirst() {
            let now = clock()
            do throws(StoreError) {
                guard let result = try perform(command) else { continue }
                queue = model.receive(result, at: now)[...] + queue
            } catch {
                if case .save(let save) = command {
                    queue = model.receive(.saveFailed(problem: problem(error), save: save), at: now)[...]
                } else {
                    queue = model.receive(.failed(problem(error)), at: now)[...] + queue
                }
            }
        }
    }

    private func perform(_ command: AppCommand) throws(StoreError) -> AppResult? {
        switch command {
        case .loadHome:
            return try home()
        case .open(let id, let thenAnswer):
            return try opened(id, thenAnswer: thenAnswer)
        case .start(let identity, let person, let present):
            guard let form = library.form(id: identity.id, version: identity.version) else {
                throw .unreadable(path: identity.id, reason: formGone(id: identity.id, version: identity.version))
            }
            let summary = try store.create(form: form, person: person, language: language, at: clock())
            return try opened(summary.id, thenAnswer: present)
        case .review(let id, let returnTo):
            return try reviewed(id, returnTo: returnTo)
        case .openDecision(let id):
            return try decision(id)
        case .save(let save):
            try store.save(save.effects, of: save.session, conversation: save.conversation, at: save.at)
            // The answer is on disk now: a note that cannot be written is said, and the screen keeps the answer.
            guard save.firstChange else { return nil }
            do throws(StoreError) {
                try store.note(.changed, record: save.conversation, at: save.at)
                return nil
            } catch {
                return .failed(problem(error))
            }
        case .note(let note, let conversation):
            if note == .reviewClosed {
                // Leaving the review is never held up by the audit log.
                try? store.note(note.action, record: conversation, at: clock())
            } else {
                try store.note(note.action, record: conversation, at: clock())
            }
            return nil
        case .addComment(let conversation, let text):
            let words = ReviewWords(typed: text, isWorkersPassphrase: isWorkersPassphrase)
            if !words.kept.isEmpty {
                try store.addReviewComment(conversation: conversation, text: words.kept, speaker: .person, at: clock())
            }
            return .commentSaved(try store.reviewComments(conversation: conversation), passphraseWithheld: words.withheldPassphrase)
        case .unlockReview(let passphrase):
            return .reviewUnlocked(reviewLock?(passphrase) == true)
        case .sign(let passphrase, let conversation):
            guard let signing else { return .signed(.failure(ShownProblem(catalog.text(.signNoKey)))) }
            do {
                return .signed(.success(try signing.sign(passphrase, conversation)))
            } catch {
                return .signed(.failure(ShownProblem("\(error)")))
            }
        case .decide(let request):
            guard let deciding else { return .decided(.failure(ShownProblem(catalog.text(.signNoKey)))) }
            do {
                return .decided(.success(try deciding.decide(request)))
            } catch {
                return .decided(.failure(ShownProblem("\(error)")))
            }
        }
    }

    /// Every conversation that opens; one that does not is named, never hiding the rest.
    private func home() throws(StoreError) -> AppResult {
        let (conversations, unreadable) = try store.readableSummaries()
        return .home(conversations: conversations, unreadable: unreadable.map(\.id))
    }

    private func form(of summary: ConversationSummary) throws(StoreError) -> Form {
        guard let form = library.form(id: summary.formID, version: summary.formVersion) else {
            throw .unreadable(path: summary.id, reason: formGone(id: summary.formID, version: summary.formVersion))
        }
        return form
    }

    /// Why a form of this id and version cannot be used: it is not among the forms here.
    private func formGone(id: String, version: Int) -> String {
        catalog.text(.errorFormVersionGone, ["version": String(version), "form": id,
                                             "available": library.latestForm(id: id).map { String($0.version) } ?? "—"])
    }

    /// A conversation read from the store, ready to carry on with; its opening is in the audit
    /// log before it is on screen.
    private func opened(_ id: String, thenAnswer: AnswerValue?) throws(StoreError) -> AppResult {
        let summary = try store.summary(id: id)
        let session = try store.restore(id: id, form: try form(of: summary))
        let comments = try store.reviewComments(conversation: id)
        try store.note(.opened, record: id, at: clock())
        return .opened(OpenedConversation(summary: summary, session: session, comments: comments, thenAnswer: thenAnswer))
    }

    /// The latest signed revision, or the draft before signing, as the person reads it.
    private func reviewed(_ id: String, returnTo: ConversationScreen?) throws(StoreError) -> AppResult {
        let summary = try store.summary(id: id)
        guard let form = library.form(id: summary.formID, version: summary.formVersion) else { throw .noConversation(id: id) }
        let words = ConversationWording(catalog: catalog, form: form)
        var session = try store.restore(id: id, form: form)
        var signed: SignedRecordContent?
        if let content = try latestContent(of: id, form: form) {
            session = content.session
            signed = content
        }
        // Who signed it, only as verified against the keys trusted here.
        let verified = try RecordSealing(store: store).verify(record: id, trusted: (try? trustedKeys()) ?? [])
        let person = summary.person, shown = session, names = PersonSummary.signatureNames(verified: verified)
        let screen = ReviewScreen(summary: summary, words: words, session: session, signing: ReviewSigning(verified: verified, latest: signed),
                                  comments: try store.reviewComments(conversation: id)) { [signed] comments in
            PersonReviewText.document(session: shown, words: words, person: person, content: signed, comments: comments, names: names)
        }
        try store.note(.reviewOpened, record: id, at: clock())
        return .review(OpenedReview(screen: screen, returnTo: returnTo))
    }

    /// A referred record, with what is to be decided first and then how it was worked out.
    private func decision(_ id: String) throws(StoreError) -> AppResult {
        let summary = try store.summary(id: id)
        var explanation = Document(sections: [])
        if let form = library.form(id: summary.formID, version: summary.formVersion), let content = try latestContent(of: id, form: form) {
            if let option = content.chosenOption, let amount = content.chosenAmount, let costed = content.decidedBy {
                // Referred by the worker though within their limit: a team leader decides.
                let role = costed == .worker ? DecisionRole.teamLeader : costed
                explanation.sections.append(DocumentSection(blocks: [.paragraph(catalog.document(.decisionToDecide, [
                    "number": String(option.number), "amount": amount.formatted, "role": catalog.roleName(role)]))]))
            }
            explanation.sections += content.costingDocument(ConversationWording(catalog: catalog, form: form))?.sections ?? []
        }
        try store.note(.opened, record: id, at: clock())
        return .decision(summary: summary, explanation: explanation)
    }

    /// What the latest signed revision holds, when there is one. One that does not read is
    /// refused with why — never shown as the draft it was signed from.
    private func latestContent(of id: String, form: Form) throws(StoreError) -> SignedRecordContent? {
        let envelopes = try RecordSealing(store: store).envelopes(record: id)
        guard let latest = envelopes.last else { return nil }
        do {
            return try SignedRecordContent(envelope: try Envelope(decoding: latest), form: form)
        } catch {
            throw .unreadable(path: id, reason: "\(id): signed revision \(envelopes.count) does not read: \(error)")
        }
    }

    /// A store problem in the reader's words.
    private func problem(_ error: StoreError) -> ShownProblem {
        switch error {
        case .unreadable(_, let reason): ShownProblem(reason)
        case .noConversation(let id): ShownProblem(catalog.text(.errorNoConversation, ["id": id]))
        case .cannotSave(let reason): ShownProblem(reason)
        default: ShownProblem("\(error)")
        }
    }
}

extension AuditNote {
    /// The audit log's word for it.
    var action: AuditAction {
        switch self {
        case .reviewClosed: .reviewClosed
        case .reviewEndedWithoutPassphrase: .reviewEndedWithoutPassphrase
        }
    }
}
