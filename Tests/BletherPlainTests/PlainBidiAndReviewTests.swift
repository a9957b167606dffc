import BletherCore
import BletherForms
import BletherPlain
import BletherRecords
import BletherStore
import Foundation
import Testing

/// A name or answer holding a bidi control comes out of plain mode shown, never obeyed;
/// the plain review asks again when the passphrase read is cut short.
@Suite final class PlainBidiAndReviewTests {
    static let key = try! WorkerKeyFile.create(name: "Test Worker", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10).key
    static let library = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath)))
    let form = PlainBidiAndReviewTests.library.latestForm(id: "adult-good-conversation")!
    let catalog = PlainBidiAndReviewTests.library.catalog(language: "en-GB")!
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-plain-bidi-\(UUID().uuidString)")
    static let hostile = "Morag\u{202E} Campbell"

    deinit { try? FileManager.default.removeItem(at: directory) }

    @Test func aRightToLeftOverrideInANameIsShownInTheList() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        _ = try store.create(form: form, person: Self.hostile, language: "en-GB", at: Date())
        let lines = ConversationListing.lines(try store.summaries(), catalog: catalog)
        let row = try #require(lines.last)
        #expect(!row.unicodeScalars.contains("\u{202E}"), "the override itself is never printed")
        #expect(row.contains("Morag<U+202E> Campbell"), "it is shown where the worker can see it: \(row)")
        #expect(row.contains("adult-good-conversation"), "the columns after the name are untouched")
        // A name in Urdu letters is isolated, so the form id after it keeps its place.
        _ = try store.create(form: form, person: "مورگ", language: "en-GB", at: Date())
        let urdu = try #require(ConversationListing.lines(try store.summaries(), catalog: catalog).first { $0.contains("مورگ") })
        #expect(urdu.contains("\u{2068}مورگ\u{2069}"))
    }

    @Test func aPlainPromptNamingThePersonShowsTheOverride() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: Self.hostile, language: "en-GB", at: Date())
        var session = try store.restore(id: summary.id, form: form)
        try store.save(try session.handle(.answer(question: "language", value: .text("English\u{202E} and Gaelic")), at: Date()),
                       of: session, conversation: summary.id, at: Date())
        let output = RecordedOutput()
        var review = PlainReview(summary: summary, words: ConversationWording(catalog: catalog, form: form), session: session, store: store,
                                 input: ScriptedInput(["c", "Mo\u{2067}ran taing", ".", ""]), output: output,
                                 // One page holds the whole review, so the answer (in the full record, after the summary) is printed.
                                 linesPerPage: 1000, unlocks: { _ in false }, isWorkersPassphrase: { _ in false }, askPassphrase: { _, _ in nil })
        #expect(try review.run() == false)
        #expect(!output.text.unicodeScalars.contains("\u{202E}"), "\(output.text)")
        #expect(!output.text.unicodeScalars.contains("\u{2067}"))
        #expect(output.text.contains("Your record — \u{2068}Morag<U+202E> Campbell\u{2069}"), "the prompt's name is isolated and shown: \(output.text)")
        #expect(output.text.contains("English<U+202E> and Gaelic"), "an answer too")
        #expect(output.text.contains("Mo<U+2067>ran taing"), "and the person's own words")
        #expect(try store.reviewComments(conversation: summary.id).map(\.text) == ["Mo\u{2067}ran taing"], "what is stored is what they typed")
    }

    @Test func aPassphraseReadCutShortEndsTheReviewWithoutTryingIt() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: "Iain", language: "en-GB", at: Date())
        let output = RecordedOutput()
        var tried: [String] = []
        var passphrases: [String?] = ["wrong", nil]
        var review = PlainReview(summary: summary, words: ConversationWording(catalog: catalog, form: form), session: try store.restore(id: summary.id, form: form),
                                 store: store, input: ScriptedInput(["q", "q", "q"]), output: output,
                                 unlocks: { tried.append($0); return false }, isWorkersPassphrase: { _ in false }, askPassphrase: { _, check in passphrases.removeFirst().map(check) })
        #expect(try review.run() == false)
        #expect(tried == ["wrong"], "the passphrase cut short is never tried")
        #expect(output.text.components(separatedBy: "That is not the worker's passphrase").count == 2, "said once, for the wrong one only")
        #expect(try store.auditEntries(record: summary.id).last?.action == .reviewEndedWithoutPassphrase)
    }
}
