import BletherCore
import Foundation
import Testing

@Suite struct SessionTests {
    let now = SampleForm.noon

    func session(answering answers: [(String, AnswerValue)] = []) throws -> Session {
        var session = Session(form: SampleForm.form)
        for (question, value) in answers {
            _ = try session.handle(.answer(question: question, value: value), at: now)
            if session.cursor == .question(question) { _ = try session.handle(.skip, at: now) }
        }
        return session
    }

    @Test func startsAtTheFirstQuestion() {
        #expect(Session(form: SampleForm.form).cursor == .question("name-used"))
    }

    @Test func everyAnswerSaysWhoGaveItAndWhen() throws {
        var session = Session(form: SampleForm.form)
        let effects = try session.handle(.answer(question: "name-used", value: .text("Morag")), at: now)
        #expect(effects == [.saveAnswer(question: "name-used")])
        #expect(session.cursor == .question("name-used"), "answering does not move the conversation on by itself")
        _ = try session.handle(.setSpeaker(.carer), at: now)
        _ = try session.handle(.answer(question: "own-words", value: .text("She loves her garden")), at: now.addingTimeInterval(60))
        #expect(session.answers["name-used"]?.speaker == .person)
        #expect(session.answers["own-words"]?.speaker == .carer)
        #expect(session.answers["own-words"]?.at == now.addingTimeInterval(60))
    }

    @Test func lockedSectionNamesWhatStillNeedsAttention() throws {
        var session = try session(answering: [("name-used", .text("Morag"))])
        #expect(throws: SessionRefusal.sectionLocked(section: "costing", needing: ["matters", "tech"])) {
            try session.handle(.jump(section: "costing"), at: now)
        }
        _ = try session.handle(.answer(question: "own-words", value: .text("Gardening")), at: now)
        #expect(session.state(of: SampleForm.form.sections[3]) == .locked(needing: ["tech"]))
        _ = try session.handle(.jump(section: "tech"), at: now)
        _ = try session.handle(.markNothingHere(note: "Talked it through; nothing to add"), at: now)
        #expect(session.state(of: SampleForm.form.sections[2]) == .nothingHere)
        #expect(session.cursor == .question("budget"))
    }

    @Test func walkingOnReachesALockedSectionAndSaysSo() throws {
        var session = try session(answering: [("name-used", .text("Morag")), ("present", .choices(["person"], other: nil)),
                                              ("own-words", .text("Gardening")), ("has-carer", .yesNo(false))])
        #expect(session.cursor == .question("tech-now"))
        _ = try session.handle(.skip, at: now)
        #expect(session.cursor == .lockedSection("costing"))
        #expect(session.currentQuestion == nil)
    }

    @Test func requiredAndBoundsAndConstraintsUseTheFormsRules() throws {
        var session = try session()
        #expect(throws: SessionRefusal.required(question: "name-used")) {
            try session.handle(.answer(question: "name-used", value: .text("  ")), at: now)
        }
        _ = try session.handle(.answer(question: "has-carer", value: .yesNo(true)), at: now)
        #expect(throws: SessionRefusal.invalidAnswer(question: "carer-hours", problem: .aboveMaximum("168"))) {
            try session.handle(.answer(question: "carer-hours", value: .number(200)), at: now)
        }
        var open = try self.session(answering: [("own-words", .text("x")), ("tech-now", .text("a phone"))])
        _ = try open.handle(.answer(question: "budget", value: .money(Money(pence: 4160_00))), at: now)
        #expect(throws: SessionRefusal.constraintFailed(question: "contribution")) {
            try open.handle(.answer(question: "contribution", value: .money(Money(pence: 5000_00))), at: now)
        }
        _ = try open.handle(.answer(question: "contribution", value: .money(Money(pence: 100_00))), at: now)
        #expect(open.answers["contribution"]?.value == .money(Money(pence: 100_00)))
    }

    @Test func anAnswerThatNoLongerMeetsItsConstraintReopensTheSection() throws {
        var session = try session(answering: [("own-words", .text("x")), ("tech-now", .text("a phone")),
                                              ("budget", .money(Money(pence: 100_00))), ("contribution", .money(Money(pence: 10_00)))])
        let costing = SampleForm.form.sections[3]
        #expect(session.state(of: costing) == .answered)
        _ = try session.handle(.answer(question: "budget", value: .money(Money(pence: 5_00))), at: now)
        #expect(session.state(of: costing) == .inProgress(missingRequired: ["contribution"]))
    }

    @Test func irrelevantQuestionsAreSkippedAndRefused() throws {
        var session = try session(answering: [("has-carer", .yesNo(false))])
        #expect(throws: SessionRefusal.notRelevant(question: "carer-hours")) {
            try session.handle(.answer(question: "carer-hours", value: .number(3)), at: now)
        }
        let matters = SampleForm.form.sections[1]
        #expect(session.relevantQuestions(in: matters).map(\.id) == ["own-words", "has-carer"])
    }

    @Test func nothingHereOnlyWhereItIsAllowedAndEmpty() throws {
        var session = try session()
        #expect(throws: SessionRefusal.nothingHereNotAllowed(section: "about")) { try session.handle(.markNothingHere(note: "Talked it through; nothing to add"), at: now) }
        _ = try session.handle(.jump(section: "matters"), at: now)
        _ = try session.handle(.answer(question: "has-carer", value: .yesNo(false)), at: now)
        _ = try session.handle(.jump(section: "matters"), at: now)
        #expect(throws: SessionRefusal.sectionHasAnswers(section: "matters")) { try session.handle(.markNothingHere(note: "Talked it through; nothing to add"), at: now) }
    }

    @Test func answeringAMarkedSectionClearsTheMark() throws {
        var session = try session()
        _ = try session.handle(.jump(section: "tech"), at: now)
        _ = try session.handle(.markNothingHere(note: "Talked it through; nothing to add"), at: now)
        let effects = try session.handle(.answer(question: "tech-now", value: .text("A tablet")), at: now)
        #expect(effects.contains(.deleteSectionMark(section: "tech")))
        #expect(session.state(of: SampleForm.form.sections[2]) == .answered)
    }

    @Test func backGoesToThePreviousShownQuestion() throws {
        var session = try session(answering: [("name-used", .text("Morag")), ("present", .choices([], other: "Neighbour"))])
        #expect(session.cursor == .question("own-words"))
        _ = try session.handle(.back, at: now)
        #expect(session.cursor == .question("present"))
        _ = try session.handle(.back, at: now)
        #expect(throws: SessionRefusal.atStart) { try session.handle(.back, at: now) }
    }

    @Test func refusalLeavesTheSessionUnchanged() throws {
        let before = try session(answering: [("name-used", .text("Morag"))])
        var after = before
        #expect(throws: SessionRefusal.self) { try after.handle(.answer(question: "present", value: .choices(["cat"], other: nil)), at: now) }
        #expect(after == before)
    }

    @Test func typedTextIsNormalisedAndControlCharactersRemoved() throws {
        let session = try session(answering: [("name-used", .text("Mo\u{1B}[2Jrag Cafe\u{301}\u{7}"))])
        #expect(session.answers["name-used"]?.value == .text("Mo[2Jrag Caf\u{E9}"))
    }

    @Test func aStaleCursorMovesToWhatNeedsAttention() {
        let restored = Session(form: SampleForm.form, cursor: .question("no-longer-in-the-form"))
        #expect(restored.cursor == .question("name-used"))
        let locked = Session(form: SampleForm.form, cursor: .question("budget"))
        #expect(locked.cursor == .question("name-used"))
    }

    @Test func progressCountsShownAnswers() throws {
        let session = try session(answering: [("name-used", .text("Morag")), ("has-carer", .yesNo(true)), ("carer-hours", .number(10))])
        #expect(session.answeredCount == 3)
        var changed = session
        _ = try changed.handle(.answer(question: "has-carer", value: .yesNo(false)), at: now)
        #expect(changed.answeredCount == 2)
        #expect(changed.answers["carer-hours"] != nil, "a hidden answer is kept, not thrown away")
    }
}
