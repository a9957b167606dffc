import BletherCore
import Foundation
import Testing

/// The rules that keep the person's agreement honest, as the engine holds them for every face.
@Suite struct AgreementRuleTests {
    let now = SampleForm.noon

    static let form = Form(id: "agreeing", version: 1, sections: [
        Section(id: "matters", questions: [
            Question(id: "own-words", kind: .text, required: true),
            Question(id: "has-carer", kind: .yesNo),
        ]),
        Section(id: "agreement", allowsNothingHere: false, questions: [
            Question(id: "read-back", kind: .yesNo, required: true, constraint: SampleForm.condition(". = yes")),
            Question(id: "agreement", kind: .singleChoice(choices: ["agrees", "does-not-agree", "cannot-indicate"], allowsOther: false),
                     required: true, witnessedWhen: ["cannot-indicate"]),
            Question(id: "witness", kind: .line),
        ]),
        Section(id: "signing", gate: ["agreement"], allowsNothingHere: false, questions: [
            Question(id: "worker-name", kind: .line, required: true),
        ]),
    ])

    /// The summary as a face would show it: one page of `lines`, all shown, or only the first page.
    func note(_ text: String = "summary v1", complete: Bool = true, seconds: TimeInterval = 42) -> ShownTextNote {
        var viewing = ShownTextViewing(openedAt: now)
        viewing.show(lines: 0..<20, of: complete ? 20 : 60)
        return viewing.note(language: "en-GB", sha256: "hash of \(text)", closedAt: now.addingTimeInterval(seconds))
    }

    func agreed() throws -> Session {
        var session = Session(form: Self.form)
        _ = try session.handle(.answer(question: "own-words", value: .text("Gardening")), at: now)
        _ = try session.handle(.shown(.summary, note()), at: now)
        _ = try session.handle(.answer(question: "read-back", value: .yesNo(true)), at: now)
        let effects = try session.handle(.answer(question: "agreement", value: .choice("agrees", other: nil)), at: now)
        #expect(effects.contains(.saveAgreedReadBack))
        return session
    }

    @Test func aViewingCountsOnlyWhenEveryLineWasOnScreen() {
        var viewing = ShownTextViewing(openedAt: now)
        viewing.show(lines: 0..<25, of: 60)
        viewing.show(lines: 35..<60, of: 60)
        #expect(!viewing.isComplete, "lines 25–34 were skipped")
        viewing.show(lines: 20..<45, of: 60)
        #expect(viewing.isComplete)
        viewing.show(lines: 0..<25, of: 80)
        #expect(!viewing.isComplete, "a new layout (the window resized) is gone through afresh")
        let note = viewing.note(language: "gd", sha256: "h", closedAt: now.addingTimeInterval(61.9))
        #expect(note.seconds == 61 && note.firstShownAt == now && !note.complete)
    }

    @Test func readBackYesNeedsEveryPageShown() throws {
        var session = Session(form: Self.form)
        _ = try session.handle(.answer(question: "own-words", value: .text("Gardening")), at: now)
        #expect(throws: SessionRefusal.notGoneThrough(.summary)) {
            try session.handle(.answer(question: "read-back", value: .yesNo(true)), at: now)
        }
        // Opened for a moment and closed at once: the first page only.
        _ = try session.handle(.shown(.summary, note(complete: false, seconds: 0.3)), at: now)
        #expect(throws: SessionRefusal.notGoneThrough(.summary)) {
            try session.handle(.answer(question: "read-back", value: .yesNo(true)), at: now)
        }
        #expect(throws: SessionRefusal.notGoneThrough(.summary), "nor can the agreement be given") {
            try session.handle(.answer(question: "agreement", value: .choice("agrees", other: nil)), at: now)
        }
        _ = try session.handle(.shown(.summary, note(seconds: 90)), at: now)
        _ = try session.handle(.answer(question: "read-back", value: .yesNo(true)), at: now)
        let kept = try #require(session.shownTexts.notes[.summary])
        #expect(kept.complete && kept.seconds == 90, "the showings of one text add up: \(kept)")
    }

    @Test func theAgreementKeepsTheReadBackItWasGivenTo() throws {
        let session = try agreed()
        #expect(session.shownTexts.agreedTo == note())
        #expect(session.shownTexts.agreedTo?.sha256 == "hash of summary v1")
    }

    @Test func aChangedAnswerClearsTheAgreementAndSaysSo() throws {
        var session = try agreed()
        let effects = try session.handle(.answer(question: "own-words", value: .text("Gardening and the choir")), at: now)
        #expect(effects.contains(.agreementCleared))
        #expect(effects.contains(.deleteAnswer(question: "agreement")) && effects.contains(.deleteAnswer(question: "read-back")))
        #expect(effects.contains(.withdrawShown(.summary)) && effects.contains(.withdrawAgreement))
        #expect(session.answers["agreement"] == nil && session.answers["read-back"] == nil)
        #expect(session.shownTexts.agreedTo == nil && session.shownTexts.notes[.summary] == nil)
        // Enter on the old "agrees" cannot keep it: the person is asked again, after a new read-back.
        #expect(throws: SessionRefusal.notGoneThrough(.summary)) {
            try session.handle(.answer(question: "agreement", value: .choice("agrees", other: nil)), at: now)
        }
        #expect(session.state(of: Self.form.sections[1]) == .notStarted, "the agreement section is to be gone through again")
        _ = try session.handle(.shown(.summary, note("summary v2")), at: now)
        _ = try session.handle(.answer(question: "read-back", value: .yesNo(true)), at: now)
        _ = try session.handle(.answer(question: "agreement", value: .choice("agrees", other: nil)), at: now)
        #expect(session.shownTexts.agreedTo?.sha256 == "hash of summary v2")
    }

    @Test func aClearedAnswerOrAMarkClearsItToo() throws {
        var session = try agreed()
        _ = try session.handle(.clear(question: "has-carer"), at: now)
        #expect(session.answers["agreement"] != nil, "clearing an answer that was never given changes nothing")
        _ = try session.handle(.answer(question: "has-carer", value: .yesNo(true)), at: now)
        #expect(session.answers["agreement"] == nil, "a new answer is a change")
        var marked = Session(form: Form(id: "m", version: 1, sections: [
            Section(id: "matters", questions: [Question(id: "own-words", kind: .text)]),
            Section(id: "agreement", allowsNothingHere: false, questions: Self.form.sections[1].questions),
        ]))
        _ = try marked.handle(.shown(.summary, note()), at: now)
        _ = try marked.handle(.answer(question: "read-back", value: .yesNo(true)), at: now)
        _ = try marked.handle(.answer(question: "agreement", value: .choice("agrees", other: nil)), at: now)
        _ = try marked.handle(.jump(section: "matters"), at: now)
        let effects = try marked.handle(.markNothingHere(note: "Nothing more to say"), at: now)
        #expect(effects.contains(.agreementCleared) && marked.answers["agreement"] == nil)
    }

    @Test func theSameAnswerAgainOrAnAnswerAfterTheAgreementKeepsIt() throws {
        var session = try agreed()
        let same = try session.handle(.answer(question: "own-words", value: .text("Gardening")), at: now.addingTimeInterval(5))
        #expect(!same.contains(.agreementCleared) && session.answers["agreement"] != nil)
        _ = try session.handle(.answer(question: "witness", value: .text("Jo Murray")), at: now)
        _ = try session.handle(.answer(question: "worker-name", value: .text("Ailsa Grant")), at: now)
        #expect(session.answers["agreement"] != nil && session.shownTexts.agreedTo != nil)
        _ = try session.handle(.answer(question: "agreement", value: .choice("does-not-agree", other: nil)), at: now)
        #expect(session.shownTexts.agreedTo?.sha256 == "hash of summary v1", "a changed agreement is given to the same read-back")
    }

    @Test func cannotIndicateNeedsANamedWitness() throws {
        var session = try agreed()
        let witness = try #require(Self.form.question(id: "witness"))
        #expect(!session.isRequired(witness))
        _ = try session.handle(.answer(question: "agreement", value: .choice("cannot-indicate", other: nil)), at: now)
        #expect(session.isRequired(witness))
        #expect(session.state(of: Self.form.sections[1]) == .inProgress(missingRequired: ["witness"]))
        #expect(throws: SessionRefusal.required(question: "witness")) {
            try session.handle(.answer(question: "witness", value: .text("  ")), at: now)
        }
        _ = try session.handle(.answer(question: "witness", value: .text("Jo Murray")), at: now)
        #expect(session.state(of: Self.form.sections[1]) == .answered)
        #expect(Self.form.agreement?.needsWitness(session.answers["agreement"]?.value) == true)
    }
}
