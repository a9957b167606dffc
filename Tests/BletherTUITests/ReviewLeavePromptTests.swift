import BletherCore
import BletherStore
import BletherTUI
import Testing

/// Leaving the person's review: the worker's passphrase has a field of its own, masked,
/// kept open after a wrong try, and nothing typed into it reaches the person's words.
@Suite struct ReviewLeavePromptTests {
    static let passphrase = "correct horse, c and s"

    /// A conversation with one answer, handed to the person (Ctrl-P); returns its id.
    func reviewing(_ fixture: TUIFixture) throws -> String {
        let id = try fixture.startConversation()
        fixture.type("12")
        fixture.press(.tab)
        fixture.app.reviewLock = { $0 == Self.passphrase }
        fixture.press(.control("p"))
        #expect(fixture.screen.contains("Your record — Morag Campbell"))
        return id
    }

    @Test func aWrongPassphraseKeepsThePromptOpenAndTheRightOneNeverReachesThePersonsWords() throws {
        let fixture = try TUIFixture()
        let id = try reviewing(fixture)
        let before = try fixture.store.restore(id: id, form: fixture.adultForm).answers
        fixture.press(.escape)
        fixture.type("not it, c")
        fixture.press(.enter)
        #expect(fixture.app.overlay == .leaveReview(passphrase: {
            var refused = PassphraseField()
            refused.refuse()
            return refused
        }()), "still the passphrase prompt, emptied, saying the passphrase was wrong")
        #expect(fixture.screen.contains("Leaving your record"))
        #expect(fixture.screen.contains("That is not the worker's passphrase, so the record stays open."))

        // The worker types again — with a "c", Ctrl-S and F-keys among it — into the same field.
        fixture.type("correct horse, c")
        fixture.press(.control("s"), .function(10), .function(4), .pageDown, .tab)
        fixture.type(" and s")
        fixture.press(.control("s"))
        let shown = fixture.screen
        #expect(!shown.contains("Your words"), "the comment editor never opened")
        #expect(!shown.contains("correct") && !shown.contains("horse"), "no passphrase character is shown:\n\(shown)")
        #expect(shown.contains(String(repeating: "•", count: Self.passphrase.count)), "one dot a character:\n\(shown)")
        #expect(try fixture.store.reviewComments(conversation: id).isEmpty)
        fixture.press(.enter)
        #expect(fixture.screen.contains("Section 1 of 15"), "the right passphrase leaves the review")
        #expect(try fixture.store.reviewComments(conversation: id).isEmpty, "nothing typed into the prompt was saved as the person's words")
        #expect(try fixture.store.restore(id: id, form: fixture.adultForm).answers == before, "and no answer changed")
        #expect(try fixture.store.auditEntries(record: id).contains { $0.action == .reviewClosed })
    }

    @Test func keysPressedInAWindowTooSmallToSeeDoNothing() throws {
        let fixture = try TUIFixture()
        let id = try reviewing(fixture)
        let before = fixture.screen
        fixture.press(.resize(columns: 50, rows: 15))
        fixture.press(.escape, .interrupt, .character("q"), .control("x"), .function(10), .enter, .character("c"))
        fixture.type("words nobody saw")
        fixture.press(.control("s"), .enter)
        fixture.press(.resize(columns: 80, rows: 24))
        #expect(fixture.app.overlay == nil, "no passphrase box or words box was opened unseen")
        #expect(fixture.screen == before, "the record as it was")
        #expect(try fixture.store.reviewComments(conversation: id).isEmpty)
        #expect(try !fixture.store.auditEntries(record: nil).contains { $0.action == .passphraseWrong })
    }

    @Test func aPassphraseTypedIntoThePersonsWordsIsNeverSaved() throws {
        let fixture = try TUIFixture()
        let id = try reviewing(fixture)
        fixture.app.isWorkersPassphrase = { $0 == Self.passphrase }
        fixture.press(.character("c"))
        fixture.type("Please add the choir.")
        fixture.press(.enter)
        fixture.type(Self.passphrase)
        fixture.press(.control("s"))
        #expect(fixture.screen.contains("A line was the worker's passphrase, so it was left out and not saved;") && fixture.screen.contains("any other words are saved."), "\(fixture.screen)")
        #expect(try fixture.store.reviewComments(conversation: id).map(\.text) == ["Please add the choir."])

        // The passphrase alone saves nothing at all.
        fixture.press(.character("c"))
        fixture.type(Self.passphrase)
        fixture.press(.control("s"))
        #expect(fixture.screen.contains("A line was the worker's passphrase, so it was left out and not saved;") && fixture.screen.contains("any other words are saved."))
        #expect(try fixture.store.reviewComments(conversation: id).map(\.text) == ["Please add the choir."])
        #expect(!fixture.screen.contains("correct horse"))
    }

    @Test func thePromptAfterAWrongPassphraseShowsNoPassphrase() throws {
        let fixture = try TUIFixture()
        _ = try reviewing(fixture)
        fixture.press(.function(10))
        fixture.type("wrong guess")
        fixture.press(.enter)
        fixture.type("correct")
        try expectSnapshot(fixture.app.render(), named: "review-leave-wrong-80x24-en-GB")
    }

    @Test func escClosesThePromptAndCtrlCDoesNotEmptyIt() throws {
        let fixture = try TUIFixture()
        _ = try reviewing(fixture)
        fixture.press(.interrupt)
        fixture.type("corr")
        fixture.press(.interrupt)
        #expect(fixture.screen.contains("••••"), "Ctrl-C in the prompt keeps what is typed")
        fixture.press(.escape)
        #expect(fixture.app.overlay == nil)
        #expect(!fixture.app.isFinished)
        fixture.press(.enter)
        #expect(fixture.screen.contains("Your record — Morag Campbell"), "Enter alone in the review leaves nothing")
    }

    @Test func anEmptyPassphraseIsNotATry() throws {
        let fixture = try TUIFixture()
        _ = try reviewing(fixture)
        var tries = 0
        fixture.app.reviewLock = { _ in tries += 1; return false }
        fixture.press(.escape, .enter, .enter)
        #expect(tries == 0)
        #expect(!fixture.screen.contains("That is not the worker's passphrase"))
    }

    @Test func thePassphraseNeverReachesAnErrorMessage() {
        var field = PassphraseField()
        for character in "secret words" { field.handle(.character(character)) }
        #expect(field.passphrase == "secret words")
        #expect(!"\(field)".contains("secret") && !String(reflecting: field).contains("secret"))
        field.handle(.backspace)
        field.handle(.left)
        #expect(field.count == 11)
        field.handle(.control("u"))
        #expect(field.isEmpty)
    }
}

/// The full-screen grid never obeys a bidi control from a person's text.
@Suite struct GridBidiControlTests {
    static let controls: [Unicode.Scalar] = ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}",
                                             "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}"]

    @Test(arguments: [false, true])
    func aBidiControlInANameCannotTurnRoundTheRestOfTheRow(rightToLeft: Bool) {
        for control in Self.controls {
            var grid = CellGrid(columns: 60, rows: 1, direction: rightToLeft ? .rightToLeft : .leftToRight)
            grid.write("Your record — Mor\(Character(control))ag Campbell · Page 1", row: 0, column: 0)
            let line = grid.line(0)
            #expect(!line.unicodeScalars.contains(where: BidiIsolation.isControl), "U+\(String(control.value, radix: 16)) never reaches the terminal")
            #expect(line.contains("ag Campbell · Page 1") || line.contains("1 Page · ag Campbell") || line.contains("Campbell"),
                    "the words after it keep their order: \(line)")
            #expect(line.contains("\u{FFFD}"), "it is shown as �: \(line)")
        }
        var plain = CellGrid(columns: 60, rows: 1)
        plain.write("Mor\u{202E}ag Campbell · Page 1", row: 0, column: 0)
        #expect(plain.line(0) == "Mor\u{FFFD}ag Campbell · Page 1")
    }

    @Test func aNameWithAnOverrideOnTheReviewScreenDoesNotReverseTheHeader() throws {
        let fixture = try TUIFixture()
        let summary = try fixture.store.create(form: fixture.adultForm, person: "Evil\u{202E}Name", language: "en-GB", at: TUIFixture.clock())
        try fixture.app.review(conversation: summary.id)
        let header = fixture.screen.components(separatedBy: "\n")[0]
        #expect(header.contains("Your record — Evil\u{FFFD}Name"), "\(header)")
        #expect(header.contains("Page 1 of"))
    }
}
