import BletherApp
import BletherCore
import BletherRecords
import BletherStore
import Foundation
import BletherTUI
import Testing

/// The full-screen program driven by keys, as a worker would, with the store checked after.
@Suite struct FullScreenAppTests {
    @Test func aConversationStartedFromHomeIsSavedAnswerByAnswer() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        fixture.press(.enter)
        fixture.press(.tab)
        fixture.type("Morag Campbell")
        fixture.press(.tab)
        fixture.type("12")
        fixture.press(.tab, .enter)
        #expect(fixture.screen.contains("Morag Campbell — Fixture conversation"))
        fixture.type("Gàidhlig")
        fixture.press(.tab)
        fixture.type("我喜欢用简单的话。")
        fixture.press(.enter)
        fixture.type("Short sentences.")
        fixture.press(.tab)
        let id = try #require(fixture.app.conversation?.summary.id)
        let saved = try fixture.store.restore(id: id, form: fixture.fixtureForm)
        #expect(saved.answers["present"]?.value == .choices(["person", "carer"], other: nil))
        #expect(saved.answers["nickname"]?.value == .text("Gàidhlig"))
        #expect(saved.answers["talk-tips"]?.value == .text("我喜欢用简单的话。\nShort sentences."))
        #expect(saved.cursor == .question("worker-checked"))
    }

    @Test func aWrongNumberIsExplainedAndNotSaved() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        let form = fixture.fixtureForm
        let id = try fixture.startConversation(form: form)
        var session = try fixture.store.restore(id: id, form: form)
        let events: [SessionEvent] = [.jump(section: "hopes"), .markNothingHere(note: "Talked it through; nothing to add"),
                                      .answer(question: "goal-list", value: .outcomes([OutcomeEntry(outcome: "Choir", group: .change)]))]
        for event in events { try fixture.store.save(try session.handle(event, at: TUIFixture.clock()), of: session, conversation: id, at: TUIFixture.clock()) }
        try fixture.app.open(conversation: id)
        fixture.highlightSection("budget", of: form)
        fixture.press(.enter)
        fixture.type("A driver")
        fixture.press(.tab)
        fixture.type("lots")
        fixture.press(.tab)
        #expect(fixture.read.contains("Problem: “lots” is not a whole number. Type digits only, such as 3."))
        fixture.press(.escape, .character("y"))
        fixture.type("200")
        fixture.press(.enter)
        #expect(fixture.read.contains("Problem: That is above the highest allowed, 40."))
        #expect(try fixture.store.restore(id: id, form: form).answers["fixture-hours"] == nil)
        for _ in 0..<3 { fixture.press(.backspace) }
        fixture.type("12")
        fixture.press(.enter)
        #expect(try fixture.store.restore(id: id, form: form).answers["fixture-hours"]?.value == .number(12))
    }

    @Test func lockedSectionsSayWhatNeedsAttentionFirst() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        try fixture.startConversation(form: fixture.fixtureForm)
        fixture.highlightSection("budget", of: fixture.fixtureForm)
        #expect(fixture.screen.contains("Note: The fixture budget — locked — first: “Hopes”"))
        fixture.press(.enter)
        #expect(fixture.screen.contains("Problem: “The fixture budget” is not open yet."))
        #expect(fixture.screen.contains("1.1 Who has come today?"))
    }

    @Test func whoIsSpeakingIsChosenAndRecordedWithTheAnswer() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        let id = try fixture.startConversation(form: fixture.fixtureForm)
        fixture.press(.function(3), .down, .enter)
        #expect(fixture.screen.contains("Speaking: an unpaid carer"))
        fixture.press(.character("2"), .tab)
        fixture.press(.function(3), .character("3"))
        fixture.type("Mo")
        fixture.press(.enter)
        let saved = try fixture.store.restore(id: id, form: fixture.fixtureForm)
        #expect(saved.answers["present"]?.speaker == .carer)
        #expect(saved.answers["nickname"]?.speaker == .advocate)
        #expect(saved.speaker == .advocate)
    }

    @Test func destructiveActionsAreConfirmedFirst() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        let form = fixture.fixtureForm
        let id = try fixture.startConversation(form: form)
        fixture.highlightSection("hopes", of: form)
        fixture.press(.enter)
        fixture.press(.function(4))
        #expect(fixture.screen.contains("Mark “Hopes” as talked about"))
        #expect(fixture.screen.contains("What was talked about for “Hopes”? A few words are"))
        fixture.press(.escape)
        #expect(try fixture.store.restore(id: id, form: form).marks.isEmpty)
        // Agreeing is no longer enough: the step needs a few words on what was explored.
        fixture.press(.function(4), .character(" "), .enter)
        #expect(fixture.screen.contains("Say in a few words what was talked about for “Hopes”"))
        #expect(try fixture.store.restore(id: id, form: form).marks.isEmpty)
        fixture.type("Her garden and the choir, all in goals")
        fixture.press(.enter)
        #expect(try fixture.store.restore(id: id, form: form).marks["hopes"]?.note == "Her garden and the choir, all in goals")
        #expect(fixture.screen.contains("▶ 3 The circle"))
        #expect(fixture.screen.contains("Note: “Hopes” is marked as talked about — nothing here."))
        fixture.highlightSection("start", of: form)
        fixture.press(.enter)
        fixture.press(.character("1"), .enter)
        fixture.press(.backTab, .function(8))
        #expect(fixture.screen.contains("Clear the answer to “Who has come today?"))
        fixture.press(.character("y"))
        #expect(try fixture.store.restore(id: id, form: form).answers["present"] == nil)
    }

    @Test func escapeUndoesWhatIsNotSaved() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        let id = try fixture.startConversation(form: fixture.fixtureForm)
        fixture.press(.tab)
        fixture.type("Scots")
        fixture.press(.escape)
        #expect(fixture.screen.contains("Discard the changes to this answer?"))
        fixture.press(.character("y"), .tab)
        #expect(try fixture.store.restore(id: id, form: fixture.fixtureForm).answers["nickname"] == nil)
    }

    @Test func peopleAndOutcomesAreEditedInTheList() throws {
        let fixture = try TUIFixture(columns: 120, rows: 40, library: TUIFixture.fixtureLibrary)
        let form = fixture.fixtureForm
        let id = try fixture.startConversation(form: form)
        fixture.highlightSection("circle", of: form)
        fixture.press(.enter, .enter)
        fixture.type("Ann")
        fixture.press(.tab)
        fixture.type("daughter")
        fixture.press(.control("s"))
        #expect(try fixture.store.restore(id: id, form: form).answers["circle-people"]?.value == .people([PersonEntry(name: "Ann", relationship: "daughter")]))
        #expect(fixture.screen.contains("1. Ann — daughter"))
        fixture.press(.up, .delete, .character("y"))
        #expect(try fixture.store.restore(id: id, form: form).answers["circle-people"] == nil)
    }

    @Test func homeFindsPeopleByName() throws {
        let fixture = try TUIFixture()
        for person in ["Morag Campbell", "Iain MacLeod", "Mòrag Stewart"] {
            _ = try fixture.store.create(form: fixture.adultForm, person: person, language: "en-GB", at: TUIFixture.clock())
        }
        let fresh = try TUIFixture()
        _ = fresh
        let app = try FullScreenApp(library: TUIFixture.library, catalog: fixture.app.catalog, language: "en-GB", store: fixture.store,
                                    size: (80, 24), clock: TUIFixture.clock)
        for character in "morag" { app.handle(.character(character)) }
        let screen = app.render().text
        #expect(screen.contains("Morag Campbell") && screen.contains("Mòrag Stewart") && !screen.contains("Iain MacLeod"))
        app.handle(.enter)
        #expect(app.conversation?.summary.person.hasSuffix("ag Campbell") == true || app.conversation?.summary.person == "Mòrag Stewart")
    }

    @Test func aSmallWindowIsToldSoPlainly() throws {
        let fixture = try TUIFixture()
        fixture.press(.resize(columns: 60, rows: 20))
        #expect(fixture.screen.replacingOccurrences(of: "\n", with: " ").hasPrefix("The window is too small for Blether. It needs at least 80 columns and 24 rows, and it has 60 × 20."))
        fixture.press(.resize(columns: 80, rows: 24))
        #expect(fixture.screen.contains("Blether — conversations"))
    }

    @Test func interruptSavesAValidAnswerBeingTyped() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        let id = try fixture.startConversation(form: fixture.fixtureForm)
        fixture.press(.tab)
        fixture.type("Doric")
        fixture.press(.interrupt)
        #expect(fixture.app.isFinished)
        #expect(try fixture.store.restore(id: id, form: fixture.fixtureForm).answers["nickname"]?.value == .text("Doric"))
    }
}

/// A whole conversation held by keys alone, from the first question to the agreement and
/// signing (on the fixture form, so it walks every kind of step without counting on the
/// shipped form's order).
@Suite struct WholeConversationTests {
    /// Answers the focused question the way a worker would, with keys only.
    func answerFocused(_ fixture: TUIFixture) throws {
        let question = try #require(fixture.app.conversation?.session.currentQuestion)
        if question.id == fixture.fixtureForm.costing?.explained {
            // Going through the costing means showing how it was worked out first.
            fixture.press(.function(7))
            #expect(fixture.screen.contains("How the indicative budget was worked out"))
            for _ in 0..<20 { fixture.press(.pageDown) }
            fixture.press(.escape)
        }
        switch question.kind {
        case .text, .line: fixture.type("In the person's words")
        case .singleChoice, .multipleChoice, .yesNo: fixture.press(.character("1"))
        case .wholeNumber: fixture.type("2")
        case .scale: fixture.press(.character("1"))
        case .money: fixture.type("100.00")
        case .date: fixture.type("01/03/2027")
        case .people:
            fixture.press(.enter)
            fixture.type("Ann")
            fixture.press(.control("s"))
        case .outcomes:
            fixture.press(.enter)
            fixture.type("Get to choir every week")
            fixture.press(.tab, .character("1"))
            for _ in 0..<4 { fixture.press(.tab) }
            fixture.press(.character("1"), .control("s"))
        case .supportPlan:
            // Two hours a week of a personal assistant (the first support type), for choir.
            fixture.press(.enter, .character("1"), .tab)
            fixture.type("2")
            fixture.press(.tab, .tab)
            fixture.type("Get to choir every week")
            fixture.press(.control("s"))
        }
        fixture.press(.tab)
    }

    @Test func fromTheFirstQuestionToTheAgreement() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        let form = fixture.fixtureForm
        let id = try fixture.startConversation(form: form)
        var steps = 0
        while fixture.app.conversation?.session.currentSection?.id != "agreement" {
            try answerFocused(fixture)
            steps += 1
            try #require(steps < 120, "stuck at \(String(describing: fixture.app.conversation?.session.cursor)): \(fixture.screen)")
        }
        let saved = try fixture.store.restore(id: id, form: form)
        for section in form.sections.dropLast() {
            #expect(saved.state(of: section) == .answered, "\(section.id)")
        }
        #expect(fixture.screen.contains("Section 6 of 6"))
        #expect(fixture.screen.contains("6.1 Was it read back?"))

        // The person hears the summary before saying it was read back; then agrees; the worker signs.
        fixture.press(.character("1"), .tab)
        #expect(fixture.read.contains("Problem: Press F7 (Ctrl-R) to read the summary back"))
        fixture.press(.function(7))
        #expect(fixture.screen.contains("What we have written together, for Morag Campbell"))
        // Opened and closed at once, or only its last page seen: not read back.
        fixture.press(.escape, .character("1"), .tab)
        #expect(fixture.read.contains("Problem: The summary was not read to the end."), "\(fixture.screen)")
        fixture.press(.function(7), .end, .escape, .character("1"), .tab)
        #expect(fixture.read.contains("Problem: The summary was not read to the end."), "\(fixture.screen)")
        fixture.press(.function(7))
        for _ in 0..<40 { fixture.press(.pageDown) }
        #expect(fixture.screen.contains("That is everything we have written."))
        fixture.press(.escape, .character("1"), .tab)
        #expect(fixture.app.conversation?.session.answers["read-back"]?.value == .yesNo(true), "\(fixture.screen)")
        let key = try WorkerKeyFile.create(name: "Ailsa Grant", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10)
        fixture.app.signing = FullScreenApp.Signing { passphrase, conversation in
            let unlocked = try key.file.unlock(passphrase: passphrase)
            let summary = try fixture.store.summary(id: conversation)
            let session = try fixture.store.restore(id: conversation, form: form)
            let words = ConversationWording(catalog: fixture.app.catalog, form: form)
            let envelope = try RecordSealing(store: fixture.store).seal(
                conversation: summary, session: session, formSHA256: "test", key: unlocked, at: Date(),
                readBackText: { _ in ReadBackSummary(session: session, words: words, person: summary.person).text })
            return "signed \(envelope.revisionID.prefix(8))"
        }
        while fixture.app.conversation?.session.cursor != .finished {
            try answerFocused(fixture)
            steps += 1
            try #require(steps < 140, "stuck: \(fixture.screen)")
        }
        // Every section done, the worker goes back to the first question: signing is offered and
        // opens from there too, as :sign does in plain mode.
        fixture.press(.function(2), .home, .enter)
        #expect(fixture.app.conversation?.session.cursor != .finished)
        #expect(fixture.screen.contains("F9/^F sign"), "\(fixture.screen)")
        fixture.press(.function(9))
        fixture.type("wrong passphrase")
        fixture.press(.enter)
        #expect(fixture.screen.contains("Problem: wrongPassphrase"))
        fixture.press(.function(9))
        fixture.type("a long enough passphrase")
        #expect(fixture.screen.contains("••••••••"))
        #expect(!fixture.screen.contains("a long enough"))
        fixture.press(.enter)
        #expect(fixture.screen.contains("Note: signed "))
        let revisions = try fixture.store.revisions(record: id)
        #expect(revisions.count == 1)
        let agreed = try #require(try fixture.store.agreedReadBack(conversation: id))
        #expect(agreed.language == "en-GB" && agreed.complete)
        let payload = try CanonicalValue(decoding: try Envelope(decoding: revisions[0].envelope).payload)
        #expect(payload["readBack"]?["sha256"]?.string == agreed.sha256 && payload["readBack"]?["seconds"]?.integer == 0)
        let verified = RevisionVerifier(trusted: [key.file.identity]).verify(record: id, envelopes: revisions.map(\.envelope))
        #expect(verified.failure == nil)
    }
}

/// The person's own view: read-only, their words saved, and the worker's passphrase to leave.
@Suite struct ReviewModeTests {
    func reviewing(_ fixture: TUIFixture) throws -> String {
        let id = try fixture.startConversation(form: fixture.fixtureForm)
        fixture.type("12")
        fixture.press(.tab)
        fixture.type("Gàidhlig")
        fixture.press(.tab)
        fixture.app.reviewLock = { $0 == "the worker's passphrase" }
        fixture.press(.control("p"))
        return id
    }

    @Test func thePersonReadsTheirRecordAndAddsTheirWords() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        let id = try reviewing(fixture)
        #expect(fixture.screen.contains("Your record — Morag Campbell"))
        #expect(fixture.screen.contains("Page 1 of"))
        // The summary page comes first; the answers are in the full record after it.
        for _ in 0..<10 where !fixture.screen.contains("Gàidhlig") { fixture.press(.pageDown) }
        #expect(fixture.screen.contains("Gàidhlig"))
        fixture.press(.character("c"))
        fixture.type("Please say I sing in the choir on Thursdays.")
        fixture.press(.control("s"))
        #expect(fixture.screen.contains("Note: Thank you. Your words are saved"))
        let comments = try fixture.store.reviewComments(conversation: id)
        #expect(comments.map(\.text) == ["Please say I sing in the choir on Thursdays."])
        #expect(comments.first?.speaker == .person)
        #expect(try fixture.store.auditEntries(record: id).contains { $0.action == .commentAdded })
    }

    @Test func leavingNeedsTheWorkersPassphraseAndNothingElseIsReachable() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        _ = try reviewing(fixture)
        for key in [Key.function(10), .control("q"), .escape, .interrupt] {
            fixture.press(key)
            #expect(fixture.screen.contains("Leaving your record"), "\(key) asks for the passphrase")
            fixture.type("a guess")
            fixture.press(.enter)
            #expect(fixture.screen.contains("Problem: That is not the worker's passphrase, so the record stays open."))
            #expect(fixture.screen.contains("Leaving your record"), "a wrong passphrase keeps the prompt open")
            #expect(!fixture.app.isFinished)
            fixture.press(.escape)
        }
        fixture.press(.character("1"), .function(2))
        #expect(fixture.screen.contains("Your record — Morag Campbell"), "no section list, no other screen")
        fixture.press(.escape)
        fixture.type("the worker's passphrase")
        fixture.press(.enter)
        #expect(fixture.screen.contains("Speaking: the person"))
        #expect(fixture.screen.contains("Section 1 of 6"))
    }

    @Test func moreSpaceIsOneKeyAway() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        _ = try reviewing(fixture)
        let before = fixture.screen
        fixture.press(.function(4))
        #expect(fixture.screen != before)
        #expect(fixture.screen.components(separatedBy: "\n").dropFirst(3).prefix(4).contains(""))
    }
}

@Suite struct ChoiceTypingTests {
    @Test func aWordTypedIntoYesOrNoChoosesNothingAndSaysWhy() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        let id = try fixture.startConversation(form: fixture.fixtureForm)
        fixture.press(.character("1"), .tab)
        fixture.type("Mo")
        fixture.press(.tab, .tab)
        fixture.type("maybe")
        #expect(fixture.screen.contains("Problem: Typing does not choose here."))
        #expect(!fixture.screen.contains("yes — chosen"))
        fixture.press(.tab)
        #expect(try fixture.store.restore(id: id, form: fixture.fixtureForm).answers["worker-checked"] == nil)
        fixture.press(.backTab, .character("y"))
        #expect(fixture.screen.contains("[x] 1. yes — chosen"), "y pressed on its own still chooses yes")
    }
}

/// The budget is worked out only after the sections it waits for: costing stays locked, in the
/// full screen, while any one of them is still open, and says which (on the fixture form; that
/// the shipped form's costing waits for steps 2–9 is checked in ShippedFormsTests).
@Suite struct CostingLockTests {
    static let steps = ["hopes", "goals"]

    /// Every step the budget waits for done except `open`: marked "nothing here", or, for goals, one agreed.
    static func done(except open: String?) -> [SessionEvent] {
        steps.filter { $0 != open }.flatMap { step -> [SessionEvent] in
            step == "goals" ? [.answer(question: "goal-list", value: .outcomes([OutcomeEntry(outcome: "Choir", group: .change)]))]
                : [.jump(section: step), .markNothingHere(note: "Talked it through; nothing to add")]
        }
    }

    func fixture(events: [SessionEvent]) throws -> TUIFixture {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        let summary = try fixture.store.create(form: fixture.fixtureForm, person: "Morag Campbell", language: "en-GB", at: TUIFixture.clock())
        var session = try fixture.store.restore(id: summary.id, form: fixture.fixtureForm)
        for event in events { try fixture.store.save(try session.handle(event, at: TUIFixture.clock()), of: session, conversation: summary.id, at: TUIFixture.clock()) }
        try fixture.app.open(conversation: summary.id)
        return fixture
    }

    @Test(arguments: steps)
    func costingStaysLockedWhileAStepIsOpen(open: String) throws {
        let fixture = try fixture(events: Self.done(except: open))
        fixture.highlightSection("budget", of: fixture.fixtureForm)
        fixture.press(.enter)
        let title = ConversationWording(catalog: TUIFixture.fixtureLibrary.catalog(language: "en-GB")!, form: fixture.fixtureForm).sectionTitle(open)
        #expect(fixture.screen.contains("Problem: “The fixture budget” is not open yet."), "\(fixture.screen)")
        #expect(fixture.screen.contains("“\(title)”"), "the step still open is named: \(fixture.screen)")
        #expect(!fixture.screen.contains("Which rules cost the plan?"))
    }

    @Test func costingOpensOnceItsStepsAreDone() throws {
        let fixture = try fixture(events: Self.done(except: nil))
        fixture.highlightSection("budget", of: fixture.fixtureForm)
        fixture.press(.enter)
        #expect(fixture.screen.contains("5.1 Which rules cost the plan?") && fixture.screen.contains("answering now"), "\(fixture.screen)")
    }
}
