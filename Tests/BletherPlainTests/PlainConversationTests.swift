import BletherCore
import BletherForms
import BletherPlain
import BletherRecords
import BletherStore
import Foundation
import Testing

@Suite final class PlainConversationTests {
    static let key = try! WorkerKeyFile.create(name: "Test Worker", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10).key

    static let library = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath)))
    let form = PlainConversationTests.library.latestForm(id: "adult-good-conversation")!
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-plain-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Runs plain mode over `lines` on a new conversation; returns what was shown, how it ended, and the saved session.
    func run(_ lines: [String], language: String = "en-GB", before events: [SessionEvent] = []) throws -> (text: String, ending: PlainConversation.Ending, saved: Session) {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: "Morag", language: language, at: Date())
        var prepared = try store.restore(id: summary.id, form: form)
        for event in events {
            try store.save(try prepared.handle(event, at: Date()), of: prepared, conversation: summary.id, at: Date())
        }
        let output = RecordedOutput()
        let words = ConversationWording(catalog: PlainConversationTests.library.catalog(language: language)!, form: form)
        let plain = PlainConversation(session: try store.restore(id: summary.id, form: form), conversationID: summary.id, person: "Morag",
                                      store: store, words: words, input: ScriptedInput(lines), output: output)
        let ending = try plain.run()
        return (output.text, ending, try store.restore(id: summary.id, form: form))
    }

    @Test func aRequiredQuestionAsksAgainWithTheReason() throws {
        let result = try run(["", "1"])
        #expect(result.text.contains("1.1 Who is here for this conversation? (required)"))
        #expect(result.text.contains("This question needs an answer before its section is complete. Type :skip to come back to it later."))
        #expect(result.saved.answers["present"]?.value == .choices(["person"], other: nil))
    }

    @Test func wrongEntriesAreExplainedInWordsAndAskedAgain() throws {
        let result = try run(["9", "1,7", "", "English", "", ":jump costing", ":jump strengths", "Baking", ".", ":quit"])
        #expect(result.text.contains("9 is not one of the choices. Choose a number from 1 to 7."))
        #expect(result.text.contains("Something else — say what:"))
        #expect(result.text.contains("Say what the something else is, or choose another number."))
        #expect(result.text.contains("“Working out the budget” is not open yet. These sections need to be answered or marked “talked about — nothing here” first: “What matters to me”, “Strengths and assets”, “People around me”, “Technology and equipment”, “My community”, “Money and home”, “Staying safe, taking chances”, “What we want to achieve”."))
        #expect(result.saved.answers["skills"]?.value == .text("Baking"))
        #expect(result.ending == .quit)
    }

    @Test func numbersDatesAndASupportPlanExplainWhatIsWrong() throws {
        var events: [SessionEvent] = ["what-matters", "strengths", "natural-supports", "technology", "community", "money-and-home", "risks"]
            .flatMap { [SessionEvent.jump(section: $0), .markNothingHere(note: "Talked it through; nothing to add")] }
        events.append(.answer(question: "agreed-outcomes", value: .outcomes([OutcomeEntry(outcome: "Choir", group: .change)])))
        let lines = [":jump 13", "31/02/2027", "next week", "2027-03-01", ":jump costing", "1",
                     "200", "twelve", "12",
                     "9", "1", "ten", "0", "10", "3", "1", "Get to choir", "4", "", "",
                     "no", ":quit"]
        let result = try run(lines, before: events)
        #expect(result.text.contains("That month has no day 31."))
        #expect(result.text.contains("“next week” is not a date. Type day/month/year, such as 28/02/2027."))
        #expect(result.saved.answers["review-date"]?.value == .date(try CalendarDate(parsing: "2027-03-01")))
        #expect(result.text.contains("Type a whole number from 0 to 168."))
        #expect(result.text.contains("That is above the highest allowed, 168."))
        #expect(result.text.contains("“twelve” is not a whole number. Type digits only, such as 3."))
        // The support plan: a type out of range, a quantity in words and of zero, a frequency and an Option 4 part that are not offered.
        #expect(result.text.contains("9 is not one of the choices. Choose a number from 1 to 5."))
        #expect(result.text.contains("“ten” is not a whole number from 1 to 10,000."))
        #expect(result.text.contains("“0” is not a whole number from 1 to 10,000."))
        #expect(result.text.contains("3 is not one of the choices. Choose a number from 1 to 2."))
        #expect(result.text.contains("4 is not one of the choices. Choose a number from 1 to 3."))
        #expect(result.saved.answers["support-plan"]?.value == .supportPlan([
            SupportPlan.Line(support: "personal-assistant-hour", quantity: 10, frequency: .perWeek, outcome: "Get to choir"),
        ]))
        // The explanation is shown before the person is asked whether it was gone through: 10 h × £17.50 × 365 ÷ 7.
        #expect(result.text.contains("Personal assistant: 10 hours × £17.50 = £175.00 a week"))
        #expect(result.text.contains("Relevant amount under Option 1 for the whole period: £9,125.00"))
        #expect(result.text.contains("No contribution is asked for.") && !result.text.contains("10% of £0.00"), "personal care alone asks no contribution")
        #expect(result.text.contains("Please go through how the amount was worked out with the person first."))
        #expect(result.saved.answers["budget-explained"] == nil)
    }

    @Test func whoIsSpeakingIsRecordedWithEachAnswer() throws {
        let result = try run([":who carer", "1,2", ":who advocate", "English", ":who someone", ":quit"])
        #expect(result.text.contains("Now speaking: an unpaid carer. Answers from here on are recorded as theirs."))
        #expect(result.text.contains("Say who is speaking: :who person, :who carer, :who advocate or :who worker."))
        #expect(result.saved.answers["present"]?.speaker == .carer)
        #expect(result.saved.answers["language"]?.speaker == .advocate)
    }

    @Test func statusHelpAndUnknownCommands() throws {
        let result = try run([":status", ":help", ":frobnicate"])
        #expect(result.text.contains("1. About this conversation — not started (you are here)"))
        #expect(result.text.contains("10. Working out the budget — locked — first:"))
        #expect(result.text.contains(":nothing         mark this section “talked about — nothing here”"))
        #expect(result.text.contains("“:frobnicate” is not a command. Type :help to see the commands."))
        #expect(result.ending == .endOfInput)
    }

    @Test func theEndOfInputSavesAndSaysHowToCarryOn() throws {
        let result = try run(["1", "Scots", "Plain words", "and time"])
        #expect(result.ending == .endOfInput)
        #expect(result.saved.answers["language"]?.value == .text("Scots"))
        #expect(result.saved.answers["communication"] == nil, "a half-typed answer is not saved")
        #expect(result.text.contains("Everything is saved. To carry on later, type: blether --plain resume "))
    }

    @Test func peopleAndOutcomesAreEnteredItemByItem() throws {
        let lines = [":jump 4", "Ann", "daughter", "shopping", "visits twice a week", "Jim", "neighbour", "", "", "",
                     ":jump 9", "Get to choir every week", "4", "1", "", "3 months", "We both see it in the diary", "maybe", "yes", ""]
        let result = try run(lines)
        #expect(result.saved.answers["people"]?.value == .people([
            PersonEntry(name: "Ann", relationship: "daughter", doesNow: "shopping", willingAndAble: "visits twice a week"),
            PersonEntry(name: "Jim", relationship: "neighbour"),
        ]))
        #expect(result.text.contains("4 is not one of the choices. Choose a number from 1 to 3."))
        #expect(result.text.contains("Please type yes or no."))
        #expect(result.saved.answers["agreed-outcomes"]?.value == .outcomes([
            OutcomeEntry(outcome: "Get to choir every week", group: .qualityOfLife, timescale: "3 months",
                         howWeWillKnow: "We both see it in the diary", mayNeedFundedSupport: true),
        ]))
    }

    @Test func escapeSequencesInAnswersNeverReachTheScreen() throws {
        let result = try run(["1", "Eng\u{1B}[31mlish\u{1B}]0;pwned\u{07}", ":back"])
        #expect(!result.text.contains("\u{1B}"))
        #expect(result.text.contains("Current answer: Eng[31mlish]0;pwned"))
    }

    @Test func gaelicSpeakersSeeGaelic() throws {
        let result = try run([":status"], language: "gd")
        let catalog = PlainConversationTests.library.catalog(language: "gd")!
        #expect(result.text.contains(catalog.text(FormTextKey.sectionTitle(form: form.id, section: "about"))))
        #expect(result.text.contains(catalog.text(.questionRequired)))
        #expect(!result.text.contains("(required)"))
    }
}

/// The budget is worked out only after the good conversation: in plain mode, costing is
/// refused while any one of steps 2–9 is still open, naming it.
@Suite final class PlainCostingLockTests {
    static let steps = ["what-matters", "strengths", "natural-supports", "technology", "community", "money-and-home", "risks", "outcomes"]
    let conversation = PlainConversationTests()

    static func done(except open: String?) -> [SessionEvent] {
        steps.filter { $0 != open }.flatMap { step -> [SessionEvent] in
            step == "outcomes" ? [.answer(question: "agreed-outcomes", value: .outcomes([OutcomeEntry(outcome: "Choir", group: .change)]))]
                : [.jump(section: step), .markNothingHere(note: "Talked it through; nothing to add")]
        }
    }

    @Test(arguments: steps)
    func costingIsRefusedWhileAStepIsOpen(open: String) throws {
        let result = try conversation.run([":jump costing", ":quit"], before: Self.done(except: open))
        let title = ConversationWording(catalog: PlainConversationTests.library.catalog(language: "en-GB")!, form: conversation.form).sectionTitle(open)
        #expect(result.text.contains("“Working out the budget” is not open yet. These sections need to be answered or marked “talked about — nothing here” first: “\(title)”."))
        #expect(!result.text.contains("Which council rules"))
    }

    @Test func costingOpensOnceStepsTwoToNineAreDone() throws {
        let result = try conversation.run([":jump costing", ":quit"], before: Self.done(except: nil))
        #expect(result.text.contains("10.1 Which council rules are we using to work out the budget? (required)"))
    }
}

/// Without rules chosen, the plan cannot be written nor the costing said to be gone through.
@Suite final class PlainCostingWithoutRulesTests {
    let conversation = PlainConversationTests()

    @Test func thePlanAndTheExplanationWaitForTheRules() throws {
        let result = try conversation.run([":jump costing", ":skip", ":skip", "1", ":skip", "yes", ":quit"], before: PlainCostingLockTests.done(except: nil))
        #expect(result.text.contains("First choose which council rules to cost the support by: answer “Which council rules are we using to work out the budget?”."))
        #expect(result.text.contains("The amount could not be worked out, so it cannot have been gone through yet. Put the support plan right first."))
        #expect(result.saved.answers["budget-explained"] == nil && result.saved.answers["support-plan"] == nil)
    }
}
