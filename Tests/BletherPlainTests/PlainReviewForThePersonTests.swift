import BletherCore
import BletherForms
@testable import BletherPlain
import BletherRecords
import BletherStore
import Foundation
import Testing

/// `blether --plain review`, written for the person: who signed and when, their own help,
/// pages that never split a paragraph, and a page reached by its number.
@Suite final class PlainReviewForThePersonTests {
    static let key = try! WorkerKeyFile.create(name: "Test Worker", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10).key
    static let library = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath)))
    let form = PlainReviewForThePersonTests.library.latestForm(id: "adult-good-conversation")!
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-plain-review-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// A review over a conversation with long answers, reading `typed`; returns it and what it printed.
    func review(_ typed: [String], language: String = "en-GB", signing: ReviewSigning? = nil, linesPerPage: Int = 12,
                passphrases: [String?] = [nil]) throws -> (review: PlainReview, output: RecordedOutput, asked: Int) {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: "Morag Campbell", language: language, at: Date())
        var session = try store.restore(id: summary.id, form: form)
        let story = "I have lived in this street for forty years and I know everyone in it; the choir on a Thursday is the best night of the week. "
        for event: SessionEvent in [.answer(question: "language", value: .text("English")), .answer(question: "communication", value: .text(String(repeating: story, count: 3))),
                                    .jump(section: "what-matters"), .answer(question: "own-words", value: .text(String(repeating: story, count: 2)))] {
            try store.save(try session.handle(event, at: Date()), of: session, conversation: summary.id, at: Date())
        }
        let output = RecordedOutput()
        var asked = 0
        var left = passphrases
        var review = PlainReview(summary: summary, words: ConversationWording(catalog: Self.library.catalog(language: language)!, form: form), session: session,
                                 signing: signing, store: store, input: ScriptedInput(typed), output: output, linesPerPage: linesPerPage,
                                 unlocks: { $0 == "the worker's passphrase" }, isWorkersPassphrase: { $0 == "the worker's passphrase" }, askPassphrase: { _, check in asked += 1; return (left.isEmpty ? nil : left.removeFirst()).map(check) })
        _ = try review.run()
        return (review, output, asked)
    }

    @Test func theTopSaysWhetherItIsSignedByWhomAndWhen() throws {
        let day = try #require(Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: TimeZone(identifier: "UTC"), year: 2026, month: 11, day: 30, hour: 11)))
        #expect(try review([]).output.text.contains("\nNot signed yet: this is what has been written so far.\n"))
        let signed = try review([], signing: .signed(name: "Ailsa Grant", at: day)).output.text
        #expect(signed.contains("\nSigned by Ailsa Grant on 30 November 2026\n"), "\(signed)")
        let gaelic = try review([], language: "gd", signing: .signed(name: "Ailsa Grant", at: day)).output.text
        #expect(gaelic.contains("Chuir Ailsa Grant ainm ris air 30mh dhen t-Samhain 2026"), "\(gaelic)")
        #expect(try review([], signing: .unchecked).output.text.contains("Signed, but the signature cannot be checked on this laptop."))
    }

    @Test func questionMarkOrHelpListsTheReviewsOwnCommands() throws {
        for typed in ["?", "help", " HELP "] {
            let text = try review([typed]).output.text
            #expect(text.contains("What you can type here, then Enter:"), "\(typed): \(text)")
            #expect(text.contains("q          give the laptop back: your worker types their passphrase"))
            #expect(!text.contains(":sign") && !text.contains(":who"), "none of the worker's commands")
        }
        #expect(try review([]).output.text.contains("? for help, or q to give the laptop back."))
    }

    @Test func wordsEndAtAnEmptyLineAndALineThatIsThePassphraseIsNeverSaved() throws {
        let (reviewed, output, asked) = try review(["c", "Please add the choir.", "the worker's passphrase", "", "q"], passphrases: ["the worker's passphrase"])
        #expect(output.text.contains("Your words> Your words> Your words> "), "each line of words has its own prompt:\n\(output.text)")
        #expect(output.text.contains("A line was the worker's passphrase, so it was left out and not saved; any other words are saved."))
        #expect(try reviewed.store.reviewComments(conversation: reviewed.summary.id).map(\.text) == ["Please add the choir."])
        #expect(asked == 1, "the empty line ended the words, so q gave the laptop back")

        let alone = try review(["c", "  the worker's passphrase ", "."])
        #expect(try alone.review.store.reviewComments(conversation: alone.review.summary.id).isEmpty, "a passphrase alone saves nothing")
        #expect(!alone.output.text.contains("Thank you. Your words are saved"))
    }

    @Test func aWrongPassphraseIsAskedAgainAndAnEmptyLineGoesBackToTheRecord() throws {
        let again = try review(["q"], passphrases: ["not it", "the worker's passphrase"])
        #expect(again.asked == 2, "asked again after the wrong one, without q again")
        #expect(again.output.text.contains("That is not the worker's passphrase, so the record stays open.\n"))
        #expect(try again.review.store.auditEntries(record: again.review.summary.id).last?.action == .reviewClosed)

        let back = try review(["q", "2"], passphrases: [" "])
        #expect(back.asked == 1)
        #expect(!back.output.text.contains("That is not the worker's passphrase"), "an empty line is not a try")
        #expect(back.output.text.contains("Page 2 of"), "back at the record, which goes on")
    }

    @Test func thePassphraseTypedAtThePromptIsNeverRepeated() throws {
        let text = try review(["the worker's passphrase", "99"]).output.text
        #expect(!text.contains("the worker's passphrase"), "\(text)")
        #expect(text.contains("That is not one of the things you can type here. Type ? and Enter for help."))
        #expect(text.contains("There is no page 99: the pages are 1 to "))
    }

    @Test func somethingUnknownIsNamedWithTheWayToHelp() throws {
        let text = try review(["xyzzy", ":help", "\u{1B}[31m" + String(repeating: "w", count: 200)]).output.text
        #expect(text.contains("“xyzzy” is not one of the things you can type here. Type ? and Enter for help."), "\(text)")
        #expect(text.contains("What you can type here, then Enter:"), ":help is help too")
        #expect(text.contains("No key you press ends this review: only the worker's passphrase gives the laptop back."))
        #expect(!text.contains("\u{1B}[31m"), "what was typed is never obeyed")
        #expect(text.contains(String(repeating: "w", count: 33) + "…"), "a long line is cut short")
        #expect(!text.contains(String(repeating: "w", count: 41)))
    }

    @Test func aPageNumberGoesToThatPageAndEscGivesTheLaptopBack() throws {
        let (_, output, _) = try review(["3"])
        #expect(output.text.contains("Your record — Morag Campbell — Page 3 of"), "\(output.text)")
        let leaving = try review(["\u{1B}"], passphrases: ["the worker's passphrase"])
        #expect(leaving.asked == 1, "Esc, then Enter, asks for the worker's passphrase as q does")
    }

    @Test(arguments: [8, 12, 20])
    func noPageSplitsAParagraphThatFitsOnAPage(linesPerPage: Int) throws {
        let (review, _, _) = try review([], linesPerPage: linesPerPage)
        let pages = try review.pages()
        #expect(pages.count > 2)
        let document = PersonReviewText.document(session: review.session, words: review.words, person: "Morag Campbell", content: nil, comments: [])
        #expect(pages.joined().filter { !$0.isEmpty } == DocumentPlainText(document).lines.filter { !$0.isEmpty }, "every line, once, in order")
        for piece in DocumentPiece.pieces(of: document) where piece.role == .text && piece.lines.count <= linesPerPage {
            let lines = piece.lines.map(\.printed)
            #expect(pages.contains { page in page.indices.contains { Array(page[$0...].prefix(lines.count)) == lines } },
                    "\(lines.first ?? "") is read whole on one page")
        }
        for page in pages { #expect(page.first?.isEmpty == false, "no page starts with a blank line") }
    }
}
