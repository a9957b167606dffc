import BletherCore
import Foundation
import Testing

/// Plain mode: the speaker follows the form's `asked_of`, and `:nothing` asks what was explored.
extension PlainConversationTests {
    @Test func theWorkersQuestionsAreAnsweredAsTheWorkerAndTheConsentMayBeDeclined() throws {
        let result = try run(["1", "English", "", "yes", "3", "no", "Short notes by the worker only, read back at the end", ".", "1,4", "yes", ":quit"])
        #expect(result.text.contains("Now speaking: the worker (summary) — the form asks this of them. Type :who to change it for this question."))
        #expect(result.text.contains("1.4 Has independent advice or advocacy been offered? (required)"))
        #expect(result.text.contains("[the worker (summary)] >"), "the prompt names the speaker the form switched to")
        #expect(result.text.contains("Now speaking: the person. Answers from here on are recorded as theirs."))
        #expect(result.text.contains("What was agreed instead?"))
        #expect(!result.text.contains("Blether can only keep a record"), "no is an answer, not a refusal")
        let saved = result.saved
        #expect(saved.answers["advocacy-offered"]?.speaker == .worker)
        #expect(saved.answers["advocacy-wanted"]?.speaker == .person)
        #expect(saved.answers["consent-record"]?.value == .yesNo(false))
        #expect(saved.answers["consent-instead"]?.speaker == .worker)
        #expect(saved.answers["consent-told"]?.value == .choices(["person", "team-leader"], other: nil))
        #expect(saved.answers["consent-share"]?.speaker == .person)
    }

    @Test func nothingHereAsksWhatWasExploredAndRefusesNoWords() throws {
        let result = try run([":jump strengths", ":who carer", ":nothing", "", ":nothing", "...", ":nothing", ":status",
                              ":nothing", "Cooking and the garden, which she does already", ":quit"])
        #expect(result.text.contains("What was talked about for “Strengths and assets”? A few words are needed:"))
        #expect(result.text.contains("Say in a few words what was talked about for “Strengths and assets” before marking it talked about — nothing here."))
        #expect(result.text.contains("3. Strengths and assets — not started (you are here)"), "a command where the words go is carried out, not taken as words")
        #expect(result.text.contains("“Strengths and assets” is marked as talked about — nothing here."))
        #expect(result.saved.marks["strengths"]?.note == "Cooking and the garden, which she does already")
        #expect(result.saved.marks["strengths"]?.speaker == .carer)
    }

    @Test func aSpeakerChosenOnTheWorkersQuestionHoldsForItAlone() throws {
        let result = try run(["1", "English", "", ":who advocate", "yes", "3", ":quit"])
        #expect(result.text.contains("Now speaking: an advocate, for this question only."))
        #expect(result.text.contains("[an advocate] >"))
        #expect(result.saved.answers["advocacy-offered"]?.speaker == .advocate)
        #expect(result.saved.answers["advocacy-wanted"]?.speaker == .person, "the person, chosen before, speaks again after it")
    }
}
