import BletherCore
import Testing

/// Each answer kind described once: its keyword, its own keys, how typed text becomes its
/// answer, and the rules for entries of a list — what both faces rely on.
@Suite struct AnswerKindTests {
    @Test func everyKeywordBuildsAKindThatNamesItBack() {
        for keyword in KindKeyword.allCases {
            var settings = KindSettings()
            if keyword.ownKeys.contains(.choices) { settings.choices = ["a", "b"] }
            let made = keyword.makeKind(settings)
            #expect(made.problems == [], "\(keyword)")
            #expect(made.kind.keyword == keyword)
        }
        #expect(QuestionKind.keywords == ["text", "line", "choice", "choices", "number", "money", "date", "yesno", "people", "outcomes", "support-plan", "scale"])
    }

    @Test func aScaleDefaultsToOneToFiveAndRefusesBadBounds() {
        #expect(KindKeyword.scale.makeKind(KindSettings()).kind == .scale(from: 1, to: 5))
        #expect(KindKeyword.scale.makeKind(KindSettings(wholeNumbers: [.from: 0, .to: 10])).kind == .scale(from: 0, to: 10))
        let backwards = KindKeyword.scale.makeKind(KindSettings(wholeNumbers: [.from: 4, .to: 2]))
        #expect(backwards.kind == .scale(from: 1, to: 5))
        #expect(backwards.problems.map(\.key) == [.to])
        #expect(KindKeyword.scale.makeKind(KindSettings(wholeNumbers: [.from: -1])).problems.map(\.key) == [.from])
        #expect(KindKeyword.scale.makeKind(KindSettings(wholeNumbers: [.to: 11])).problems.map(\.key) == [.to])
    }

    @Test func typedTextBecomesTheKindsAnswer() throws {
        let catalog = Catalog(language: "en-GB", name: "English", reviewed: true, entries: [:])
        #expect(try QuestionKind.scale(from: 1, to: 5).answer(typed: " 4 ", catalog: catalog) == .number(4))
        #expect(throws: AnswerInputProblem.notOnScale("9", from: 1, to: 5)) { try QuestionKind.scale(from: 1, to: 5).answer(typed: "9", catalog: catalog) }
        #expect(throws: AnswerInputProblem.notOnScale("4.5", from: 1, to: 5)) { try QuestionKind.scale(from: 1, to: 5).answer(typed: "4.5", catalog: catalog) }
        #expect(try QuestionKind.wholeNumber(minimum: nil, maximum: nil).answer(typed: "1,200", catalog: catalog) == .number(1200))
        #expect(try QuestionKind.yesNo.answer(typed: "Y", catalog: catalog) == .yesNo(true))
        let choices = QuestionKind.multipleChoice(choices: ["a", "b"], allowsOther: true)
        #expect(try choices.answer(typed: "2, 3", catalog: catalog) == .choices(["b"], other: ""))
        #expect(try QuestionKind.singleChoice(choices: ["a", "b"], allowsOther: false).answer(typed: "1", catalog: catalog) == .choice("a", other: nil))
        // What is typed reads back the way it was typed.
        #expect(QuestionKind.money(minimum: nil, maximum: nil).typedText(of: .money(Money(pence: 1250))) == "12.50")
    }

    @Test func aScaleFitsOnlyItsOwnPoints() {
        let scale = QuestionKind.scale(from: 1, to: 5)
        #expect(scale.fits(.number(1)) && scale.fits(.number(5)))
        #expect(!scale.fits(.number(0)) && !scale.fits(.number(6)) && !scale.fits(.text("4")))
        #expect(scale.editingStyle == .numberRow(1...5))
    }

    @Test func conditionsCompareAScaleAsANumber() throws {
        let form = Form(id: "scale", version: 1, sections: [
            Section(id: "progress", questions: [
                Question(id: "how-well", kind: .scale(from: 1, to: 5), constraint: try Condition(parsing: ". != 3")),
                Question(id: "what-would-help", kind: .text, relevant: try Condition(parsing: "how-well <= 2")),
            ]),
        ])
        var session = Session(form: form)
        _ = try session.handle(.answer(question: "how-well", value: .number(2)), at: SampleForm.noon)
        #expect(session.relevantQuestions(in: form.sections[0]).map(\.id) == ["how-well", "what-would-help"])
        _ = try session.handle(.answer(question: "how-well", value: .number(5)), at: SampleForm.noon)
        #expect(session.relevantQuestions(in: form.sections[0]).map(\.id) == ["how-well"])
        #expect(throws: SessionRefusal.constraintFailed(question: "how-well")) {
            _ = try session.handle(.answer(question: "how-well", value: .number(3)), at: SampleForm.noon)
        }
    }

    @Test func anEntryNeedsItsRequiredFieldsInTheOrderTheyAreAsked() throws {
        #expect(throws: AnswerInputProblem.emptyName) { try ListEntry(.people, values: [.relationship: "daughter"]) }
        #expect(try ListEntry(.people, values: [.name: " Ann ", .relationship: "daughter"]) == .person(PersonEntry(name: "Ann", relationship: "daughter")))
        #expect(throws: AnswerInputProblem.choiceNotNumber) { try ListEntry(.outcomes, values: [.outcome: "Choir", .mayNeedFundedSupport: "yes"]) }
        #expect(throws: AnswerInputProblem.yesOrNo) { try ListEntry(.outcomes, values: [.outcome: "Choir", .group: "change"]) }
        let rateCard = ["personal-assistant-hour"]
        #expect(throws: AnswerInputProblem.chooseOne) { try ListEntry(.supportPlan, rateCard: rateCard, values: [.quantity: "2", .frequency: "per-week"]) }
        #expect(throws: AnswerInputProblem.quantity("0")) {
            try ListEntry(.supportPlan, rateCard: rateCard, values: [.support: "personal-assistant-hour", .quantity: "0", .frequency: "per-week"])
        }
        let line = try ListEntry(.supportPlan, rateCard: rateCard, values: [.support: "personal-assistant-hour", .quantity: "2", .frequency: "once",
                                                                           .underOption4: EntryField.noOption])
        #expect(line == .planLine(SupportPlan.Line(support: "personal-assistant-hour", quantity: 2, frequency: .once)))
        // An entry's values make the same entry again: how both faces change one.
        #expect(try ListEntry(.supportPlan, rateCard: rateCard, values: line.values) == line)
    }

    @Test func aListAddsChangesAndRemovesEntries() throws {
        var list = EntryList(.people, value: .people([PersonEntry(name: "Ann")]))
        list.put(try ListEntry(.people, values: [.name: "Iain"]), at: nil)
        list.put(try ListEntry(.people, values: [.name: "Ann", .relationship: "daughter"]), at: 0)
        #expect(list.value == .people([PersonEntry(name: "Ann", relationship: "daughter"), PersonEntry(name: "Iain")]))
        list.remove(at: 5)
        list.remove(at: 0)
        #expect(list.value == .people([PersonEntry(name: "Iain")]))
        #expect(EntryList(.outcomes, value: .people([PersonEntry(name: "Ann")])).count == 0)
    }
}
