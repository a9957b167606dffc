import BletherCore
import BletherForms
import BletherRecords
import BletherTestSupport
import Foundation
import Testing

/// What the summary says of the outcomes, the pictures' places and the money, in the copy's
/// own language: each outcome in the words it was given in, said to the person with one
/// sentence of the summary's own — never the form's questions for the worker, never a bare
/// "yes" — the place for each picture named in the copy's language, and every amount written
/// as that language writes it.
@Suite struct PersonSummaryOutcomesTests {
    let copies = RecordCopyTests()
    static let languages = PersonSummaryWordsTests.languages
    let at = Date(timeIntervalSince1970: 1_800_000_000)

    /// Text with its lines joined and the isolates around a person's words taken out, to find sentences.
    func plain(_ text: String) -> String {
        copies.flat(text.replacingOccurrences(of: "\u{2068}", with: "").replacingOccurrences(of: "\u{2069}", with: ""))
    }

    /// Every question a worker is asked about outcomes, in every language: the questions of the
    /// sections that hold the outcomes (both shipped forms), each field of an outcome, and the
    /// names of the kinds of outcome, as the form words them for the worker.
    func workerQuestions() throws -> [(language: String, text: String)] {
        let review = try #require(RecordCopyTests.library.latestForm(id: "outcomes-review"))
        var texts: [(String, String)] = []
        for language in Self.languages {
            for form in [copies.form, review] {
                let words = ConversationWording(catalog: try #require(RecordCopyTests.library.catalog(language: language)), form: form)
                for section in form.sections where section.questions.contains(where: {
                    ["agreed-outcomes", "overall", "each-outcome", "new-outcomes"].contains($0.id)
                }) {
                    texts += section.questions.map { (language, words.label($0.id)) }
                }
                texts += EntryListKind.outcomes.fields(rateCard: []).map { (language, words.catalog.text($0.label)) }
                texts += OutcomeGroup.allCases.map { (language, words.outcomeGroupName($0)) }
            }
        }
        return texts
    }

    /// The part of a summary's text under its outcomes heading, up to the next part.
    func outcomesPart(_ text: String, _ catalog: Catalog) throws -> String {
        let heading = catalog.text(.summaryOutcomes)
        let start = try #require(text.range(of: heading + "\n"), "the summary has its outcomes part")
        var rest = text[start.upperBound...]
        rest = rest.drop { $0 == "=" }.dropFirst()
        let end = rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test(arguments: PersonSummaryOutcomesTests.languages)
    func eachOutcomeIsSaidInTheSummarysOwnWordsNeverTheWorkersQuestions(language: String) throws {
        let copy = try copies.copy(language: language)
        let catalog = copies.words(language).catalog
        let summary = plain(copy.text(of: copy.personSummary))
        let easy = plain(copy.text(of: copy.easyRead))
        let html = copies.flat(copy.html(of: copy.personSummary) + copy.html(of: copy.easyRead))
        for (from, question) in try workerQuestions() where !question.isEmpty {
            let question = copies.flat(question)
            #expect(!summary.contains(question), "\(language) summary shows the \(from) worker's question “\(question)”")
            #expect(!easy.contains(question), "\(language) easy read shows the \(from) worker's question “\(question)”")
            #expect(!html.contains(question), "\(language) page shows the \(from) worker's question “\(question)”")
        }
        // The outcome as the person gave it, whose words they were, and what will help with it in a sentence of the summary's own.
        let support = copies.words(language).supportName("personal-assistant-hour")
        let help = plain(catalog.text(.summaryOutcomeFundedHelp, ["supports": support]))
        // What was agreed about it, in the person's words under the summary's own: when, and how you will both know.
        let when = plain(catalog.text(.summaryOutcomeWhen, ["when": "3 months"]))
        let know = plain(catalog.text(.summaryOutcomeKnow, ["how": "We will both see it in the diary"]))
        #expect(summary.contains("Get to the choir every week " + when + " " + know + " " + help + " " + plain(catalog.text(.copyByPerson))), "\(language): \(summary)")
        #expect(easy.contains(plain(catalog.emphasised(.easyGoalFundedHelp, ["supports": support], inserted: ["supports"]).plain)), "\(language)")
        if language == "en-GB" {
            let part = try outcomesPart(copy.text(of: copy.personSummary), catalog)
            #expect(part == """
                  The outcomes you want to reach
                    Get to the choir every week
                      When you hope to reach it: 3 months
                      How you will both know it is met: We will both see it in the diary
                      What will help: Personal assistant, which your budget may pay for.
                    You said this.
                """)
            for bare in ["yes", "no"] { #expect(!part.split(whereSeparator: \.isWhitespace).contains { $0.lowercased().hasPrefix(bare) && $0.count <= 4 }) }
        }
        // The full record after the summary keeps every field as signed.
        let full = plain(DocumentWrappedText(copy.fullRecord, width: 72, rightToLeft: catalog.rightToLeft).text)
        #expect(full.contains(plain(copies.words(language).label("agreed-outcomes"))))
        #expect(full.contains("We will both see it in the diary"))
    }

    /// Without a plan line for it, the sentence says only whether the budget may pay; an outcome
    /// that needs no funded support says so in words, and an outcome not the person's own says whose.
    @Test func anOutcomeWithNoPlanLineOrNoFundingIsSaidInASentence() throws {
        var session = try copies.fullSession()
        _ = try session.handle(.setSpeaker(.carer), at: at)
        _ = try session.handle(.answer(question: "agreed-outcomes", value: .outcomes([
            OutcomeEntry(outcome: "Sleep through the night", group: .change, mayNeedFundedSupport: true),
            OutcomeEntry(outcome: "See Ann on Sundays", group: .qualityOfLife, mayNeedFundedSupport: false),
        ])), at: at)
        let words = copies.words("en-GB")
        let summary = PersonSummary(session: session, words: words, person: "Morag Campbell")
        let text = plain(DocumentWrappedText(summary.document, width: 72).text)
        #expect(text.contains("Sleep through the night This may need support that your budget pays for."), "\(text)")
        #expect(text.contains("See Ann on Sundays This should not need support that your budget pays for. Your carer said this."), "\(text)")
        let easy = plain(DocumentWrappedText(summary.easyRead, width: 72).text)
        #expect(easy.contains("[picture: goal] Your goal: Sleep through the night [picture: money] This may need help that your budget pays for."), "\(easy)")
        #expect(easy.contains("[picture: money] This should not need help that your budget pays for. [picture: said-by] Your carer said this."), "\(easy)")
        for question in ["Is it still unmet", "Timescale", "Which kind of outcome", "Change — something"] {
            #expect(!text.contains(question) && !easy.contains(question))
        }
    }

    /// An outcomes review: how far the outcomes were met and what happened, then the new ones,
    /// in the summary's words — never "Overall, were the outcomes met?" or "Partly met" alone.
    @Test(arguments: PersonSummaryOutcomesTests.languages)
    func aReviewSaysHowTheOutcomesWentInItsOwnWords(language: String) throws {
        let review = try #require(RecordCopyTests.library.latestForm(id: "outcomes-review"))
        var session = Session(form: review)
        for (question, value) in [("present", AnswerValue.choices(["person"], other: nil)), ("record-reviewed", .text("k7m2qx9a")),
                                  ("consent-record", .yesNo(true)), ("overall", .choice("partly-met", other: nil)),
                                  ("each-outcome", .text("The choir: most weeks. The garden: not yet.")),
                                  ("new-outcomes", .outcomes([OutcomeEntry(outcome: "Walk to the shop", group: .change)]))] {
            _ = try session.handle(.answer(question: question, value: value), at: at)
        }
        let words = ConversationWording(catalog: try #require(RecordCopyTests.library.catalog(language: language)), form: review)
        let catalog = words.catalog
        let summary = PersonSummary(session: session, words: words, person: "Morag Campbell")
        let text = plain(DocumentWrappedText(summary.document, width: 72, rightToLeft: catalog.rightToLeft).text)
        let html = copies.flat(DocumentHTML(summary.document).body)
        for (from, question) in try workerQuestions() where !question.isEmpty {
            #expect(!text.contains(copies.flat(question)) && !html.contains(copies.flat(question)), "\(language) shows the \(from) “\(question)”")
        }
        #expect(text.contains(plain(catalog.text(.summaryOutcomesOverall)) + " " + plain(catalog.text(.summaryOutcomesPartlyMet))))
        #expect(text.contains(plain(catalog.text(.summaryEachOutcome)) + " The choir: most weeks. The garden: not yet."))
        #expect(text.contains(plain(catalog.text(.summaryOutcomesNew)) + " Walk to the shop " + plain(catalog.text(.summaryOutcomeNotFunded))))
    }

    /// In a copy in another language than English, the place for each picture is named in that
    /// language, in the text and on the page; the key a council fills it by stays as it is.
    @Test(arguments: PersonSummaryOutcomesTests.languages.filter { $0 != "en-GB" })
    func thePlacesForPicturesAreNamedInTheCopysLanguage(language: String) throws {
        let copy = try copies.copy(language: language)
        let catalog = copies.words(language).catalog
        let text = copy.text(of: copy.easyRead)
        let html = copy.html(of: copy.easyRead)
        #expect(!text.contains("[picture:"), "\(language)")
        #expect(text.contains(catalog.text(.pictureFrame, ["name": catalog.text(.pictureMoney)]) + " "), "\(language)")
        for symbol in PictureSymbol.allCases {
            #expect(!html.contains("aria-hidden=\"true\">\(symbol.rawValue)</span>"), "\(language) shows the key \(symbol.rawValue)")
        }
        #expect(html.contains("data-symbol=\"symbol:money\" aria-hidden=\"true\">\(catalog.text(.pictureMoney))</span>"), "\(language)")
        // Every format made from the copy: no English key, no English frame.
        for format in [CopyFormat.easyRead, .largePrint, .text] {
            let made = String(decoding: try copy.made(format).data, as: UTF8.self)
            #expect(!made.contains("[picture:") && !made.contains(">money<"), "\(language) \(format)")
        }
    }

    /// A Polish copy writes money as Polish does — 3 092,14 £ — in the summary, the easy read
    /// and the full record's own lines; the costing explanation is shown exactly as signed.
    @Test func aPolishCopyWritesMoneyThePolishWay() throws {
        let copy = try copies.copy(language: "pl")
        let summary = copy.text(of: copy.personSummary)
        try copies.expectGolden(summary, named: "summary-pl.txt", fingerprint: "(no fingerprint on the summary)")
        #expect(summary.contains("3\u{A0}092,14\u{A0}£") && summary.contains("12,00\u{A0}£"))
        #expect(!summary.contains("£3,092.14") && !summary.contains("£12.00"))
        let easy = copy.text(of: copy.easyRead)
        #expect(easy.contains("3\u{A0}092,14\u{A0}£") && !easy.contains("£3,092.14"))
        let full = copy.text(of: copy.fullRecord)
        #expect(full.contains(copies.words("pl").catalog.text(.costingChosenAmount, ["amount": "3\u{A0}092,14\u{A0}£"])))
        // The explanation signed in Polish is shown as signed, its amounts as they were worked out then.
        let signed = try #require(copy.content.costingExplanation)
        #expect(full.contains(signed.components(separatedBy: "\n").first { $0.contains("£") } ?? "—"))
    }
}
