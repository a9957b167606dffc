import BletherApp
import BletherCore
import BletherRecords
import BletherStore
@testable import BletherTUI
import Foundation
import Testing

/// The review written for the supported person: who signed it and when, their own help, the
/// way to give the laptop back always on screen, pages that keep their place and never split a
/// paragraph, and their words never thrown away without asking.
@Suite struct ReviewForThePersonTests {
    static let languages = ["en-GB", "gd", "pl", "zh-Hans", "ur"]

    /// A conversation with a few long answers, handed to the person; returns its id.
    @discardableResult
    func reviewing(_ fixture: TUIFixture, long: Bool = false) throws -> String {
        let summary = try fixture.store.create(form: fixture.adultForm, person: "Morag Campbell", language: "en-GB", at: TUIFixture.clock())
        var session = try fixture.store.restore(id: summary.id, form: fixture.adultForm)
        let story = "I have lived in this street for forty years and I know everyone in it; the choir on a Thursday is the best night of the week, "
            + "and my daughter Ann comes on Sundays with the grandchildren, who make me laugh. "
        var events: [SessionEvent] = [
            .answer(question: "present", value: .choices(["person", "family"], other: nil)),
            .answer(question: "language", value: .text("English")),
            .answer(question: "communication", value: .text(long ? String(repeating: story, count: 2) : "Short sentences, please.")),
        ]
        if long {
            events += [.jump(section: "what-matters"), .answer(question: "own-words", value: .text(String(repeating: story, count: 3)))]
        }
        for event in events {
            try fixture.store.save(try session.handle(event, at: TUIFixture.clock()), of: session, conversation: summary.id, at: TUIFixture.clock())
        }
        fixture.app.reviewLock = { $0 == "the worker's passphrase" }
        try fixture.app.review(conversation: summary.id)
        return summary.id
    }

    func screen(_ fixture: TUIFixture) throws -> ReviewScreen {
        guard case .review(let screen, _) = fixture.app.model.mode else { throw Failure("not the review: \(fixture.screen)") }
        return screen
    }

    struct Failure: Error, CustomStringConvertible { let description: String; init(_ text: String) { description = text } }

    /// The first line of the record on screen (under the rule).
    func topLine(_ fixture: TUIFixture) -> String {
        let rows = fixture.screen.components(separatedBy: "\n")
        let rule = rows.firstIndex { $0.hasPrefix("────") } ?? 2
        return rows[rule + 1].trimmingCharacters(in: .whitespaces)
    }

    // MARK: Signed by whom, and when

    @Test func aRecordNotSignedSaysSoAtTheTop() throws {
        let fixture = try TUIFixture()
        try reviewing(fixture)
        #expect(fixture.screen.components(separatedBy: "\n")[1] == " Not signed yet: this is what has been written so far.", "\(fixture.screen)")
    }

    @Test func aSignedRecordNamesTheSignerAsTrustedHereAndTheDayInWords() throws {
        let fixture = try TUIFixture()
        let id = try DecisionScreenTests().referredRecord(fixture)
        try fixture.app.review(conversation: id)
        #expect(fixture.screen.components(separatedBy: "\n")[1].hasPrefix(" Signed by Test Worker on 28 November 2026"), "\(fixture.screen)")

        // The same record, on a laptop that does not trust the key that signed it: no name at all.
        fixture.app.trustedKeys = { [] }
        try fixture.app.review(conversation: id)
        let untrusted = fixture.screen
        #expect(untrusted.contains("Signed, but the signature cannot be checked on this laptop."), "\(untrusted)")
        #expect(!untrusted.contains("Test Worker"))
    }

    @Test func theNameComesFromThisLaptopsTrustNotFromTheRecord() throws {
        let fixture = try TUIFixture()
        let id = try DecisionScreenTests().referredRecord(fixture)
        // The key trusted here under another name: the review says that name, not the payload's.
        let trusted = KeyIdentity(name: "Ailsa Grant", role: .worker, publicKey: TUIFixture.key.identity.publicKey)
        fixture.app.trustedKeys = { [trusted] }
        try fixture.app.review(conversation: id)
        #expect(fixture.screen.contains("Signed by Ailsa Grant on 28 November 2026"), "\(fixture.screen)")
        #expect(!fixture.screen.components(separatedBy: "\n")[1].contains("Test Worker"))
    }

    @Test func theSignedLineIsInTheReadersLanguage() throws {
        let fixture = try TUIFixture(language: "gd")
        let id = try DecisionScreenTests().referredRecord(fixture)
        try fixture.app.review(conversation: id)
        let expected = fixture.app.catalog.text(.reviewSignedBy, ["name": "Test Worker", "date": DateInWords.text(try CalendarDate(parsing: "2026-11-28"), language: "gd")])
        #expect(fixture.screen.components(separatedBy: "\n")[1].hasPrefix(" " + expected), "\(fixture.screen)")
    }

    // MARK: Help, and the way out

    @Test(arguments: languages)
    func theHelpIsThePersonsOwnNotTheWorkersKeys(language: String) throws {
        let fixture = try TUIFixture(language: language)
        try reviewing(fixture)
        fixture.press(.function(1))
        let catalog = fixture.app.catalog
        guard case .help(let help)? = fixture.app.overlay else { Issue.record("F1 opens the help"); return }
        #expect(help.topic == .review)
        let text = HelpOverlay.text(catalog, topic: .review)
        for worker in ["Tab", "Shift-Tab", "F9, Ctrl-F", "F7, Ctrl-R", "F2, Ctrl-T", "Ctrl-P"] {
            #expect(!text.contains(worker), "\(language): the person's help has none of the worker's keys (\(worker))")
        }
        for key in ["Page Down", "F4, Ctrl-O", "F5, Ctrl-L", "F6", "Ctrl-S", "Esc", "C "] { #expect(text.contains(key), "\(language): \(key)") }
        if language == "en-GB" {
            #expect(fixture.screen.contains("Help: reading your record") && fixture.screen.contains("Turning the pages"), "\(fixture.screen)")
            try expectSnapshot(fixture.app.render(), named: "review-help-80x24-en-GB")
        }
        // Esc closes the help; it does not ask for the passphrase.
        fixture.press(.escape)
        #expect(fixture.app.overlay == nil)
    }

    @Test func theWorkersHelpIsUnchangedOutsideTheReview() throws {
        let fixture = try TUIFixture()
        fixture.press(.function(1))
        guard case .help(let help)? = fixture.app.overlay else { Issue.record("F1 opens the help"); return }
        #expect(help.topic == .everyKey)
    }

    @Test(arguments: languages)
    func givingTheLaptopBackIsAlwaysOnTheFirstRowOfTheKeys(language: String) throws {
        let fixture = try TUIFixture(language: language)
        try reviewing(fixture, long: true)
        let catalog = fixture.app.catalog
        let giveBack = catalog.text(.reviewKeys, KeyShortcut.barNames).components(separatedBy: " · ")[0]
        let screen = try screen(fixture)
        let keyRows = screen.keyLines(columns: 80)
        #expect(keyRows.first?.hasPrefix(giveBack) == true, "\(language): \(keyRows)")
        // On every page, in both spacings, and in the help's place: the bar is drawn whole.
        for spacing in [false, true] {
            if spacing { fixture.press(.function(4)) }
            for _ in 0..<3 {
                let rows = fixture.app.render()
                let foot = (rows.rows - keyRows.count..<rows.rows).map { rows.line($0) }
                #expect(foot.first.map { $0.contains(LayoutSnapshotTests.drawn(giveBack, catalog)) } == true, "\(language): \(foot)")
                fixture.press(.pageDown)
            }
        }
        // And Esc does it: it asks for the worker's passphrase.
        fixture.press(.escape)
        #expect(fixture.app.overlay == .leaveReview(passphrase: PassphraseField()))
    }

    // MARK: More space keeps the place, and no paragraph is split

    @Test func moreSpaceKeepsTheParagraphAtTheTopAndNeverGoesBackToPageOne() throws {
        let fixture = try TUIFixture()
        try reviewing(fixture, long: true)
        fixture.press(.pageDown, .pageDown)
        let top = topLine(fixture)
        let page = try screen(fixture).page
        #expect(page == 2 && !top.isEmpty)
        fixture.press(.function(4))
        #expect(topLine(fixture) == top, "more space: \(fixture.screen)")
        #expect(try screen(fixture).page > 0, "not back to page 1")
        #expect(try screen(fixture).largeSpacing)
        fixture.press(.pageDown, .function(4))
        let after = topLine(fixture)
        fixture.press(.function(4))
        #expect(topLine(fixture) == after, "and back to less space: \(fixture.screen)")
        // A window made bigger (letters made smaller) keeps it too.
        fixture.press(.resize(columns: 120, rows: 40))
        #expect(topLine(fixture) == after, "after a resize: \(fixture.screen)")
        // Through a window too small to draw the record in, and back.
        fixture.press(.resize(columns: 60, rows: 20), .resize(columns: 80, rows: 24))
        #expect(topLine(fixture) == after, "after a window too small: \(fixture.screen)")
    }

    @Test(arguments: [(80, 24), (120, 40), (80, 30)])
    func noPageSplitsAParagraphThatFitsOnAPage(size: (Int, Int)) throws {
        let fixture = try TUIFixture(columns: size.0, rows: size.1)
        try reviewing(fixture, long: true)
        for spacing in [false, true] {
            var screen = try screen(fixture)
            screen.largeSpacing = spacing
            let layout = screen.layout(columns: size.0, rows: size.1)
            let height = screen.bodyHeight(columns: size.0, rows: size.1)
            let perPage = spacing ? (height + 1) / 2 : height
            var starts: [Int] = [], line = 0
            for piece in layout.pieces { starts.append(line); line += piece.lines.count }
            #expect(layout.pages.pages.count > 1)
            #expect(layout.pages.pages.last?.lines.upperBound == line, "every line is on a page")
            for page in layout.pages.pages {
                #expect(page.lines.count <= perPage)
                for (index, piece) in layout.pieces.enumerated() where piece.role != .gap && piece.lines.count <= perPage {
                    let lines = starts[index]..<(starts[index] + piece.lines.count)
                    let shown = lines.clamped(to: page.lines)
                    #expect(shown.isEmpty || shown == lines, "a piece of \(piece.lines.count) lines is split by page \(page.lines): \(piece.lines.map(\.text))")
                }
                #expect(layout.pieces[page.firstPiece].role != .gap, "no page starts with a blank")
            }
        }
    }

    // MARK: The person's words are not lost without asking

    @Test func escOnWordsNotSavedAsksFirstAndKeepsThem() throws {
        let fixture = try TUIFixture()
        let id = try reviewing(fixture)
        fixture.press(.character("c"))
        fixture.type("Please say I sing in the choir.")
        fixture.press(.escape)
        #expect(fixture.screen.contains("Your words are not saved yet. Throw them away?"), "\(fixture.screen)")
        #expect(fixture.screen.contains("Please say I sing in the choir."), "the words are still in view")
        // Keys other than the answer type nothing while asked.
        fixture.type("x")
        #expect(!fixture.screen.contains("choir.x"))
        fixture.press(.character("n"))
        #expect(!fixture.screen.contains("Throw them away?"))
        fixture.type(" On Thursdays.")
        #expect(fixture.screen.contains("Please say I sing in the choir. On Thursdays."))
        fixture.press(.escape, .escape)
        #expect(fixture.screen.contains("Please say I sing in the choir. On Thursdays."), "Esc at the question keeps writing")
        // Ctrl-S at the question saves them.
        fixture.press(.escape, .control("s"))
        #expect(fixture.screen.contains("Note: Thank you. Your words are saved"))
        #expect(try fixture.store.reviewComments(conversation: id).map(\.text) == ["Please say I sing in the choir. On Thursdays."])
        // Y throws them away, and only then.
        fixture.press(.character("c"))
        fixture.type("Never mind")
        fixture.press(.escape, .character("y"))
        #expect(fixture.app.overlay == nil)
        #expect(try fixture.store.reviewComments(conversation: id).count == 1)
        // Nothing written, nothing to ask: Esc goes straight back.
        fixture.press(.character("c"), .character(" "), .escape)
        #expect(fixture.app.overlay == nil)
    }

    @Test func theQuestionShowsTheWordsItIsAbout() throws {
        let fixture = try TUIFixture()
        try reviewing(fixture)
        fixture.press(.character("c"))
        fixture.type("I would like to go to the choir by bus.")
        fixture.press(.escape)
        try expectSnapshot(fixture.app.render(), named: "review-comment-discard-80x24-en-GB")
    }

    @Test func givingTheLaptopBackWhileWritingAsksBeforeTheWordsAreLost() throws {
        let fixture = try TUIFixture()
        let id = try reviewing(fixture)
        fixture.press(.character("c"))
        fixture.type("Ann helps with shopping.")
        fixture.press(.interrupt)
        #expect(fixture.screen.contains("Throw them away?"), "Ctrl-C asks first: \(fixture.screen)")
        fixture.press(.character("n"))
        guard case .comment(let comment)? = fixture.app.overlay else { Issue.record("still writing"); return }
        #expect(comment.editor.text == "Ann helps with shopping.")
        fixture.press(.interrupt, .character("y"))
        #expect(fixture.app.overlay == .leaveReview(passphrase: PassphraseField()), "thrown away only when said, then the passphrase")
        #expect(try fixture.store.reviewComments(conversation: id).isEmpty)
        // With nothing written, Ctrl-C goes straight to the passphrase.
        fixture.press(.escape, .character("c"), .interrupt)
        #expect(fixture.app.overlay == .leaveReview(passphrase: PassphraseField()))
    }

    @Test func aSignalWhileWritingKeepsTheWords() throws {
        let fixture = try TUIFixture()
        let id = try reviewing(fixture)
        fixture.press(.character("c"))
        fixture.type("Half a sentence")
        #expect(try fixture.app.endBySignal())
        #expect(try fixture.store.reviewComments(conversation: id).map(\.text) == ["Half a sentence"], "nobody could be asked, so they are kept")
        #expect(try fixture.store.auditEntries(record: id).last?.action == .reviewEndedWithoutPassphrase)
    }
}

/// The person's review, page one, at 80×24: signed, with the signer and the day at the top.
@Suite struct SignedReviewSnapshotTests {
    @Test(arguments: ["en-GB", "gd", "ur"])
    func signedReviewPage(language: String) throws {
        let fixture = try TUIFixture(language: language, columns: 80, rows: 24)
        let id = try DecisionScreenTests().referredRecord(fixture)
        try fixture.app.review(conversation: id)
        try expectSnapshot(fixture.app.render(), named: "review-signed-80x24-\(language)")
    }
}
