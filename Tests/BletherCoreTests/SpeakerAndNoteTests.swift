import BletherCore
import Foundation
import Testing

/// Who said it follows the form's `asked_of`; a step marked *nothing here* says what was explored.
@Suite struct SpeakerAndNoteTests {
    let now = SampleForm.noon

    /// About (the person's words), then a decision asked of the worker, one question of which
    /// (the person's own view) is asked of the person; a step that needs a note when marked.
    static let form = Form(id: "asked", version: 1, sections: [
        Section(id: "about", allowsNothingHere: false, questions: [
            Question(id: "own-words", kind: .text),
            Question(id: "worker-view", kind: .text, askedOf: .worker),
            Question(id: "after", kind: .text),
        ]),
        Section(id: "strengths", nothingHereNote: .required, questions: [
            Question(id: "skills", kind: .text),
        ]),
        Section(id: "tech", questions: [
            Question(id: "tech-now", kind: .text),
        ]),
        Section(id: "decision", askedOf: .worker, questions: [
            Question(id: "reasons", kind: .text),
            Question(id: "person-view", kind: .text, askedOf: .person),
        ]),
    ])

    @Test func theSpeakerSwitchesToWhoTheQuestionIsAskedOfAndBackAfter() throws {
        var session = Session(form: Self.form)
        _ = try session.handle(.setSpeaker(.carer), at: now)
        _ = try session.handle(.answer(question: "own-words", value: .text("Her garden")), at: now)
        let arriving = try session.handle(.skip, at: now)
        #expect(session.cursor == .question("worker-view"))
        #expect(session.speaker == .worker, "the worker's own question is answered as the worker")
        #expect(arriving.contains(.saveSpeaker), "the switch is saved, so a resumed conversation has it")
        _ = try session.handle(.answer(question: "worker-view", value: .text("Managing well at home")), at: now)
        _ = try session.handle(.skip, at: now)
        #expect(session.speaker == .carer, "leaving the question gives back the speaker chosen before")
        #expect(session.answers["own-words"]?.speaker == .carer)
        #expect(session.answers["worker-view"]?.speaker == .worker, "read back as the worker's, not the person's")
    }

    @Test func aChangeWhileOnAnAskedQuestionHoldsForThatQuestionOnly() throws {
        var session = Session(form: Self.form)
        _ = try session.handle(.skip, at: now)
        #expect(session.speaker == .worker)
        _ = try session.handle(.setSpeaker(.advocate), at: now)
        _ = try session.handle(.answer(question: "worker-view", value: .text("Said by the advocate")), at: now)
        #expect(session.answers["worker-view"]?.speaker == .advocate)
        _ = try session.handle(.skip, at: now)
        #expect(session.speaker == .person, "the advocate was chosen for that question only")
        _ = try session.handle(.back, at: now)
        #expect(session.speaker == .worker, "arriving again, the form's speaker is back")
    }

    @Test func aQuestionsAskedOfWinsOverItsSections() throws {
        var session = Session(form: Self.form, marks: ["strengths": SectionMark(speaker: .worker, at: now, note: "Cooking"),
                                                   "tech": SectionMark(speaker: .worker, at: now)],
                          cursor: .question("after"))
        _ = try session.handle(.jump(section: "decision"), at: now)
        #expect(session.cursor == .question("reasons") && session.speaker == .worker)
        _ = try session.handle(.skip, at: now)
        #expect(session.cursor == .question("person-view") && session.speaker == .person)
        #expect(session.chosenSpeaker == .person)
    }

    @Test func aRestoredSessionKeepsItsSpeakerAndTheOneChosenBefore() throws {
        let restored = Session(form: Self.form, cursor: .question("worker-view"), speaker: .advocate, chosenSpeaker: .carer)
        #expect(restored.speaker == .advocate, "a change made on the question before the laptop closed still holds")
        var session = restored
        _ = try session.handle(.skip, at: now)
        #expect(session.speaker == .carer)
    }

    @Test func markingAStepThatNeedsWordsIsRefusedWithoutThem() throws {
        var session = Session(form: Self.form, cursor: .question("skills"))
        for blank in ["", "   ", "\n\t", "...", "\u{200B}", "\u{1B}\u{7}"] {
            #expect(throws: SessionRefusal.nothingHereNoteRequired(section: "strengths")) {
                try session.handle(.markNothingHere(note: blank), at: now)
            }
        }
        #expect(session.marks.isEmpty && session.cursor == .question("skills"), "a refused mark changes nothing")
        _ = try session.handle(.setSpeaker(.carer), at: now)
        let effects = try session.handle(.markNothingHere(note: "  Talked about cooking;\u{7} nothing to add  "), at: now)
        #expect(effects.contains(.saveSectionMark(section: "strengths")))
        #expect(session.marks["strengths"] == SectionMark(speaker: .carer, at: now, note: "Talked about cooking; nothing to add"))
        #expect(session.state(of: Self.form.sections[1]) == .nothingHere)
    }

    @Test func aStepThatDoesNotAskForWordsMayBeMarkedWithoutThem() throws {
        var session = Session(form: Self.form, cursor: .question("tech-now"))
        _ = try session.handle(.markNothingHere(note: ""), at: now)
        #expect(session.marks["tech"]?.note == "")
    }

    @Test func theReadBackSaysWhatWasExploredAndWhoSaidIt() throws {
        var session = Session(form: Self.form, cursor: .question("skills"))
        _ = try session.handle(.markNothingHere(note: "Cooking and gardening, done already"), at: now)
        let catalog = Catalog(language: "en-GB", name: "English", reviewed: true, entries: [
            "ui.readback.nothing-here-note": .text("What we talked about: {note}"),
            "ui.readback.by": .text("({speaker})"),
            "ui.speaker.person": .text("the person"),
        ])
        let text = ReadBackSummary(session: session, words: ConversationWording(catalog: catalog, form: Self.form), person: "Morag", stopAt: "decision").text
        #expect(text.contains("What we talked about: Cooking and gardening, done already\n    (the person)"), "\(text)")
    }
}
