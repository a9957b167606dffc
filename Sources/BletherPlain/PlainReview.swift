import BletherCore
import BletherRecords
import BletherStore
import Foundation

/// The person's review in plain mode: their record page by page, their own words added,
/// and the worker's passphrase needed to leave.
///
/// ```swift
/// try PlainReview(summary: summary, words: words, session: session, store: store,
///                 input: StandardInput(), output: StandardOutput(), unlocks: { check($0) }).run()
/// ```
package struct PlainReview {
    let summary: ConversationSummary
    let words: ConversationWording
    let session: Session
    /// The signed revision being read, when there is one.
    let content: SignedRecordContent?
    let store: ConversationStore
    var input: any LineSource
    let output: any PlainOutput
    /// Whether a passphrase is the worker's.
    let unlocks: (String) -> Bool
    /// The worker's passphrase, asked for with the prompt given and typed without being shown;
    /// `nil` when the review is ending.
    let readPassphrase: (String) -> String?
    let linesPerPage: Int

    package init(summary: ConversationSummary, words: ConversationWording, session: Session, content: SignedRecordContent? = nil, store: ConversationStore,
                input: any LineSource, output: any PlainOutput, linesPerPage: Int = 20,
                unlocks: @escaping (String) -> Bool, readPassphrase: @escaping (String) -> String?) {
        self.summary = summary
        self.words = words
        self.session = session
        self.content = content
        self.store = store
        self.input = input
        self.output = output
        self.linesPerPage = linesPerPage
        self.unlocks = unlocks
        self.readPassphrase = readPassphrase
    }

    var catalog: Catalog { words.catalog }

    func lines() throws(StoreError) -> [String] {
        PersonReviewText.lines(session: session, words: words, person: summary.person, content: content,
                               comments: try store.reviewComments(conversation: summary.id).map(\.text))
    }

    /// Runs until the worker's passphrase is given (`true`), or the input ends without it
    /// (`false`, noted in the audit log). Which keys and signals end the input is the
    /// input's to say: on a terminal, ``KioskInput`` lets none of the person's keys end it.
    package mutating func run() throws(StoreError) -> Bool {
        try store.note(.reviewOpened, record: summary.id, at: Date())
        var page = 0
        while true {
            let all = try lines()
            let pages = stride(from: 0, to: max(all.count, 1), by: linesPerPage).map { Array(all[$0..<min($0 + linesPerPage, all.count)]) }
            page = min(page, pages.count - 1)
            output.line("")
            output.line(catalog.text(.reviewTitle, ["person": BidiIsolation.isolate(summary.person)]) + " — " + catalog.text(.reviewPage, ["number": String(page + 1), "total": String(pages.count)]))
            for line in pages[page] { output.line(line) }
            output.line(catalog.text(.reviewPlainKeys))
            output.prompt(">")
            guard let typed = input.nextLine() else { return try endedWithoutPassphrase() }
            switch typed.trimmingCharacters(in: .whitespaces).lowercased() {
            case "": page = min(page + 1, pages.count - 1)
            case "b": page = max(page - 1, 0)
            case "c":
                output.line(catalog.text(.reviewPlainComment))
                var text: [String] = []
                while let line = input.nextLine(), line.trimmingCharacters(in: .whitespaces) != "." { text.append(line) }
                let words = text.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                if !words.isEmpty {
                    try store.addReviewComment(conversation: summary.id, text: words, speaker: .person, at: Date())
                    output.line(catalog.text(.reviewCommentSaved))
                }
            case "q":
                // The review ending while the passphrase is asked (a signal, a script's end):
                // nothing half-typed is tried, counted or kept.
                guard let passphrase = readPassphrase(BidiIsolation.safeText(catalog.text(.reviewPlainLeave))) else { return try endedWithoutPassphrase() }
                if unlocks(passphrase) {
                    try store.note(.reviewClosed, record: summary.id, at: Date())
                    return true
                }
                output.line(catalog.text(.reviewLeaveWrong))
            default:
                output.line(catalog.text(.reviewPlainKeys))
            }
        }
    }

    private func endedWithoutPassphrase() throws(StoreError) -> Bool {
        try store.note(.reviewEndedWithoutPassphrase, record: summary.id, at: Date())
        return false
    }
}
