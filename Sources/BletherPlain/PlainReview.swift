import BletherCore
import BletherRecords
import BletherStore
import Foundation

/// The person's review in plain mode: their record page by page (a paragraph never split
/// across pages, as in the full screen: ``DocumentPages``), whether it is signed, by whom and
/// when, their own words added, their own help (`?`), and the worker's passphrase needed to
/// give the laptop back.
///
/// ```swift
/// try PlainReview(summary: summary, words: words, session: session, signing: signing, store: store,
///                 input: StandardInput(), output: StandardOutput(), unlocks: { check($0) }).run()
/// ```
package struct PlainReview {
    let summary: ConversationSummary
    let words: ConversationWording
    let session: Session
    /// The signed revision being read, when there is one.
    let content: SignedRecordContent?
    /// Signed, by whom and when, as verified against the keys trusted here.
    let signing: ReviewSigning
    /// The worker's and an advocate's names, from the signatures as verified here.
    let names: [Speaker: String]
    let store: ConversationStore
    var input: any LineSource
    let output: any PlainOutput
    /// Whether a passphrase is the worker's.
    let unlocks: (String) -> Bool
    /// Whether a line of the person's words is the worker's passphrase, checked quickly and
    /// noting nothing: such a line is never saved (``ReviewWords``).
    let isWorkersPassphrase: (String) -> Bool
    /// Asks for the worker's passphrase with the prompt given and checks it with the check
    /// given while what is typed is still not shown (keys pressed during a slow check are
    /// never shown either): whether it was the worker's; `nil` when the review is ending.
    let askPassphrase: (_ prompt: String, _ check: (String) -> Bool) -> Bool?
    let linesPerPage: Int

    /// - Parameter signing: who signed it, as verified (see ``ReviewSigning``); without it, a
    ///   signed revision is said to be one whose signature cannot be checked, and names nobody.
    package init(summary: ConversationSummary, words: ConversationWording, session: Session, content: SignedRecordContent? = nil,
                signing: ReviewSigning? = nil, names: [Speaker: String] = [:], store: ConversationStore,
                input: any LineSource, output: any PlainOutput, linesPerPage: Int = 20,
                unlocks: @escaping (String) -> Bool, isWorkersPassphrase: @escaping (String) -> Bool, askPassphrase: @escaping (String, (String) -> Bool) -> Bool?) {
        self.summary = summary
        self.words = words
        self.session = session
        self.content = content
        self.signing = signing ?? (content == nil ? .notSigned : .unchecked)
        self.names = names
        self.store = store
        self.input = input
        self.output = output
        self.linesPerPage = linesPerPage
        self.unlocks = unlocks
        self.isWorkersPassphrase = isWorkersPassphrase
        self.askPassphrase = askPassphrase
    }

    var catalog: Catalog { words.catalog }

    /// The record's pages as printed: each a run of lines, no paragraph split between two.
    func pages() throws(StoreError) -> [[String]] {
        let document = PersonReviewText.document(session: session, words: words, person: summary.person, content: content,
                                                 comments: try store.reviewComments(conversation: summary.id).map(\.text), names: names)
        let pieces = DocumentPiece.pieces(of: document).map { piece in
            piece.lines.flatMap { $0.printed.components(separatedBy: "\n") }
        }
        let lines = pieces.flatMap { $0 }
        let pages = DocumentPages(roles: DocumentPiece.pieces(of: document).map(\.role), heights: pieces.map(\.count), height: linesPerPage)
        return pages.pages.map { Array(lines[$0.lines]) }
    }

    /// What the person can type, then Enter.
    enum Command: Equatable {
        case next, back, page(Int), comment, help, leave, unknown

        init(_ typed: String) {
            let typed = typed.trimmingCharacters(in: .whitespaces).lowercased()
            switch typed {
            case "": self = .next
            case "b": self = .back
            case "c": self = .comment
            case "?", "help", ":help", "h", "/?", "/help", "--help": self = .help
            // Esc then Enter, as in the full screen, gives the laptop back too.
            case "q", "\u{1B}": self = .leave
            default: self = Int(typed).map(Command.page) ?? .unknown
            }
        }
    }

    /// Runs until the worker's passphrase is given (`true`), or the input ends without it
    /// (`false`, noted in the audit log). Which keys and signals end the input is the
    /// input's to say: on a terminal, ``KioskInput`` lets none of the person's keys end it.
    package mutating func run() throws(StoreError) -> Bool {
        try store.note(.reviewOpened, record: summary.id, at: Date())
        var page = 0
        while true {
            let pages = try pages()
            page = min(page, pages.count - 1)
            output.line("")
            output.line(catalog.text(.reviewTitle, ["person": BidiIsolation.isolate(summary.person)]) + " — " + catalog.text(.reviewPage, ["number": String(page + 1), "total": String(pages.count)]))
            output.line(signing.text(catalog) { BidiIsolation.isolate($0) })
            for line in pages[page] { output.line(line) }
            output.line(catalog.text(.reviewPlainKeys))
            output.prompt(">")
            guard let typed = input.nextLine() else { return try endedWithoutPassphrase() }
            switch Command(typed) {
            case .next: page = min(page + 1, pages.count - 1)
            case .back: page = max(page - 1, 0)
            case .page(let number):
                if !(1...pages.count).contains(number) {
                    output.line(catalog.text(.reviewPlainNoSuchPage, ["number": String(number), "total": String(pages.count)]))
                }
                page = min(max(number - 1, 0), pages.count - 1)
            case .help: output.line(catalog.text(.reviewPlainHelp))
            case .comment:
                try addWords()
            case .leave:
                // Asked again after a wrong one, as the full screen's box does, until the right
                // one or an empty line (back to the record). The review ending while it is asked
                // (a signal, a script's end): nothing half-typed is tried, counted or kept.
                var prompt = catalog.text(.reviewPlainLeave)
                while true {
                    var nothingTyped = false
                    let asked = askPassphrase(BidiIsolation.safeText(prompt)) { typed in
                        guard !typed.allSatisfy(\.isWhitespace) else { nothingTyped = true; return false }
                        return unlocks(typed)
                    }
                    guard let opened = asked else { return try endedWithoutPassphrase() }
                    if opened {
                        try store.note(.reviewClosed, record: summary.id, at: Date())
                        return true
                    }
                    if nothingTyped { break }
                    output.line(catalog.text(.reviewLeaveWrong))
                    prompt = catalog.text(.reviewPlainLeaveAgain)
                }
            case .unknown:
                // The worker's passphrase typed here by mistake is never repeated back.
                output.line(isWorkersPassphrase(typed) || isWorkersPassphrase(typed.trimmingCharacters(in: .whitespaces))
                            ? catalog.text(.reviewPlainUnknownUnsaid)
                            : catalog.text(.reviewPlainUnknown, ["typed": BidiIsolation.isolate(Self.shortened(typed))]))
            }
        }
    }

    /// The person's words, a line at a time, each asked for with its own prompt so it is plain
    /// that words are being written, until an empty line (or one holding only "."); the end of
    /// the input keeps what was typed. A line that is the worker's passphrase is never saved.
    private mutating func addWords() throws(StoreError) {
        output.line(catalog.text(.reviewPlainComment))
        var text: [String] = []
        while true {
            output.prompt(catalog.text(.reviewPlainCommentPrompt))
            guard let line = input.nextLine() else { break }
            let bare = line.trimmingCharacters(in: .whitespaces)
            if bare.isEmpty || bare == "." { break }
            text.append(line)
        }
        let words = ReviewWords(typed: text.joined(separator: "\n"), isWorkersPassphrase: isWorkersPassphrase)
        if words.withheldPassphrase { output.line(catalog.text(.reviewPassphraseNotKept)) }
        guard !words.kept.isEmpty else { return }
        try store.addReviewComment(conversation: summary.id, text: words.kept, speaker: .person, at: Date())
        output.line(catalog.text(.reviewCommentSaved))
    }

    /// What was typed, cut to a length a message can repeat.
    static func shortened(_ typed: String) -> String {
        let bare = typed.trimmingCharacters(in: .whitespaces)
        return bare.count > 40 ? String(bare.prefix(40)) + "…" : bare
    }

    private func endedWithoutPassphrase() throws(StoreError) -> Bool {
        try store.note(.reviewEndedWithoutPassphrase, record: summary.id, at: Date())
        return false
    }
}
