import BletherCore
import Foundation
import BletherForms
import Testing

/// `asked_of` and `nothing_here_note` in a form file: read, and every wrong value reported where it is.
@Suite struct AskedOfCheckTests {
    let adult = "forms/adult-good-conversation.yaml"

    func descriptions(_ fixture: FormFixture) -> [String] {
        fixture.check().problems.map { $0.description.replacingOccurrences(of: fixture.root.standardizedFileURL.path + "/", with: "") }
    }

    @Test func anUnknownSpeakerNamesTheLineAndTheChoices() throws {
        let fixture = try FormFixture()
        try fixture.edit(adult, replacing: "      - id: reviewer\n        kind: line\n        asked_of: worker\n",
                         with: "      - id: reviewer\n        kind: line\n        asked_of: workr\n")
        try fixture.edit(adult, replacing: "  - id: signing\n    nothing_here: false\n    asked_of: worker\n",
                         with: "  - id: signing\n    nothing_here: false\n    asked_of: [worker]\n")
        let problems = descriptions(fixture)
        let questionLine = try fixture.line(of: "asked_of: workr", in: adult)
        let sectionLine = try fixture.line(of: "asked_of: [worker]", in: adult)
        #expect(problems.contains("\(adult):\(questionLine): asked_of must be one of person, carer, advocate, worker, not 'workr' — did you mean 'worker'?"), "\(problems)")
        #expect(problems.contains { $0.hasPrefix("\(adult):\(sectionLine): asked_of must be one of person, carer, advocate, worker, not ") }, "\(problems)")
    }

    @Test func aNoteRuleMustBeKnownAndMakeSense() throws {
        let fixture = try FormFixture()
        try fixture.edit(adult, replacing: "  - id: strengths\n    nothing_here_note: required\n", with: "  - id: strengths\n    nothing_here_note: always\n")
        try fixture.edit(adult, replacing: "  - id: about\n    nothing_here: false\n", with: "  - id: about\n    nothing_here: false\n    nothing_here_note: required\n")
        let problems = descriptions(fixture)
        let unknownLine = try fixture.line(of: "nothing_here_note: always", in: adult)
        #expect(problems.contains { $0.hasPrefix("\(adult):\(unknownLine): nothing_here_note must be one of optional, required, not 'always'") }, "\(problems)")
        #expect(problems.contains { $0.contains("nothing_here_note: required on a section with nothing_here: false") }, "\(problems)")
    }

    @Test func theShippedFormsSayWhoAnswersAndWhichStepsNeedWords() throws {
        let fixture = try FormFixture()
        let library = fixture.check()
        #expect(library.problems.isEmpty, "\(library.problems)")
        let form = try #require(library.latestForm(id: "adult-good-conversation"))
        for question in ["reasons", "decision", "reviewer", "worker-name", "countersign", "direct-payment-reason", "consent-told"] {
            #expect(form.speaker(askedFor: question) == .worker, "\(question)")
        }
        for question in ["own-words", "chosen-option", "agreement", "consent-record"] {
            #expect(form.speaker(askedFor: question) == nil, "\(question) is the person's, or whoever is speaking")
        }
        let steps = ["what-matters", "strengths", "natural-supports", "technology", "community", "money-and-home", "risks", "outcomes"]
        #expect(form.sections.filter { $0.nothingHereNote == .required }.map(\.id) == steps)
        let review = try #require(library.latestForm(id: "outcomes-review"))
        #expect(review.speaker(askedFor: "record-reviewed") == .worker && review.speaker(askedFor: "consent-told") == .worker)
        #expect(review.question(id: "consent-record")?.constraint == nil, "the review, too, takes no for an answer")
    }

    @Test func thePersonMayDeclineToHaveTheConversationWrittenDown() throws {
        let form = try #require(FormFixture().check().latestForm(id: "adult-good-conversation"))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var session = Session(form: form)
        for (question, value) in [("present", AnswerValue.choices(["person"], other: nil)), ("language", .text("English")), ("communication", .text("Plain words")),
                                  ("advocacy-offered", .yesNo(false)), ("consent-record", .yesNo(false)), ("consent-share", .yesNo(false))] {
            _ = try session.handle(.answer(question: question, value: value), at: now)
        }
        #expect(session.answers["consent-record"]?.value == .yesNo(false), "no is an answer, not a refusal")
        let about = try #require(form.section(id: "about"))
        #expect(session.state(of: about) == .inProgress(missingRequired: ["consent-instead", "consent-told"]))
        _ = try session.handle(.jump(section: "about"), at: now)
        #expect(session.cursor == .question("consent-instead") && session.speaker == .worker)
        _ = try session.handle(.answer(question: "consent-instead", value: .text("Short notes by the worker only, read back at the end")), at: now)
        _ = try session.handle(.skip, at: now)
        _ = try session.handle(.answer(question: "consent-told", value: .choices(["person", "team-leader"], other: nil)), at: now)
        #expect(session.state(of: about) == .answered)
        #expect(session.answers["consent-told"]?.speaker == .worker)
        _ = try session.handle(.skip, at: now)
        #expect(session.speaker == .person, "the person's own question after is theirs again")
    }
}
